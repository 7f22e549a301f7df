#pragma once
// Writers for small datasets in every supported format, filled with real Fashion-MNIST
// images, so reader tests run on real pixels without large fixtures.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "data/dataset.h"
#include "prune/prune_policy.h"
#include "score/score_config.h"

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

// The first `n` Fashion-MNIST training examples and `testN` test ones as an IDX dataset
// written to `dir` (with classes.txt), opened; `relabel` gives some examples another label.
std::unique_ptr<ps::Dataset> fashionSubset(const std::string& dir, size_t n, size_t testN = 100,
                                           const std::map<size_t, int>& relabel = {});

// A scoring run of `scores` for tests: `epochs` epochs, on the CPU with 2 threads.
ps::ScoreConfig quickScoreConfig(std::vector<std::string> scores, int epochs = 3);

// A pruning of `p` keeping fraction `keep` (optionally class-balanced, with the hardest
// `beta` cut first, and a random seed).
ps::PruneSpec pruneSpec(ps::PrunePolicy p, double keep, bool balanced = false, double beta = 0, uint64_t seed = 0);

// Writes dir/<split>/<class>/<i>.png for each sample (split "" = no split level).
void writeImageFolder(const std::string& dir, const std::string& split, const std::vector<Sample>& s,
                      const std::vector<std::string>& classNames, const std::string& ext = ".png");

}  // namespace pstest
