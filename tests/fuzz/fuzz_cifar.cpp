// CIFAR-10 and CIFAR-100 binary batches and their class-name files: the input's first
// part is the training batch, the second the test batch, the third the names file; a
// first byte 'C' selects the CIFAR-100 layout.
#include <filesystem>

#include "data/readers.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bool hundred = size > 0 && data[0] == 'C';
  const auto p = psfuzz::parts(data + (hundred ? 1 : 0), size - (hundred ? 1 : 0), 3);
  const std::string dir = psfuzz::workDir() + "/cifar";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  psfuzz::writeFile(hundred ? "cifar/train.bin" : "cifar/data_batch_1.bin", p[0]);
  psfuzz::writeFile(hundred ? "cifar/test.bin" : "cifar/test_batch.bin", p[1].empty() ? p[0] : p[1]);
  if (!p[2].empty()) psfuzz::writeFile(hundred ? "cifar/fine_label_names.txt" : "cifar/batches.meta.txt", p[2]);
  psfuzz::expectOnlyProjectErrors([&] {
    auto ds = ps::openCifarDataset(dir, dir);
    if (ds->size(ps::Split::Train) > 0) (void)ds->image(ps::Split::Train, 0);
  });
  return 0;
}
