#include "score/score_engine.h"

#include <torch/torch.h>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <thread>

#include "data/dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/model_names.h"
#include "model/torchscript_model.h"
#include "score/kmeans.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_hooks.h"
#include "score/score_registry.h"
#include "score/seed_scheduler.h"
#include "score/semdedup.h"
#include "score/ssl_encoder.h"
#include "store/run_guard.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "train/batch_source.h"
#include "train/run_curves.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

namespace {

// The project's scores that bring a hook of their own (score/score_registry.h): one
// entry each, registered before main() runs. (The built-in scores share hooks, so
// runSeed below creates theirs itself.) This file is in every program that scores, so
// the entries are in every list such a program shows.
std::vector<ScoreInfo> hookedScores() { return {}; }

[[maybe_unused]] const bool kHookedScoresRegistered = [] {
  for (auto& s : hookedScores()) registerScore(std::move(s));
  return true;
}();

using SeedValues = std::map<std::string, ScoreValues>;

std::vector<uint8_t> packSeed(const SeedValues& v) {
  ByteWriter w;
  w.pod<uint64_t>(v.size());
  for (const auto& kv : v) w.str(kv.first).vec(kv.second.difficulty).vec(kv.second.raw);
  return w.bytes();
}

SeedValues unpackSeed(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  SeedValues v;
  const auto n = r.pod<uint64_t>();
  for (uint64_t i = 0; i < n; ++i) {
    const std::string name = r.str();
    ScoreValues s;
    s.difficulty = r.vec<float>();
    s.raw = r.vec<float>();
    v[name] = std::move(s);
  }
  return v;
}

bool wants(const ScoreConfig& c, const char* name) {
  return std::find(c.scores.begin(), c.scores.end(), name) != c.scores.end();
}

std::vector<float> tensorToVector(const torch::Tensor& t) {
  const auto c = t.to(torch::kCPU, torch::kFloat32).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// The examples' embeddings by the TorchScript encoder the prototype scores name.
torch::Tensor encoderEmbeddings(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg,
                                torch::Device device, JobContext& ctx,
                                const std::function<void(double, const std::string&)>& progress) {
  const int64_t n = data.size();
  TorchScriptEncoder enc(cfg.prototypeEmbedding, ds.shape());
  enc.to(device);
  torch::NoGradGuard guard;
  std::vector<int64_t> all(static_cast<size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  std::vector<torch::Tensor> parts;
  int64_t done = 0;
  data.forEachBatch(all, 256, [&](const std::vector<int64_t>& pos, const torch::Tensor& x) {
    ctx.throwIfCancelled();
    parts.push_back(enc.embed(x).cpu());
    done += static_cast<int64_t>(pos.size());
    progress(static_cast<double>(done) / static_cast<double>(n), "embedding with " + cfg.prototypeEmbedding);
  });
  return torch::cat(parts, 0);
}

// The random score of a seed: uniform in [0, 1), the same as raw value and difficulty.
ScoreValues randomScore(uint64_t seed, int64_t n) {
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  std::uniform_real_distribution<float> u(0.f, 1.f);
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = u(rng);
  return {v, v};
}

// A score read from a model at chance level ranks nothing: check at the epochs EL2N and
// GraNd are read, and at the end when training runs to it (the dynamics scores' last epoch).
std::vector<int> learningCheckEpochs(const ScoreConfig& cfg, int epochs, int trained) {
  std::vector<int> checks;
  if (trained == epochs) checks.push_back(epochs);
  if (wants(cfg, "el2n") && cfg.resolvedEl2nEpoch() >= 1) checks.push_back(cfg.resolvedEl2nEpoch());
  if (wants(cfg, "grand") && cfg.resolvedGrandEpoch() >= 1) checks.push_back(cfg.resolvedGrandEpoch());
  return checks;
}

// Everything one seed produces.
SeedValues runSeed(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int seedIndex,
                   torch::Device device, JobContext& ctx,
                   const std::function<void(double, const std::string&)>& progress,
                   const std::function<void(const TrainingCurve&)>& onEpoch) {
  const uint64_t seed = cfg.train.seed + static_cast<uint64_t>(seedIndex);
  SeedValues out;
  const int64_t n = data.size();
  const bool protoAgnostic = wants(cfg, "prototype"), protoClass = wants(cfg, "prototype_class");

  // Share of this seed's work: classifier training vs. the self-supervised encoder.
  const bool ssl = cfg.needsEmbedding() && cfg.prototypeEmbedding == "ssl";
  const double trainShare = cfg.needsClassifier() ? (ssl ? 0.7 : 1.0) : 0.0;

  if (cfg.needsClassifier()) {
    TrainConfig tc = cfg.train;
    tc.seed = seed;
    auto model = makeClassifier(cfg.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), seed);
    std::vector<std::unique_ptr<TrainHook>> hooks;
    if (wants(cfg, "el2n")) hooks.push_back(makeEl2nHook(cfg.resolvedEl2nEpoch()));
    if (wants(cfg, "grand")) hooks.push_back(makeGrandHook(cfg.resolvedGrandEpoch()));
    if (wants(cfg, "forgetting")) hooks.push_back(std::make_unique<ForgettingHook>(n, tc.epochs));
    if (wants(cfg, "aum") || wants(cfg, "confidence") || wants(cfg, "variability"))
      hooks.push_back(std::make_unique<TrainingDynamicsHook>(n));
    // Predictions, entropy, margin: of the final model, so only when training runs to the end.
    const int trained = cfg.trainedEpochs();
    if (trained == tc.epochs) hooks.push_back(std::make_unique<FinalPredictionHook>(tc.epochs));
    for (const auto& name : cfg.scores)  // registered scores bring their own hook
      if (const ScoreInfo* info = findScore(name); info && info->makeHook)
        hooks.push_back(info->makeHook(ScoreHookArgs{cfg, n, tc.epochs, seed}));
    if ((protoAgnostic || protoClass) && cfg.prototypeEmbedding == "classifier")
      hooks.push_back(std::make_unique<ClassifierPrototypeHook>(tc.epochs, cfg.prototypeK, cfg.prototypeKPerClass, seed,
                                                                protoAgnostic, protoClass));
    if (wants(cfg, "semdedup") && cfg.prototypeEmbedding == "classifier")
      hooks.push_back(std::make_unique<SemDedupHook>(tc.epochs, semDedupClusters(n, cfg.semdedupK), seed));
    std::vector<TrainHook*> raw;
    for (auto& h : hooks) raw.push_back(h.get());
    Trainer trainer(*model, data, tc, device);
    trainer.setLearningChecks(learningCheckEpochs(cfg, tc.epochs, trained));
    trainer.setStopAfter(trained);
    trainer.setEpochListener([&](TrainingCurve& curve) { onEpoch(curve); });
    trainer.run(ctx, raw, "seed" + std::to_string(seedIndex),
                [&](double f, const std::string& m) { progress(f * trainShare, m); });
    for (auto& h : hooks)
      for (auto& kv : h->results())
        if (wants(cfg, kv.first.substr(0, kv.first.find('/')).c_str()) || kv.first[0] == '@') out[kv.first] = kv.second;
  }

  if (cfg.needsEmbedding() && cfg.prototypeEmbedding != "classifier") {
    torch::Tensor emb;
    if (ssl) {
      emb = selfSupervisedEmbeddings(data, cfg.sslEpochs, seed, device, ctx, [&](double f, const std::string& m) {
        progress(trainShare + f * (1 - trainShare), m);
      });
    } else {
      emb = encoderEmbeddings(ds, data, cfg, device, ctx, progress);
    }
    if (protoAgnostic) {
      auto v = tensorToVector(prototypeDistance(emb, cfg.prototypeK, seed));
      out["prototype"] = {v, v};
    }
    if (protoClass) {
      auto v = tensorToVector(perClassPrototypeDistance(emb, data.labels(), cfg.prototypeKPerClass, seed));
      out["prototype_class"] = {v, v};
    }
    if (wants(cfg, "semdedup"))
      for (auto& kv : semDedupScores(emb, semDedupClusters(n, cfg.semdedupK), seed)) out[kv.first] = kv.second;
  }

  if (wants(cfg, "random")) out["random"] = randomScore(seed, n);
  return out;
}

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

}  // namespace

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

namespace {

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

// Seed values kept in a store may come from another machine (a merged cluster shard):
// every vector must hold one value per scored example.
SeedValues checkedSeedValues(const Store& store, int64_t runId, int s, const std::vector<uint8_t>& bytes, size_t n) {
  SeedValues v = unpackSeed(bytes);
  for (const auto& [name, values] : v) {
    const size_t want = name == kPredictedTop ? n * kTopClasses : n;  // the top classes: kTopClasses each
    if (values.difficulty.size() != want || values.raw.size() != want)
      throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s seed " + std::to_string(s) + " holds " +
                       std::to_string(values.difficulty.size()) + " values of '" + name + "' for " + std::to_string(n) +
                       " examples; the store is damaged");
  }
  return v;
}

// Every seed must hold the same scores (seeds merged from other stores may not).
void checkSameScores(const Store& store, int64_t runId, const std::vector<SeedValues>& seeds) {
  for (size_t s = 1; s < seeds.size(); ++s) {
    bool same = seeds[s].size() == seeds.front().size();
    for (const auto& kv : seeds.front()) same = same && seeds[s].count(kv.first) == 1;
    if (!same)
      throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s seed " + std::to_string(s) +
                       " holds other scores than seed 0; the store is damaged");
  }
}

// What the seeds of a scoring run share while computing: the store (its run, its
// checkpoints) and the job's context, reached under `lock` when seeds run together.
struct SeedShared {
  SeedShared(const Dataset& d, const BatchSource& b, const ScoreConfig& c, torch::Device dev, Store& st,
             const ScoreRun& r, CheckpointSink& sink, JobContext& context, std::mutex* l = nullptr)
      : ds(d),
        data(b),
        cfg(c),
        device(dev),
        store(st),
        run(r),
        checkpoints(sink),
        ctx(context),
        lock(l),
        fractions(static_cast<size_t>(c.seeds), 0.0),
        held(static_cast<size_t>(c.seeds)),
        finished(static_cast<size_t>(c.seeds), false) {}
  const Dataset& ds;
  const BatchSource& data;
  const ScoreConfig& cfg;
  torch::Device device;
  Store& store;
  const ScoreRun& run;
  CheckpointSink& checkpoints;
  JobContext& ctx;
  std::mutex* lock = nullptr;                  // null: one seed at a time
  std::vector<double> fractions;               // each seed's share done, for the progress
  std::vector<std::vector<std::string>> held;  // log lines of seeds after the one being shown
  std::vector<bool> finished;
  size_t shown = 0;  // the seed whose lines go out as they come: the others wait their turn

  std::unique_lock<std::mutex> hold() const {
    return lock ? std::unique_lock<std::mutex>(*lock) : std::unique_lock<std::mutex>();
  }
  // The seeds' lines in seed order, whatever order they are written in (under the lock).
  void logLine(int s, const std::string& line) {
    if (!lock || static_cast<size_t>(s) <= shown) return ctx.log(line);
    held[static_cast<size_t>(s)].push_back(line);
  }
  void seedFinished(int s) {
    if (!lock) return;
    finished[static_cast<size_t>(s)] = true;
    while (shown < finished.size() && finished[shown]) {
      ++shown;
      if (shown < held.size()) {
        for (const auto& line : held[shown]) ctx.log(line);
        held[shown].clear();
      }
    }
  }
  void flushHeld() {
    for (auto& lines : held) {
      for (const auto& line : lines) ctx.log(line);
      lines.clear();
    }
  }
};

// Checkpoints of seeds running together: one sink (the store) reached under a lock.
class LockedSink : public CheckpointSink {
 public:
  LockedSink(CheckpointSink& inner, std::mutex& lock) : inner_(inner), lock_(lock) {}
  void save(const std::string& key, const std::vector<uint8_t>& data) override {
    const std::lock_guard<std::mutex> hold(lock_);
    inner_.save(key, data);
  }
  std::optional<std::vector<uint8_t>> load(const std::string& key) override {
    const std::lock_guard<std::mutex> hold(lock_);
    return inner_.load(key);
  }
  void clear() override {
    const std::lock_guard<std::mutex> hold(lock_);
    inner_.clear();
  }

 private:
  CheckpointSink& inner_;
  std::mutex& lock_;
};

// A seed's training failure, naming the seed when the request has several.
[[noreturn]] void rethrowNamingSeed(const std::exception_ptr& e, int s, int seeds) {
  if (seeds > 1) {
    try {
      std::rethrow_exception(e);
    } catch (const TrainingError& err) {
      const std::string what = err.what();
      if (what.rfind("seed ", 0) != 0)
        throw TrainingError("seed " + std::to_string(s + 1) + " of " + std::to_string(seeds) + ": " + what);
      throw;
    } catch (...) {
    }
  }
  std::rethrow_exception(e);
}

// Seed `s` of the run: read back when it was computed before, else trained (resuming from
// its last finished epoch) and kept as a checkpoint until the whole run is stored.
SeedValues seedValues(SeedShared& sh, int s, JobContext& ctx) {
  const ScoreConfig& cfg = sh.cfg;
  if (auto saved = sh.checkpoints.load(seedValuesKey(s))) {
    auto held = sh.hold();
    return checkedSeedValues(sh.store, sh.run.runId, s, *saved, sh.run.indices.size());
  }
  JobContext seedCtx(ctx, &sh.checkpoints);
  const std::string seedName =
      cfg.seeds > 1 ? "seed " + std::to_string(s + 1) + "/" + std::to_string(cfg.seeds) + " · " : "";
  SeedValues values;
  try {
    values = runSeed(
        sh.ds, sh.data, cfg, s, sh.device, seedCtx,
        [&](double f, const std::string& m) {
          auto held = sh.hold();
          sh.fractions[static_cast<size_t>(s)] = f;
          double done = 0;
          for (const double d : sh.fractions) done += d;
          sh.ctx.report(sh.lock ? done : s + f, cfg.seeds, seedName + m);
        },
        [&](const TrainingCurve& curve) {
          auto held = sh.hold();
          sh.store.putResult(sh.run.runId, "curve/seed" + std::to_string(s), curve.toJson());
          sh.logLine(s, seedName + describeEpoch(curve.epochs.back(), cfg.train.epochs));
        });
  } catch (const Cancelled&) {
    throw;
  } catch (...) {
    rethrowNamingSeed(std::current_exception(), s, cfg.seeds);
  }
  sh.checkpoints.save(seedValuesKey(s), packSeed(values));
  auto held = sh.hold();
  sh.fractions[static_cast<size_t>(s)] = 1;
  sh.seedFinished(s);
  return values;
}

// How the seeds of a request are computed: `together` at a time, each with `threadsEach`
// intra-op threads; `how` is what the run records, `why` what the log says.
struct SeedPlan {
  int together = 1;
  int threadsEach = 0;
  std::string why;
};

// Memory one seed needs beyond the shared pixels: weights, gradients, momentum and a
// checkpoint's copy, and a batch's activations (a per-model factor of the input, measured
// with the built-in models' forward and backward on this machine's LibTorch).
size_t perSeedBytes(const ScoreConfig& cfg, const Dataset& ds) {
  const auto model = makeClassifier(cfg.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), 0);
  size_t params = 0;
  for (const auto& p : model->parameters()) params += static_cast<size_t>(p.numel());
  const size_t input = static_cast<size_t>(ds.shape().channels * ds.shape().height * ds.shape().width);
  const size_t factor = cfg.train.model == "resnet18" ? 1200 : 200;
  return params * 16 + static_cast<size_t>(cfg.train.batchSize) * input * 4 * factor;
}

SeedPlan planSeeds(const Dataset& ds, const ScoreConfig& cfg, const torch::Device& device) {
  SeedPlan plan;
  if (cfg.seeds == 1) return plan;
  if (cfg.sequentialSeeds) return {1, 0, "seeds one after another, as --sequential-seeds asks"};
  if (!cfg.needsClassifier()) return plan;
  if (!isBuiltinModel(cfg.train.model))
    return {1, 0, "TorchScript models train one seed at a time: seeds one after another"};
  if (cfg.needsEmbedding() && cfg.prototypeEmbedding != "classifier")
    return {1, 0, "the prototype encoder trains one seed at a time: seeds one after another"};
  const int cores =
      cfg.train.threads > 0 ? cfg.train.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (cfg.packSeeds > 0) {
    plan.together = cfg.packSeeds;
  } else if (device.is_cuda()) {
    return {1, 0, "on a GPU the seeds train one after another unless --pack-seeds N asks for N at once"};
  } else {
    plan.together = fittingPack(cfg.seeds, cores, perSeedBytes(cfg, ds), availableMemoryBytes());
  }
  plan.threadsEach = std::max(1, cores / plan.together);
  if (plan.together > 1)
    plan.why = std::to_string(plan.together) + " seeds train together, " + std::to_string(plan.threadsEach) +
               " thread" + (plan.threadsEach > 1 ? "s" : "") + " each";
  return plan;
}

std::string describeHow(int together) {
  return together > 1 ? "concurrent " + std::to_string(together) : std::string("sequential");
}

// Every seed of the run, as the plan says; with seeds together, a run out of memory is
// retried with half as many (the seeds resume from their checkpoints), and said so.
std::vector<SeedValues> computeSeeds(SeedShared& sh, SeedPlan plan, ScoreRun& run) {
  const int seeds = sh.cfg.seeds;
  std::vector<SeedValues> out(static_cast<size_t>(seeds));
  run.seedsComputed = describeHow(plan.together);
  if (plan.together <= 1) {
    for (int s = 0; s < seeds; ++s) out[static_cast<size_t>(s)] = seedValues(sh, s, sh.ctx);
    return out;
  }
  std::mutex lock;
  LockedSink sink(sh.checkpoints, lock);
  SeedShared together(sh.ds, sh.data, sh.cfg, sh.device, sh.store, sh.run, sink, sh.ctx, &lock);
  std::vector<bool> done(static_cast<size_t>(seeds), false);
  const int threadsBefore = at::get_num_threads();
  while (true) {
    std::vector<int> todo;
    for (int s = 0; s < seeds; ++s)
      if (!done[static_cast<size_t>(s)]) todo.push_back(s);
    if (todo.empty()) break;
    const TogetherFailure failure =
        runSeedsTogether(todo, plan.together, plan.threadsEach, sh.ctx, lock, [&](int s, JobContext& groupCtx) {
          SeedValues v = seedValues(together, s, groupCtx);
          const std::lock_guard<std::mutex> hold(lock);
          out[static_cast<size_t>(s)] = std::move(v);
          done[static_cast<size_t>(s)] = true;
        });
    at::set_num_threads(threadsBefore);
    if (!failure.error) continue;
    together.flushHeld();
    if (plan.together > 1 && isOutOfMemory(failure.error)) {
      const int fewer = plan.together / 2;
      sh.ctx.log("out of memory with " + std::to_string(plan.together) + " seeds together; retrying with " +
                 std::to_string(fewer) + (fewer > 1 ? " together" : " (one seed at a time)"));
      run.seedsComputed =
          describeHow(fewer) + " (after running out of memory with " + std::to_string(plan.together) + " together)";
      plan.threadsEach = std::max(1, plan.threadsEach * plan.together / fewer);
      plan.together = fewer;
      continue;
    }
    if (failure.seed < 0) std::rethrow_exception(failure.error);
    rethrowNamingSeed(failure.error, failure.seed, seeds);
  }
  return out;
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
