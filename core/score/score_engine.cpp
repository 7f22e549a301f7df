#include "score/score_engine.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "data/dataset.h"
#include "job/job.h"
#include "model/model_factory.h"
#include "model/torchscript_model.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_hooks.h"
#include "score/score_registry.h"
#include "score/score_run_store.h"
#include "score/seed_compute.h"
#include "score/seed_training.h"
#include "store/run_guard.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "train/batch_source.h"
#include "train/run_curves.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps {

namespace {

// The project's scores that bring a hook of their own (score/score_registry.h): one
// entry each, registered before main() runs. (The built-in scores share hooks, so
// runSeed in score/seed_training.cpp creates theirs itself.) This file is in every
// program that scores, so the entries are in every list such a program shows.
std::vector<ScoreInfo> hookedScores() { return {}; }

[[maybe_unused]] const bool kHookedScoresRegistered = [] {
  for (auto& s : hookedScores()) registerScore(std::move(s));
  return true;
}();

// The seeds' predictions, combined, taken out of the seeds' values (they are no scores).
Predictions takePredictions(std::vector<SeedValues>& seeds, const std::vector<int>& labels) {
  std::vector<SeedPredictions> each;
  for (auto& sv : seeds) {
    const auto top = sv.find(kPredictedTop), label = sv.find(kPredictedLabel);
    if (top != sv.end() && label != sv.end())
      each.push_back({std::vector<int32_t>(top->second.difficulty.begin(), top->second.difficulty.end()),
                      top->second.raw, label->second.difficulty});
    sv.erase(kPredictedTop);
    sv.erase(kPredictedLabel);
  }
  if (each.size() != seeds.size()) return {};
  return combineSeeds(each, labels);
}

void aggregate(const std::vector<SeedValues>& seeds, ScoreRun& run) {
  for (const auto& kv : seeds.front()) {
    const std::string& name = kv.first;
    const size_t n = kv.second.difficulty.size();
    std::vector<float> mean(n, 0.f), rawMean(n, 0.f), sd(n, 0.f);
    const double s = static_cast<double>(seeds.size());
    for (size_t i = 0; i < n; ++i) {
      double m = 0, r = 0, q = 0;
      for (const auto& sv : seeds) {
        const double d = sv.at(name).difficulty[i];
        m += d;
        q += d * d;
        r += sv.at(name).raw[i];
      }
      m /= s;
      mean[i] = static_cast<float>(m);
      rawMean[i] = static_cast<float>(r / s);
      sd[i] = static_cast<float>(std::sqrt(std::max(0.0, q / s - m * m)));
    }
    run.difficulty[name] = std::move(mean);
    run.raw[name] = std::move(rawMean);
    run.spread[name] = std::move(sd);
    double corr = 0;
    int pairs = 0;
    for (size_t a = 0; a < seeds.size(); ++a)
      for (size_t b = a + 1; b < seeds.size(); ++b) {
        const double c = spearman(seeds[a].at(name).difficulty, seeds[b].at(name).difficulty);
        if (!std::isnan(c)) {
          corr += c;
          ++pairs;
        }
      }
    run.seedSpearman[name] = pairs ? corr / pairs : std::numeric_limits<double>::quiet_NaN();
    run.names.push_back(name);
  }
}

// Values stored beside a score as "<score>/<what>" (semdedup/order): no score of their own.
void takeCompanions(ScoreRun& run) {
  for (const auto& name : std::vector<std::string>(run.names)) {
    if (name.find('/') == std::string::npos) continue;
    run.companions[name] = std::move(run.difficulty.at(name));
    run.names.erase(std::find(run.names.begin(), run.names.end(), name));
    run.difficulty.erase(name);
    run.raw.erase(name);
    run.spread.erase(name);
    run.seedSpearman.erase(name);
  }
}

// Refuses scores that cannot rank: non-finite values fail the run; with health checks,
// a score without spread is left out (the run fails when no score is left).
void checkScores(ScoreRun& run, bool healthChecks, const JobContext& ctx) {
  std::string firstRefusal;
  for (const auto& name : std::vector<std::string>(run.names)) {
    checkFiniteScores(name, run.difficulty.at(name));
    checkFiniteScores(name + " (raw)", run.raw.at(name));
    if (!healthChecks || name == "random") continue;
    const std::string why = noSpreadReason(name, run.difficulty.at(name));
    if (why.empty()) continue;
    if (firstRefusal.empty()) firstRefusal = why;
    run.refused[name] = why;
    run.names.erase(std::find(run.names.begin(), run.names.end(), name));
    run.difficulty.erase(name);
    run.raw.erase(name);
    run.spread.erase(name);
    run.seedSpearman.erase(name);
    ctx.log("left out: " + why);
  }
  if (run.names.empty()) throw TrainingError(firstRefusal);
}

// A scoring request checked and keyed: what a whole run and a single seed share.
struct ScoreRequest {
  ScoreConfig cfg;
  int64_t n = 0;  // examples scored
  std::string config, key;
};

ScoreRequest prepareRequest(const Dataset& ds, const ScoreConfig& configIn) {
  ScoreRequest req;
  req.cfg = configIn;
  ScoreConfig& cfg = req.cfg;
  std::sort(cfg.scores.begin(), cfg.scores.end());
  cfg.scores.erase(std::unique(cfg.scores.begin(), cfg.scores.end()), cfg.scores.end());
  const int64_t total = static_cast<int64_t>(ds.size(Split::Train));
  req.n = cfg.limit > 0 ? std::min(cfg.limit, total) : total;
  if (cfg.limit > total)
    throw ConfigError("limit " + std::to_string(cfg.limit) + " is larger than the training split (" +
                      std::to_string(total) + " examples)");
  cfg.validate(req.n);
  req.config = cfg.toJson();
  req.key = Store::cacheKey(runKindName(RunKind::Score), req.config, ds.fingerprint());
  return req;
}

// Checks the models (a TorchScript file loaded and probed) before any run is recorded,
// then begins or resumes the request's run; returns the device it computes on.
torch::Device beginScoring(const Dataset& ds, Store& store, const ScoreRequest& req, ScoreRun& run) {
  const ScoreConfig& cfg = req.cfg;
  configureCompute(cfg.train.threads);
  const torch::Device device = chooseDevice(cfg.train.device);
  if (cfg.needsClassifier())
    makeClassifier(cfg.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), cfg.train.seed);
  if (cfg.prototypeEmbedding != "classifier" && cfg.prototypeEmbedding != "ssl" && cfg.needsEmbedding())
    TorchScriptEncoder(cfg.prototypeEmbedding, ds.shape());
  run.device = deviceName(device);
  run.runId = store.beginOrResumeRun(store.registerDataset(ds), runKindName(RunKind::Score), req.config, req.key,
                                     static_cast<int64_t>(cfg.train.seed), run.device, &run.resumed);
  run.trainedEpochs = cfg.needsClassifier() ? cfg.trainedEpochs() : 0;
  run.stoppedEarly = cfg.needsClassifier() && run.trainedEpochs < cfg.train.epochs;
  run.indices.resize(static_cast<size_t>(req.n));
  std::iota(run.indices.begin(), run.indices.end(), 0);
  return device;
}

}  // namespace

std::string scoreCacheKey(const Dataset& ds, const ScoreConfig& config) { return prepareRequest(ds, config).key; }

std::string seedValuesKey(int seedIndex) { return "seed" + std::to_string(seedIndex) + "/values"; }

ScoreRun scoreDataset(const Dataset& ds, Store& store, const ScoreConfig& configIn, JobContext& ctx) {
  const ScoreRequest req = prepareRequest(ds, configIn);
  const ScoreConfig& cfg = req.cfg;
  store.registerDataset(ds);
  if (auto done = store.findRun(req.key, RunStatus::Done)) {
    ScoreRun run = loadScoreRun(store, done->id);
    run.fromCache = true;
    ctx.report(1, 1, "answered from the store");
    return run;
  }
  ScoreRun run;
  const torch::Device device = beginScoring(ds, store, req, run);
  StoreCheckpoints checkpoints(store, run.runId);
  return runRecorded(store, run.runId, "cancelled; resumes from the last finished epoch", [&] {
    BatchSource data(ds, Split::Train, run.indices, device, size_t(4) << 30, &ctx);
    const SeedPlan plan = planSeeds(ds, cfg, device);
    if (!plan.why.empty()) ctx.log(plan.why);
    if (run.stoppedEarly)
      ctx.log("training stops after epoch " + std::to_string(run.trainedEpochs) + " of " +
              std::to_string(cfg.train.epochs) + ": every requested score is read by then");
    SeedShared shared(ds, data, cfg, device, store, run, checkpoints, ctx);
    std::vector<SeedValues> seeds = computeSeeds(shared, plan, run);
    checkSameScores(store, run.runId, seeds);
    run.predictions = takePredictions(seeds, ds.labelsOf(Split::Train, run.indices));
    aggregate(seeds, run);
    takeCompanions(run);
    checkScores(run, cfg.train.healthChecks, ctx);
    for (auto& c : loadTrainingCurves(store, run.runId)) run.curves.push_back(std::move(c.curve));
    storeRun(store, run, runKindName(RunKind::Score), cfg.seeds);
    run.seconds = store.run(run.runId).elapsedSeconds;
    ctx.report(1, 1, "done");
    return run;
  });
}

bool scoreOneSeed(const Dataset& ds, Store& store, const ScoreConfig& configIn, int seedIndex, JobContext& ctx) {
  const ScoreRequest req = prepareRequest(ds, configIn);
  if (seedIndex < 0 || seedIndex >= req.cfg.seeds)
    throw ConfigError("seed index " + std::to_string(seedIndex) + " is outside the request's " +
                      std::to_string(req.cfg.seeds) + " seeds (expected 0.." + std::to_string(req.cfg.seeds - 1) + ")");
  if (req.cfg.seeds == 1) return scoreDataset(ds, store, configIn, ctx).fromCache;
  store.registerDataset(ds);
  if (store.findRun(req.key, RunStatus::Done)) return true;
  ScoreRun run;
  const torch::Device device = beginScoring(ds, store, req, run);
  StoreCheckpoints checkpoints(store, run.runId);
  const bool before = checkpoints.load(seedValuesKey(seedIndex)).has_value();
  runRecorded(store, run.runId, "cancelled; resumes from the last finished epoch", [&] {
    if (!before) {
      BatchSource data(ds, Split::Train, run.indices, device, size_t(4) << 30, &ctx);
      SeedShared shared(ds, data, req.cfg, device, store, run, checkpoints, ctx);
      seedValues(shared, seedIndex, ctx);
    }
    // Not done: the run is whole once every seed is in (a merge of the shards completes it).
    store.finishRun(run.runId, RunStatus::Interrupted,
                    "seed " + std::to_string(seedIndex) + " of " + std::to_string(req.cfg.seeds) +
                        " computed; the other seeds are computed by other tasks");
    ctx.report(1, 1, "done");
  });
  return before;
}

}  // namespace ps
