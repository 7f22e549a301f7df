// CIFAR-10 / CIFAR-100 binary-batch reader. Records are <label byte(s)><3072 bytes of
// planar RGB 32×32>; they are converted to HWC on load.
#include <algorithm>
#include <filesystem>

#include "data/in_memory_dataset.h"
#include "data/readers.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

constexpr int kSide = 32;
constexpr size_t kPixels = size_t{kSide} * kSide * 3;

// Appends the records of one batch file to `split`.
void readBatch(const std::string& path, size_t labelBytes, int numClasses, InMemorySplit& split) {
  std::vector<uint8_t> b = readFileBytes(path);
  const size_t rec = labelBytes + kPixels;
  if (b.empty()) throw DatasetError(path + ": empty CIFAR batch file");
  if (b.size() % rec != 0)
    throw DatasetError(path + ": size " + std::to_string(b.size()) + " bytes is not a multiple of the " +
                       std::to_string(rec) + "-byte CIFAR record (truncated or not a CIFAR" +
                       (labelBytes == 1 ? "-10" : "-100") + " batch)");
  const size_t n = b.size() / rec;
  split.files.push_back(path);
  split.fileFirstIndex.push_back(split.labels.size());
  const size_t base = split.pixels.size();
  split.pixels.resize(base + n * kPixels);
  for (size_t r = 0; r < n; ++r) {
    const uint8_t* p = b.data() + r * rec;
    const int label = p[labelBytes - 1];  // CIFAR-100: coarse byte first, fine byte second
    if (label >= numClasses)
      throw DatasetError(path + ": record " + std::to_string(r) + " has label " + std::to_string(label) +
                         ", expected 0.." + std::to_string(numClasses - 1));
    split.labels.push_back(label);
    const uint8_t* planes = p + labelBytes;
    uint8_t* out = split.pixels.data() + base + r * kPixels;
    for (int i = 0; i < kSide * kSide; ++i)
      for (int c = 0; c < 3; ++c) out[i * 3 + c] = planes[c * kSide * kSide + i];
  }
}

// The class names listed in `file`, else `fallback`; exactly `expected` of them.
std::vector<std::string> classNamesOf(const fs::path& file, std::vector<std::string> fallback, size_t expected) {
  std::vector<std::string> names = readNameList(file.string());
  if (names.empty()) names = std::move(fallback);
  if (names.size() != expected)
    throw DatasetError(file.string() + ": lists " + std::to_string(names.size()) + " class names, expected " +
                       std::to_string(expected));
  return names;
}

// The data_batch_<n>.bin files of a CIFAR-10 folder, in batch order.
std::vector<std::string> cifar10TrainBatches(const fs::path& d) {
  std::vector<std::pair<int, std::string>> batches;
  for (const auto& e : fs::directory_iterator(d)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("data_batch_", 0) != 0 || !endsWith(name, ".bin")) continue;
    try {
      batches.emplace_back(std::stoi(name.substr(11)), e.path().string());
    } catch (const std::exception&) {
      throw DatasetError(e.path().string() + ": expected a name data_batch_<number>.bin");
    }
  }
  if (batches.empty()) throw DatasetError(d.string() + ": no data_batch_<n>.bin files (CIFAR-10 training batches)");
  std::sort(batches.begin(), batches.end());
  std::vector<std::string> files;
  files.reserve(batches.size());
  for (auto& b : batches) files.push_back(std::move(b.second));
  return files;
}

void requireFile(const fs::path& file, const std::string& what) {
  if (!fs::exists(file)) throw DatasetError(file.string() + ": missing " + what);
}

std::vector<std::string> numberedNames(int count) {
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(count));
  for (int c = 0; c < count; ++c) names.push_back(std::to_string(c));
  return names;
}

}  // namespace

std::unique_ptr<Dataset> openCifarDataset(const std::string& dir, const std::string& spec) {
  const fs::path d(dir);
  InMemorySplit train, test;
  std::vector<std::string> names;
  std::string format;
  if (fs::exists(d / "train.bin") || (fs::exists(d / "test.bin") && !fs::exists(d / "test_batch.bin"))) {
    format = "cifar100";
    names = classNamesOf(d / "fine_label_names.txt", numberedNames(100), 100);
    requireFile(d / "train.bin", "CIFAR-100 batch file");
    requireFile(d / "test.bin", "CIFAR-100 batch file");
    readBatch((d / "train.bin").string(), 2, 100, train);
    readBatch((d / "test.bin").string(), 2, 100, test);
  } else {
    format = "cifar10";
    names =
        classNamesOf(d / "batches.meta.txt",
                     {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"}, 10);
    for (const std::string& b : cifar10TrainBatches(d)) readBatch(b, 1, 10, train);
    requireFile(d / "test_batch.bin", "CIFAR-10 test batch");
    readBatch((d / "test_batch.bin").string(), 1, 10, test);
  }
  return std::make_unique<InMemoryDataset>(format, spec, ImageShape{kSide, kSide, 3}, std::move(names),
                                           std::move(train), std::move(test));
}

}  // namespace ps
