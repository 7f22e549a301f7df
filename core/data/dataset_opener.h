#pragma once
// One entry point for every dataset: a path (format detected from what is there) or
// the built-in name "fashion-mnist".
#include <memory>
#include <string>

#include "data/readers.h"

namespace ps {

// Where the built-in Fashion-MNIST lives (Debian's dataset-fashion-mnist package).
// The environment variable PRUNESCOPE_FASHION_MNIST overrides it.
std::string builtinFashionMnistDir();

// Opens `spec`: "fashion-mnist", a directory (IDX, CIFAR-10/100 binary, image folder) or
// a .csv manifest. Throws DatasetError naming the path and what was expected.
std::unique_ptr<Dataset> openDataset(const std::string& spec, const OpenOptions& options = {});

// "idx", "cifar10", "cifar100", "folder", "csv", "tar"; throws DatasetError when nothing fits.
std::string detectFormat(const std::string& path);

}  // namespace ps
