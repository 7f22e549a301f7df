// Benchmark: training a model (default small_cnn on Fashion-MNIST) and scoring EL2N,
// against a Python reference doing exactly the same work (same architecture, batch
// size, epochs, augmentation, optimiser and threads) with Debian's python3-torch, run
// from here as a child process. Prints both throughputs, their ratio, and the achieved
// FLOP/s as a fraction of a measured fp32 matrix-product peak on this machine.
//
//   bench_scoring [--epochs E] [--threads T] [--python /usr/bin/python3] [--reference FILE.py|none]
//                 [--model small_cnn|resnet18] [--data fashion-mnist|PATH] [--limit N]
//                 [--device auto|cpu|cuda|cuda:N] [--batch-size B] [--augment 1|0] [--warmup-epochs W]
//                 [--seeds S] [--pack-seeds P] [--old 1|0] [--time-seeds K] [--time-seeds-old K]
//                 [--profile 1]
// With --seeds S (> 1) it measures an S-seed EL2N request instead (the default recipe,
// --epochs of schedule, EL2N at 20 %) through the scoring engine, three ways in fresh
// stores: the old path (seeds one after another, every epoch trained), one after another
// stopping at the EL2N epoch, and the seeds trained together (--pack-seeds, default as
// the engine chooses) stopping there; it prints the wall times, the early-stop and packing
// gains separately, the ratio to the old path, the agreement of the scores, and the
// together run's training FLOP/s against the GEMM peak. --old 0 leaves the old path out.
// --time-seeds K times the early-stopping paths on seeds 0..K-1 only (the together path on
// a whole number of packs, at least one) and --time-seeds-old K the old path, and
// extrapolates linearly to S seeds (they are independent and of equal cost): each line
// says what was measured (seeds, wall and CPU seconds, the load average) and by how much
// it was multiplied. The load average is sampled every 5 s during each path.
// --old-only 1 times the old path alone (to run it beside a process timing the others).
// --profile 1 (one seed) runs the training under LibTorch's autograd profiler and prints
// the operators' self time and the convolutions' achieved FLOP/s against the GEMM peak.
// With --warmup-epochs W, W more epochs are trained first and left out of the timing (as
// a GPU reference leaves out its cuDNN autotuning epoch). Besides the text, it prints
// key=value lines for scripts: train_images_per_s, score_images_per_s, epoch_seconds.
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <sys/resource.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

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

// User + system CPU seconds of this process so far.
double cpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// Best of three 2048×2048 fp32 products, in FLOP/s of wall time; `perCpuSecond`, when
// given, gets the best in FLOP/s of this process's CPU time (with one thread on a loaded
// machine, what a core does while it runs).
double gemmPeak(double* perCpuSecond = nullptr) {
  torch::NoGradGuard g;
  const auto a = torch::randn({2048, 2048}), b = torch::randn({2048, 2048});
  auto c = torch::mm(a, b);
  double best = 1e30, bestCpu = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto t = Clock::now();
    const double cpu0 = cpuSeconds();
    c = torch::mm(a, b);
    best = std::min(best, seconds(t));
    bestCpu = std::min(bestCpu, cpuSeconds() - cpu0);
  }
  const double flops = 2.0 * 2048.0 * 2048.0 * 2048.0;
  if (perCpuSecond) *perCpuSecond = flops / std::max(bestCpu, 1e-6);
  return flops / best;
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
  int timeSeeds = 0, timeSeedsOld = 0, profile = 0, oldOnly = 0;
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
                                               {"--old", &o.old},
                                               {"--time-seeds", &o.timeSeeds},
                                               {"--time-seeds-old", &o.timeSeedsOld},
                                               {"--profile", &o.profile},
                                               {"--old-only", &o.oldOnly}};
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

// "load average 1.23 (1 min)" now.
std::string loadNow() {
  double one = -1;
  if (FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &one) != 1) one = -1;
    std::fclose(f);
  }
  char text[64];
  std::snprintf(text, sizeof text, "load average %.2f (1 min)", one);
  return text;
}

// An operator's self time (its time less its children's) over a profiled run.
struct OpTime {
  double selfUs = 0;
  int64_t calls = 0;
};

std::map<std::string, OpTime> selfTimes(const torch::autograd::profiler::thread_event_lists& lists) {
  using torch::autograd::profiler::EventKind;
  using torch::autograd::profiler::LegacyEvent;
  std::map<std::string, OpTime> out;
  for (const auto& list : lists) {
    std::vector<std::pair<const LegacyEvent*, double>> open;  // pushed event, its children's time
    for (const auto& e : list) {
      if (e.kind() == EventKind::PushRange) {
        open.emplace_back(&e, 0.0);
      } else if (e.kind() == EventKind::PopRange && !open.empty()) {
        const auto [push, childUs] = open.back();
        open.pop_back();
        const double total = push->cpuElapsedUs(e);
        auto& t = out[push->name()];
        t.selfUs += total - childUs;
        ++t.calls;
        if (!open.empty()) open.back().second += total;
      }
    }
  }
  return out;
}

// Which group of the profile an operator's self time counts in: convolution forward,
// convolution backward, or everything else (named as the operator).
std::string opGroup(const std::string& name) {
  const bool conv = name.find("conv") != std::string::npos;
  if (conv && name.find("backward") != std::string::npos && name.find("autograd::") == std::string::npos)
    return "convolutions, backward (grad input + grad weight)";
  if (conv && name.find("autograd::") == std::string::npos) return "convolutions, forward";
  return name;
}

// Prints the operators taking the time of a profiled small_cnn training (self time, from
// LibTorch's autograd profiler) and the achieved FLOP/s of its convolutions against the
// GEMM peak: forward 2·MACs per image, backward the weight gradient of every layer and
// the input gradient of all but the first.
void printProfile(const torch::autograd::profiler::thread_event_lists& lists, double images, const Options& o,
                  const ps::Dataset& ds, double peak) {
  std::map<std::string, OpTime> groups;
  double totalUs = 0;
  for (const auto& [name, t] : selfTimes(lists)) {
    auto& g = groups[opGroup(name)];
    g.selfUs += t.selfUs;
    g.calls += t.calls;
    totalUs += t.selfUs;
  }
  std::vector<std::pair<std::string, OpTime>> rows(groups.begin(), groups.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.selfUs > b.second.selfUs; });
  const auto s = ds.shape();
  const double conv1 = double(s.height) * s.width * 16 * s.channels * 9;
  const int64_t h2 = s.height / 2, w2 = s.width / 2;  // after a 2x2 max-pool, rounded down
  const double conv2 = double(h2) * double(w2) * 32 * 16 * 9;
  std::map<std::string, double> flops;
  if (o.model == "small_cnn" || o.model == "small_cnn_nobn") {
    flops["convolutions, forward"] = images * 2 * (conv1 + conv2);
    flops["convolutions, backward (grad input + grad weight)"] = images * 2 * (conv1 + 2 * conv2);
  }
  std::printf("Profile (LibTorch autograd profiler, self time per operator over %.0f training images, %s):\n", images,
              loadNow().c_str());
  for (size_t i = 0; i < rows.size() && i < 18; ++i) {
    const auto& [name, t] = rows[i];
    std::printf("  %-52s %8.2f s %5.1f%% %8lld calls", name.c_str(), t.selfUs / 1e6, 100 * t.selfUs / totalUs,
                static_cast<long long>(t.calls));
    if (flops.count(name))
      std::printf("  %6.2f GFLOP/s = %4.1f%% of peak", flops[name] / t.selfUs / 1e3,
                  100 * flops[name] / (t.selfUs / 1e6) / peak);
    std::printf("\n");
  }
  std::printf("  (profiled operators' self time in all: %.2f s)\n", totalUs / 1e6);
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

// The 1-minute load average, sampled every 5 s while a path runs (other processes share
// the machine: the figures are only comparable with the load they ran under).
class LoadSampler {
 public:
  LoadSampler() : thread_([this] { loop(); }) {}
  ~LoadSampler() { stop(); }
  // "load 1.2-3.4 (mean 2.1)" over the samples so far, after stopping.
  std::string stop() {
    if (thread_.joinable()) {
      {
        std::lock_guard<std::mutex> l(m_);
        done_ = true;
      }
      cv_.notify_all();
      thread_.join();
    }
    if (samples_.empty()) return "load unknown";
    const auto [lo, hi] = std::minmax_element(samples_.begin(), samples_.end());
    const double mean = std::accumulate(samples_.begin(), samples_.end(), 0.0) / double(samples_.size());
    char text[96];
    std::snprintf(text, sizeof text, "load average %.1f-%.1f (mean %.1f)", *lo, *hi, mean);
    return text;
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> l(m_);
    do {
      double one = 0;
      if (FILE* f = std::fopen("/proc/loadavg", "r")) {
        if (std::fscanf(f, "%lf", &one) == 1) samples_.push_back(one);
        std::fclose(f);
      }
    } while (!cv_.wait_for(l, std::chrono::seconds(5), [this] { return done_; }));
  }
  std::mutex m_;
  std::condition_variable cv_;
  bool done_ = false;
  std::vector<double> samples_;
  std::thread thread_;
};

// One way of computing the S-seed EL2N request, timed on `cfg.seeds` of its seeds (seeds
// 0 .. cfg.seeds-1) in a fresh store, and extrapolated linearly to `allSeeds` (the seeds
// are independent and of equal cost). Returns the run; `wall` is the extrapolated time.
ps::ScoreRun timedRequest(const ps::Dataset& ds, const ps::ScoreConfig& cfg, int allSeeds, const std::string& tag,
                          double& wall) {
  const std::string db = "/tmp/bench_scoring_seeds_" + std::to_string(::getpid()) + ".sqlite";
  std::remove(db.c_str());
  ps::ScoreRun run;
  double measured = 0, cpu = 0;
  std::string load;
  {
    ps::Store store(db);
    ps::JobContext ctx;
    LoadSampler sampler;
    const double cpu0 = cpuSeconds();
    const auto t0 = Clock::now();
    run = ps::scoreDataset(ds, store, cfg, ctx);
    measured = seconds(t0);
    cpu = cpuSeconds() - cpu0;
    load = sampler.stop();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  wall = measured * double(allSeeds) / double(cfg.seeds);
  std::printf("  %-44s %8.1f s  (trained %d of %d epochs, seeds %s)\n", tag.c_str(), wall, run.trainedEpochs,
              cfg.train.epochs, run.seedsComputed.c_str());
  if (cfg.seeds == allSeeds)
    std::printf("      measured: all %d seeds, %.1f s wall, %.1f s CPU, %s\n", allSeeds, measured, cpu, load.c_str());
  else
    std::printf("      measured: %s (%d of %d), %.1f s wall, %.1f s CPU, %s; EXTRAPOLATED x%.2f to %d seeds\n",
                cfg.seeds == 1 ? "seed 0" : ("seeds 0-" + std::to_string(cfg.seeds - 1)).c_str(), cfg.seeds, allSeeds,
                measured, cpu, load.c_str(), double(allSeeds) / cfg.seeds, allSeeds);
  std::fflush(stdout);
  return run;
}

double modelMacs(const Options& o, const ps::Dataset& ds) {
  const auto shape = ds.shape();
  const auto classes = static_cast<int64_t>(ds.numClasses());
  if (o.model == "resnet18") return resnet18Macs(shape.height, shape.width, shape.channels, classes);
  if (o.model == "small_cnn" || o.model == "small_cnn_nobn")
    return smallCnnMacs(shape.height, shape.width, shape.channels, static_cast<int>(classes));
  return 0;
}

// Seeds each path is timed on: `--time-seeds K` (default all) for the early-stopping
// paths, `--time-seeds-old` (default K) for the old path; the together path on a whole
// number of packs (at least one).
struct SeedSubsets {
  int pack = 1, early = 1, old = 1, together = 1;
};

SeedSubsets seedSubsets(const Options& o) {
  SeedSubsets k;
  const int cores = o.threads > 0 ? o.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  k.pack = o.packSeeds > 0 ? std::min(o.packSeeds, o.seeds) : std::min(o.seeds, cores);
  k.early = o.timeSeeds > 0 ? std::min(o.timeSeeds, o.seeds) : o.seeds;
  k.old = o.timeSeedsOld > 0 ? std::min(o.timeSeedsOld, o.seeds) : k.early;
  k.together = k.pack * std::max(1, k.early / k.pack);
  return k;
}

void printAgreement(const ps::ScoreRun& a, const ps::ScoreRun& b, const char* what) {
  const auto& x = a.difficulty.at("el2n");
  const auto& y = b.difficulty.at("el2n");
  double worst = 0;
  for (size_t i = 0; i < x.size(); ++i) worst = std::max(worst, double(std::abs(x[i] - y[i])));
  std::printf("  EL2N %s: Spearman %.5f, largest difference %.2e\n", what, ps::spearman(x, y), worst);
}

// The S-seed EL2N request of the comparison on `n` examples (health checks off: a
// throughput figure).
ps::ScoreConfig el2nRequest(const Options& o, int64_t n) {
  ps::ScoreConfig cfg;
  cfg.scores = {"el2n"};
  cfg.limit = n;
  cfg.train.model = o.model;
  cfg.train.epochs = o.epochs;
  cfg.train.batchSize = o.batchSize;
  cfg.train.augment = o.augment != 0;
  cfg.train.threads = o.threads;
  cfg.train.device = o.device;
  cfg.train.healthChecks = false;
  return cfg;
}

void printSeedRates(double flops, double early, double together, int threads, double peak) {
  const double sequentialRate = flops / early, togetherRate = flops / together;
  std::printf("  fp32 GEMM peak (2048^2 matmul, %d threads, best of the measurements before and after): %.2f GFLOP/s\n",
              threads, peak / 1e9);
  std::printf(
      "  sequential with early stop: %.2f GFLOP/s = %.1f%% of that peak; together: %.2f GFLOP/s = %.1f%% "
      "(start-up and the store included; target >= 60%%)\n",
      sequentialRate / 1e9, 100 * sequentialRate / peak, togetherRate / 1e9, 100 * togetherRate / peak);
}

int seedComparison(const Options& o) {
  auto ds = ps::openDataset(o.data);
  const int64_t total = static_cast<int64_t>(ds->size(ps::Split::Train));
  const int64_t n = o.limit > 0 ? std::min(total, o.limit) : total;
  const SeedSubsets k = seedSubsets(o);
  const ps::ScoreConfig cfg = el2nRequest(o, n);
  std::printf("%d-seed EL2N, %s, %lld images, %d-epoch schedule (EL2N at epoch %d), batch %d, %d threads; %s\n",
              o.seeds, o.model.c_str(), static_cast<long long>(n), o.epochs, cfg.resolvedEl2nEpoch(), o.batchSize,
              o.threads, loadNow().c_str());
  const int threads = o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
  at::set_num_threads(threads);
  const double peakBefore = gemmPeak();
  double old = 0, early = 0, together = 0;
  auto oldCfg = cfg;
  oldCfg.seeds = k.old;
  oldCfg.sequentialSeeds = oldCfg.seeds > 1;
  oldCfg.wholeSchedule = true;
  auto earlyCfg = cfg;
  earlyCfg.seeds = k.early;
  earlyCfg.sequentialSeeds = earlyCfg.seeds > 1;
  auto packedCfg = cfg;
  packedCfg.seeds = k.together;
  packedCfg.packSeeds = k.pack;
  if (o.oldOnly) {  // the old path alone (run beside another process timing the other two)
    timedRequest(*ds, oldCfg, o.seeds, "old path: sequential, every epoch", old);
    std::printf("old_s=%.2f\n", old);
    return 0;
  }
  // The early-stopping paths first: the old path is the longest, and the least needed
  // when time runs out.
  const ps::ScoreRun b = timedRequest(*ds, earlyCfg, o.seeds, "sequential, stopping at the EL2N epoch", early);
  const ps::ScoreRun c = timedRequest(*ds, packedCfg, o.seeds, "seeds together, stopping at the EL2N epoch", together);
  const ps::ScoreRun a =
      o.old ? timedRequest(*ds, oldCfg, o.seeds, "old path: sequential, every epoch", old) : ps::ScoreRun{};
  if (o.old)
    std::printf("  early-stop gain (sequential, old path / early stop): %.2fx  (wall %.3fx of the old path)\n",
                old / early, early / old);
  std::printf(
      "  packing gain (both stopping early, %d together): %.2fx  (wall %.3fx of sequential with early stop; "
      "target <= 0.7x for resnet18)\n",
      k.pack, early / together, together / early);
  if (o.old) std::printf("  together with early stop against the old path: %.3fx  (target <= 0.6x)\n", together / old);
  if (k.together == k.early) printAgreement(c, b, "together vs sequential (same seeds)");
  if (o.old && k.old == k.early) printAgreement(a, b, "old path vs early stop (same seeds)");
  // Training FLOPs (forward + backward = 3 forward) plus the EL2N pass, over the wall time.
  const double perSeed = double(n) * modelMacs(o, *ds) * 2 * (3.0 * cfg.resolvedEl2nEpoch() + 1);
  printSeedRates(perSeed * o.seeds, early, together, threads, std::max(peakBefore, gemmPeak()));
  std::printf("old_s=%.2f\nearly_s=%.2f\ntogether_s=%.2f\n", old, early, together);
  return 0;
}

struct Timings {
  double trainSeconds, trainCpu, scoreSeconds;
};

// Throughputs, FLOP/s and the GEMM peak (on the CPU); returns the peak (0 on a GPU).
double printTrainingFigures(const Options& o, const ps::Dataset& ds, int64_t n, const Timings& t,
                            const torch::Device& device, double meanEl2n) {
  const double trainRate = double(n) * o.epochs / t.trainSeconds, scoreRate = double(n) / t.scoreSeconds;
  const double macs = modelMacs(o, ds);
  const double trainFlops = trainRate * macs * 2 * 3, scoreFlops = scoreRate * macs * 2;
  double peakCpu = 0;
  const double peak = device.is_cuda() ? 0 : gemmPeak(&peakCpu);
  std::printf("  training: %9.0f images/s  (%.2f GFLOP/s)\n", trainRate, trainFlops / 1e9);
  std::printf("  EL2N scoring: %9.0f images/s  (%.2f GFLOP/s), mean EL2N %.4f\n", scoreRate, scoreFlops / 1e9,
              meanEl2n);
  std::printf("train_images_per_s=%.0f\nscore_images_per_s=%.0f\nepoch_seconds=%.3f\n", trainRate, scoreRate,
              t.trainSeconds / o.epochs);
  if (peak > 0 && macs > 0)
    std::printf("  fp32 GEMM peak (2048^2 matmul): %.2f GFLOP/s -> training at %.1f%%, scoring at %.1f%% of peak\n",
                peak / 1e9, 100 * trainFlops / peak, 100 * scoreFlops / peak);
  if (peak > 0 && macs > 0 && o.warmupEpochs == 0) {
    const double perCpu = double(n) * o.epochs * macs * 6 / t.trainCpu;
    std::printf(
        "  per CPU second of this process (%.1f s of CPU for %.1f s of training, %s): training %.2f "
        "GFLOP/s, GEMM %.2f GFLOP/s -> %.1f%% (with one thread, a core's share while it runs)\n",
        t.trainCpu, t.trainSeconds, loadNow().c_str(), perCpu / 1e9, peakCpu / 1e9, 100 * perCpu / peakCpu);
  }
  return peak;
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
  // --profile 1: the training under LibTorch's autograd profiler (operators' self time).
  if (o.profile)
    torch::autograd::profiler::enableProfilerLegacy(
        torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU));
  const double cpu0 = cpuSeconds();
  const double trainSeconds = timedTrainingSeconds(trainer, o, device);
  const double trainCpu = cpuSeconds() - cpu0;
  const auto profiled =
      o.profile ? torch::autograd::profiler::disableProfilerLegacy() : torch::autograd::profiler::thread_event_lists{};

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
  std::printf(
      "PruneScope (C++), %s, %d threads, %s, batch %d, augmentation %s, %d epochs (+%d untimed) on %lld images\n",
      ps::deviceName(device).c_str(), threads, o.model.c_str(), o.batchSize, o.augment ? "on" : "off", o.epochs,
      o.warmupEpochs, static_cast<long long>(n));
  const double peak =
      printTrainingFigures(o, *ds, n, {trainSeconds, trainCpu, scoreSeconds}, device, el2n.mean().item<double>());
  if (o.profile && peak > 0) printProfile(profiled, double(n) * tc.epochs, o, *ds, peak);
  compareWithPython(o, threads, trainRate, scoreRate);
  return 0;
}
