// On the GPU, with the project's own model and gradient code: per-example gradient norms
// (GraNd) batched on the device against the one-example-at-a-time reference on the CPU,
// EL2N on the device against the CPU (fp32 and bf16 autocast), and ResNet-18 training
// throughput in fp32, bf16 autocast, and bf16 + channels-last. Prints figures and ratios;
// exits 1 when the device results disagree with the CPU's.
#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <functional>

#include "model/per_example_grad.h"
#include "model/resnet18.h"
#include "model/small_cnn.h"

namespace {

void autocast(bool on) {
#if defined(TORCH_VERSION_MAJOR) && (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))
  at::autocast::set_autocast_enabled(at::kCUDA, on);
  if (on) at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
  at::autocast::set_enabled(on);
  if (on) at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
  if (!on) at::autocast::clear_cache();
}

// Copies every parameter and buffer of `from` into `to` (same architecture).
void copyWeights(ps::Classifier& from, ps::Classifier& to) {
  torch::NoGradGuard g;
  auto a = from.parameters(), b = to.parameters();
  for (size_t i = 0; i < a.size(); ++i) b[i].copy_(a[i]);
  auto c = from.buffers(), d = to.buffers();
  for (size_t i = 0; i < c.size(); ++i) d[i].copy_(c[i]);
}

double relErr(const torch::Tensor& a, const torch::Tensor& b) {
  return ((a.cpu().to(torch::kDouble) - b.cpu().to(torch::kDouble)).abs().max() /
          b.cpu().to(torch::kDouble).abs().max().clamp_min(1e-12))
      .item<double>();
}

torch::Tensor el2n(ps::Classifier& m, const torch::Tensor& x, const torch::Tensor& y, int64_t classes) {
  torch::NoGradGuard g;
  m.setTraining(false);
  const auto p = torch::softmax(m.forward(x, nullptr).to(torch::kFloat), 1);
  return (p - torch::one_hot(y, classes).to(torch::kFloat)).norm(2, {1}).cpu();
}

void sync(const torch::Device& d) {
  if (d.is_cuda()) torch::cuda::synchronize();
}

// Images per second of SGD training steps on ResNet-18, batch 256 of 32×32×3.
double trainRate(const torch::Device& dev, bool bf16, bool channelsLast, int steps) {
  torch::manual_seed(1);
  ps::ResNet18Classifier net(3, 10);
  net.to(dev);
  if (channelsLast)
    for (auto& p : net.parameters())
      if (p.dim() == 4) p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
  torch::optim::SGD opt(net.parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
  auto x = torch::randn({256, 3, 32, 32}, dev);
  if (channelsLast) x = x.contiguous(at::MemoryFormat::ChannelsLast);
  const auto y = torch::randint(0, 10, {256}, torch::TensorOptions().dtype(torch::kLong).device(dev));
  net.setTraining(true);
  auto step = [&] {
    opt.zero_grad();
    if (bf16 && dev.is_cuda()) autocast(true);
    auto loss = torch::cross_entropy_loss(net.forward(x, nullptr), y);
    if (bf16 && dev.is_cuda()) autocast(false);
    loss.backward();
    opt.step();
  };
  for (int i = 0; i < 3; ++i) step();  // warm-up (cuDNN autotuning, allocator)
  sync(dev);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) step();
  sync(dev);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return 256.0 * steps / s;
}

}  // namespace

int main() {
  const bool cuda = torch::cuda::is_available();
  const torch::Device dev = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  std::printf("LibTorch %s, device %s, CUDA devices %d\n", TORCH_VERSION, dev.str().c_str(),
              static_cast<int>(torch::cuda::device_count()));
  if (cuda) at::globalContext().setBenchmarkCuDNN(true);
  bool ok = true;

  // 1. GraNd: small_cnn (28×28×1) and ResNet-18 (32×32×3), batched on the device against
  //    the one-example-at-a-time autograd reference on the CPU, same weights.
  struct Case {
    const char* name;
    std::function<std::unique_ptr<ps::Classifier>()> make;
    std::vector<int64_t> shape;
    int n;
  };
  const Case cases[] = {
      {"small_cnn", [] { return std::make_unique<ps::SmallCnnClassifier>(1, 28, 28, 10); }, {1, 28, 28}, 64},
      {"resnet18", [] { return std::make_unique<ps::ResNet18Classifier>(3, 10); }, {3, 32, 32}, 16}};
  for (const auto& c : cases) {
    torch::manual_seed(3);
    auto cpu = c.make(), gpu = c.make();
    copyWeights(*cpu, *gpu);
    gpu->to(dev);
    std::vector<int64_t> shape = {c.n};
    shape.insert(shape.end(), c.shape.begin(), c.shape.end());
    const auto x = torch::randn(shape), y = torch::randint(0, 10, {c.n}, torch::kLong);
    auto t0 = std::chrono::steady_clock::now();
    const auto onDevice = ps::perExampleGradSqNorms(*gpu, x.to(dev), y.to(dev));
    sync(dev);
    const double tDev = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    t0 = std::chrono::steady_clock::now();
    const auto reference = ps::perExampleGradSqNormsLoop(*cpu, x, y);
    const double tRef = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double e = relErr(onDevice, reference);
    std::printf("GraNd %-9s batched on %s vs CPU loop: max rel. error %.2e over %d examples (%.3f s vs %.3f s)\n",
                c.name, dev.str().c_str(), e, c.n, tDev, tRef);
    ok = ok && e < 1e-3;
    // 2. EL2N on the device (fp32, then bf16 autocast) against the CPU.
    const auto e32 = el2n(*gpu, x.to(dev), y.to(dev), 10), eCpu = el2n(*cpu, x, y, 10);
    if (cuda) autocast(true);
    const auto e16 = el2n(*gpu, x.to(dev), y.to(dev), 10);
    if (cuda) autocast(false);
    const double d32 = (e32 - eCpu).abs().max().item<double>(), d16 = (e16 - eCpu).abs().max().item<double>();
    std::printf("EL2N  %-9s on %s vs CPU: max abs diff fp32 %.2e, bf16 autocast %.2e (EL2N in [0, 1.41])\n", c.name,
                dev.str().c_str(), d32, d16);
    ok = ok && d32 < 1e-3 && d16 < 0.05;
  }

  // 3. Training throughput, ResNet-18.
  const int steps = cuda ? 60 : 2;
  const double fp32 = trainRate(dev, false, false, steps);
  const double bf16 = trainRate(dev, true, false, steps);
  const double bf16cl = trainRate(dev, true, true, steps);
  std::printf(
      "ResNet-18 training, batch 256, 32x32: fp32 %.0f img/s, bf16 autocast %.0f img/s (%.2fx), "
      "bf16 + channels-last %.0f img/s (%.2fx)\n",
      fp32, bf16, bf16 / fp32, bf16cl, bf16cl / fp32);
  std::printf("%s\n", ok ? "PROOF OK" : "PROOF FAILED");
  return ok ? 0 : 1;
}
