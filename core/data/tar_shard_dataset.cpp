#include "data/tar_shard_dataset.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <unordered_map>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/fingerprint.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/text_list.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;

// The members of one key, as found in a shard.
struct KeyGroup {
  std::string key;
  TarMember image;
  int label = 0;
  bool hasImage = false, hasLabel = false;
  int split = -1;
};

bool isImageExtension(const std::string& ext) {
  return ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "webp" || ext == "bmp" || ext == "ppm";
}

// WebDataset's rule: the key is the path up to the first dot of its last component.
std::pair<std::string, std::string> splitKey(const std::string& name) {
  const size_t slash = name.rfind('/');
  const size_t dot = name.find('.', slash == std::string::npos ? 0 : slash + 1);
  if (dot == std::string::npos) return {name, ""};
  return {name.substr(0, dot), toLower(name.substr(dot + 1))};
}

int splitOfShard(const std::string& shard) {
  const std::string name = toLower(fs::path(shard).filename().string());
  if (name.find("train") != std::string::npos) return 0;
  if (name.find("test") != std::string::npos || name.find("val") != std::string::npos) return 1;
  return -1;
}

[[noreturn]] void damaged(const std::string& shard, archive* a, const std::string& where) {
  const char* why = archive_error_string(a);
  throw DatasetError(shard + ": truncated or damaged tar shard " + where + " (" + (why ? why : "unknown error") +
                     "); expected a complete tar archive");
}

int readLabel(const std::string& shard, archive* a, const std::string& member, int64_t size) {
  if (size < 0 || size > 64)
    throw DatasetError(shard + "#" + member + ": a .cls member of " + std::to_string(size) +
                       " bytes; expected a class number");
  std::string text(static_cast<size_t>(size), '\0');
  if (archive_read_data(a, text.data(), text.size()) != static_cast<la_ssize_t>(text.size()))
    damaged(shard, a, "in member " + member);
  text.erase(text.find_last_not_of(" \t\r\n") + 1);  // "3\n" as WebDataset writers leave it
  const auto v = parseInteger(text);
  if (!v || *v < 0 || *v > 999999)
    throw DatasetError(shard + "#" + member + ": label '" + text + "' is not a class number (0 or more)");
  return static_cast<int>(*v);
}

ArchivePtr openShard(const std::string& shard) {
  ArchivePtr a(archive_read_new(), archive_read_free);
  if (!a) throw DatasetError(shard + ": libarchive could not start a reader");
  archive_read_support_format_tar(a.get());
  archive_read_support_filter_none(a.get());
  if (archive_read_open_filename(a.get(), shard.c_str(), 1 << 16) != ARCHIVE_OK)
    throw DatasetError(shard + ": cannot open as a tar shard (" +
                       std::string(archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error") +
                       ")");
  return a;
}

// One pass over a shard's headers: the image members' offsets and the .cls labels, by key.
void indexShard(const std::string& shard, uint32_t shardIndex, std::vector<KeyGroup>& groups) {
  ArchivePtr a = openShard(shard);
  std::unordered_map<std::string, size_t> byKey;
  const int split = splitOfShard(shard);
  archive_entry* e = nullptr;
  int r = ARCHIVE_OK;
  while ((r = archive_read_next_header(a.get(), &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
    if (archive_entry_filetype(e) != AE_IFREG) continue;
    const char* p = archive_entry_pathname(e);
    const std::string name = p ? p : "";
    auto [key, ext] = splitKey(name);
    const auto [it, added] = byKey.emplace(key, groups.size());
    if (added) groups.push_back({key, {}, 0, false, false, split});
    KeyGroup& g = groups[it->second];
    if (isImageExtension(ext) && !g.hasImage) {
      g.image = {shardIndex, static_cast<uint64_t>(archive_filter_bytes(a.get(), -1)),
                 static_cast<uint64_t>(std::max<int64_t>(0, archive_entry_size(e))), 0, name};
      g.hasImage = true;
    } else if (ext == "cls") {
      g.label = readLabel(shard, a.get(), name, archive_entry_size(e));
      g.hasLabel = true;
      continue;
    }
    if (archive_read_data_skip(a.get()) != ARCHIVE_OK) damaged(shard, a.get(), "in member " + name);
  }
  if (r != ARCHIVE_EOF) damaged(shard, a.get(), "after " + std::to_string(byKey.size()) + " keys");
}

void assignSplits(std::vector<KeyGroup>& groups, size_t classes, const OpenOptions& options) {
  std::mt19937_64 rng(options.splitSeed);
  std::vector<std::vector<size_t>> unassigned(classes);
  for (size_t k = 0; k < groups.size(); ++k)
    if (groups[k].split < 0) unassigned[static_cast<size_t>(groups[k].image.label)].push_back(k);
  for (auto& idx : unassigned) {
    std::shuffle(idx.begin(), idx.end(), rng);
    const auto nTest = static_cast<size_t>(std::llround(options.testFraction * static_cast<double>(idx.size())));
    for (size_t j = 0; j < idx.size(); ++j) groups[idx[j]].split = j < nTest ? 1 : 0;
  }
}

std::vector<std::string> numberedClasses(const std::string& root, const std::vector<KeyGroup>& groups) {
  int top = -1;
  for (const KeyGroup& g : groups) top = std::max(top, g.image.label);
  std::vector<size_t> count(static_cast<size_t>(top + 1), 0);
  for (const KeyGroup& g : groups) ++count[static_cast<size_t>(g.image.label)];
  std::vector<std::string> names;
  for (size_t c = 0; c < count.size(); ++c) {
    if (count[c] == 0)
      throw DatasetError(root + ": class " + std::to_string(c) + " has no examples in the shards (labels run 0.." +
                         std::to_string(top) + "; expected every class number to appear)");
    names.push_back(std::to_string(c));
  }
  return names;
}

}  // namespace

std::vector<std::string> tarShardsIn(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && endsWith(toLower(e.path().filename().string()), ".tar"))
      out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TarShardDataset::TarShardDataset(std::string spec, std::string root, std::vector<std::string> shards,
                                 const OpenOptions& options)
    : spec_(std::move(spec)), root_(std::move(root)), shards_(std::move(shards)) {
  if (!(options.testFraction >= 0.0 && options.testFraction < 1.0))
    throw ConfigError("test fraction " + std::to_string(options.testFraction) + " is outside [0, 1)");
  std::vector<KeyGroup> groups;
  for (size_t s = 0; s < shards_.size(); ++s) indexShard(shards_[s], static_cast<uint32_t>(s), groups);
  std::vector<KeyGroup> good;
  for (KeyGroup& g : groups) {
    const std::string where = shards_[g.image.shard] + "#" + g.key;
    if (!g.hasImage)
      skipped_.push_back({where, "no image member (.jpg, .jpeg, .png) for this key"});
    else if (!g.hasLabel)
      skipped_.push_back({where, "no .cls member (the class number) for this key"});
    else {
      g.image.label = g.label;
      good.push_back(std::move(g));
    }
  }
  if (good.empty()) throw DatasetError(root_ + ": the tar shards hold no example with an image and a .cls label");
  classNames_ = numberedClasses(root_, good);
  assignSplits(good, classNames_.size(), options);
  for (KeyGroup& g : good) members_[g.split].push_back(std::move(g.image));
  if (members_[0].empty()) throw DatasetError(root_ + ": no training examples (no shard named *train*, and all split)");
  shape_ = {options.resizeHeight, options.resizeWidth, 0};
  const cv::Mat first = cv::imdecode(readMember(members_[0].front()), cv::IMREAD_UNCHANGED);
  if (first.empty())
    throw DatasetError(source(Split::Train, 0) + ": OpenCV could not decode the image (corrupt or unsupported)");
  shape_.channels = first.channels() == 1 ? 1 : 3;
  if (shape_.height <= 0 || shape_.width <= 0) shape_ = {first.rows, first.cols, shape_.channels};
}

const TarMember& TarShardDataset::member(Split split, size_t i) const {
  const auto& v = members_[static_cast<int>(split)];
  if (i >= v.size())
    throw ConfigError("example index " + std::to_string(i) + " is out of range: the " + splitName(split) +
                      " split has " + std::to_string(v.size()) + " examples");
  return v[i];
}

std::string TarShardDataset::source(Split split, size_t i) const {
  const TarMember& m = member(split, i);
  return shards_[m.shard] + "#" + m.name;
}

std::vector<uint8_t> TarShardDataset::readMember(const TarMember& m) const {
  const std::string& shard = shards_[m.shard];
  std::ifstream in(shard, std::ios::binary);
  std::vector<uint8_t> bytes(static_cast<size_t>(m.size));
  in.seekg(static_cast<std::streamoff>(m.offset));
  if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
    throw DatasetError(shard + "#" + m.name + ": cannot read " + std::to_string(m.size) + " bytes at offset " +
                       std::to_string(m.offset) + " (the shard changed or was truncated since it was opened)");
  return bytes;
}

cv::Mat TarShardDataset::decode(const TarMember& m, const std::vector<uint8_t>& bytes) const {
  cv::Mat m8 = cv::imdecode(bytes, shape_.channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
  if (m8.empty())
    throw DatasetError(shards_[m.shard] + "#" + m.name +
                       ": OpenCV could not decode the image (corrupt or unsupported)");
  if (m8.channels() == 3) cv::cvtColor(m8, m8, cv::COLOR_BGR2RGB);
  if (m8.rows != shape_.height || m8.cols != shape_.width) {
    cv::Mat r;
    cv::resize(m8, r, cv::Size(shape_.width, shape_.height), 0, 0, cv::INTER_AREA);
    m8 = r;
  }
  return m8;
}

cv::Mat TarShardDataset::image(Split split, size_t i) const {
  const TarMember& m = member(split, i);
  return decode(m, readMember(m));
}

std::vector<std::string> TarShardDataset::shardHashes() const {
  std::vector<std::string> out;
  std::vector<char> buf(size_t(1) << 20);
  for (const std::string& shard : shards_) {
    std::ifstream in(shard, std::ios::binary);
    if (!in) throw DatasetError(shard + ": cannot read the shard");
    Hasher h;
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
      h.update(buf.data(), static_cast<size_t>(in.gcount()));
    out.push_back(h.hex());
  }
  return out;
}

std::string TarShardDataset::computeFingerprint() const {
  Hasher h;
  h.update(std::string("tar"));
  h.update(shape_.str());
  for (const std::string& n : classNames_) h.update(n);
  const std::vector<std::string> hashes = shardHashes();
  for (size_t s = 0; s < shards_.size(); ++s) {
    h.update(fs::path(shards_[s]).filename().string());
    h.update(hashes[s]);
  }
  for (const auto& split : members_) {
    h.update(static_cast<uint64_t>(split.size()));
    for (const TarMember& m : split) {
      h.update(static_cast<uint64_t>(m.shard));
      h.update(m.name);
      h.update(static_cast<uint64_t>(m.label));
    }
  }
  return h.hex();
}

std::unique_ptr<Dataset> openTarShards(const std::string& dir, const std::string& spec, const OpenOptions& options) {
  std::vector<std::string> shards = tarShardsIn(dir);
  if (shards.empty()) throw DatasetError(dir + ": no .tar shards found");
  return std::make_unique<TarShardDataset>(spec, dir, std::move(shards), options);
}

}  // namespace ps
