#include "data/dataset_opener.h"

#include <cstdlib>
#include <filesystem>

#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {

std::string builtinFashionMnistDir() {
  // Read-only use of the environment, no thread changes it.
  if (const char* env = std::getenv("PRUNESCOPE_FASHION_MNIST")) return env;  // NOLINT(concurrency-mt-unsafe)
  return "/usr/share/datasets/fashion-mnist";
}

namespace {

bool holdsTarShards(const std::string& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && endsWith(toLower(e.path().filename().string()), ".tar")) return true;
  return false;
}

}  // namespace

std::string detectFormat(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw DatasetError(path + ": no such file or directory");
  if (fs::is_regular_file(path)) {
    if (endsWith(toLower(path), ".csv")) return "csv";
    throw DatasetError(path +
                       ": a file that is not a .csv manifest; expected a dataset directory (IDX, "
                       "CIFAR binary, image folder) or a .csv manifest");
  }
  bool idx = false, cifar10 = false, cifar100 = false, subdirs = false;
  for (const auto& e : fs::directory_iterator(path)) {
    const std::string name = e.path().filename().string();
    if (name.find("idx3-ubyte") != std::string::npos || name.find("idx1-ubyte") != std::string::npos) idx = true;
    if ((name.rfind("data_batch_", 0) == 0 && endsWith(name, ".bin")) || name == "test_batch.bin") cifar10 = true;
    if (name == "train.bin" || name == "test.bin") cifar100 = true;
    if (e.is_directory() && name[0] != '.') subdirs = true;
  }
  if (idx) return "idx";
  if (cifar10) return "cifar10";
  if (cifar100) return "cifar100";
  if (subdirs) return "folder";
  if (holdsTarShards(path)) return "tar";
  throw DatasetError(path +
                     ": cannot tell the dataset format: expected IDX files (train-images-idx3-ubyte[.gz]), "
                     "CIFAR batches (data_batch_1.bin or train.bin), class folders, .tar shards, or a .csv manifest");
}

namespace {

std::unique_ptr<Dataset> openChecked(const std::string& spec, const OpenOptions& options) {
  if (spec.empty()) throw DatasetError("empty dataset name: expected a path or 'fashion-mnist'");
  if (spec == "fashion-mnist") {
    const std::string dir = builtinFashionMnistDir();
    if (!fs::is_directory(dir))
      throw DatasetError(dir + ": built-in Fashion-MNIST not found (install Debian's dataset-fashion-mnist package)");
    return openIdxDataset(dir, spec);
  }
  std::string path = spec;
  // The official CIFAR archives unpack to a single sub-folder; accept its parent too.
  for (const char* sub : {"cifar-10-batches-bin", "cifar-100-binary"})
    if (fs::is_directory(fs::path(path) / sub)) path = (fs::path(path) / sub).string();
  const std::string format = detectFormat(path);
  if (format == "idx") return openIdxDataset(path, spec);
  if (format == "cifar10" || format == "cifar100") return openCifarDataset(path, spec);
  if (format == "csv") return openCsvManifest(path, spec, options);
  if (format == "tar") return openTarShards(path, spec, options);
  return openImageFolder(path, spec, options);
}

}  // namespace

std::unique_ptr<Dataset> openDataset(const std::string& spec, const OpenOptions& options) {
  // Errors of the file system, OpenCV and the allocator become the project's own (one
  // translation for every boundary: describeError), naming what was being opened.
  try {
    return openChecked(spec, options);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw DatasetError(describeError(e) + " (while opening dataset " + spec + ")");
  }
}

}  // namespace ps
