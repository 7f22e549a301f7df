#include "model/model_factory.h"

#include <malloc.h>

#include <filesystem>
#include <thread>

#include "model/resnet18.h"
#include "model/small_cnn.h"
#include "model/torchscript_model.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

const std::vector<std::string>& builtinModelNames() {
  static const std::vector<std::string> names = {"small_cnn", "resnet18", "small_cnn_nobn"};
  return names;
}

bool isBuiltinModel(const std::string& name) {
  for (const auto& n : builtinModelNames())
    if (n == name) return true;
  return false;
}

std::unique_ptr<Classifier> makeClassifier(const std::string& nameOrPath, const ImageShape& shape, int64_t classes,
                                           uint64_t seed) {
  torch::manual_seed(seed);
  if (nameOrPath == "small_cnn" || nameOrPath == "small_cnn_nobn") {
    if (shape.height < 4 || shape.width < 4)
      throw ConfigError(nameOrPath + " needs images of at least 4x4, got " + shape.str());
    return std::make_unique<SmallCnnClassifier>(shape.channels, shape.height, shape.width, classes,
                                                nameOrPath == "small_cnn");
  }
  if (nameOrPath == "resnet18") return std::make_unique<ResNet18Classifier>(shape.channels, classes);
  const std::string lower = toLower(nameOrPath);
  if (std::filesystem::exists(nameOrPath) || endsWith(lower, ".pt") || endsWith(lower, ".pth") ||
      endsWith(lower, ".ts"))
    return std::make_unique<TorchScriptClassifier>(nameOrPath, shape, classes);
  throw ConfigError("unknown model '" + nameOrPath + "': expected small_cnn, resnet18, small_cnn_nobn or a TorchScript file (.pt)");
}

torch::Device chooseDevice(const std::string& preference) {
  if (preference == "cpu") return torch::kCPU;
  if (preference == "cuda") {
    if (!torch::cuda::is_available()) throw ConfigError("device 'cuda' requested but LibTorch sees no CUDA GPU");
    return torch::kCUDA;
  }
  if (preference == "auto" || preference.empty()) return torch::cuda::is_available() ? torch::kCUDA : torch::kCPU;
  throw ConfigError("unknown device '" + preference + "': expected auto, cpu or cuda");
}

void configureCompute(int threads) {
  // Activations of a batch are tens of MB. glibc serves blocks that large with fresh
  // mmap()s by default, so every batch pays page faults for zeroed pages (on a 2-core
  // machine a third of training time went to the kernel). Keeping them on the heap,
  // and not trimming it, lets freed activations be reused: EL2N scoring went from
  // about 5 000 to 8 800 images/s. A process-wide setting, made where computation starts.
  static const bool tuned = [] {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed threshold
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    return true;
  }();
  (void)tuned;
  const int n = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (torch::get_num_threads() != n) torch::set_num_threads(n);
}

}  // namespace ps
