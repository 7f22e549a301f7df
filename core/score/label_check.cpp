#include "score/label_check.h"

#include <torch/torch.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>

#include "data/dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "train/batch_source.h"
#include "train/run_curves.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

bool labelFlagTentative(int seeds, int epochs) { return seeds < kSureLabelSeeds || epochs < kSureLabelEpochs; }

void LabelCheckConfig::validate(int64_t numExamples) const {
  train.validate();
  if (folds < 2)
    throw ConfigError("folds " + std::to_string(folds) +
                      ": the cross-validated label check needs at least 2 folds (each example is predicted by a model "
                      "trained on the other folds)");
  if (seeds < 1 || seeds > 100) throw ConfigError("seeds " + std::to_string(seeds) + ": expected 1..100");
  if (limit < 0) throw ConfigError("limit " + std::to_string(limit) + ": expected 0 (all) or a positive count");
  if (numExamples < 2 * static_cast<int64_t>(folds))
    throw ConfigError(std::to_string(numExamples) + " examples are too few for " + std::to_string(folds) +
                      " folds (expected at least 2 per fold)");
}

std::string LabelCheckConfig::toJson() const {
  nlohmann::json j;
  j["train"] = train.toJson();
  j["folds"] = folds;
  j["seeds"] = seeds;
  j["limit"] = limit;
  return j.dump();
}

LabelCheckConfig LabelCheckConfig::fromJson(const std::string& json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) throw ConfigError("label check settings: not a JSON object");
  LabelCheckConfig c;
  for (const char* member : {"folds", "seeds", "limit"})
    if (!j.contains(member) || !j[member].is_number_integer())
      throw ConfigError(std::string("label check settings: '") + member + "' is missing or not a whole number");
  if (!j.contains("train") || !j["train"].is_object())
    throw ConfigError("label check settings: 'train' is missing or not an object");
  try {
    c.train = TrainConfig::fromJson(j["train"], c.train);
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(std::string("label check settings: 'train' is not readable: ") + e.what());
  }
  c.folds = j["folds"].get<int>();
  c.seeds = j["seeds"].get<int>();
  c.limit = j["limit"].get<int64_t>();
  return c;
}

std::vector<std::vector<int64_t>> stratifiedFolds(const std::vector<int>& labels, int folds, uint64_t seed) {
  std::vector<std::vector<int64_t>> out(static_cast<size_t>(std::max(folds, 1)));
  std::map<int, std::vector<int64_t>> byClass;
  for (size_t i = 0; i < labels.size(); ++i) byClass[labels[i]].push_back(static_cast<int64_t>(i));
  std::mt19937_64 rng(seed ^ 0x5bd1e9955bd1e995ULL);
  size_t next = 0;  // the fold the next class starts dealing at: fold sizes stay within one
  for (auto& [label, positions] : byClass) {
    std::shuffle(positions.begin(), positions.end(), rng);
    for (int64_t p : positions) {
      out[next].push_back(p);
      next = (next + 1) % out.size();
    }
  }
  for (auto& f : out) std::sort(f.begin(), f.end());
  return out;
}

namespace {

// One fold's out-of-sample outputs (for its held-out positions, in order).
struct FoldValues {
  std::vector<float> topClass, topProb, pLabel;
};

std::vector<uint8_t> packFold(const FoldValues& v) {
  ByteWriter w;
  w.vec(v.topClass).vec(v.topProb).vec(v.pLabel);
  return w.bytes();
}

FoldValues unpackFold(const Store& store, int64_t runId, const std::vector<uint8_t>& bytes, size_t heldOut) {
  ByteReader r(bytes);
  FoldValues v;
  v.topClass = r.vec<float>();
  v.topProb = r.vec<float>();
  v.pLabel = r.vec<float>();
  if (v.topClass.size() != heldOut * kTopClasses || v.topProb.size() != heldOut * kTopClasses ||
      v.pLabel.size() != heldOut)
    throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s fold checkpoint does not fit its " +
                     std::to_string(heldOut) + " held-out examples; the store is damaged");
  return v;
}

std::vector<float> toFloats(const torch::Tensor& t) {
  const auto c = t.to(torch::kCPU, torch::kFloat32).contiguous();
  return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

// The held-out examples' softmax from `model` (eval mode, un-augmented, normalised as
// its training folds were): top classes, their probabilities and the label's.
FoldValues predictHeldOut(Classifier& model, const BatchSource& held, JobContext& ctx) {
  model.setTraining(false);
  c10::InferenceMode guard;
  std::vector<int64_t> all(static_cast<size_t>(held.size()));
  std::iota(all.begin(), all.end(), 0);
  std::vector<torch::Tensor> parts;
  held.forEachBatch(all, 512, [&](const std::vector<int64_t>&, const torch::Tensor& x) {
    ctx.throwIfCancelled();
    parts.push_back(torch::softmax(model.forward(x).to(torch::kCPU, torch::kFloat32), 1));
  });
  const auto p = torch::cat(parts, 0);
  FoldValues v;
  v.pLabel = toFloats(p.gather(1, held.labels().unsqueeze(1)).squeeze(1));
  const int64_t k = std::min<int64_t>(kTopClasses, p.size(1));
  auto [prob, cls] = p.topk(k, 1);
  if (k < kTopClasses) {  // fewer classes than places: class -1 at probability 0
    prob = torch::cat({prob, torch::zeros({p.size(0), kTopClasses - k}, prob.options())}, 1);
    cls = torch::cat({cls, torch::full({p.size(0), kTopClasses - k}, -1, cls.options())}, 1);
  }
  v.topClass = toFloats(cls);
  v.topProb = toFloats(prob);
  return v;
}

struct CheckRequest {
  LabelCheckConfig cfg;
  int64_t n = 0;
  std::string config, key;
};

CheckRequest prepare(const Dataset& ds, const LabelCheckConfig& config) {
  CheckRequest req;
  req.cfg = config;
  const auto total = static_cast<int64_t>(ds.size(Split::Train));
  if (config.limit > total)
    throw ConfigError("limit " + std::to_string(config.limit) + " is larger than the training split (" +
                      std::to_string(total) + " examples)");
  req.n = config.limit > 0 ? config.limit : total;
  config.validate(req.n);
  req.config = config.toJson();
  req.key = Store::cacheKey(kLabelCheckKind, req.config, ds.fingerprint());
  return req;
}

std::string foldKey(int repeat, int fold) { return "fold" + std::to_string(repeat) + "." + std::to_string(fold); }

// The state of a running check: the run, its examples, where the folds' values go.
struct CheckState {
  const Dataset& ds;
  Store& store;
  const LabelCheckConfig& cfg;
  torch::Device device;
  LabelCheckRun& run;
  StoreCheckpoints& checkpoints;
  std::vector<int> labels;  // of run.indices
};

// Fold `k` of repeat `r`: read back when finished before, else trained (resuming within
// its epochs) and kept as a checkpoint.
FoldValues foldValues(CheckState& s, int r, int k, const std::vector<int64_t>& heldPositions, JobContext& ctx) {
  const std::string key = foldKey(r, k);
  if (auto saved = s.checkpoints.load(key + "/values"))
    return unpackFold(s.store, s.run.runId, *saved, heldPositions.size());
  std::vector<int64_t> trainIdx, heldIdx;
  std::vector<char> held(s.run.indices.size(), 0);
  for (int64_t p : heldPositions) held[static_cast<size_t>(p)] = 1;
  for (size_t p = 0; p < held.size(); ++p) (held[p] ? heldIdx : trainIdx).push_back(s.run.indices[p]);
  TrainConfig tc = s.cfg.train;
  tc.seed = s.cfg.train.seed + static_cast<uint64_t>(r * s.cfg.folds + k);
  auto model = makeClassifier(tc.model, s.ds.shape(), static_cast<int64_t>(s.ds.numClasses()), tc.seed);
  BatchSource data(s.ds, Split::Train, trainIdx, s.device, size_t(4) << 30, &ctx);
  const int total = s.cfg.folds * s.cfg.seeds, done = r * s.cfg.folds + k;
  const std::string what = "fold " + std::to_string(k + 1) + "/" + std::to_string(s.cfg.folds) +
                           (s.cfg.seeds > 1 ? " of repeat " + std::to_string(r + 1) : std::string()) + " · ";
  Trainer trainer(*model, data, tc, s.device);
  trainer.setEpochListener([&](TrainingCurve& curve) {
    s.store.putResult(s.run.runId, "curve/fold" + std::to_string(done), curve.toJson());
    ctx.log(what + describeEpoch(curve.epochs.back(), tc.epochs));
  });
  JobContext sub(ctx, &s.checkpoints);
  trainer.run(sub, {}, key, [&](double f, const std::string& m) { ctx.report(done + 0.97 * f, total, what + m); });
  ctx.report(done + 0.97, total, what + "predicting the held-out fold");
  BatchSource heldData(s.ds, Split::Train, heldIdx, s.device, size_t(4) << 30, &ctx, &data);
  FoldValues v = predictHeldOut(*model, heldData, ctx);
  s.checkpoints.save(key + "/values", packFold(v));
  return v;
}

// One repeat of the K-fold: every example's out-of-sample outputs, in run order.
SeedPredictions repeatValues(CheckState& s, int r, JobContext& ctx) {
  const size_t n = s.run.indices.size();
  SeedPredictions out;
  out.topClass.assign(n * kTopClasses, -1);
  out.topProb.assign(n * kTopClasses, 0.f);
  out.pLabel.assign(n, 0.f);
  const auto folds = stratifiedFolds(s.labels, s.cfg.folds, s.cfg.train.seed + static_cast<uint64_t>(r));
  for (int k = 0; k < s.cfg.folds; ++k) {
    const auto& heldPositions = folds[static_cast<size_t>(k)];
    const FoldValues v = foldValues(s, r, k, heldPositions, ctx);
    for (size_t j = 0; j < heldPositions.size(); ++j) {
      const auto p = static_cast<size_t>(heldPositions[j]);
      out.pLabel[p] = v.pLabel[j];
      for (size_t t = 0; t < kTopClasses; ++t) {
        out.topClass[p * kTopClasses + t] = static_cast<int32_t>(v.topClass[j * kTopClasses + t]);
        out.topProb[p * kTopClasses + t] = v.topProb[j * kTopClasses + t];
      }
    }
  }
  return out;
}

// Every class must keep examples in each fold's training part, or its model could
// never predict it (a class with fewer examples than folds).
void checkClassesCoverFolds(const Dataset& ds, const std::vector<int>& labels, int folds) {
  std::vector<int64_t> count(ds.numClasses(), 0);
  for (int y : labels) ++count[static_cast<size_t>(y)];
  for (size_t c = 0; c < count.size(); ++c)
    if (count[c] > 0 && count[c] < folds)
      throw ConfigError("class '" + ds.classNames()[c] + "' has " + std::to_string(count[c]) +
                        " examples, fewer than the " + std::to_string(folds) +
                        " folds: some fold's model would never see it (use fewer folds)");
}

void storeCheck(Store& store, const LabelCheckRun& run) {
  nlohmann::json summary{{"kind", kLabelCheckKind},
                         {"examples", run.indices.size()},
                         {"folds", run.folds},
                         {"seeds", run.seeds},
                         {"epochs", run.epochs},
                         {"flagged", run.issues.total},
                         {"per_class", run.issues.perClass},
                         {"thresholds", run.issues.threshold},
                         {"device", run.device}};
  std::vector<float> flagged(run.issues.flagged.begin(), run.issues.flagged.end());
  Store::Transaction t(store);
  store.putIndexVector(run.runId, "indices", run.indices);
  putPredictions(store, run.runId, run.predictions);
  store.putVector(run.runId, "label_check/flagged", flagged);
  store.putResult(run.runId, "summary", summary.dump());
  store.finishRun(run.runId, RunStatus::Done);
  store.clearCheckpoints(run.runId);
  t.commit();
}

}  // namespace

std::string labelCheckCacheKey(const Dataset& ds, const LabelCheckConfig& config) { return prepare(ds, config).key; }

LabelCheckRun checkLabels(const Dataset& ds, Store& store, const LabelCheckConfig& config, JobContext& ctx) {
  const CheckRequest req = prepare(ds, config);
  const LabelCheckConfig& cfg = req.cfg;
  store.registerDataset(ds);
  if (auto done = store.findRun(req.key, RunStatus::Done)) {
    LabelCheckRun run = loadLabelCheck(store, done->id, ds);
    run.fromCache = true;
    ctx.report(1, 1, "answered from the store");
    return run;
  }
  LabelCheckRun run;
  run.indices.resize(static_cast<size_t>(req.n));
  std::iota(run.indices.begin(), run.indices.end(), 0);
  std::vector<int> labels = ds.labelsOf(Split::Train, run.indices);
  checkClassesCoverFolds(ds, labels, cfg.folds);
  configureCompute(cfg.train.threads);
  const torch::Device device = chooseDevice(cfg.train.device);
  makeClassifier(cfg.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), cfg.train.seed);  // checks it
  run.device = deviceName(device);
  run.folds = cfg.folds;
  run.seeds = cfg.seeds;
  run.epochs = cfg.train.epochs;
  run.runId = store.beginOrResumeRun(store.registerDataset(ds), kLabelCheckKind, req.config, req.key,
                                     static_cast<int64_t>(cfg.train.seed), run.device, &run.resumed);
  StoreCheckpoints checkpoints(store, run.runId);
  return runRecorded(store, run.runId, "cancelled; resumes from the last finished fold", [&] {
    CheckState s{ds, store, cfg, device, run, checkpoints, std::move(labels)};
    std::vector<SeedPredictions> repeats;
    repeats.reserve(static_cast<size_t>(cfg.seeds));
    for (int r = 0; r < cfg.seeds; ++r) repeats.push_back(repeatValues(s, r, ctx));
    run.predictions = combineSeeds(repeats, s.labels);
    run.issues = findLabelIssues(run.predictions, s.labels, ds.numClasses());
    storeCheck(store, run);
    run.seconds = store.run(run.runId).elapsedSeconds;
    ctx.report(1, 1, "done");
    return run;
  });
}

LabelCheckRun loadLabelCheck(const Store& store, int64_t runId, const Dataset& ds) {
  const RunRecord rec = store.run(runId);
  const std::string which = "run " + std::to_string(runId);
  if (rec.kind != kLabelCheckKind) throw ConfigError(which + " is a " + rec.kind + " run, not a label check");
  if (rec.status != RunStatus::Done)
    throw ConfigError(which + " is " + std::string(runStatusName(rec.status)) + ", not done");
  const auto own = store.findDataset(ds.fingerprint());
  if (!own || own->id != rec.datasetId)
    throw ConfigError(which + " was made on another dataset than " + ds.spec() + "; its flags name other examples");
  LabelCheckRun run;
  run.runId = runId;
  run.device = rec.device;
  run.seconds = rec.elapsedSeconds;
  const std::string damaged = store.path() + ": " + which + "'s label check is damaged: ";
  const auto cfg = nlohmann::json::parse(rec.config, nullptr, false);
  if (!cfg.is_object() || !cfg.value("folds", nlohmann::json()).is_number_integer() ||
      !cfg.value("seeds", nlohmann::json()).is_number_integer())
    throw StoreError(damaged + "its settings are not readable");
  run.folds = cfg["folds"].get<int>();
  run.seeds = cfg["seeds"].get<int>();
  const auto train = cfg.value("train", nlohmann::json::object());
  run.epochs = train.value("epochs", nlohmann::json(0)).is_number_integer() ? train["epochs"].get<int>() : 0;
  run.indices = store.indexVector(runId, "indices");
  const size_t n = ds.size(Split::Train);
  for (int64_t i : run.indices)
    if (i < 0 || static_cast<size_t>(i) >= n)
      throw StoreError(damaged + "example " + std::to_string(i) + " is outside the " + std::to_string(n) +
                       " training examples");
  run.predictions = loadPredictions(store, runId, run.indices.size());
  if (run.predictions.empty()) throw StoreError(damaged + "it holds no predictions");
  run.issues = findLabelIssues(run.predictions, ds.labelsOf(Split::Train, run.indices), ds.numClasses());
  return run;
}

int64_t newestLabelCheck(const Store& store, const std::string& fingerprint) {
  const auto ds = store.findDataset(fingerprint);
  if (!ds) return 0;
  int64_t newest = 0;
  for (const RunRecord& r : store.runs(ds->id))
    if (r.kind == kLabelCheckKind && r.status == RunStatus::Done) newest = r.id;  // runs come oldest first
  return newest;
}

}  // namespace ps
