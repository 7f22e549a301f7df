#pragma once
// Writers for small datasets in every supported format, filled with real Fashion-MNIST
// images, so reader tests run on real pixels without large fixtures.
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace pstest {

struct Sample {
  cv::Mat image;  // CV_8UC1 or CV_8UC3 (RGB)
  int label;
};

// The first `n` examples of a split of the built-in Fashion-MNIST (grey 28×28).
std::vector<Sample> fashionSamples(size_t n, bool test = false);
// The same images as 32×32 RGB (padded, grey copied to 3 channels, tinted per label).
std::vector<Sample> colourSamples(size_t n, bool test = false);

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes);
void writeText(const std::string& path, const std::string& text);
std::vector<uint8_t> gzip(const std::vector<uint8_t>& raw);

std::vector<uint8_t> idxImages(const std::vector<Sample>& s);
std::vector<uint8_t> idxLabels(const std::vector<Sample>& s);
// Writes train-/t10k- images and labels; gzipped when `gz`.
void writeIdxDataset(const std::string& dir, const std::vector<Sample>& train, const std::vector<Sample>& test,
                     bool gz);

std::vector<uint8_t> cifarRecords(const std::vector<Sample>& s, bool cifar100);

// Writes dir/<split>/<class>/<i>.png for each sample (split "" = no split level).
void writeImageFolder(const std::string& dir, const std::string& split, const std::vector<Sample>& s,
                      const std::vector<std::string>& classNames, const std::string& ext = ".png");

}  // namespace pstest
