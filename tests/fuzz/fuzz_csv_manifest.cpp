// CSV manifests (path,label[,split]) next to two real PNG images, a.png and b.png.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/readers.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool images = [] {
    cv::imwrite(psfuzz::workDir() + "/a.png", cv::Mat(8, 8, CV_8UC1, cv::Scalar(10)));
    cv::imwrite(psfuzz::workDir() + "/b.png", cv::Mat(8, 8, CV_8UC1, cv::Scalar(200)));
    return true;
  }();
  (void)images;
  const std::string csv = psfuzz::writeFile("m.csv", std::string(reinterpret_cast<const char*>(data), size));
  psfuzz::expectOnlyProjectErrors([&] {
    auto ds = ps::openCsvManifest(csv, csv, {});
    if (ds->size(ps::Split::Train) > 0) (void)ds->image(ps::Split::Train, 0);
  });
  return 0;
}
