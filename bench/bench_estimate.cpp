// Benchmark of the time estimates the job forms and the CLI give before a job starts:
// one scoring, one frontier study and one scaling study on Fashion-MNIST, each estimated
// (core/study/work_estimate.h: the job's work against this store, at the rates measured
// on the dataset just before) and then run in the same process and timed. Prints per job the
// estimate, the wall time, their ratio estimate/actual and whether it lies within
// 0.5–2×; and, for reference, what the earlier estimate (the whole training split at one
// training rate on random inputs, a third for every pass) said of the same job.
//
//   bench_estimate [--examples N] [--epochs E] [--data fashion-mnist|PATH] [--model small_cnn]
//                  [--threads T] [--quick]
// --quick: 1 000 examples, 2 epochs, 2 000 test examples (a smoke run, not the figures).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "study/scaling_study.h"
#include "study/work_estimate.h"
#include "util/errors.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string data = "fashion-mnist", model = "small_cnn";
  int64_t examples = 3000, testLimit = 0;
  int epochs = 3, threads = 0;
};

// False on an unknown option.
bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    if (a == "--examples" && more)
      o.examples = std::stoll(argv[++i]);
    else if (a == "--epochs" && more)
      o.epochs = std::stoi(argv[++i]);
    else if (a == "--data" && more)
      o.data = argv[++i];
    else if (a == "--model" && more)
      o.model = argv[++i];
    else if (a == "--threads" && more)
      o.threads = std::stoi(argv[++i]);
    else if (a == "--quick") {
      o.examples = 1000;
      o.epochs = 2;
      o.testLimit = 2000;
    } else {
      return false;
    }
  }
  return true;
}

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The estimate before this change: the training split's size whatever the examples
// limit, the same work per epoch of every pass, one rate from random inputs.
double earlierWork(double pool, double test, const std::vector<double>& keeps, double policies, int epochs, int seeds) {
  double w = 0;
  for (double f : keeps) w += (f >= 1.0 ? 1.0 : policies) * (std::max(1.0, pool * f) * epochs + test / 3);
  return w * seeds;
}

struct Row {
  const char* job;
  double estimate, actual, earlier;
};

void print(const Row& r) {
  const double ratio = r.estimate / r.actual;
  std::printf(
      "  %-9s estimate %7.1f s   actual %7.1f s   estimate/actual %5.2f  %s   (earlier estimate %7.1f s, "
      "%5.2f)\n",
      r.job, r.estimate, r.actual, ratio, ratio >= 0.5 && ratio <= 2.0 ? "within 0.5-2x" : "OUTSIDE 0.5-2x", r.earlier,
      r.earlier / r.actual);
}

// The three jobs on one store, each estimated just before it starts.
struct Bench {
  Bench(const Options& opts, const ps::Dataset& dataset, ps::Store& st) : o(opts), ds(dataset), store(st) {}
  const Options& o;
  const ps::Dataset& ds;
  ps::Store& store;
  ps::TrainingRates rates;
  double randomRate = 0;  // the earlier estimate's rate
  ps::TrainConfig tc;
  double train = 0, test = 0;
  std::vector<Row> rows;
  ps::JobContext ctx;

  // The rates as the job forms have them when a job is set up: measured just before (the
  // load of a shared machine changes within minutes).
  void measure() {
    const auto t0 = Clock::now();
    rates = ps::measureTrainingRates(ds, tc);
    std::printf(
        "  rates (measured in %.1f s): training %.0f, inference %.0f, per-example gradients %.0f, "
        "loading %.0f examples/s, %.3f s per model\n",
        since(t0), rates.trainPerSecond, rates.evalPerSecond, rates.gradPerSecond, rates.loadPerSecond,
        rates.secondsPerTraining);
  }

  template <typename Run>
  void time(const char* job, double estimate, double earlier, Run run) {
    const auto t0 = Clock::now();
    run();
    rows.push_back({job, estimate, since(t0), earlier});
    print(rows.back());
  }

  int64_t scoring() {
    ps::ScoreConfig sc;
    sc.train = tc;
    sc.limit = o.examples;
    const double earlier =
        static_cast<double>(o.examples) * (o.epochs + static_cast<double>(sc.scores.size()) / 3) / randomRate;
    int64_t runId = 0;
    measure();
    time("scoring", ps::estimateSeconds(ps::scoringJobWork(ds, store, sc), rates), earlier,
         [&] { runId = ps::scoreDataset(ds, store, sc, ctx).runId; });
    return runId;
  }

  void frontier(int64_t scoreRun) {
    ps::FrontierConfig fc;
    fc.score.runId = scoreRun;
    fc.classBalanced = true;  // keep-hard at f = 0.2 would otherwise empty a class
    fc.train = tc;
    fc.testLimit = o.testLimit;
    measure();
    time("frontier", ps::estimateSeconds(ps::frontierJobWork(ds, store, fc), rates),
         earlierWork(train, test, fc.keeps, 3, o.epochs, 1) / randomRate,
         [&] { ps::runFrontierStudy(ds, store, fc, ctx); });
  }

  void scaling(int64_t scoreRun) {
    ps::ScalingConfig lc;
    lc.score.runId = scoreRun;
    lc.classBalanced = true;
    lc.policies = {ps::PrunePolicy::KeepHard.name(), ps::PrunePolicy::KeepEasy.name()};
    lc.minSize = o.examples / 6;
    lc.steps = 3;
    lc.train = tc;
    lc.testLimit = o.testLimit;
    double earlier = 0;
    for (int64_t pool : ps::geometricSizes(lc.minSize, static_cast<int64_t>(train), lc.steps))
      earlier += earlierWork(static_cast<double>(pool), test, lc.keeps, 2, o.epochs, 1);
    measure();
    time("scaling", ps::estimateSeconds(ps::scalingJobWork(ds, store, lc), rates), earlier / randomRate,
         [&] { ps::runScalingStudy(ds, store, lc, ctx); });
  }
};

void run(const Options& o, const fs::path& dir) {
  const auto ds = ps::openDataset(o.data);
  ps::Store store((dir / "bench.sqlite").string());
  Bench b(o, *ds, store);
  b.train = static_cast<double>(ds->size(ps::Split::Train));
  b.test = static_cast<double>(o.testLimit > 0 ? o.testLimit : int64_t(ds->size(ps::Split::Test)));
  b.tc.model = o.model;
  b.tc.epochs = o.epochs;
  b.tc.threads = o.threads;
  b.tc.device = ps::DeviceChoice("cpu");
  b.randomRate = ps::measureTrainingRate(o.model, ds->shape(), static_cast<int64_t>(ds->numClasses()), b.tc.batchSize,
                                         b.tc.device);
  std::printf(
      "bench_estimate: %s, %s, %lld examples, %d epochs, %.0f test examples, threads %s; earlier estimate's "
      "rate (random inputs) %.0f examples/s\n",
      o.data.c_str(), o.model.c_str(), static_cast<long long>(o.examples), o.epochs, b.test,
      o.threads > 0 ? std::to_string(o.threads).c_str() : "all", b.randomRate);
  const int64_t scoreRun = b.scoring();
  b.frontier(scoreRun);
  b.scaling(scoreRun);
  int inside = 0;
  for (const Row& row : b.rows) inside += row.estimate / row.actual >= 0.5 && row.estimate / row.actual <= 2.0;
  std::printf("  %d of %zu estimates within 0.5-2x of the wall time (target: all)\n", inside, b.rows.size());
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: bench_estimate [--examples N] [--epochs E] [--data D] [--model M] [--threads T] [--quick]\n");
    return 2;
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes (the run takes minutes)
  const fs::path dir = fs::temp_directory_path() / ("prunescope_bench_estimate_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int status = 0;
  try {
    run(o, dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_estimate: %s\n", ps::describeError(e).c_str());
    status = 1;
  }
  fs::remove_all(dir);
  return status;
}
