#pragma once
// The dataset readers. Each opens a dataset from a directory or file and throws
// DatasetError naming the file and the problem when it cannot.
#include <cstdint>
#include <memory>
#include <string>

#include "data/dataset.h"

namespace ps {

class FileTable;
class JobContext;

struct OpenOptions {
  // For an image folder or CSV without a train/test split: the fraction of each class
  // put in the test split, and the seed of that split.
  double testFraction = 0.2;
  uint64_t splitSeed = 0;
  // Bound on the decoded-image cache of file-based readers, in bytes.
  size_t cacheBytes = size_t(256) << 20;
  // Image-file readers resize every image to this shape; 0 = the first image's shape.
  int resizeHeight = 0;
  int resizeWidth = 0;
  // Image-file readers: the table of the files' sizes, times and hashes kept between
  // opens (data/file_table.h; none: every file is read, as without a store), and the job
  // an open reports its progress to and is cancelled through (none: not reported).
  FileTable* fileTable = nullptr;
  JobContext* job = nullptr;
};

// MNIST / Fashion-MNIST IDX files (train-images-idx3-ubyte[.gz] etc.) in `dir`.
std::unique_ptr<Dataset> openIdxDataset(const std::string& dir, const std::string& spec);
// CIFAR-10 (data_batch_N.bin, test_batch.bin) or CIFAR-100 (train.bin, test.bin) in `dir`.
std::unique_ptr<Dataset> openCifarDataset(const std::string& dir, const std::string& spec);
// torchvision ImageFolder layout: root/{train,test}/<class>/*, or root/<class>/* split by seed.
std::unique_ptr<Dataset> openImageFolder(const std::string& root, const std::string& spec, const OpenOptions& options);
// CSV manifest: path,label[,split]; paths relative to the CSV's directory.
std::unique_ptr<Dataset> openCsvManifest(const std::string& csv, const std::string& spec, const OpenOptions& options);
// WebDataset tar shards (key.jpg|png + key.cls) directly in `dir`, read in place
// (data/tar_shard_dataset.h).
std::unique_ptr<Dataset> openTarShards(const std::string& dir, const std::string& spec, const OpenOptions& options);

// Class names of Fashion-MNIST, in label order.
const std::vector<std::string>& fashionMnistClassNames();

}  // namespace ps
