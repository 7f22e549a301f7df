#pragma once
// The Dataset interface every reader implements.
//
// Images are returned as cv::Mat of type CV_8UC1 (grey) or CV_8UC3 (RGB order, not
// OpenCV's usual BGR), laid out HWC, always of the dataset's shape(). Indices are per
// split: train examples are 0..size(Train)-1, test examples 0..size(Test)-1.
// Errors are reported by throwing ps::DatasetError with the file and the problem.
// A Dataset is safe to read from several threads at once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "data/attributes.h"

namespace ps {

enum class Split { Train = 0, Test = 1 };
const char* splitName(Split s);

struct ImageShape {
  int height = 0;
  int width = 0;
  int channels = 0;
  size_t bytes() const { return static_cast<size_t>(height) * width * channels; }
  std::string str() const;  // "28x28x1"
  bool operator==(const ImageShape& o) const {
    return height == o.height && width == o.width && channels == o.channels;
  }
};

// A file a reader left out, with the reason.
struct SkippedFile {
  std::string path;
  std::string reason;
};

class Dataset {
 public:
  virtual ~Dataset() = default;

  // "idx", "cifar10", "cifar100", "folder" or "csv".
  virtual std::string format() const = 0;
  // The string the dataset was opened from (path or built-in name), plus options.
  virtual std::string spec() const = 0;
  virtual size_t size(Split split) const = 0;
  virtual int label(Split split, size_t i) const = 0;
  virtual cv::Mat image(Split split, size_t i) const = 0;
  // Where example i comes from: a file path, or "<file>#<record>" for packed formats.
  virtual std::string source(Split split, size_t i) const = 0;
  virtual const std::vector<std::string>& classNames() const = 0;
  virtual ImageShape shape() const = 0;
  // Files left out when the dataset was opened (empty for packed formats).
  virtual const std::vector<SkippedFile>& skipped() const;
  // The examples' categorical attributes (see data/attributes.h); none by default.
  // Each attribute's codes[split] holds one code per example of that split.
  virtual const std::vector<Attribute>& attributes() const;

  // Copies the images at `indices` into `out` as N×H×W×C bytes (shape() per image).
  // Readers holding their pixels in memory override this with a straight copy.
  virtual void readImages(Split split, const std::vector<int64_t>& indices, uint8_t* out) const;

  // Content fingerprint: 16 hex digits of XXH3-64 over labels and image bytes (or file
  // contents for file-based readers) of both splits. Computed on first call, then cached.
  std::string fingerprint() const;

  size_t numClasses() const { return classNames().size(); }
  std::vector<size_t> classCounts(Split split) const;
  std::vector<int> labels(Split split) const;
  std::vector<int> labelsOf(Split split, const std::vector<int64_t>& indices) const;  // one per index

 protected:
  virtual std::string computeFingerprint() const = 0;

 private:
  mutable std::string fingerprint_;
};

}  // namespace ps
