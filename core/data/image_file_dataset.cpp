#include "data/image_file_dataset.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include <xxhash.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/file_table.h"
#include "data/fingerprint.h"
#include "data/image_check.h"
#include "job/job.h"
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

// Why a listed file cannot be used, or "" (its signature and end are checked).
std::string fileProblem(const std::string& path) {
  return hasImageExtension(path) ? checkImageFile(path)
                                 : "not an image file (extension '" + fs::path(path).extension().string() + "')";
}

// Every class must keep at least one readable image.
void checkEveryClassHasImages(const std::string& root, const std::vector<std::string>& classNames, const FileList& list,
                              const std::vector<uint32_t>& good) {
  std::vector<size_t> perClass(classNames.size(), 0);
  for (const uint32_t k : good) {
    const int label = list.files[k].ex.label;
    if (label < 0 || static_cast<size_t>(label) >= classNames.size())
      throw DatasetError(list.path(list.files[k].ex) + ": label " + std::to_string(label) + " is not one of the " +
                         std::to_string(classNames.size()) + " classes");
    ++perClass[static_cast<size_t>(label)];
  }
  for (size_t c = 0; c < perClass.size(); ++c)
    if (perClass[c] == 0)
      throw DatasetError(root + ": class '" + classNames[c] + "' has no readable images (empty class)");
}

// A seeded, per-class split for the files that have none.
void assignSplits(FileList& list, const std::vector<uint32_t>& good, size_t classes, const OpenOptions& options) {
  std::mt19937_64 rng(options.splitSeed);
  std::vector<std::vector<uint32_t>> unassigned(classes);
  for (const uint32_t k : good)
    if (list.files[k].split < 0) unassigned[static_cast<size_t>(list.files[k].ex.label)].push_back(k);
  for (auto& idx : unassigned) {
    std::shuffle(idx.begin(), idx.end(), rng);
    const auto nTest = static_cast<size_t>(std::llround(options.testFraction * static_cast<double>(idx.size())));
    for (size_t j = 0; j < idx.size(); ++j) list.files[idx[j]].split = j < nTest ? 1 : 0;
  }
}

// The attributes with their per-split codes, in the order of the split's files.
std::vector<Attribute> attributeCodes(AttributeColumns& columns, const std::vector<FileExample> (&files)[2]) {
  std::vector<std::vector<uint16_t>> codes[2];
  for (int s = 0; s < 2; ++s) {
    codes[s].resize(columns.size());
    for (size_t a = 0; a < columns.size(); ++a) {
      codes[s][a].reserve(files[s].size());
      for (const FileExample& e : files[s]) codes[s][a].push_back(columns.code(a, e.attributeRow));
    }
  }
  std::vector<Attribute> out = columns.takeAttributes();
  for (size_t a = 0; a < out.size(); ++a)
    for (int s = 0; s < 2; ++s) out[a].codes[s] = std::move(codes[s][a]);
  return out;
}

enum : uint8_t { kUnknown = 0, kChecked = 1, kHashed = 2 };

}  // namespace

// What an open learns about its listed files (indices into list_.files), and what it
// must write back to the table.
struct ImageFileDataset::OpenState {
  std::vector<uint8_t> state;  // kUnknown, kChecked or kHashed
  std::vector<uint64_t> hash;
  std::unordered_map<uint32_t, std::string> problem;
  std::vector<bool> dirty;  // learnt by this open: to be written back
  size_t dirtyCount = 0;
  void markDirty(uint32_t i) {
    if (!dirty[i]) ++dirtyCount;
    dirty[i] = true;
  }
  std::vector<std::string> removed;
  std::vector<uint32_t> order[2];  // the listed file of files_[s][k]
  std::string tableRoot;
};

std::string ImageFileDataset::relativePath(const FileExample& e) const {
  const std::string& d = relDirs_[e.dir];
  return d.empty() ? std::string(list_.name(e)) : d + "/" + list_.name(e);
}

namespace {

// Facts of the table for the files whose size and time did not change; the rest (and
// rows of files no longer there) are left for the open to redo.
void mergeTable(FileTable& table, const FileList& list, const std::vector<uint32_t>& byPath,
                const std::function<std::string(const FileExample&)>& rel, std::vector<uint8_t>& state,
                std::vector<uint64_t>& hash, std::unordered_map<uint32_t, std::string>& problem,
                std::vector<std::string>& removed, const std::string& root) {
  size_t k = 0;
  std::string current = byPath.empty() ? std::string() : rel(list.files[byPath[0]].ex);
  table.forEachFile(root, [&](std::string_view path, const FileFacts& facts) {
    while (k < byPath.size() && std::string_view(current) < path) {
      if (++k < byPath.size()) current = rel(list.files[byPath[k]].ex);
    }
    if (k >= byPath.size() || std::string_view(current) != path) {
      removed.emplace_back(path);
      return;
    }
    const uint32_t i = byPath[k];
    const ListedFile& f = list.files[i];
    if (f.size == facts.size && f.mtimeNs == facts.mtimeNs) {
      state[i] = facts.problem.empty() && facts.hash ? kHashed : kChecked;
      if (facts.hash) hash[i] = *facts.hash;
      if (!facts.problem.empty()) problem.emplace(i, facts.problem);
    }
    if (++k < byPath.size()) current = rel(list.files[byPath[k]].ex);
  });
}

}  // namespace

// Checks the files the table did not vouch for, and returns the usable ones in path order.
void ImageFileDataset::selectFiles(OpenState& st, const OpenOptions& options) {
  const size_t n = list_.files.size();
  size_t toCheck = 0;
  for (size_t i = 0; i < n; ++i) toCheck += st.state[i] == kUnknown;
  size_t checked = 0;
  for (uint32_t i = 0; i < n; ++i) {
    if (st.state[i] != kUnknown) continue;
    if (options.job) {
      options.job->throwIfCancelled();
      options.job->report(static_cast<double>(checked), static_cast<double>(toCheck),
                          "checking " + std::to_string(toCheck) + " image files");
    }
    ++checked;
    std::string why = fileProblem(list_.path(list_.files[i].ex));
    if (!why.empty()) st.problem.emplace(i, std::move(why));
    st.state[i] = kChecked;
    st.markDirty(i);
  }
}

namespace {

// The shape: fixed by the options, or by the first usable image that decodes (those
// before it that do not decode are taken out of `good` into `undecodable`).
ImageShape datasetShape(const std::string& root, const FileList& list, std::vector<uint32_t>& good,
                        std::vector<uint32_t>& undecodable, const OpenOptions& options) {
  ImageShape shape{options.resizeHeight, options.resizeWidth, 0};
  size_t first = 0;
  while (first < good.size() && shape.channels == 0) {
    const cv::Mat m = cv::imread(list.path(list.files[good[first]].ex), cv::IMREAD_UNCHANGED);
    if (m.empty()) {
      undecodable.push_back(good[first++]);
      continue;
    }
    shape.channels = m.channels() == 1 ? 1 : 3;
    if (shape.height <= 0 || shape.width <= 0) {
      shape.height = m.rows;
      shape.width = m.cols;
    }
  }
  good.erase(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(first));
  if (shape.channels == 0) throw DatasetError(root + ": none of the images could be decoded");
  return shape;
}

// The listed files in byte order of their paths relative to the root: the listing's own
// order when every directory lies below the root (a folder), else sorted (a manifest
// naming files elsewhere).
std::vector<uint32_t> relativeOrder(const FileList& list, const std::vector<std::string>& relDirs,
                                    const std::function<std::string(const FileExample&)>& rel) {
  std::vector<uint32_t> order(list.files.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const bool below = std::none_of(relDirs.begin(), relDirs.end(), [](const std::string& d) {
    return d == ".." || d.rfind("../", 0) == 0 || (!d.empty() && d[0] == '/');
  });
  if (!below)
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return rel(list.files[a].ex) < rel(list.files[b].ex); });
  return order;
}

}  // namespace

ImageFileDataset::ImageFileDataset(std::string format, std::string spec, std::string root, ClassList classes,
                                   FileList files, std::vector<SkippedFile> skipped, const OpenOptions& options,
                                   AttributeColumns attributes)
    : format_(std::move(format)),
      spec_(std::move(spec)),
      root_(std::move(root)),
      classIds_(std::move(classes.ids)),
      classNames_(classes.names.empty() ? classIds_ : std::move(classes.names)),
      list_(std::move(files)),
      skipped_(std::move(skipped)),
      cacheLimit_(options.cacheBytes) {
  if (!(options.testFraction >= 0.0 && options.testFraction < 1.0))
    throw ConfigError("test fraction " + std::to_string(options.testFraction) + " is outside [0, 1)");
  if (options.fileTable) list_.statAll(skipped_);
  list_.sortByPath();
  for (size_t d = 0; d < list_.dirCount(); ++d) {
    const std::string dir = list_.dir(static_cast<uint32_t>(d));
    const std::string r = fs::path(dir.empty() ? "." : dir).lexically_relative(root_).generic_string();
    relDirs_.push_back(r == "." ? std::string() : r);
  }
  OpenState st;
  const size_t n = list_.files.size();
  st.state.assign(n, kUnknown);
  st.dirty.assign(n, false);
  st.hash.assign(n, 0);
  auto rel = [this](const FileExample& e) { return relativePath(e); };
  if (options.fileTable) {
    st.tableRoot = fileTableRoot(root_);
    mergeTable(*options.fileTable, list_, relativeOrder(list_, relDirs_, rel), rel, st.state, st.hash, st.problem,
               st.removed, st.tableRoot);
  }
  try {
    selectFiles(st, options);
    std::vector<uint32_t> good = usableFiles(st);
    placeFiles(st, good, options, attributes);
    if (options.fileTable) hashFiles(st, options);
  } catch (const Cancelled&) {
    // What was checked stays learnt; hashes only count from an open that finished (a
    // first open's fingerprint needs every file read in one pass).
    if (options.fileTable) writeBack(*options.fileTable, st, false);
    throw;
  }
  if (options.fileTable) writeBack(*options.fileTable, st, true);
  list_.files.clear();
  list_.shrink();
  for (auto& f : files_) f.shrink_to_fit();
}

std::vector<uint32_t> ImageFileDataset::usableFiles(OpenState& st) {
  std::vector<uint32_t> good;
  good.reserve(list_.files.size() - st.problem.size());
  for (uint32_t i = 0; i < list_.files.size(); ++i) {
    const auto it = st.problem.find(i);
    if (it == st.problem.end())
      good.push_back(i);
    else
      skipped_.push_back({list_.path(list_.files[i].ex), it->second});
  }
  if (good.empty())
    throw DatasetError(root_ + ": no readable images found" +
                       (skipped_.empty() ? std::string() : " (" + std::to_string(skipped_.size()) + " files skipped)"));
  checkEveryClassHasImages(root_, classNames_, list_, good);
  return good;
}

// Fixes the shape, gives every usable file its split and puts it there.
void ImageFileDataset::placeFiles(OpenState& st, std::vector<uint32_t>& good, const OpenOptions& options,
                                  AttributeColumns& attributes) {
  std::vector<uint32_t> undecodable;
  shape_ = datasetShape(root_, list_, good, undecodable, options);
  for (const uint32_t u : undecodable) {
    st.problem[u] = "OpenCV could not decode the image";
    st.markDirty(u);
    skipped_.push_back({list_.path(list_.files[u].ex), st.problem[u]});
  }
  assignSplits(list_, good, classNames_.size(), options);
  for (const uint32_t k : good) {
    const int s = list_.files[k].split;
    files_[s].push_back(list_.files[k].ex);
    st.order[s].push_back(k);
  }
  attributes_ = attributeCodes(attributes, files_);
  if (files_[0].empty()) throw DatasetError(root_ + ": the train split holds no readable images");
}

// The fingerprint's beginning as it has always been: shape and class ids.
void ImageFileDataset::fingerprintPrefix(Hasher& h) const {
  h.update(shape_.str());
  for (const std::string& n : classIds_) h.update(n);
}

// Reads the files the table holds no hash for. When that is every file (the first open)
// the fingerprint of the whole contents is taken on the way, as a table-less open takes
// it, and remembered for the digest of the per-file hashes; otherwise the digest finds it
// (contents seen before) or is the fingerprint.
void ImageFileDataset::hashFiles(OpenState& st, const OpenOptions& options) {
  size_t toRead = 0, total = 0;
  for (int s = 0; s < 2; ++s)
    for (const uint32_t k : st.order[s]) {
      toRead += st.state[k] != kHashed;
      ++total;
    }
  const bool full = toRead == total;
  const bool filesChanged = toRead > 0 || st.dirtyCount > 0 || !st.removed.empty();  // new, changed or gone
  Hasher whole, digest;
  digest.update(std::string("prunescope file digest 1"));
  fingerprintPrefix(whole);
  fingerprintPrefix(digest);
  size_t done = 0;
  for (int s = 0; s < 2; ++s) {
    whole.update(static_cast<uint64_t>(files_[s].size()));
    digest.update(static_cast<uint64_t>(files_[s].size()));
    for (size_t j = 0; j < files_[s].size(); ++j) {
      const uint32_t k = st.order[s][j];
      const FileExample& e = files_[s][j];
      const std::string rel = relativePath(e);
      whole.update(rel);
      whole.update(static_cast<uint64_t>(e.label));
      if (st.state[k] != kHashed) {
        if (options.job) {
          options.job->throwIfCancelled();
          options.job->report(static_cast<double>(done), static_cast<double>(toRead),
                              "reading " + std::to_string(toRead) + " image files");
        }
        ++done;
        readAndHash(e, k, st, full ? &whole : nullptr);
      }
      digest.update(rel);
      digest.update(static_cast<uint64_t>(e.label));
      digest.update(list_.files[k].size);
      digest.update(st.hash[k]);
    }
  }
  const std::string d = digest.hex();
  if (full) {
    knownFingerprint_ = whole.hex();
  } else if (const auto known = options.fileTable->fingerprintOf(d)) {
    knownFingerprint_ = *known;
    return;
  } else if (filesChanged) {
    knownFingerprint_ = d;  // contents never read whole: another dataset
    return;
  } else {
    // Contents as read before, under other options (split, size): the fingerprint a
    // table-less open takes, read whole once.
    if (options.job) options.job->report(0, 1, "reading " + std::to_string(total) + " image files");
    knownFingerprint_ = computeFingerprint();
  }
  options.fileTable->rememberFingerprint(d, knownFingerprint_);
}

// Reads one file: its hash, and its bytes into the fingerprint of the whole contents.
void ImageFileDataset::readAndHash(const FileExample& e, uint32_t k, OpenState& st, Hasher* whole) const {
  const std::vector<uint8_t> bytes = readFileBytes(list_.path(e));
  st.hash[k] = XXH3_64bits(bytes.data(), bytes.size());
  st.state[k] = kHashed;
  st.markDirty(k);
  if (whole) {
    whole->update(static_cast<uint64_t>(bytes.size()));
    whole->update(bytes.data(), bytes.size());
  }
}

// Writes what this open learnt about files (checked, hashed) and forgets vanished ones.
void ImageFileDataset::writeBack(FileTable& table, const OpenState& st, bool withHashes) const {
  if (st.dirtyCount == 0 && st.removed.empty()) return;
  uint32_t next = 0;  // rows are asked for in order: the next dirty file
  table.updateFiles(
      st.tableRoot, st.dirtyCount,
      [&](size_t, FileRow& r) {
        while (!st.dirty[next]) ++next;
        const uint32_t k = next++;
        r.path = relativePath(list_.files[k].ex);
        r.facts.size = list_.files[k].size;
        r.facts.mtimeNs = list_.files[k].mtimeNs;
        if (st.state[k] == kHashed && withHashes) r.facts.hash = st.hash[k];
        if (const auto it = st.problem.find(k); it != st.problem.end()) r.facts.problem = it->second;
      },
      st.removed);
}

const FileExample& ImageFileDataset::entry(Split split, size_t i) const {
  const auto& v = files_[static_cast<int>(split)];
  if (i >= v.size())
    throw ConfigError("example index " + std::to_string(i) + " is out of range: the " + splitName(split) +
                      " split has " + std::to_string(v.size()) + " examples");
  return v[i];
}

int ImageFileDataset::label(Split split, size_t i) const { return entry(split, i).label; }
std::string ImageFileDataset::source(Split split, size_t i) const { return list_.path(entry(split, i)); }
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
  const FileExample& e = entry(split, i);
  const uint64_t key = (static_cast<uint64_t>(split) << 48) | i;
  {
    std::lock_guard<std::mutex> lock(cacheMutex_);
    auto it = cacheIndex_.find(key);
    if (it != cacheIndex_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->second;
    }
  }
  cv::Mat m = decode(list_.path(e));  // outside the lock: decoding is the slow part
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
  const std::string path = list_.path(entry(split, i));
  // The size image() gives, shrunk to fit side x side; then the largest reduction that
  // still decodes at least that many pixels each way.
  const double fit = std::min(1.0, static_cast<double>(side) / std::max(shape_.width, shape_.height));
  const int needW = std::max(1, static_cast<int>(std::lround(shape_.width * fit)));
  const int needH = std::max(1, static_cast<int>(std::lround(shape_.height * fit)));
  const JpegSize file = jpegSize(path);
  int reduce = 1;
  while (reduce < 8 && file.width / (reduce * 2) >= needW && file.height / (reduce * 2) >= needH) reduce *= 2;
  if (reduce == 1) return image(split, i);  // cached; a small file gains nothing
  const bool grey = shape_.channels == 1;
  const int flag = reduce == 2   ? (grey ? cv::IMREAD_REDUCED_GRAYSCALE_2 : cv::IMREAD_REDUCED_COLOR_2)
                   : reduce == 4 ? (grey ? cv::IMREAD_REDUCED_GRAYSCALE_4 : cv::IMREAD_REDUCED_COLOR_4)
                                 : (grey ? cv::IMREAD_REDUCED_GRAYSCALE_8 : cv::IMREAD_REDUCED_COLOR_8);
  cv::Mat m = cv::imread(path, flag);
  if (m.empty()) throw DatasetError(path + ": OpenCV could not decode the image (corrupt or unsupported)");
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
  if (!knownFingerprint_.empty()) return knownFingerprint_;
  Hasher h;
  fingerprintPrefix(h);
  for (int s = 0; s < 2; ++s) {
    h.update(static_cast<uint64_t>(files_[s].size()));
    for (const FileExample& e : files_[s]) {
      h.update(relativePath(e));
      h.update(static_cast<uint64_t>(e.label));
      const std::vector<uint8_t> bytes = readFileBytes(list_.path(e));
      h.update(static_cast<uint64_t>(bytes.size()));
      h.update(bytes.data(), bytes.size());
    }
  }
  return h.hex();
}

}  // namespace ps
