#include "score/score_run_store.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>

#include "data/dataset.h"
#include "score/predictions.h"
#include "score/score_engine.h"
#include "score/score_registry.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "train/run_curves.h"
#include "util/errors.h"

namespace ps {

void storeRun(Store& store, const ScoreRun& run, const std::string& kind, int seeds) {
  nlohmann::json summary;
  summary["kind"] = kind;
  summary["examples"] = run.indices.size();
  summary["seeds"] = seeds;
  summary["device"] = run.device;
  summary["trained_epochs"] = run.trainedEpochs;
  summary["stopped_early"] = run.stoppedEarly;
  summary["seeds_computed"] = run.seedsComputed;
  for (const auto& name : run.names) {
    const double c = run.seedSpearman.at(name);
    summary["scores"][name]["seed_spearman"] = std::isnan(c) ? nlohmann::json() : nlohmann::json(c);
    summary["scores"][name]["description"] = scoreDescription(name);
  }
  for (const auto& [name, why] : run.refused) summary["refused"][name] = why;
  Store::Transaction t(store);
  for (const auto& name : run.names) {
    store.putVector(run.runId, name, run.difficulty.at(name));
    store.putVector(run.runId, name + "/raw", run.raw.at(name));
    store.putVector(run.runId, name + "/std", run.spread.at(name));
  }
  for (const auto& [name, values] : run.companions) store.putVector(run.runId, name, values);
  store.putIndexVector(run.runId, "indices", run.indices);
  putPredictions(store, run.runId, run.predictions);
  store.putResult(run.runId, "summary", summary.dump());
  store.finishRun(run.runId, RunStatus::Done);
  store.clearCheckpoints(run.runId);
  t.commit();
}

namespace {

// A run's summary result as a JSON object (empty when absent); StoreError when damaged.
nlohmann::json runSummary(const Store& store, int64_t runId) {
  auto summary = nlohmann::json::parse(store.result(runId, "summary").value_or("{}"), nullptr, false);
  if (!summary.is_object())
    throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s summary is not a JSON object");
  return summary;
}

// An import's raw values and spread when they were not stored (they follow from the
// difficulty and the file's direction); the stored vectors otherwise.
void readRawAndSpread(const Store& store, ScoreRun& run, const std::vector<std::string>& stored,
                      const nlohmann::json& about) {
  const std::string& name = run.names.back();
  const std::vector<float>& diff = run.difficulty[name];
  if (std::binary_search(stored.begin(), stored.end(), name + "/raw")) {
    run.raw[name] = store.vector(run.runId, name + "/raw");
  } else {
    const bool harder = about.contains("higher_is_harder") && about["higher_is_harder"].is_boolean()
                            ? about["higher_is_harder"].get<bool>()
                            : true;
    std::vector<float>& raw = run.raw[name];
    raw.resize(diff.size());
    for (size_t i = 0; i < diff.size(); ++i) raw[i] = harder ? diff[i] : -diff[i];
  }
  run.spread[name] = std::binary_search(stored.begin(), stored.end(), name + "/std")
                         ? store.vector(run.runId, name + "/std")
                         : std::vector<float>(diff.size(), 0.f);
}

}  // namespace

std::vector<int64_t> loadRunIndices(const Store& store, int64_t runId) {
  std::vector<int64_t> indices = store.indexVector(runId, "indices");
  if (!indices.empty()) return indices;
  const nlohmann::json summary = runSummary(store, runId);
  if (!summary.value("all_examples", false)) return indices;
  const auto n = summary.value("examples", int64_t(-1));
  if (n < 0 || n > (int64_t(1) << 32))
    throw StoreError(store.path() + ": run " + std::to_string(runId) + " covers every example but states " +
                     std::to_string(n) + " examples; the store is damaged");
  indices.resize(static_cast<size_t>(n));
  std::iota(indices.begin(), indices.end(), int64_t(0));
  return indices;
}

ScoreRun loadScoreRun(const Store& store, int64_t runId) {
  ScoreRun run;
  const RunRecord rec = store.run(runId);
  if (rec.status != RunStatus::Done)
    throw StoreError(store.path() + ": run " + std::to_string(runId) + " is " + runStatusName(rec.status) +
                     ", not done");
  run.runId = runId;
  run.device = rec.device;
  run.seconds = rec.elapsedSeconds;
  run.indices = loadRunIndices(store, runId);
  for (auto& c : loadTrainingCurves(store, runId)) run.curves.push_back(std::move(c.curve));
  run.predictions = loadPredictions(store, runId, run.indices.size());
  const nlohmann::json summary = runSummary(store, runId);
  if (summary.contains("trained_epochs") && summary["trained_epochs"].is_number_integer())
    run.trainedEpochs = summary["trained_epochs"].get<int>();
  if (summary.contains("stopped_early") && summary["stopped_early"].is_boolean())
    run.stoppedEarly = summary["stopped_early"].get<bool>();
  if (summary.contains("seeds_computed") && summary["seeds_computed"].is_string())
    run.seedsComputed = summary["seeds_computed"].get<std::string>();
  if (summary.contains("refused") && summary["refused"].is_object())
    for (const auto& [name, why] : summary["refused"].items())
      run.refused[name] = why.is_string() ? why.get<std::string>() : std::string("no spread");
  const std::vector<std::string> stored = store.vectorNames(runId);  // sorted by name
  for (const auto& name : stored) {
    if (name == "indices" || name.find('/') != std::string::npos) continue;
    const auto c = summary.value("scores", nlohmann::json::object()).value(name, nlohmann::json::object());
    run.names.push_back(name);
    run.difficulty[name] = store.vector(runId, name);
    readRawAndSpread(store, run, stored, c);
    for (const auto* v : {&run.difficulty[name], &run.raw[name], &run.spread[name]})
      if (v->size() != run.indices.size())
        throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s score '" + name + "' holds " +
                         std::to_string(v->size()) + " values for " + std::to_string(run.indices.size()) +
                         " examples; the store is damaged");
    run.seedSpearman[name] = c.contains("seed_spearman") && c["seed_spearman"].is_number()
                                 ? c["seed_spearman"].get<double>()
                                 : std::numeric_limits<double>::quiet_NaN();
  }
  return run;
}

ScoreRun loadScoreRunFor(const Store& store, int64_t runId, const Dataset& ds) {
  const RunRecord rec = store.run(runId);
  const std::string which = "run " + std::to_string(runId);
  if (!isScoreLikeRun(rec.kind)) throw ConfigError(which + " is a " + rec.kind + " run, not a score or import run");
  const auto own = store.findDataset(ds.fingerprint());
  if (!own || own->id != rec.datasetId) {
    std::string made = "another dataset";
    for (const auto& d : store.datasets())
      if (d.id == rec.datasetId) made = d.spec + " (fingerprint " + d.fingerprint + ")";
    throw ConfigError(which + " was made on " + made + ", not on " + ds.spec() + " (fingerprint " + ds.fingerprint() +
                      "); its scores rank other examples");
  }
  ScoreRun run = loadScoreRun(store, runId);
  const size_t n = ds.size(Split::Train);
  for (const int64_t i : run.indices)
    if (i < 0 || static_cast<size_t>(i) >= n)
      throw StoreError(store.path() + ": " + which + " scores example " + std::to_string(i) + ", outside the " +
                       std::to_string(n) + " training examples of " + ds.spec() + "; the store is damaged");
  return run;
}

std::vector<CachedScoreRun> listScoreRuns(const Store& store, const std::string& fingerprint) {
  std::vector<CachedScoreRun> out;
  const auto ds = store.findDataset(fingerprint);
  if (!ds) return out;
  for (const RunRecord& r : store.runs(ds->id)) {
    if (!isScoreLikeRun(r.kind) || r.status != RunStatus::Done) continue;
    CachedScoreRun c{r.id, r.kind, r.config, r.finishedAt, r.device, r.elapsedSeconds, {}};
    for (const auto& name : store.vectorNames(r.id))
      if (name != "indices" && name.find('/') == std::string::npos) c.names.push_back(name);
    out.push_back(c);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace ps
