#include "score/seed_compute.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

#include "data/dataset.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/model_names.h"
#include "score/score_config.h"
#include "score/score_engine.h"
#include "score/seed_scheduler.h"
#include "score/seed_training.h"
#include "store/embedding_store.h"
#include "store/store.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps {

namespace {

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

std::string describeHow(int together) {
  return together > 1 ? "concurrent " + std::to_string(together) : std::string("sequential");
}

}  // namespace

SeedValues seedValues(SeedShared& sh, int s, JobContext& ctx) {
  const ScoreConfig& cfg = sh.cfg;
  if (auto saved = sh.checkpoints.load(seedValuesKey(s))) {
    auto held = sh.hold();
    return checkedSeedValues(sh.store, sh.run.runId, s, *saved, sh.run.indices.size());
  }
  JobContext seedCtx(ctx, &sh.checkpoints);
  const std::string seedName =
      cfg.seeds > 1 ? "seed " + std::to_string(s + 1) + "/" + std::to_string(cfg.seeds) + " · " : "";
  // The run's embedding is its first seed's, kept with the run as soon as it is made
  // (a resumed run finds it there).
  EmbeddingSink embedding;
  if (s == 0)
    embedding = [&sh, &seedCtx](const std::string& source, const at::Tensor& train, const EncodeBatch& encode) {
      const RunEmbeddings e = embedRunSplits(sh.ds, sh.data, sh.device, source, train, encode, seedCtx);
      auto held = sh.hold();
      Store::Transaction t(sh.store);
      saveEmbedding(sh.store, sh.run.runId, Split::Train, e.train);
      saveEmbedding(sh.store, sh.run.runId, Split::Test, e.test);
      t.commit();
    };
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
        },
        embedding);
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

SeedPlan planSeeds(const Dataset& ds, const ScoreConfig& cfg, const torch::Device& device) {
  const SeedPack pack = seedPack(cfg, device.is_cuda());
  SeedPlan plan;
  plan.why = pack.why;
  if (pack.together <= 1 && !pack.fitMemory) return plan;
  plan.together = pack.fitMemory ? fittingPack(cfg.seeds, pack.cores, perSeedBytes(cfg, ds), availableMemoryBytes())
                                 : pack.together;
  plan.threadsEach = std::max(1, pack.cores / plan.together);
  if (plan.together > 1)
    plan.why = std::to_string(plan.together) + " seeds train together, " + std::to_string(plan.threadsEach) +
               " thread" + (plan.threadsEach > 1 ? "s" : "") + " each";
  return plan;
}

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

}  // namespace ps
