#include "study/study_runner.h"

#include <torch/torch.h>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>

#include "data/dataset.h"
#include "job/job.h"
#include "model/model_factory.h"
#include "score/score_engine.h"
#include "score/score_order.h"
#include "store/example_tags.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "study/group_error.h"
#include "study/train_eval.h"
#include "study/work_estimate.h"
#include "util/errors.h"

namespace ps {

ResolvedScore resolveStudyScore(const Dataset& ds, Store& store, const StudyScore& score, JobContext& ctx,
                                const std::string& nameIn, const std::vector<std::string>& alsoNeeded) {
  const std::string name = nameIn.empty() ? score.name : nameIn;
  ScoreRun run;
  if (score.runId > 0) {
    run = loadScoreRunFor(store, score.runId, ds);
  } else {
    ScoreConfig cfg = score.config;
    std::vector<std::string> needed = alsoNeeded;
    needed.push_back(score.name);
    needed.push_back(name);
    bool missing = false;
    for (const auto& n : needed) missing |= std::find(cfg.scores.begin(), cfg.scores.end(), n) == cfg.scores.end();
    if (missing) cfg.scores = needed;  // one scoring run computes them all
    JobContext sub(ctx, nullptr);
    run = scoreDataset(ds, store, cfg, sub);
  }
  if (!run.difficulty.count(name))
    throw ConfigError("score run " + std::to_string(run.runId) + " has no score '" + name + "'");
  ResolvedScore out{run.runId, run.indices, run.difficulty.at(name), 0, tieBreakKey(run.predictions), {}};
  if (out.tieKey.size() != out.indices.size()) out.tieKey.clear();
  if (score.excludeTagged) {
    const std::vector<int64_t> excluded = excludedExamples(store, ds);  // sorted
    size_t kept = 0;
    for (size_t p = 0; p < out.indices.size(); ++p) {
      if (std::binary_search(excluded.begin(), excluded.end(), out.indices[p])) continue;
      out.indices[kept] = out.indices[p];
      if (!out.tieKey.empty()) out.tieKey[kept] = out.tieKey[p];
      out.difficulty[kept++] = out.difficulty[p];
    }
    out.excluded = static_cast<int64_t>(out.indices.size() - kept);
    out.indices.resize(kept);
    out.difficulty.resize(kept);
    if (!out.tieKey.empty()) out.tieKey.resize(kept);
    if (kept == 0) throw ConfigError("every scored example is tagged 'exclude': nothing is left to prune");
  }
  return out;
}

namespace {

std::string cacheKeyOf(const Dataset& ds, const StudyRunSpec& spec) {
  return Store::cacheKey(spec.kind, spec.configJson, ds.fingerprint());
}

nlohmann::json numbersOrNull(const std::vector<double>& v) {
  nlohmann::json j = nlohmann::json::array();
  for (double x : v) j.push_back(std::isnan(x) ? nlohmann::json() : nlohmann::json(x));
  return j;
}

nlohmann::json toJson(const PointOutcome& o) {
  return {{"error", o.error},
          {"per_class_accuracy", o.perClassAccuracy},
          {"per_group_accuracy", numbersOrNull(o.perGroupAccuracy)},
          {"kept", o.kept},
          {"train_run", o.trainRun},
          {"learned", o.learned}};
}

// A point stored by this or an earlier version (scaling points had no per-class
// accuracy; a class never predicted is stored as null). StoreError when unreadable.
PointOutcome outcomeFromJson(const Store& store, const std::string& key, const std::string& text) {
  try {
    const auto j = nlohmann::json::parse(text);
    PointOutcome o;
    o.error = j.at("error").get<double>();
    o.kept = j.at("kept").get<int64_t>();
    o.trainRun = j.value("train_run", int64_t(0));
    o.learned = j.value("learned", true);
    for (const auto& a : j.value("per_class_accuracy", nlohmann::json::array()))
      o.perClassAccuracy.push_back(a.is_number() ? a.get<double>() : 0.0);
    for (const auto& a : j.value("per_group_accuracy", nlohmann::json::array()))
      o.perGroupAccuracy.push_back(a.is_number() ? a.get<double>() : std::nan(""));
    return o;
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(store.path() + ": study result '" + key + "' is damaged (" + e.what() + ")");
  }
}

// The test examples' labels and groups, for each point's per-group accuracy.
struct TestSide {
  std::vector<int> labels;
  TestGroups groups;
};

PointOutcome trainPoint(const Dataset& ds, Store& store, const StudyRunSpec& spec, const StudyPoint& point,
                        const TestSide& test, JobContext& ctx, double done, double weight, double total) {
  TrainConfig tc = spec.train;
  tc.epochs = point.epochs;
  tc.seed = point.seed;
  const EvalResult e = trainAndEvaluate(
      ds, store, point.trainIdx, tc, spec.testLimit, ctx,
      [&](double frac, const std::string& m) { ctx.report(done + frac * weight, total, point.label + " · " + m); },
      point.mustLearn);
  logPoint(ctx, point.label, e);
  return {e.error,
          e.perClassAccuracy,
          groupAccuracy(test.groups, test.labels, e.testPredictions),
          static_cast<int64_t>(point.trainIdx.size()),
          e.runId,
          e.learned};
}

}  // namespace

std::optional<int64_t> findFinishedStudy(const Store& store, const Dataset& ds, const StudyRunSpec& spec) {
  if (auto done = store.findRun(cacheKeyOf(ds, spec), RunStatus::Done)) return done->id;
  return std::nullopt;
}

int64_t runStudyPoints(const Dataset& ds, Store& store, const StudyRunSpec& spec, const std::vector<StudyPoint>& points,
                       JobContext& ctx,
                       const std::function<std::string(int64_t, const std::vector<PointOutcome>&)>& summarise) {
  const int64_t runId =
      store.beginOrResumeRun(store.registerDataset(ds), spec.kind, spec.configJson, cacheKeyOf(ds, spec),
                             static_cast<int64_t>(spec.train.seed), deviceName(chooseDevice(spec.train.device)));
  // Progress in proportion to each point's work (a scaling study's largest pool takes far
  // longer than its smallest), so that the time left it implies holds from the start.
  const int64_t test = static_cast<int64_t>(ds.size(Split::Test));
  std::vector<double> weights;
  weights.reserve(points.size());
  for (const StudyPoint& p : points) weights.push_back(progressWeight(studyTrainingWork(p, test, spec.testLimit)));
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  TestSide testSide{{}, testGroups(ds)};
  if (!testSide.groups.empty())
    for (size_t i = 0; i < ds.size(Split::Test); ++i) testSide.labels.push_back(ds.label(Split::Test, i));
  return runRecorded(store, runId, "cancelled; finished points are kept", [&] {
    std::vector<PointOutcome> outcomes;
    outcomes.reserve(points.size());
    double done = 0;
    for (const StudyPoint& point : points) {
      const double weight = weights[outcomes.size()];
      if (auto saved = store.result(runId, point.key)) {
        outcomes.push_back(outcomeFromJson(store, point.key, *saved));
      } else {
        outcomes.push_back(trainPoint(ds, store, spec, point, testSide, ctx, done, weight, total));
        store.putResult(runId, point.key, toJson(outcomes.back()).dump());  // stored as soon as it is done
      }
      done += weight;
      ctx.report(done, total, point.label + " done");
    }
    const std::string summary = summarise(runId, outcomes);
    Store::Transaction t(store);
    store.putResult(runId, "summary", summary);
    store.finishRun(runId, RunStatus::Done);
    t.commit();
    return runId;
  });
}

}  // namespace ps
