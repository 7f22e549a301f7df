// MNIST / Fashion-MNIST IDX reader.
#include <cstdio>
#include <filesystem>

#include "data/in_memory_dataset.h"
#include "data/readers.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {

const std::vector<std::string>& fashionMnistClassNames() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

namespace {

uint32_t be32(const std::vector<uint8_t>& b, size_t off) {
  return (uint32_t(b[off]) << 24) | (uint32_t(b[off + 1]) << 16) | (uint32_t(b[off + 2]) << 8) | b[off + 3];
}

std::string findIdxFile(const std::string& dir, const std::string& stem) {
  for (const char* suffix : {"", ".gz"}) {
    const fs::path p = fs::path(dir) / (stem + suffix);
    if (fs::exists(p)) return p.string();
  }
  // Some copies use dots instead of dashes (train-images.idx3-ubyte).
  std::string dotted = stem;
  const auto pos = dotted.rfind("-idx");
  if (pos != std::string::npos) dotted[pos] = '.';
  for (const char* suffix : {"", ".gz"}) {
    const fs::path p = fs::path(dir) / (dotted + suffix);
    if (fs::exists(p)) return p.string();
  }
  throw DatasetError((fs::path(dir) / stem).string() + "[.gz]: missing IDX file (expected " + stem + " or " + stem +
                     ".gz in " + dir + ")");
}

struct IdxImages {
  std::vector<uint8_t> pixels;
  uint32_t count = 0, rows = 0, cols = 0;
};

std::string hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

// The images file's declared size, from its 16-byte header (checked first).
size_t declaredImageBytes(const std::string& path, const std::vector<uint8_t>& b) {
  if (b.size() < 16)
    throw DatasetError(path + ": file too short for an IDX image header (" + std::to_string(b.size()) +
                       " bytes, expected at least 16)");
  const uint32_t magic = be32(b, 0);
  if (magic != 0x00000803)
    throw DatasetError(path + ": wrong magic number 0x" + hex8(magic) +
                       ", expected 0x00000803 (IDX unsigned-byte images, 3 dimensions)");
  const uint32_t rows = be32(b, 8), cols = be32(b, 12);
  if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096)
    throw DatasetError(path + ": implausible image size " + std::to_string(rows) + "x" + std::to_string(cols));
  return 16 + size_t{be32(b, 4)} * rows * cols;  // at most 2^32 * 2^24: no overflow
}

IdxImages readImages(const std::string& path) {
  const std::vector<uint8_t> b =
      readMaybeGzipped(path, 16, [&](const std::vector<uint8_t>& head) { return declaredImageBytes(path, head); });
  const size_t expected = declaredImageBytes(path, b);
  IdxImages img;
  img.count = be32(b, 4);
  img.rows = be32(b, 8);
  img.cols = be32(b, 12);
  if (b.size() < expected)
    throw DatasetError(path + ": truncated: header declares " + std::to_string(img.count) + " images of " +
                       std::to_string(img.rows) + "x" + std::to_string(img.cols) + " (" + std::to_string(expected) +
                       " bytes) but the file holds " + std::to_string(b.size()) + " bytes");
  img.pixels.assign(b.begin() + 16, b.begin() + static_cast<std::ptrdiff_t>(expected));
  return img;
}

// The labels file's declared size, from its 8-byte header (checked first).
size_t declaredLabelBytes(const std::string& path, const std::vector<uint8_t>& b) {
  if (b.size() < 8)
    throw DatasetError(path + ": file too short for an IDX label header (" + std::to_string(b.size()) +
                       " bytes, expected at least 8)");
  const uint32_t magic = be32(b, 0);
  if (magic != 0x00000801)
    throw DatasetError(path + ": wrong magic number " + std::to_string(magic) +
                       ", expected 2049 (0x00000801: IDX unsigned-byte labels, 1 dimension)");
  return 8 + size_t{be32(b, 4)};
}

std::vector<int> readLabels(const std::string& path) {
  const std::vector<uint8_t> b =
      readMaybeGzipped(path, 8, [&](const std::vector<uint8_t>& head) { return declaredLabelBytes(path, head); });
  const size_t expected = declaredLabelBytes(path, b);
  const uint32_t count = be32(b, 4);
  if (b.size() < expected)
    throw DatasetError(path + ": truncated: header declares " + std::to_string(count) + " labels but the file holds " +
                       std::to_string(b.size() - 8));
  return std::vector<int>(b.begin() + 8, b.begin() + static_cast<std::ptrdiff_t>(expected));
}

std::vector<std::string> classNamesFor(const std::string& dir, int numLabels) {
  const fs::path listFile = fs::path(dir) / "classes.txt";
  if (fs::exists(listFile)) {
    std::vector<std::string> names = readNameList(listFile.string());
    if (static_cast<int>(names.size()) < numLabels)
      throw DatasetError(listFile.string() + ": lists " + std::to_string(names.size()) +
                         " class names but the labels go up to " + std::to_string(numLabels - 1));
    return names;
  }
  std::string lower = toLower(fs::absolute(dir).lexically_normal().string());
  if (lower.find("fashion") != std::string::npos && numLabels <= 10) return fashionMnistClassNames();
  std::vector<std::string> names;
  names.reserve(10);
  // MNIST-family files have ten classes; more need a classes.txt naming them.
  for (int c = 0; c < 10; ++c) names.push_back(std::to_string(c));
  return names;
}

}  // namespace

std::unique_ptr<Dataset> openIdxDataset(const std::string& dir, const std::string& spec) {
  InMemorySplit parts[2];
  uint32_t rows = 0, cols = 0;
  int maxLabel = 0;
  const char* prefixes[2] = {"train", "t10k"};
  for (int s = 0; s < 2; ++s) {
    const std::string imgPath = findIdxFile(dir, std::string(prefixes[s]) + "-images-idx3-ubyte");
    const std::string lblPath = findIdxFile(dir, std::string(prefixes[s]) + "-labels-idx1-ubyte");
    IdxImages img = readImages(imgPath);
    std::vector<int> labels = readLabels(lblPath);
    if (labels.size() != img.count)
      throw DatasetError(lblPath + ": holds " + std::to_string(labels.size()) + " labels but " + imgPath + " holds " +
                         std::to_string(img.count) + " images; expected the same count");
    if (s == 1 && (img.rows != rows || img.cols != cols))
      throw DatasetError(imgPath + ": images are " + std::to_string(img.rows) + "x" + std::to_string(img.cols) +
                         " but the train images are " + std::to_string(rows) + "x" + std::to_string(cols));
    rows = img.rows;
    cols = img.cols;
    for (int l : labels) maxLabel = std::max(maxLabel, l);
    parts[s].pixels = std::move(img.pixels);
    parts[s].labels = std::move(labels);
    parts[s].file = imgPath;
  }
  if (parts[0].labels.empty()) throw DatasetError(dir + ": the train split is empty (0 images)");
  std::vector<std::string> names = classNamesFor(dir, maxLabel + 1);
  for (int s = 0; s < 2; ++s)
    for (size_t i = 0; i < parts[s].labels.size(); ++i)
      if (parts[s].labels[i] >= static_cast<int>(names.size()))
        throw DatasetError(parts[s].file + ": label " + std::to_string(parts[s].labels[i]) + " at index " +
                           std::to_string(i) + " is out of range (expected 0.." + std::to_string(names.size() - 1) +
                           "; a classes.txt beside the IDX files names more classes)");
  ImageShape shape{static_cast<int>(rows), static_cast<int>(cols), 1};
  return std::make_unique<InMemoryDataset>("idx", spec, shape, std::move(names), std::move(parts[0]),
                                           std::move(parts[1]));
}

}  // namespace ps
