#pragma once
// A dataset of image files (image folder or CSV manifest). Files are checked when the
// dataset is opened (signature and end-of-file marker, so non-images and truncated files
// are skipped and reported) but decoded lazily, through a cache bounded in bytes, so a
// folder far larger than memory can be opened.
#include <list>
#include <mutex>
#include <unordered_map>

#include "data/dataset.h"
#include "data/readers.h"

namespace ps {

struct ImageFileEntry {
  std::string path;
  int label = 0;
  int split = -1;                                    // 0 train, 1 test, -1 not yet assigned (seeded split)
  uint32_t attributeRow = AttributeColumns::kNoRow;  // its row of the reader's AttributeColumns
};

class ImageFileDataset : public Dataset {
 public:
  // Checks the files of `entries`, drops and records unreadable ones, assigns a seeded
  // split to entries without one, and fixes the image shape. `skipped` may already hold
  // files the caller left out. Throws DatasetError for an empty dataset or empty class.
  // `attributes` holds the entries' attribute rows (none by default).
  ImageFileDataset(std::string format, std::string spec, std::string root, std::vector<std::string> classNames,
                   std::vector<ImageFileEntry> entries, std::vector<SkippedFile> skipped, const OpenOptions& options,
                   AttributeColumns attributes = {});

  std::string format() const override { return format_; }
  std::string spec() const override { return spec_; }
  size_t size(Split split) const override { return files_[static_cast<int>(split)].size(); }
  int label(Split split, size_t i) const override;
  cv::Mat image(Split split, size_t i) const override;
  // The image as image() gives it, but no larger than fits a side x side square, for
  // thumbnails: a JPEG at least twice the size needed is decoded at 1/2, 1/4 or 1/8 of its
  // size (OpenCV's IMREAD_REDUCED_*, DCT scaling), then resized as image() resizes; not cached.
  cv::Mat preview(Split split, size_t i, int side) const;
  std::string source(Split split, size_t i) const override;
  const std::vector<std::string>& classNames() const override { return classNames_; }
  ImageShape shape() const override { return shape_; }
  const std::vector<SkippedFile>& skipped() const override { return skipped_; }
  const std::vector<Attribute>& attributes() const override { return attributes_; }

  size_t cachedBytes() const;

 protected:
  std::string computeFingerprint() const override;

 private:
  const ImageFileEntry& entry(Split split, size_t i) const;
  cv::Mat decode(const std::string& path) const;  // to shape_, RGB; throws DatasetError

  std::string format_, spec_, root_;
  std::vector<std::string> classNames_;
  std::vector<ImageFileEntry> files_[2];
  std::vector<SkippedFile> skipped_;
  std::vector<Attribute> attributes_;
  ImageShape shape_;

  // LRU cache of decoded images keyed by (split, index).
  size_t cacheLimit_;
  mutable std::mutex cacheMutex_;
  mutable std::list<std::pair<uint64_t, cv::Mat>> lru_;
  mutable std::unordered_map<uint64_t, std::list<std::pair<uint64_t, cv::Mat>>::iterator> cacheIndex_;
  mutable size_t cacheBytes_ = 0;
};

}  // namespace ps
