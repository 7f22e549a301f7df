#include "score/score_engine.h"

#include <torch/torch.h>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

#include "data/dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/torchscript_model.h"
#include "score/kmeans.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_hooks.h"
#include "score/ssl_encoder.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "train/batch_source.h"
#include "train/run_curves.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

namespace {

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
// GraNd are read, and at the end (the dynamics scores' last epoch).
std::vector<int> learningCheckEpochs(const ScoreConfig& cfg, int epochs) {
  std::vector<int> checks{epochs};
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
  const bool ssl = (protoAgnostic || protoClass) && cfg.prototypeEmbedding == "ssl";
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
    hooks.push_back(std::make_unique<FinalPredictionHook>(tc.epochs));  // predictions, entropy, margin
    if ((protoAgnostic || protoClass) && cfg.prototypeEmbedding == "classifier")
      hooks.push_back(std::make_unique<ClassifierPrototypeHook>(tc.epochs, cfg.prototypeK, cfg.prototypeKPerClass, seed,
                                                                protoAgnostic, protoClass));
    std::vector<TrainHook*> raw;
    for (auto& h : hooks) raw.push_back(h.get());
    Trainer trainer(*model, data, tc, device);
    trainer.setLearningChecks(learningCheckEpochs(cfg, tc.epochs));
    trainer.setEpochListener([&](TrainingCurve& curve) { onEpoch(curve); });
    trainer.run(ctx, raw, "seed" + std::to_string(seedIndex),
                [&](double f, const std::string& m) { progress(f * trainShare, m); });
    for (auto& h : hooks)
      for (auto& kv : h->results())
        if (wants(cfg, kv.first.c_str()) || kv.first[0] == '@') out[kv.first] = kv.second;
  }

  if ((protoAgnostic || protoClass) && cfg.prototypeEmbedding != "classifier") {
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
  store.putIndexVector(run.runId, "indices", run.indices);
  putPredictions(store, run.runId, run.predictions);
  store.putResult(run.runId, "summary", summary.dump());
  store.finishRun(run.runId, RunStatus::Done);
  store.clearCheckpoints(run.runId);
  t.commit();
}

}  // namespace

ScoreRun loadScoreRun(const Store& store, int64_t runId) {
  ScoreRun run;
  const RunRecord rec = store.run(runId);
  if (rec.status != RunStatus::Done)
    throw StoreError(store.path() + ": run " + std::to_string(runId) + " is " + runStatusName(rec.status) +
                     ", not done");
  run.runId = runId;
  run.device = rec.device;
  run.seconds = rec.elapsedSeconds;
  run.indices = store.indexVector(runId, "indices");
  for (auto& c : loadTrainingCurves(store, runId)) run.curves.push_back(std::move(c.curve));
  run.predictions = loadPredictions(store, runId, run.indices.size());
  const auto summary = nlohmann::json::parse(store.result(runId, "summary").value_or("{}"), nullptr, false);
  if (!summary.is_object())
    throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s summary is not a JSON object");
  if (summary.contains("refused") && summary["refused"].is_object())
    for (const auto& [name, why] : summary["refused"].items())
      run.refused[name] = why.is_string() ? why.get<std::string>() : std::string("no spread");
  for (const auto& name : store.vectorNames(runId)) {
    if (name == "indices" || name.find('/') != std::string::npos) continue;
    run.names.push_back(name);
    run.difficulty[name] = store.vector(runId, name);
    run.raw[name] = store.vector(runId, name + "/raw");
    run.spread[name] = store.vector(runId, name + "/std");
    for (const auto* v : {&run.difficulty[name], &run.raw[name], &run.spread[name]})
      if (v->size() != run.indices.size())
        throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s score '" + name + "' holds " +
                         std::to_string(v->size()) + " values for " + std::to_string(run.indices.size()) +
                         " examples; the store is damaged");
    const auto c = summary.value("scores", nlohmann::json::object()).value(name, nlohmann::json::object());
    run.seedSpearman[name] = c.contains("seed_spearman") && c["seed_spearman"].is_number()
                                 ? c["seed_spearman"].get<double>()
                                 : std::numeric_limits<double>::quiet_NaN();
  }
  return run;
}

ScoreRun loadScoreRunFor(const Store& store, int64_t runId, const Dataset& ds) {
  const RunRecord rec = store.run(runId);
  const std::string which = "run " + std::to_string(runId);
  if (rec.kind != "score" && rec.kind != "import")
    throw ConfigError(which + " is a " + rec.kind + " run, not a score or import run");
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
    if ((r.kind != "score" && r.kind != "import") || r.status != RunStatus::Done) continue;
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
  req.key = Store::cacheKey("score", req.config, ds.fingerprint());
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
  if (cfg.prototypeEmbedding != "classifier" && cfg.prototypeEmbedding != "ssl" &&
      (wants(cfg, "prototype") || wants(cfg, "prototype_class")))
    TorchScriptEncoder(cfg.prototypeEmbedding, ds.shape());
  run.device = deviceName(device);
  run.runId = store.beginOrResumeRun(store.registerDataset(ds), "score", req.config, req.key,
                                     static_cast<int64_t>(cfg.train.seed), run.device, &run.resumed);
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

// Seed `s` of the run: read back when it was computed before, else trained (resuming from
// its last finished epoch) and kept as a checkpoint until the whole run is stored.
SeedValues seedValues(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int s, torch::Device device,
                      Store& store, const ScoreRun& run, StoreCheckpoints& checkpoints, JobContext& ctx) {
  if (auto saved = checkpoints.load(seedValuesKey(s)))
    return checkedSeedValues(store, run.runId, s, *saved, run.indices.size());
  JobContext seedCtx(ctx, &checkpoints);
  const std::string seedName =
      cfg.seeds > 1 ? "seed " + std::to_string(s + 1) + "/" + std::to_string(cfg.seeds) + " · " : "";
  SeedValues values = runSeed(
      ds, data, cfg, s, device, seedCtx,
      [&](double f, const std::string& m) { ctx.report(s + f, cfg.seeds, seedName + m); },
      [&](const TrainingCurve& curve) {
        store.putResult(run.runId, "curve/seed" + std::to_string(s), curve.toJson());
        ctx.log(seedName + describeEpoch(curve.epochs.back(), cfg.train.epochs));
      });
  checkpoints.save(seedValuesKey(s), packSeed(values));
  return values;
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
    std::vector<SeedValues> seeds;
    for (int s = 0; s < cfg.seeds; ++s)
      seeds.push_back(seedValues(ds, data, cfg, s, device, store, run, checkpoints, ctx));
    checkSameScores(store, run.runId, seeds);
    run.predictions = takePredictions(seeds, ds.labelsOf(Split::Train, run.indices));
    aggregate(seeds, run);
    checkScores(run, cfg.train.healthChecks, ctx);
    for (auto& c : loadTrainingCurves(store, run.runId)) run.curves.push_back(std::move(c.curve));
    storeRun(store, run, "score", cfg.seeds);
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
      seedValues(ds, data, req.cfg, seedIndex, device, store, run, checkpoints, ctx);
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
