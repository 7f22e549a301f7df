#include "study/work_estimate.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/per_example_grad.h"
#include "score/score_engine.h"
#include "score/seed_scheduler.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "study/study_runner.h"
#include "study/train_eval.h"
#include "train/batch_source.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

JobWork& JobWork::operator+=(const JobWork& o) {
  trainSteps += o.trainSteps;
  evalPasses += o.evalPasses;
  gradPasses += o.gradPasses;
  loaded += o.loaded;
  trainings += o.trainings;
  togetherSteps += o.togetherSteps;
  togetherPasses += o.togetherPasses;
  togetherGrads += o.togetherGrads;
  together = std::max(together, o.together);
  return *this;
}

JobWork operator*(JobWork w, double times) {
  w.trainSteps *= times;
  w.evalPasses *= times;
  w.gradPasses *= times;
  w.loaded *= times;
  w.trainings *= times;
  w.togetherSteps *= times;
  w.togetherPasses *= times;
  w.togetherGrads *= times;
  return w;
}

double estimateSeconds(const JobWork& w, const TrainingRates& r) {
  if (!r.valid()) return -1;
  const double all = w.trainSteps / r.trainPerSecond + w.evalPasses / r.evalPerSecond + w.gradPasses / r.gradPerSecond +
                     w.loaded / r.loadPerSecond + w.trainings * r.secondsPerTraining;
  if (w.together <= 1 || r.together != w.together || r.togetherSpeedup <= 0) return all;
  const double together =
      w.togetherSteps / r.trainPerSecond + w.togetherPasses / r.evalPerSecond + w.togetherGrads / r.gradPerSecond;
  return all - together * (1 - 1 / r.togetherSpeedup);
}

namespace {

constexpr int64_t kEpochTestSample = 2000;  // trainAndEvaluate's test sample after each epoch but the last

// Kept examples of a pool at fraction f, as the pruning rounds them (at least one).
double keptOf(double pool, double keep) { return std::max(1.0, std::round(pool * keep)); }

// One study training: `kept` examples for `epochs`, evaluated as trainAndEvaluate does.
JobWork trainingWork(double kept, int epochs, int64_t test) {
  JobWork w;
  w.trainSteps = kept * epochs;
  w.evalPasses = static_cast<double>(std::max(0, epochs - 1) * std::min(test, kEpochTestSample) + test);
  w.loaded = kept + static_cast<double>(test);
  w.trainings = 1;
  return w;
}

int64_t testCount(int64_t testExamples, int64_t testLimit) {
  return testLimit > 0 ? std::min(testLimit, testExamples) : testExamples;
}

// Trainings of every pool × kept fraction, `series` of them below f = 1 and one at f = 1.
template <typename Config>
JobWork gridWork(const Config& c, const std::vector<int64_t>& pools, double series, int64_t test) {
  JobWork w;
  for (int64_t pool : pools)
    for (double keep : c.keeps) {
      const double trainings = keep >= 1.0 ? 1.0 : series;  // f = 1: the same subset for every series
      w += trainingWork(keptOf(static_cast<double>(pool), keep), budgetEpochs(c.train, c.budget, keep), test) *
           trainings;
    }
  return w * c.seeds;
}

bool wantsScore(const ScoreConfig& c, const char* name) {
  return std::find(c.scores.begin(), c.scores.end(), name) != c.scores.end();
}

}  // namespace

JobWork scoringWork(const ScoreConfig& c, int64_t trainExamples) {
  const double n = static_cast<double>(c.limit > 0 ? std::min(c.limit, trainExamples) : trainExamples);
  const bool protoAny = c.needsEmbedding();  // prototype, prototype_class, semdedup
  JobWork seed;
  if (c.needsClassifier()) {
    // Training stops at the last epoch a score is read at when every score is read early.
    const int trained = c.trainedEpochs();
    seed.trainSteps = n * trained;
    seed.trainings = 1;
    // Logits on un-augmented inputs, once per epoch that asks: EL2N's and the last one
    // (a run to the end keeps its final predictions); embeddings for prototypes.
    std::set<int> logitEpochs;
    if (trained == c.train.epochs) logitEpochs.insert(c.train.epochs);
    if (wantsScore(c, "el2n")) logitEpochs.insert(c.resolvedEl2nEpoch());
    seed.evalPasses = n * static_cast<double>(logitEpochs.size());
    if (protoAny && c.prototypeEmbedding == "classifier") seed.evalPasses += n;
    if (wantsScore(c, "grand")) seed.gradPasses = n;
  }
  if (protoAny && c.prototypeEmbedding == "ssl")
    seed.trainSteps += 2 * n * c.sslEpochs;  // two augmented views per example and step
  else if (protoAny && c.prototypeEmbedding != "classifier")
    seed.evalPasses += n;  // a TorchScript encoder's one pass
  JobWork w = seed * c.seeds;
  w.loaded += n;  // one batch source serves every seed
  const bool cuda = c.train.device.kind == DeviceChoice::Kind::Cuda ||
                    (c.train.device.kind == DeviceChoice::Kind::Auto && torch::cuda::is_available());
  w.together = seedsTogether(c, cuda);
  if (w.together > 1) {
    w.togetherSteps = w.trainSteps;
    w.togetherPasses = w.evalPasses;
    w.togetherGrads = w.gradPasses;
  }
  return w;
}

namespace {

// The examples a study's score covers when computed by its settings.
int64_t settingsPool(const StudyScore& s, int64_t trainExamples) {
  return s.config.limit > 0 ? std::min(s.config.limit, trainExamples) : trainExamples;
}

double frontierSeries(const FrontierConfig& c) {
  const auto policies = parsePolicies(c.policies);
  const auto random = static_cast<double>(std::count(policies.begin(), policies.end(), PrunePolicy::Random));
  const auto scores = static_cast<double>(1 + c.moreScores.size());
  return (static_cast<double>(policies.size()) - random) * scores + random;  // random needs no score: once
}

}  // namespace

JobWork frontierWork(const FrontierConfig& c, int64_t scoredExamples, int64_t testExamples) {
  return gridWork(c, {scoredExamples}, frontierSeries(c), testCount(testExamples, c.testLimit));
}

JobWork scalingWork(const ScalingConfig& c, int64_t scoredExamples, int64_t testExamples) {
  const std::vector<int64_t> pools =
      c.sizes.empty() ? geometricSizes(std::min(c.minSize, scoredExamples), scoredExamples, c.steps) : c.sizes;
  return gridWork(c, pools, static_cast<double>(c.policies.size()), testCount(testExamples, c.testLimit));
}

JobWork studyTrainingWork(const StudyPoint& p, int64_t testExamples, int64_t testLimit) {
  return trainingWork(static_cast<double>(p.trainIdx.size()), p.epochs, testCount(testExamples, testLimit));
}

double progressWeight(const JobWork& w) {
  // small_cnn on a CPU: an inference pass costs about a fifth of a training step, a
  // per-example gradient three, a load a twelfth
  return w.trainSteps + w.evalPasses / 5 + w.gradPasses * 3 + w.loaded / 12;
}

namespace {

bool scoreRunStored(const Dataset& ds, const Store& store, const ScoreConfig& c) {
  return store.findRun(scoreCacheKey(ds, c), RunStatus::Done).has_value();
}

// The scoring a study by settings runs (as resolveStudyScore widens it to every score named).
ScoreConfig studyScoring(const StudyScore& s, std::vector<std::string> needed) {
  ScoreConfig cfg = s.config;
  needed.push_back(s.name);
  for (const auto& n : needed)
    if (!wantsScore(cfg, n.c_str())) {
      cfg.scores = needed;
      break;
    }
  return cfg;
}

// The trainings of a study's points the store does not hold yet (each subset once).
JobWork pointsWork(const Dataset& ds, const Store& store, const StudyPoints& sp) {
  const auto test = testCount(static_cast<int64_t>(ds.size(Split::Test)), sp.spec.testLimit);
  std::set<std::string> seen;
  JobWork w;
  for (const StudyPoint& p : sp.points) {
    TrainConfig tc = sp.spec.train;
    tc.epochs = p.epochs;
    tc.seed = p.seed;
    const std::string key = trainCacheKey(ds, p.trainIdx, tc, sp.spec.testLimit);
    if (!seen.insert(key).second || store.findRun(key, RunStatus::Done)) continue;
    w += studyTrainingWork(p, test, 0);
  }
  return w;
}

// A study's work: nothing when finished; its real points when its score is stored; else
// its scoring and the grid on the examples that scoring covers.
template <typename Config, typename Points, typename Grid>
JobWork studyJobWork(const Dataset& ds, Store& store, const Config& c, const char* kind,
                     const std::vector<std::string>& scores, Points points, Grid grid) {
  c.validate();
  if (findFinishedStudy(store, ds, StudyRunSpec{kind, c.toJson(), c.train, c.testLimit})) return {};
  const ScoreConfig scoring = studyScoring(c.score, scores);
  if (c.score.runId > 0 || scoreRunStored(ds, store, scoring)) {
    JobContext quiet;
    return pointsWork(ds, store, points(ds, store, c, quiet));
  }
  const auto train = static_cast<int64_t>(ds.size(Split::Train));
  JobWork w = scoringWork(scoring, train);
  w += grid(c, settingsPool(c.score, train), static_cast<int64_t>(ds.size(Split::Test)));
  return w;
}

}  // namespace

JobWork scoringJobWork(const Dataset& ds, const Store& store, const ScoreConfig& c) {
  if (scoreRunStored(ds, store, c)) return {};
  return scoringWork(c, static_cast<int64_t>(ds.size(Split::Train)));
}

JobWork frontierJobWork(const Dataset& ds, Store& store, const FrontierConfig& c) {
  std::vector<std::string> scores{c.score.name};
  scores.insert(scores.end(), c.moreScores.begin(), c.moreScores.end());
  return studyJobWork(ds, store, c, runKindName(RunKind::Frontier), scores, frontierStudyPoints, frontierWork);
}

JobWork scalingJobWork(const Dataset& ds, Store& store, const ScalingConfig& c) {
  return studyJobWork(ds, store, c, runKindName(RunKind::Scaling), {c.score.name}, scalingStudyPoints, scalingWork);
}

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

// Median seconds of `step` over at least `minSteps` calls and `minSeconds` (at most
// `maxSteps`), after `warmup` untimed calls (allocations, thread pools, kernel choices).
template <typename Step>
double medianSeconds(Step step, int warmup, int minSteps, double minSeconds, int maxSteps, bool cuda) {
  for (int i = 0; i < warmup; ++i) step();
  if (cuda) torch::cuda::synchronize();
  std::vector<double> times;
  double total = 0;
  while (static_cast<int>(times.size()) < maxSteps &&
         (static_cast<int>(times.size()) < minSteps || total < minSeconds)) {
    const auto t0 = Clock::now();
    step();
    if (cuda) torch::cuda::synchronize();
    times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    total += times.back();
  }
  return median(times);
}

// Steps of the project's training loop on `data` (augmentation, batches, update), timed
// between consecutive steps; returns examples per second at the median step.
double trainerRate(Classifier& model, const BatchSource& data, const TrainConfig& train, const torch::Device& dev,
                   int steps) {
  TrainConfig tc = train;
  tc.epochs = 1000;  // ended by the step control below
  tc.healthChecks = false;
  Trainer trainer(model, data, tc, dev);
  std::vector<double> times;
  auto last = Clock::now();
  double total = 0;
  constexpr int kWarmup = 2;
  trainer.setStepControl([&](int64_t) { return train.lr * 0.1; },
                         [&](int64_t step, double) {
                           const auto now = Clock::now();
                           const double dt = std::chrono::duration<double>(now - last).count();
                           last = now;
                           if (step < kWarmup) return true;
                           times.push_back(dt);
                           total += dt;
                           return static_cast<int>(times.size()) < 40 &&
                                  (static_cast<int>(times.size()) < steps || total < 0.5);
                         });
  JobContext quiet;
  trainer.run(quiet, {}, "rate", {});
  const double t = median(times);
  return t > 0 ? static_cast<double>(train.batchSize) / t : 0.0;
}

// Summed examples per second of `together` seeds stepping at once, each on its own thread
// with `threadsEach` intra-op threads, its own model (seed k) and trainer over `data`.
double togetherRate(const Dataset& ds, const BatchSource& data, const TrainConfig& train, const torch::Device& dev,
                    int steps, int together, int threadsEach) {
  std::vector<double> rates(static_cast<size_t>(together));
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(together));
  std::exception_ptr failed;
  std::mutex mu;
  for (int k = 0; k < together; ++k)
    workers.emplace_back([&, k] {
      try {
        at::set_num_threads(threadsEach);
        auto model = makeClassifier(train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()),
                                    train.seed + static_cast<uint64_t>(k));
        rates[static_cast<size_t>(k)] = trainerRate(*model, data, train, dev, steps);
      } catch (...) {
        const std::lock_guard<std::mutex> hold(mu);
        failed = std::current_exception();
      }
    });
  for (auto& w : workers) w.join();
  if (failed) std::rethrow_exception(failed);
  return std::accumulate(rates.begin(), rates.end(), 0.0);
}

}  // namespace

TrainingRates measureTrainingRates(const Dataset& ds, const TrainConfig& train, int steps, int together) {
  train.validate();
  if (steps < 1) throw ConfigError("a training rate needs a positive step count");
  configureCompute(train.threads);
  const torch::Device dev = chooseDevice(train.device);
  const bool cuda = dev.is_cuda();
  const auto classes = static_cast<int64_t>(ds.numClasses());
  const auto total = static_cast<int64_t>(ds.size(Split::Train));
  if (total == 0) throw ConfigError("the dataset has no training examples to measure a training rate on");
  // Enough examples for several steps between epoch ends, and for two inference batches.
  const int64_t n = std::min<int64_t>(total, std::max<int64_t>(int64_t(6) * train.batchSize, 1024));
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  auto perSecond = [](double examples, double seconds) { return examples / std::max(seconds, 1e-9); };
  TrainingRates r;
  r.loadPerSecond = perSecond(
      static_cast<double>(n),
      medianSeconds([&] { BatchSource probe(ds, Split::Train, idx, dev, size_t(4) << 30); }, 1, 2, 0.1, 5, cuda));
  BatchSource data(ds, Split::Train, idx, dev, size_t(4) << 30);
  std::unique_ptr<Classifier> model;
  r.secondsPerTraining =
      medianSeconds([&] { model = makeClassifier(train.model, ds.shape(), classes, train.seed); }, 0, 1, 0.0, 3, cuda);
  r.trainPerSecond = trainerRate(*model, data, train, dev, steps);
  if (together > 1 && r.trainPerSecond > 0) {
    const int cores =
        train.threads > 0 ? train.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    r.together = together;
    r.togetherSpeedup =
        togetherRate(ds, data, train, dev, steps, together, std::max(1, cores / together)) / r.trainPerSecond;
  }
  model->setTraining(false);
  std::vector<int64_t> all(idx.size());
  std::iota(all.begin(), all.end(), 0);
  const std::vector<int64_t> evalPos(all.begin(), all.begin() + std::min<int64_t>(n, 512));
  auto infer = [&] {
    c10::InferenceMode guard;
    model->forward(data.batch(evalPos)).argmax(1).cpu();
  };
  r.evalPerSecond = perSecond(static_cast<double>(evalPos.size()), medianSeconds(infer, 1, steps, 0.3, 40, cuda));
  // per-example gradients in the batches GraNd's pass uses (EpochServices::gradSqNorms):
  // a call costs nearly as much for 32 examples as for 128
  const int64_t gradBatch = std::min<int64_t>(n, model->recordsLayers() ? 128 : 32);
  const std::vector<int64_t> gradPos(all.begin(), all.begin() + gradBatch);
  const auto gy = data.labels().index_select(0, torch::arange(gradBatch, torch::kInt64)).to(dev);
  auto grads = [&] { perExampleGradSqNorms(*model, data.batch(gradPos), gy); };
  r.gradPerSecond = perSecond(static_cast<double>(gradBatch), medianSeconds(grads, 1, 2, 0.2, 20, cuda));
  return r;
}

double measureTrainingRate(const std::string& model, const ImageShape& shape, int64_t classes, int batchSize,
                           const DeviceChoice& device, int batches) {
  if (batchSize < 1 || batches < 1) throw ConfigError("a training rate needs a positive batch size and step count");
  configureCompute(0);
  const torch::Device dev = chooseDevice(device);
  auto net = makeClassifier(model, shape, classes, 0);
  net->to(dev);
  net->setTraining(true);
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
  // inputs without drawing from torch's global generator (a running job's may be in use)
  const auto x = torch::linspace(-1, 1, int64_t(batchSize) * shape.channels * shape.height * shape.width)
                     .reshape({batchSize, shape.channels, shape.height, shape.width})
                     .to(dev);
  const auto y = torch::arange(int64_t(batchSize), torch::kInt64).remainder(std::max<int64_t>(classes, 1)).to(dev);
  const double t = medianSeconds(
      [&] {
        opt.zero_grad();
        torch::nn::functional::cross_entropy(net->forward(x), y).backward();
        opt.step();
      },
      2, batches, 0.3, 50, dev.is_cuda());
  return t > 0 ? static_cast<double>(batchSize) / t : 0.0;
}

}  // namespace ps
