#pragma once
// A dataset of image files (image folder or CSV manifest). Files are checked when the
// dataset is opened (signature and end-of-file marker, so non-images and truncated files
// are skipped and reported) but decoded lazily, through a cache bounded in bytes, so a
// folder far larger than memory can be opened.
#include <list>
#include <mutex>
#include <unordered_map>

#include "data/dataset.h"
#include "data/file_list.h"
#include "data/readers.h"

namespace ps {

class Hasher;
class FileTable;

// The classes of an image-file dataset: the ids the files are labelled with (folder
// names, manifest labels) and, when a class-name file gives them, the names shown
// ("n01440764 tench"); the fingerprint covers the ids only.
struct ClassList {
  std::vector<std::string> ids;
  std::vector<std::string> names;  // empty: the ids
};

class ImageFileDataset : public Dataset {
 public:
  // Checks the files of `files`, drops and records unreadable ones, assigns a seeded
  // split to files without one, and fixes the image shape. `skipped` may already hold
  // files the caller left out. Throws DatasetError for an empty dataset or empty class.
  // `attributes` holds the files' attribute rows (none by default). With
  // options.fileTable, only files new or changed since the table was written are read
  // (checked and hashed), the table is brought up to date, and the fingerprint is known
  // once constructed; options.job gets progress and may cancel (ps::Cancelled).
  ImageFileDataset(std::string format, std::string spec, std::string root, ClassList classes, FileList files,
                   std::vector<SkippedFile> skipped, const OpenOptions& options, AttributeColumns attributes = {});

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
  struct OpenState;
  const FileExample& entry(Split split, size_t i) const;
  cv::Mat decode(const std::string& path) const;  // to shape_, RGB; throws DatasetError
  std::string relativePath(const FileExample& e) const;
  void selectFiles(OpenState& st, const OpenOptions& options);
  std::vector<uint32_t> usableFiles(OpenState& st);
  void placeFiles(OpenState& st, std::vector<uint32_t>& good, const OpenOptions& options, AttributeColumns& attributes);
  void hashFiles(OpenState& st, const OpenOptions& options);
  void readAndHash(const FileExample& e, uint32_t k, OpenState& st, Hasher* whole) const;
  void writeBack(FileTable& table, const OpenState& st, bool withHashes) const;
  void fingerprintPrefix(Hasher& h) const;

  std::string format_, spec_, root_;
  std::vector<std::string> classIds_, classNames_;
  FileList list_;
  std::vector<std::string> relDirs_;  // each directory of list_ relative to root_ ("" for the root)
  std::vector<FileExample> files_[2];
  std::string knownFingerprint_;  // found through the file table when opened with one
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
