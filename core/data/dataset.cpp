#include "data/dataset.h"

#include <cstring>
#include <mutex>

namespace ps {

const char* splitName(Split s) { return s == Split::Train ? "train" : "test"; }

std::string ImageShape::str() const {
  return std::to_string(height) + "x" + std::to_string(width) + "x" + std::to_string(channels);
}

const std::vector<SkippedFile>& Dataset::skipped() const {
  static const std::vector<SkippedFile> none;
  return none;
}

const std::vector<Attribute>& Dataset::attributes() const {
  static const std::vector<Attribute> none;
  return none;
}

void Dataset::readImages(Split split, const std::vector<int64_t>& indices, uint8_t* out) const {
  const size_t bytes = shape().bytes();
  for (size_t k = 0; k < indices.size(); ++k) {
    cv::Mat m = image(split, static_cast<size_t>(indices[k]));
    if (m.isContinuous()) {
      std::memcpy(out + k * bytes, m.data, bytes);
    } else {
      const size_t row = static_cast<size_t>(m.cols) * m.channels();
      for (int r = 0; r < m.rows; ++r) std::memcpy(out + k * bytes + r * row, m.ptr(r), row);
    }
  }
}

std::string Dataset::fingerprint() const {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  if (fingerprint_.empty()) fingerprint_ = computeFingerprint();
  return fingerprint_;
}

std::vector<size_t> Dataset::classCounts(Split split) const {
  std::vector<size_t> counts(numClasses(), 0);
  const size_t n = size(split);
  for (size_t i = 0; i < n; ++i) ++counts[static_cast<size_t>(label(split, i))];
  return counts;
}

std::vector<int> Dataset::labels(Split split) const {
  std::vector<int> out(size(split));
  for (size_t i = 0; i < out.size(); ++i) out[i] = label(split, i);
  return out;
}

std::vector<int> Dataset::labelsOf(Split split, const std::vector<int64_t>& indices) const {
  std::vector<int> out;
  out.reserve(indices.size());
  for (int64_t i : indices) out.push_back(label(split, static_cast<size_t>(i)));
  return out;
}

}  // namespace ps
