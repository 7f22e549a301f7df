// IDX images and labels (plain or gzip) and the classes.txt names file: an MNIST-style
// folder whose train and test files are the input's parts.
#include <filesystem>

#include "data/readers.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto p = psfuzz::parts(data, size, 4);
  const std::string dir = psfuzz::workDir() + "/idx";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  // A gzip magic in the images part selects the .gz names.
  const bool gz = p[0].size() >= 2 && static_cast<uint8_t>(p[0][0]) == 0x1f && static_cast<uint8_t>(p[0][1]) == 0x8b;
  const std::string ext = gz ? ".gz" : "";
  psfuzz::writeFile("idx/train-images-idx3-ubyte" + ext, p[0]);
  psfuzz::writeFile("idx/train-labels-idx1-ubyte" + ext, p[1]);
  psfuzz::writeFile("idx/t10k-images-idx3-ubyte" + ext, p[0]);
  psfuzz::writeFile("idx/t10k-labels-idx1-ubyte" + ext, p[2].empty() ? p[1] : p[2]);
  if (!p[3].empty()) psfuzz::writeFile("idx/classes.txt", p[3]);
  psfuzz::expectOnlyProjectErrors([&] {
    auto ds = ps::openIdxDataset(dir, dir);
    if (ds->size(ps::Split::Train) > 0) (void)ds->image(ps::Split::Train, 0);
  });
  return 0;
}
