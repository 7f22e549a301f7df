#include "data/image_file_dataset.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/fingerprint.h"
#include "data/image_check.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

bool hasImageExtension(const std::string& path) {
  static const char* exts[] = {".png", ".jpg", ".jpeg", ".bmp", ".ppm", ".pgm", ".pbm", ".tif", ".tiff", ".webp"};
  const std::string lower = toLower(fs::path(path).extension().string());
  return std::any_of(std::begin(exts), std::end(exts), [&](const char* e) { return lower == e; });
}

// The entries whose files look like images, sorted by path; the rest go to `skipped`
// with the reason.
std::vector<ImageFileEntry> readableEntries(std::vector<ImageFileEntry> entries, std::vector<SkippedFile>& skipped) {
  std::sort(entries.begin(), entries.end(),
            [](const ImageFileEntry& a, const ImageFileEntry& b) { return a.path < b.path; });
  std::vector<ImageFileEntry> good;
  good.reserve(entries.size());
  for (ImageFileEntry& e : entries) {
    const std::string why = hasImageExtension(e.path)
                                ? checkImageFile(e.path)
                                : "not an image file (extension '" + fs::path(e.path).extension().string() + "')";
    if (why.empty())
      good.push_back(std::move(e));
    else
      skipped.push_back({e.path, why});
  }
  return good;
}

// Every class must keep at least one readable image.
void checkEveryClassHasImages(const std::string& root, const std::vector<std::string>& classNames,
                              const std::vector<ImageFileEntry>& good) {
  std::vector<size_t> perClass(classNames.size(), 0);
  for (const ImageFileEntry& e : good) {
    if (e.label < 0 || static_cast<size_t>(e.label) >= classNames.size())
      throw DatasetError(e.path + ": label " + std::to_string(e.label) + " is not one of the " +
                         std::to_string(classNames.size()) + " classes");
    ++perClass[static_cast<size_t>(e.label)];
  }
  for (size_t c = 0; c < perClass.size(); ++c)
    if (perClass[c] == 0)
      throw DatasetError(root + ": class '" + classNames[c] + "' has no readable images (empty class)");
}

// The shape: fixed by the options, or by the first image that decodes (those before it
// that do not decode are skipped).
ImageShape datasetShape(const std::string& root, std::vector<ImageFileEntry>& good, std::vector<SkippedFile>& skipped,
                        const OpenOptions& options) {
  ImageShape shape{options.resizeHeight, options.resizeWidth, 0};
  while (!good.empty() && shape.channels == 0) {
    const cv::Mat m = cv::imread(good.front().path, cv::IMREAD_UNCHANGED);
    if (m.empty()) {
      skipped.push_back({good.front().path, "OpenCV could not decode the image"});
      good.erase(good.begin());
      continue;
    }
    shape.channels = m.channels() == 1 ? 1 : 3;
    if (shape.height <= 0 || shape.width <= 0) {
      shape.height = m.rows;
      shape.width = m.cols;
    }
  }
  if (shape.channels == 0) throw DatasetError(root + ": none of the images could be decoded");
  return shape;
}

// A seeded, per-class split for the entries that have none.
void assignSplits(std::vector<ImageFileEntry>& good, size_t classes, const OpenOptions& options) {
  std::mt19937_64 rng(options.splitSeed);
  std::vector<std::vector<size_t>> unassigned(classes);
  for (size_t k = 0; k < good.size(); ++k)
    if (good[k].split < 0) unassigned[static_cast<size_t>(good[k].label)].push_back(k);
  for (auto& idx : unassigned) {
    std::shuffle(idx.begin(), idx.end(), rng);
    const auto nTest = static_cast<size_t>(std::llround(options.testFraction * static_cast<double>(idx.size())));
    for (size_t j = 0; j < idx.size(); ++j) good[idx[j]].split = j < nTest ? 1 : 0;
  }
}

// The attributes with their per-split codes, in the order of the split's entries.
std::vector<Attribute> attributeCodes(AttributeColumns& columns, const std::vector<ImageFileEntry> (&files)[2]) {
  std::vector<std::vector<uint16_t>> codes[2];
  for (int s = 0; s < 2; ++s) {
    codes[s].resize(columns.size());
    for (size_t a = 0; a < columns.size(); ++a) {
      codes[s][a].reserve(files[s].size());
      for (const ImageFileEntry& e : files[s]) codes[s][a].push_back(columns.code(a, e.attributeRow));
    }
  }
  std::vector<Attribute> out = columns.takeAttributes();
  for (size_t a = 0; a < out.size(); ++a)
    for (int s = 0; s < 2; ++s) out[a].codes[s] = std::move(codes[s][a]);
  return out;
}

}  // namespace

ImageFileDataset::ImageFileDataset(std::string format, std::string spec, std::string root,
                                   std::vector<std::string> classNames, std::vector<ImageFileEntry> entries,
                                   std::vector<SkippedFile> skipped, const OpenOptions& options,
                                   AttributeColumns attributes)
    : format_(std::move(format)),
      spec_(std::move(spec)),
      root_(std::move(root)),
      classNames_(std::move(classNames)),
      skipped_(std::move(skipped)),
      cacheLimit_(options.cacheBytes) {
  if (!(options.testFraction >= 0.0 && options.testFraction < 1.0))
    throw ConfigError("test fraction " + std::to_string(options.testFraction) + " is outside [0, 1)");
  std::vector<ImageFileEntry> good = readableEntries(std::move(entries), skipped_);
  if (good.empty())
    throw DatasetError(root_ + ": no readable images found" +
                       (skipped_.empty() ? std::string() : " (" + std::to_string(skipped_.size()) + " files skipped)"));
  checkEveryClassHasImages(root_, classNames_, good);
  shape_ = datasetShape(root_, good, skipped_, options);
  assignSplits(good, classNames_.size(), options);
  for (ImageFileEntry& e : good) files_[e.split].push_back(std::move(e));
  attributes_ = attributeCodes(attributes, files_);
  if (files_[0].empty()) throw DatasetError(root_ + ": the train split holds no readable images");
}

const ImageFileEntry& ImageFileDataset::entry(Split split, size_t i) const {
  const auto& v = files_[static_cast<int>(split)];
  if (i >= v.size())
    throw ConfigError("example index " + std::to_string(i) + " is out of range: the " + splitName(split) +
                      " split has " + std::to_string(v.size()) + " examples");
  return v[i];
}

int ImageFileDataset::label(Split split, size_t i) const { return entry(split, i).label; }
std::string ImageFileDataset::source(Split split, size_t i) const { return entry(split, i).path; }

cv::Mat ImageFileDataset::decode(const std::string& path) const {
  cv::Mat m = cv::imread(path, shape_.channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
  if (m.empty()) throw DatasetError(path + ": OpenCV could not decode the image (corrupt or unsupported)");
  if (m.channels() == 3) cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
  if (m.rows != shape_.height || m.cols != shape_.width) {
    cv::Mat r;
    cv::resize(m, r, cv::Size(shape_.width, shape_.height), 0, 0, cv::INTER_AREA);
    m = r;
  }
  return m;
}

cv::Mat ImageFileDataset::image(Split split, size_t i) const {
  const ImageFileEntry& e = entry(split, i);
  const uint64_t key = (static_cast<uint64_t>(split) << 48) | i;
  {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    auto it = cacheIndex_.find(key);
    if (it != cacheIndex_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->second;
    }
  }
  cv::Mat m = decode(e.path);  // outside the lock: decoding is the slow part
  const size_t bytes = shape_.bytes();
  if (cacheLimit_ >= bytes) {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    if (cacheIndex_.find(key) == cacheIndex_.end()) {
      lru_.emplace_front(key, m);
      cacheIndex_[key] = lru_.begin();
      cacheBytes_ += bytes;
      while (cacheBytes_ > cacheLimit_) {
        cacheIndex_.erase(lru_.back().first);
        lru_.pop_back();
        cacheBytes_ -= bytes;
      }
    }
  }
  return m;
}

cv::Mat ImageFileDataset::preview(Split split, size_t i, int side) const {
  const ImageFileEntry& e = entry(split, i);
  // The size image() gives, shrunk to fit side x side; then the largest reduction that
  // still decodes at least that many pixels each way.
  const double fit = std::min(1.0, static_cast<double>(side) / std::max(shape_.width, shape_.height));
  const int needW = std::max(1, static_cast<int>(std::lround(shape_.width * fit)));
  const int needH = std::max(1, static_cast<int>(std::lround(shape_.height * fit)));
  const JpegSize file = jpegSize(e.path);
  int reduce = 1;
  while (reduce < 8 && file.width / (reduce * 2) >= needW && file.height / (reduce * 2) >= needH) reduce *= 2;
  if (reduce == 1) return image(split, i);  // cached; a small file gains nothing
  const bool grey = shape_.channels == 1;
  const int flag = reduce == 2   ? (grey ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2)
                   : reduce == 4 ? (grey ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4)
                                 : (grey ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8);
  cv::Mat m = cv::imread(e.path, flag);
  if (m.empty()) throw DatasetError(e.path + ": OpenCV could not decode the image (corrupt or unsupported)");
  if (m.channels() == 3) cv::cvtColor(m, m, cv::COLOR_BGR2RGB);
  cv::Mat r;
  cv::resize(m, r, cv::Size(needW, needH), 0, 0, cv::INTER_AREA);
  return r;
}

size_t ImageFileDataset::cachedBytes() const {
  std::lock_guard<std::mutex> lock(cacheMutex_);
  return cacheBytes_;
}

std::string ImageFileDataset::computeFingerprint() const {
  Hasher h;
  h.update(shape_.str());
  for (const std::string& n : classNames_) h.update(n);
  for (int s = 0; s < 2; ++s) {
    h.update(static_cast<uint64_t>(files_[s].size()));
    for (const ImageFileEntry& e : files_[s]) {
      h.update(fs::path(e.path).lexically_relative(root_).generic_string());
      h.update(static_cast<uint64_t>(e.label));
      const std::vector<uint8_t> bytes = readFileBytes(e.path);
      h.update(static_cast<uint64_t>(bytes.size()));
      h.update(bytes.data(), bytes.size());
    }
  }
  return h.hex();
}

}  // namespace ps
