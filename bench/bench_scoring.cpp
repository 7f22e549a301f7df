// Benchmark: training a model (default small_cnn on Fashion-MNIST) and scoring EL2N,
// against a Python reference doing exactly the same work (same architecture, batch
// size, epochs, augmentation, optimiser and threads) with Debian's python3-torch, run
// from here as a child process. Prints both throughputs, their ratio, and the achieved
// FLOP/s as a fraction of a measured fp32 matrix-product peak on this machine.
//
//   bench_scoring [--epochs E] [--threads T] [--python /usr/bin/python3] [--reference FILE.py|none]
//                 [--model small_cnn|resnet18] [--data fashion-mnist|PATH] [--limit N]
//                 [--device auto|cpu|cuda|cuda:N] [--batch-size B] [--augment 1|0] [--warmup-epochs W]
//                 [--seeds S] [--pack-seeds P] [--old 1|0]
// With --seeds S (> 1) it measures an S-seed EL2N request instead (the default recipe,
// --epochs of schedule, EL2N at 20 %) through the scoring engine, three ways in fresh
// stores: the old path (seeds one after another, every epoch trained), one after another
// stopping at the EL2N epoch, and the seeds trained together (--pack-seeds, default as
// the engine chooses) stopping there; it prints the wall times, the early-stop and packing
// gains separately, the ratio to the old path, the agreement of the scores, and the
// together run's training FLOP/s against the GEMM peak. --old 0 leaves the old path out.
// With --warmup-epochs W, W more epochs are trained first and left out of the timing (as
// a GPU reference leaves out its cuDNN autotuning epoch). Besides the text, it prints
// key=value lines for scripts: train_images_per_s, score_images_per_s, epoch_seconds.
#include <torch/torch.h>

#include <unistd.h>
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
#include "score/rank_stats.h"
#include "score/score_engine.h"
#include "store/store.h"
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

// Multiply-accumulates of one ResNet-18 (CIFAR form) forward pass on H×W×C input with K
// classes: about 0.56 G at 32×32 (the convolutions; batch norm and additions left out).
double resnet18Macs(int64_t h, int64_t w, int64_t c, int64_t k) {
  double macs = double(h) * w * 64 * c * 9;  // stem
  int64_t in = 64;
  for (const int64_t width : {64, 128, 256, 512}) {
    if (width != 64) {
      h = (h + 1) / 2, w = (w + 1) / 2;
      macs += double(h) * w * width * in;  // the 1×1 shortcut
    }
    macs += double(h) * w * width * (in + 3 * width) * 9;  // four 3×3 convolutions
    in = width;
  }
  return macs + 512.0 * k;
}

// Multiply-accumulates of one small_cnn forward pass on H×W×C input with K classes.
double smallCnnMacs(int h, int w, int c, int k) {
  const int h2 = h / 2, w2 = w / 2, h4 = h / 4, w4 = w / 4;  // after each 2×2 max-pool (rounded down)
  return double(h) * w * 16 * c * 9 + double(h2) * w2 * 32 * 16 * 9 + 32.0 * h4 * w4 * 128 + 128.0 * k;
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

struct Options {
  int epochs = 2, threads = 0, warmupEpochs = 0, batchSize = 128, augment = 1, seeds = 1, packSeeds = 0, old = 1;
  int64_t limit = 0;
  std::string python = "/usr/bin/python3", model = "small_cnn", data = "fashion-mnist", device = "auto";
  std::string reference = std::string(PRUNESCOPE_SOURCE_DIR) + "/bench/reference_scoring.py";
  // The Python reference mirrors the defaults only.
  bool referenceApplies() const {
    return model == "small_cnn" && data == "fashion-mnist" && limit == 0 && warmupEpochs == 0 && batchSize == 128 &&
           augment;
  }
};

Options parseOptions(int argc, char** argv) {
  Options o;
  const std::map<std::string, std::string*> text = {{"--python", &o.python},
                                                    {"--reference", &o.reference},
                                                    {"--model", &o.model},
                                                    {"--data", &o.data},
                                                    {"--device", &o.device}};
  const std::map<std::string, int*> numbers = {{"--epochs", &o.epochs},
                                               {"--threads", &o.threads},
                                               {"--batch-size", &o.batchSize},
                                               {"--augment", &o.augment},
                                               {"--warmup-epochs", &o.warmupEpochs},
                                               {"--seeds", &o.seeds},
                                               {"--pack-seeds", &o.packSeeds},
                                               {"--old", &o.old}};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (text.count(k)) *text.at(k) = argv[i + 1];
    if (numbers.count(k)) *numbers.at(k) = std::atoi(argv[i + 1]);
    if (k == "--limit") o.limit = std::atoll(argv[i + 1]);
  }
  return o;
}

void compareWithPython(const Options& o, int threads, double trainRate, double scoreRate) {
  if (o.reference == "none") return;
  if (!o.referenceApplies()) {
    std::printf("no Python reference for these settings (it mirrors the defaults: small_cnn on fashion-mnist)\n");
    return;
  }
  const auto py = runPython(o.python, o.reference, o.epochs, threads);
  if (py.count("train_images_per_s") && py.count("score_images_per_s")) {
    std::printf("Python reference (python3-torch, same work):\n");
    std::printf("  training: %9.0f images/s   ratio C++/Python %.2f  (target >= 1.2)\n", py.at("train_images_per_s"),
                trainRate / py.at("train_images_per_s"));
    std::printf("  EL2N scoring: %9.0f images/s   ratio C++/Python %.2f  (target >= 1.2)\n",
                py.at("score_images_per_s"), scoreRate / py.at("score_images_per_s"));
  } else {
    std::printf("Python reference did not run (is python3-torch installed? %s %s)\n", o.python.c_str(),
                o.reference.c_str());
  }
}

// Seconds of the timed epochs: with warm-up epochs, the sum of the others' times (each
// ends with its last step's loss on the host); else the whole run's wall time.
double timedTrainingSeconds(ps::Trainer& trainer, const Options& o, const torch::Device& device) {
  ps::JobContext ctx;
  const auto t0 = Clock::now();
  trainer.run(ctx, {}, "bench", {});
  if (device.is_cuda()) torch::cuda::synchronize();
  if (o.warmupEpochs == 0) return seconds(t0);
  double s = 0;
  for (const auto& e : trainer.curve().epochs)
    if (e.epoch > o.warmupEpochs) s += e.seconds;
  return s;
}

// One way of computing the S-seed EL2N request, timed, in a fresh store.
ps::ScoreRun timedRequest(const ps::Dataset& ds, ps::ScoreConfig cfg, const std::string& tag, double& wall) {
  const std::string db = "/tmp/bench_scoring_seeds_" + tag + "_" + std::to_string(::getpid()) + ".sqlite";
  std::remove(db.c_str());
  ps::ScoreRun run;
  {
    ps::Store store(db);
    ps::JobContext ctx;
    const auto t0 = Clock::now();
    run = ps::scoreDataset(ds, store, cfg, ctx);
    wall = seconds(t0);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  std::printf("  %-44s %8.1f s  (trained %d of %d epochs, seeds %s)\n", tag.c_str(), wall, run.trainedEpochs,
              cfg.train.epochs, run.seedsComputed.c_str());
  std::fflush(stdout);
  return run;
}

int seedComparison(const Options& o) {
  auto ds = ps::openDataset(o.data);
  const int64_t total = static_cast<int64_t>(ds->size(ps::Split::Train));
  const int64_t n = o.limit > 0 ? std::min(total, o.limit) : total;
  ps::ScoreConfig cfg;
  cfg.scores = {"el2n"};
  cfg.seeds = o.seeds;
  cfg.limit = n;
  cfg.train.model = o.model;
  cfg.train.epochs = o.epochs;
  cfg.train.batchSize = o.batchSize;
  cfg.train.augment = o.augment != 0;
  cfg.train.threads = o.threads;
  cfg.train.device = o.device;
  cfg.train.healthChecks = false;
  std::printf("%d-seed EL2N, %s, %lld images, %d-epoch schedule (EL2N at epoch %d), batch %d\n", o.seeds,
              o.model.c_str(), static_cast<long long>(n), o.epochs, cfg.resolvedEl2nEpoch(), o.batchSize);
  double old = 0, early = 0, together = 0;
  auto oldCfg = cfg;
  oldCfg.sequentialSeeds = true;
  oldCfg.wholeSchedule = true;
  const ps::ScoreRun a = o.old ? timedRequest(*ds, oldCfg, "old path: sequential, every epoch", old) : ps::ScoreRun{};
  auto earlyCfg = cfg;
  earlyCfg.sequentialSeeds = true;
  const ps::ScoreRun b = timedRequest(*ds, earlyCfg, "sequential, stopping at the EL2N epoch", early);
  auto packedCfg = cfg;
  packedCfg.packSeeds = o.packSeeds;
  const ps::ScoreRun c = timedRequest(*ds, packedCfg, "seeds together, stopping at the EL2N epoch", together);
  if (o.old)
    std::printf("  early-stop gain (sequential): %.2fx   wall time against the old path: %.3fx\n", old / early,
                together / old);
  std::printf("  packing gain (both stopping early): %.2fx = wall time %.3fx of sequential with early stop\n",
              early / together, together / early);
  double worst = 0;
  const auto& x = c.difficulty.at("el2n");
  const auto& y = b.difficulty.at("el2n");
  for (size_t i = 0; i < x.size(); ++i) worst = std::max(worst, double(std::abs(x[i] - y[i])));
  std::printf("  EL2N together vs sequential: Spearman %.5f, largest difference %.2e\n", ps::spearman(x, y), worst);
  if (o.old) std::printf("  EL2N old path vs early stop: Spearman %.5f\n", ps::spearman(a.difficulty.at("el2n"), y));
  const auto shape = ds->shape();
  const auto classes = static_cast<int64_t>(ds->numClasses());
  const double macs = o.model == "resnet18"
                          ? resnet18Macs(shape.height, shape.width, shape.channels, classes)
                          : smallCnnMacs(shape.height, shape.width, shape.channels, static_cast<int>(classes));
  // Training FLOPs (forward + backward = 3 forward) plus the EL2N pass, over the wall time.
  const double flops = double(o.seeds) * double(n) * macs * 2 * (3.0 * cfg.resolvedEl2nEpoch() + 1);
  const double peak = gemmPeak();
  std::printf("  seeds together: %.2f GFLOP/s = %.1f%% of the fp32 GEMM peak (%.2f GFLOP/s), start-up included\n",
              flops / together / 1e9, 100 * flops / together / peak, peak / 1e9);
  std::printf("old_s=%.2f\nearly_s=%.2f\ntogether_s=%.2f\n", old, early, together);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parseOptions(argc, argv);
  if (o.seeds > 1) return seedComparison(o);
  ps::configureCompute(o.threads);
  const int threads = torch::get_num_threads();
  const torch::Device device = ps::chooseDevice(ps::DeviceChoice(o.device));
  auto ds = ps::openDataset(o.data);
  int64_t n = static_cast<int64_t>(ds->size(ps::Split::Train));
  if (o.limit > 0) n = std::min(n, o.limit);
  std::vector<int64_t> all(static_cast<size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, all, device, size_t(4) << 30);
  const auto classes = static_cast<int64_t>(ds->numClasses());

  ps::TrainConfig tc;
  tc.model = o.model;
  tc.epochs = o.warmupEpochs + o.epochs;
  tc.batchSize = o.batchSize;
  tc.seed = 0;
  tc.threads = threads;
  tc.augment = o.augment != 0;
  tc.healthChecks = false;  // a throughput figure, whether or not a short run learned
  auto model = ps::makeClassifier(o.model, ds->shape(), classes, 0);
  ps::Trainer trainer(*model, data, tc, device);
  const double trainSeconds = timedTrainingSeconds(trainer, o, device);

  // Scoring, best of three passes (the first also pays for one-time kernel setup).
  ps::JobContext ctx;
  double scoreSeconds = 1e30;
  torch::Tensor el2n;
  for (int rep = 0; rep < 3; ++rep) {
    const auto t0 = Clock::now();
    ps::EpochServices services(*model, data, device, 512, ctx, {});
    const auto& logits = services.logits();
    el2n = (torch::softmax(logits, 1) - torch::one_hot(data.labels(), classes).to(torch::kFloat32)).norm(2, 1);
    scoreSeconds = std::min(scoreSeconds, seconds(t0));
    std::printf("  scoring pass %d: %.0f images/s\n", rep + 1, double(n) / seconds(t0));
  }

  const double trainRate = double(n) * o.epochs / trainSeconds, scoreRate = double(n) / scoreSeconds;
  const auto shape = ds->shape();
  const double macs = o.model == "resnet18" ? resnet18Macs(shape.height, shape.width, shape.channels, classes)
                      : o.model == "small_cnn"
                          ? smallCnnMacs(shape.height, shape.width, shape.channels, static_cast<int>(classes))
                          : 0;
  const double trainFlops = trainRate * macs * 2 * 3, scoreFlops = scoreRate * macs * 2;
  const double peak = device.is_cuda() ? 0 : gemmPeak();
  std::printf(
      "PruneScope (C++), %s, %d threads, %s, batch %d, augmentation %s, %d epochs (+%d untimed) on %lld images\n",
      ps::deviceName(device).c_str(), threads, o.model.c_str(), o.batchSize, o.augment ? "on" : "off", o.epochs,
      o.warmupEpochs, static_cast<long long>(n));
  std::printf("  training: %9.0f images/s  (%.2f GFLOP/s)\n", trainRate, trainFlops / 1e9);
  std::printf("  EL2N scoring: %9.0f images/s  (%.2f GFLOP/s), mean EL2N %.4f\n", scoreRate, scoreFlops / 1e9,
              el2n.mean().item<double>());
  std::printf("train_images_per_s=%.0f\nscore_images_per_s=%.0f\nepoch_seconds=%.3f\n", trainRate, scoreRate,
              trainSeconds / o.epochs);
  if (peak > 0 && macs > 0)
    std::printf("  fp32 GEMM peak (2048^2 matmul): %.2f GFLOP/s -> training at %.1f%%, scoring at %.1f%% of peak\n",
                peak / 1e9, 100 * trainFlops / peak, 100 * scoreFlops / peak);
  compareWithPython(o, threads, trainRate, scoreRate);
  return 0;
}
