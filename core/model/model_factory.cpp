#include "model/model_factory.h"

#include <malloc.h>
#include <torch/torch.h>

#include <filesystem>
#include <mutex>
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

namespace {
std::unique_ptr<Classifier> buildClassifier(const std::string& nameOrPath, const ImageShape& shape, int64_t classes);
}  // namespace

std::unique_ptr<Classifier> makeClassifier(const std::string& nameOrPath, const ImageShape& shape, int64_t classes,
                                           uint64_t seed) {
  std::unique_ptr<Classifier> model;
  seededBuild(seed, [&] { model = buildClassifier(nameOrPath, shape, classes); });
  return model;
}

void seededBuild(uint64_t seed, const std::function<void()>& build) {
  // Seeding torch's global generator and drawing the initial weights from it happen as one
  // step: two jobs (or a job and the forms' rate probe) building models at once would
  // otherwise draw from each other's seed, and a seed would not give its weights.
  static std::mutex building;
  const std::lock_guard<std::mutex> lock(building);
  torch::manual_seed(seed);
  build();
}

namespace {
std::unique_ptr<Classifier> buildClassifier(const std::string& nameOrPath, const ImageShape& shape, int64_t classes) {
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
  throw ConfigError("unknown model '" + nameOrPath +
                    "': expected small_cnn, resnet18, small_cnn_nobn or a TorchScript file (.pt)");
}
}  // namespace

namespace {
// cuDNN times its convolution algorithms once per shape and keeps the fastest, as
// torch.backends.cudnn.benchmark = True does in Python; batches of a run share a shape.
torch::Device gpu(int index) {
  at::globalContext().setBenchmarkCuDNN(true);
  return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
}
}  // namespace

torch::Device chooseDevice(const DeviceChoice& choice) {
  if (choice.kind == DeviceChoice::Kind::Cpu) return torch::kCPU;
  const bool cuda = torch::cuda::is_available();
  if (choice.kind == DeviceChoice::Kind::Auto) return cuda ? gpu(0) : torch::Device(torch::kCPU);
  const int count = cuda ? static_cast<int>(torch::cuda::device_count()) : 0;
  if (count == 0) throw ConfigError("device '" + choice.str() + "' requested but LibTorch sees no CUDA GPU");
  const int index = std::max(0, choice.index);
  if (index >= count)
    throw ConfigError(
        "device '" + choice.str() + "' requested but LibTorch sees " + std::to_string(count) +
        (count == 1 ? " CUDA GPU (cuda:0)" : " CUDA GPUs (cuda:0 to cuda:" + std::to_string(count - 1) + ")"));
  return gpu(index);
}

std::string deviceName(const torch::Device& device) {
  if (!device.is_cuda()) return "cpu";
  return "cuda:" + std::to_string(device.has_index() ? device.index() : 0);
}

void configureCompute(int threads) {
  // Activations of a batch are tens of MB. glibc serves blocks that large with fresh
  // mmap()s by default, so every batch pays page faults for zeroed pages (on a 2-core
  // machine a third of training time went to the kernel). Keeping them on the heap,
  // and not trimming it, lets freed activations be reused: EL2N scoring went from
  // about 5 000 to 8 800 images/s. A process-wide setting, made where computation starts.
  static const bool tuned = [] {
    // Once, in a static initialiser (thread-safe), before this process trains anything.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);  // NOLINT(concurrency-mt-unsafe): glibc's largest allowed threshold
    mallopt(M_TRIM_THRESHOLD, 1 << 30);   // NOLINT(concurrency-mt-unsafe)
    return true;
  }();
  (void)tuned;
  const int n = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (torch::get_num_threads() != n) torch::set_num_threads(n);
}

}  // namespace ps
