#include "score/seed_training.h"

#include <torch/torch.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <random>

#include "data/dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/torchscript_model.h"
#include "score/kmeans.h"
#include "score/score_config.h"
#include "score/score_hooks.h"
#include "score/score_registry.h"
#include "score/semdedup.h"
#include "score/ssl_encoder.h"
#include "train/batch_source.h"
#include "train/trainer.h"

namespace ps {

bool requestsScore(const ScoreConfig& c, const char* name) {
  return std::find(c.scores.begin(), c.scores.end(), name) != c.scores.end();
}

namespace {

std::vector<float> tensorToVector(const torch::Tensor& t) {
  const auto c = t.to(torch::kCPU, torch::kFloat32).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// The examples' embeddings by the TorchScript encoder the prototype scores name; the
// encoder goes to `encoder` when given.
torch::Tensor encoderEmbeddings(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg,
                                torch::Device device, JobContext& ctx,
                                const std::function<void(double, const std::string&)>& progress, EncodeBatch* encoder) {
  const int64_t n = data.size();
  auto shared = std::make_shared<TorchScriptEncoder>(cfg.prototypeEmbedding, ds.shape());
  TorchScriptEncoder& enc = *shared;
  enc.to(device);
  if (encoder) *encoder = [shared](const torch::Tensor& x) { return shared->embed(x); };
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
  if (requestsScore(cfg, "el2n") && cfg.resolvedEl2nEpoch() >= 1) checks.push_back(cfg.resolvedEl2nEpoch());
  if (requestsScore(cfg, "grand") && cfg.resolvedGrandEpoch() >= 1) checks.push_back(cfg.resolvedGrandEpoch());
  return checks;
}

// The hooks of the classifier's training: one per requested score read from it (scores
// that share a hook share one), in a fixed order.
std::vector<std::unique_ptr<TrainHook>> scoreHooks(const ScoreConfig& cfg, int64_t n, int epochs, uint64_t seed,
                                                   const EmbeddingSink& embedding) {
  const bool protoAgnostic = requestsScore(cfg, "prototype"), protoClass = requestsScore(cfg, "prototype_class");
  std::vector<std::unique_ptr<TrainHook>> hooks;
  if (requestsScore(cfg, "el2n")) hooks.push_back(makeEl2nHook(cfg.resolvedEl2nEpoch()));
  if (requestsScore(cfg, "grand")) hooks.push_back(makeGrandHook(cfg.resolvedGrandEpoch()));
  if (requestsScore(cfg, "forgetting")) hooks.push_back(std::make_unique<ForgettingHook>(n, epochs));
  if (requestsScore(cfg, "aum") || requestsScore(cfg, "confidence") || requestsScore(cfg, "variability"))
    hooks.push_back(std::make_unique<TrainingDynamicsHook>(n));
  // Predictions, entropy, margin: of the final model, so only when training runs to the end.
  if (cfg.trainedEpochs() == epochs) hooks.push_back(std::make_unique<FinalPredictionHook>(epochs));
  for (const auto& name : cfg.scores)  // registered scores bring their own hook
    if (const ScoreInfo* info = findScore(name); info && info->makeHook)
      hooks.push_back(info->makeHook(ScoreHookArgs{cfg, n, epochs, seed}));
  if ((protoAgnostic || protoClass) && cfg.prototypeEmbedding == "classifier")
    hooks.push_back(std::make_unique<ClassifierPrototypeHook>(epochs, cfg.prototypeK, cfg.prototypeKPerClass, seed,
                                                              protoAgnostic, protoClass, embedding));
  if (requestsScore(cfg, "semdedup") && cfg.prototypeEmbedding == "classifier")
    hooks.push_back(std::make_unique<SemDedupHook>(epochs, semDedupClusters(n, cfg.semdedupK), seed));
  return hooks;
}

// The classifier of the seed trained with the scores' hooks; their values go into `out`.
void trainWithHooks(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int seedIndex,
                    torch::Device device, JobContext& ctx,
                    const std::function<void(double, const std::string&)>& progress,
                    const std::function<void(const TrainingCurve&)>& onEpoch, const EmbeddingSink& embedding,
                    SeedValues& out) {
  const uint64_t seed = cfg.train.seed + static_cast<uint64_t>(seedIndex);
  TrainConfig tc = cfg.train;
  tc.seed = seed;
  auto model = makeClassifier(cfg.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), seed);
  const std::vector<std::unique_ptr<TrainHook>> hooks = scoreHooks(cfg, data.size(), tc.epochs, seed, embedding);
  std::vector<TrainHook*> raw;
  raw.reserve(hooks.size());
  for (const auto& h : hooks) raw.push_back(h.get());
  const int trained = cfg.trainedEpochs();
  Trainer trainer(*model, data, tc, device);
  trainer.setLearningChecks(learningCheckEpochs(cfg, tc.epochs, trained));
  trainer.setStopAfter(trained);
  trainer.setEpochListener([&](TrainingCurve& curve) { onEpoch(curve); });
  trainer.run(ctx, raw, "seed" + std::to_string(seedIndex), progress);
  for (const auto& h : hooks)
    for (auto& kv : h->results())
      if (requestsScore(cfg, kv.first.substr(0, kv.first.find('/')).c_str()) || kv.first[0] == '@')
        out[kv.first] = kv.second;  // a score, its companions ("semdedup/order"), the predictions
}

// The prototype scores from an encoder's embeddings (a TorchScript file's or one trained
// self-supervised); `progress` gets the encoder's share done.
void prototypeScores(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, uint64_t seed,
                     torch::Device device, JobContext& ctx,
                     const std::function<void(double, const std::string&)>& progress, const EmbeddingSink& embedding,
                     SeedValues& out) {
  EncodeBatch encoder;  // handed out with the embedding, to embed the test split the same way
  EncodeBatch* keep = embedding ? &encoder : nullptr;
  const torch::Tensor emb = cfg.prototypeEmbedding == "ssl"
                                ? selfSupervisedEmbeddings(data, cfg.sslEpochs, seed, device, ctx, progress, keep)
                                : encoderEmbeddings(ds, data, cfg, device, ctx, progress, keep);
  if (embedding) embedding(embeddingSourceName(cfg.prototypeEmbedding), emb, encoder);
  if (requestsScore(cfg, "prototype")) {
    auto v = tensorToVector(prototypeDistance(emb, cfg.prototypeK, seed));
    out["prototype"] = {v, v};
  }
  if (requestsScore(cfg, "prototype_class")) {
    auto v = tensorToVector(perClassPrototypeDistance(emb, data.labels(), cfg.prototypeKPerClass, seed));
    out["prototype_class"] = {v, v};
  }
  if (requestsScore(cfg, "semdedup"))
    for (auto& kv : semDedupScores(emb, semDedupClusters(data.size(), cfg.semdedupK), seed)) out[kv.first] = kv.second;
}

}  // namespace

SeedValues runSeed(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int seedIndex,
                   torch::Device device, JobContext& ctx,
                   const std::function<void(double, const std::string&)>& progress,
                   const std::function<void(const TrainingCurve&)>& onEpoch, const EmbeddingSink& embedding) {
  const uint64_t seed = cfg.train.seed + static_cast<uint64_t>(seedIndex);
  SeedValues out;

  // Share of this seed's work: classifier training vs. the self-supervised encoder.
  const bool ssl = cfg.needsEmbedding() && cfg.prototypeEmbedding == "ssl";
  const double trainShare = cfg.needsClassifier() ? (ssl ? 0.7 : 1.0) : 0.0;

  if (cfg.needsClassifier())
    trainWithHooks(
        ds, data, cfg, seedIndex, device, ctx, [&](double f, const std::string& m) { progress(f * trainShare, m); },
        onEpoch, embedding, out);
  if (cfg.needsEmbedding() && cfg.prototypeEmbedding != "classifier") {
    // A self-supervised encoder trains after the classifier: its share follows trainShare.
    const std::function<void(double, const std::string&)> afterTraining = [&](double f, const std::string& m) {
      progress(trainShare + f * (1 - trainShare), m);
    };
    prototypeScores(ds, data, cfg, seed, device, ctx, ssl ? afterTraining : progress, embedding, out);
  }
  if (requestsScore(cfg, "random")) out["random"] = randomScore(seed, data.size());
  return out;
}

}  // namespace ps
