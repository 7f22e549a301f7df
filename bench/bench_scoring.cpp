// Benchmark: training the default model (small_cnn) on Fashion-MNIST and scoring EL2N,
// against a Python reference doing exactly the same work (same architecture, batch
// size, epochs, augmentation, optimiser and threads) with Debian's python3-torch, run
// from here as a child process. Prints both throughputs, their ratio, and the achieved
// FLOP/s as a fraction of a measured fp32 matrix-product peak on this machine.
//
//   bench_scoring [--epochs E] [--threads T] [--python /usr/bin/python3] [--reference FILE.py]
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <string>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "model/model_factory.h"
#include "model/small_cnn.h"
#include "train/batch_source.h"
#include "train/trainer.h"

using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a) { return std::chrono::duration<double>(Clock::now() - a).count(); }

// Best of three 2048×2048 fp32 products, in FLOP/s.
double gemmPeak() {
  torch::NoGradGuard g;
  const auto a = torch::randn({2048, 2048}), b = torch::randn({2048, 2048});
  auto c = torch::mm(a, b);
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto t = Clock::now();
    c = torch::mm(a, b);
    best = std::min(best, seconds(t));
  }
  return 2.0 * 2048.0 * 2048.0 * 2048.0 / best;
}

// Multiply-accumulates of one small_cnn forward pass on H×W×C input with K classes.
double smallCnnMacs(int h, int w, int c, int k) {
  return double(h) * w * 16 * c * 9 + double(h / 2) * (w / 2) * 32 * 16 * 9 + 32.0 * (h / 4) * (w / 4) * 128 +
         128.0 * k;
}

std::map<std::string, double> runPython(const std::string& python, const std::string& script, int epochs, int threads) {
  const std::string cmd = python + " " + script + " --epochs " + std::to_string(epochs) + " --threads " +
                          std::to_string(threads) + " --data " + ps::builtinFashionMnistDir();
  std::map<std::string, double> out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char line[512];
  while (std::fgets(line, sizeof line, p)) {
    std::fputs(("  [python] " + std::string(line)).c_str(), stdout);
    const std::string s(line);
    const auto eq = s.find('=');
    if (eq != std::string::npos) out[s.substr(0, eq)] = std::atof(s.c_str() + eq + 1);
  }
  if (pclose(p) != 0) out.clear();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int epochs = 2, threads = 0;
  std::string python = "/usr/bin/python3";
  std::string reference = std::string(PRUNESCOPE_SOURCE_DIR) + "/bench/reference_scoring.py";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--epochs") epochs = std::atoi(argv[i + 1]);
    if (k == "--threads") threads = std::atoi(argv[i + 1]);
    if (k == "--python") python = argv[i + 1];
    if (k == "--reference") reference = argv[i + 1];
  }
  ps::configureCompute(threads);
  threads = torch::get_num_threads();
  const torch::Device device = ps::chooseDevice("auto");
  auto ds = ps::openDataset("fashion-mnist");
  const int64_t n = static_cast<int64_t>(ds->size(ps::Split::Train));
  std::vector<int64_t> all(static_cast<size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, all, device, size_t(4) << 30);

  ps::TrainConfig tc;
  tc.epochs = epochs;
  tc.batchSize = 128;
  tc.seed = 0;
  tc.threads = threads;
  auto model = ps::makeClassifier("small_cnn", ds->shape(), 10, 0);
  ps::Trainer trainer(*model, data, tc, device);
  ps::JobContext ctx;
  auto t0 = Clock::now();
  trainer.run(ctx, {}, "bench", {});
  if (device.is_cuda()) torch::cuda::synchronize();
  const double trainSeconds = seconds(t0);

  // Scoring, best of three passes (the first also pays for one-time kernel setup).
  double scoreSeconds = 1e30;
  torch::Tensor el2n;
  for (int rep = 0; rep < 3; ++rep) {
    t0 = Clock::now();
    ps::EpochServices services(*model, data, device, 512, ctx, {});
    const auto& logits = services.logits();
    el2n = (torch::softmax(logits, 1) - torch::one_hot(data.labels(), 10).to(torch::kFloat32)).norm(2, 1);
    scoreSeconds = std::min(scoreSeconds, seconds(t0));
    std::printf("  scoring pass %d: %.0f images/s\n", rep + 1, double(n) / seconds(t0));
  }

  const double trainRate = double(n) * epochs / trainSeconds, scoreRate = double(n) / scoreSeconds;
  const double macs = smallCnnMacs(28, 28, 1, 10);
  const double trainFlops = trainRate * macs * 2 * 3, scoreFlops = scoreRate * macs * 2;
  const double peak = device.is_cuda() ? 0 : gemmPeak();
  std::printf("PruneScope (C++), %s, %d threads, small_cnn, batch 128, %d epochs on %lld images\n",
              device.is_cuda() ? "cuda" : "cpu", threads, epochs, static_cast<long long>(n));
  std::printf("  training: %9.0f images/s  (%.2f GFLOP/s)\n", trainRate, trainFlops / 1e9);
  std::printf("  EL2N scoring: %9.0f images/s  (%.2f GFLOP/s), mean EL2N %.4f\n", scoreRate, scoreFlops / 1e9,
              el2n.mean().item<double>());
  if (peak > 0)
    std::printf("  fp32 GEMM peak (2048^2 matmul): %.2f GFLOP/s -> training at %.1f%%, scoring at %.1f%% of peak\n",
                peak / 1e9, 100 * trainFlops / peak, 100 * scoreFlops / peak);

  const auto py = runPython(python, reference, epochs, threads);
  if (py.count("train_images_per_s") && py.count("score_images_per_s")) {
    std::printf("Python reference (python3-torch, same work):\n");
    std::printf("  training: %9.0f images/s   ratio C++/Python %.2f  (target >= 1.2)\n", py.at("train_images_per_s"),
                trainRate / py.at("train_images_per_s"));
    std::printf("  EL2N scoring: %9.0f images/s   ratio C++/Python %.2f  (target >= 1.2)\n",
                py.at("score_images_per_s"), scoreRate / py.at("score_images_per_s"));
  } else {
    std::printf("Python reference did not run (is python3-torch installed? %s %s)\n", python.c_str(),
                reference.c_str());
  }
  return 0;
}
