#include "data/in_memory_dataset.h"

#include <algorithm>
#include <cstring>

#include "data/fingerprint.h"
#include "util/errors.h"

namespace ps {

InMemoryDataset::InMemoryDataset(std::string format, std::string spec, ImageShape shape,
                                 std::vector<std::string> classNames, InMemorySplit train, InMemorySplit test)
    : format_(std::move(format)),
      spec_(std::move(spec)),
      shape_(shape),
      classNames_(std::move(classNames)),
      splits_{std::move(train), std::move(test)} {}

void InMemoryDataset::checkIndex(Split split, size_t i) const {
  if (i >= size(split))
    throw ConfigError("example index " + std::to_string(i) + " is out of range: the " + splitName(split) +
                      " split has " + std::to_string(size(split)) + " examples");
}

int InMemoryDataset::label(Split split, size_t i) const {
  checkIndex(split, i);
  return part(split).labels[i];
}

cv::Mat InMemoryDataset::image(Split split, size_t i) const {
  checkIndex(split, i);
  cv::Mat m(shape_.height, shape_.width, CV_8UC(shape_.channels));
  std::memcpy(m.data, part(split).pixels.data() + i * shape_.bytes(), shape_.bytes());
  return m;
}

std::string InMemoryDataset::source(Split split, size_t i) const {
  checkIndex(split, i);
  const InMemorySplit& p = part(split);
  if (p.files.empty()) return p.file + "#" + std::to_string(i);
  const auto it = std::upper_bound(p.fileFirstIndex.begin(), p.fileFirstIndex.end(), i);
  const size_t f = static_cast<size_t>(it - p.fileFirstIndex.begin()) - 1;
  return p.files[f] + "#" + std::to_string(i - p.fileFirstIndex[f]);
}

void InMemoryDataset::readImages(Split split, const std::vector<int64_t>& indices, uint8_t* out) const {
  const size_t bytes = shape_.bytes();
  const uint8_t* src = part(split).pixels.data();
  const size_t n = size(split);
  for (size_t k = 0; k < indices.size(); ++k) {
    if (indices[k] < 0 || static_cast<size_t>(indices[k]) >= n) checkIndex(split, static_cast<size_t>(indices[k]));
    std::memcpy(out + k * bytes, src + static_cast<size_t>(indices[k]) * bytes, bytes);
  }
}

std::string InMemoryDataset::computeFingerprint() const {
  Hasher h;
  h.update(shape_.str());
  for (const InMemorySplit& p : splits_) {
    h.update(static_cast<uint64_t>(p.labels.size()));
    h.update(p.labels.data(), p.labels.size() * sizeof(int));
    h.update(p.pixels.data(), p.pixels.size());
  }
  return h.hex();
}

}  // namespace ps
