#pragma once
// A dataset whose pixels live in memory as one contiguous N×H×W×C uint8 buffer per
// split. The packed readers (IDX, CIFAR) fill one of these.
#include <array>

#include "data/dataset.h"

namespace ps {

struct InMemorySplit {
  std::vector<uint8_t> pixels;  // N×H×W×C
  std::vector<int> labels;
  std::string file;                    // the file the images came from (for source())
  std::vector<std::string> files;      // when a split spans several files (CIFAR batches)
  std::vector<size_t> fileFirstIndex;  // first example index of each entry in files
};

class InMemoryDataset : public Dataset {
 public:
  InMemoryDataset(std::string format, std::string spec, ImageShape shape, std::vector<std::string> classNames,
                  InMemorySplit train, InMemorySplit test);

  std::string format() const override { return format_; }
  std::string spec() const override { return spec_; }
  size_t size(Split split) const override { return part(split).labels.size(); }
  int label(Split split, size_t i) const override;
  cv::Mat image(Split split, size_t i) const override;
  std::string source(Split split, size_t i) const override;
  const std::vector<std::string>& classNames() const override { return classNames_; }
  ImageShape shape() const override { return shape_; }
  void readImages(Split split, const std::vector<int64_t>& indices, uint8_t* out) const override;

  // Direct access to the packed pixels (N×H×W×C), for fast batch loading.
  const std::vector<uint8_t>& pixels(Split split) const { return part(split).pixels; }

 protected:
  std::string computeFingerprint() const override;

 private:
  const InMemorySplit& part(Split s) const { return splits_[static_cast<int>(s)]; }
  void checkIndex(Split split, size_t i) const;

  std::string format_, spec_;
  ImageShape shape_;
  std::vector<std::string> classNames_;
  std::array<InMemorySplit, 2> splits_;
};

}  // namespace ps
