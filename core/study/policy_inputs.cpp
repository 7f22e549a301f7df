#include "study/policy_inputs.h"

#include <xxhash.h>
#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <unordered_map>

#include "data/dataset.h"
#include "job/job.h"
#include "prune/policy_registry.h"
#include "prune/robust_pruning.h"
#include "score/score_engine.h"
#include "score/semdedup.h"
#include "store/store.h"
#include "study/study_runner.h"
#include "study/train_eval.h"
#include "util/errors.h"

namespace ps {

namespace {

// The dataset with its test split replaced by held-out training examples, so that a
// model's per-class test accuracy is its recall on them. Its fingerprint names the
// held-out set, so its runs are cached apart from the dataset's own.
class HeldOutView : public Dataset {
 public:
  // The base's fingerprint is read here: fingerprint() holds one lock for every dataset,
  // so computeFingerprint must not ask the base for its own.
  HeldOutView(const Dataset& base, std::vector<int64_t> held)
      : base_(base), held_(std::move(held)), baseFingerprint_(base.fingerprint()) {}
  std::string format() const override { return base_.format(); }
  std::string spec() const override { return base_.spec() + " (held-out training examples as test)"; }
  size_t size(Split s) const override { return s == Split::Test ? held_.size() : base_.size(Split::Train); }
  int label(Split s, size_t i) const override { return base_.label(Split::Train, map(s, i)); }
  cv::Mat image(Split s, size_t i) const override { return base_.image(Split::Train, map(s, i)); }
  std::string source(Split s, size_t i) const override { return base_.source(Split::Train, map(s, i)); }
  const std::vector<std::string>& classNames() const override { return base_.classNames(); }
  ImageShape shape() const override { return base_.shape(); }
  void readImages(Split s, const std::vector<int64_t>& indices, uint8_t* out) const override {
    if (s == Split::Train) return base_.readImages(Split::Train, indices, out);
    std::vector<int64_t> mapped;
    mapped.reserve(indices.size());
    for (int64_t i : indices) mapped.push_back(held_.at(static_cast<size_t>(i)));
    base_.readImages(Split::Train, mapped, out);
  }

 protected:
  std::string computeFingerprint() const override {
    const auto h = XXH3_64bits(held_.data(), held_.size() * sizeof(int64_t));
    std::ostringstream s;
    s << baseFingerprint_ << "-heldout-" << std::hex << h;
    return s.str();
  }

 private:
  size_t map(Split s, size_t i) const { return s == Split::Test ? static_cast<size_t>(held_.at(i)) : i; }
  const Dataset& base_;
  std::vector<int64_t> held_;
  std::string baseFingerprint_;
};

// kDropHoldout of each class of the pool (at least one of a class of two or more, never
// all of it), drawn with `seed`; both parts sorted.
void splitPool(const Dataset& ds, const std::vector<int64_t>& pool, uint64_t seed, std::vector<int64_t>& held,
               std::vector<int64_t>& rest) {
  std::vector<std::vector<int64_t>> byClass(ds.numClasses());
  for (int64_t i : pool) byClass.at(static_cast<size_t>(ds.label(Split::Train, static_cast<size_t>(i)))).push_back(i);
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ULL + 7);
  for (auto& c : byClass) {
    std::shuffle(c.begin(), c.end(), rng);
    const auto n = static_cast<int64_t>(c.size());
    const int64_t h = n < 2 ? 0 : std::clamp<int64_t>(std::llround(kDropHoldout * double(n)), 1, n - 1);
    held.insert(held.end(), c.begin(), c.begin() + h);
    rest.insert(rest.end(), c.begin() + h, c.end());
  }
  std::sort(held.begin(), held.end());
  std::sort(rest.begin(), rest.end());
}

}  // namespace

HeldOutRecall heldOutRecall(const Dataset& ds, Store& store, const std::vector<int64_t>& pool, const TrainConfig& train,
                            JobContext& ctx, bool mayTrain) {
  HeldOutRecall r;
  r.seed = train.seed;
  std::vector<int64_t> held, rest;
  splitPool(ds, pool, r.seed, held, rest);
  if (held.empty()) throw ConfigError("the robust policy needs a held-out part: the pool has no class of 2 examples");
  r.heldOut = static_cast<int64_t>(held.size());
  const HeldOutView view(ds, held);
  if (!mayTrain && !store.findRun(trainCacheKey(view, rest, train, 0), RunStatus::Done))
    throw ConfigError("the robust policy's held-out model is not in the store (an audit with --train trains it)");
  const EvalResult e = trainAndEvaluate(
      view, store, rest, train, 0, ctx,
      [&](double f, const std::string& m) { ctx.report(f, 1, "robust: held-out model · " + m); }, false);
  r.trainRun = e.runId;
  for (double a : e.perClassAccuracy) r.recall.push_back(std::isnan(a) ? 0.0 : a);  // none held out: protect it
  r.recall.resize(ds.numClasses(), 0.0);
  return r;
}

std::vector<int> poolGroups(const Dataset& ds, const std::vector<int64_t>& pool) {
  std::vector<std::vector<uint16_t>> codes;
  for (const Attribute& a : ds.attributes()) {
    if (!a.groupable()) continue;
    std::vector<uint16_t> c;
    c.reserve(pool.size());
    for (int64_t i : pool) c.push_back(a.codes[static_cast<int>(Split::Train)].at(static_cast<size_t>(i)));
    codes.push_back(std::move(c));
  }
  if (codes.empty())
    throw ConfigError("the group-balanced policy needs an attribute to group by, and " + ds.spec() +
                      " has none (attributes come from a manifest's extra columns or a metadata.csv)");
  return groupIds(ds.labelsOf(Split::Train, pool), codes);
}

std::vector<float> poolRedundancy(const Store& store, int64_t runId, const std::vector<int64_t>& pool) {
  const std::vector<std::string> names = store.vectorNames(runId);
  if (std::find(names.begin(), names.end(), kSemDedupOrder) == names.end())
    throw ConfigError("the dedup policy ranks by the semdedup score, and run " + std::to_string(runId) + " (" +
                      store.run(runId).kind +
                      ") has none: compute it with 'prunescope-cli score <dataset> --score semdedup' (on the "
                      "embedding --prototype-embedding names), or prune by --score semdedup, which computes it");
  const std::vector<float> m = store.vector(runId, kSemDedupOrder);
  const std::vector<int64_t> indices = loadRunIndices(store, runId);
  if (m.size() != indices.size())
    throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s " + kSemDedupOrder + " holds " +
                     std::to_string(m.size()) + " values for " + std::to_string(indices.size()) +
                     " examples; the store is damaged");
  std::unordered_map<int64_t, size_t> at;
  for (size_t p = 0; p < indices.size(); ++p) at.emplace(indices[p], p);
  std::vector<float> out;
  out.reserve(pool.size());
  for (int64_t i : pool) {
    const auto it = at.find(i);
    if (it == at.end())
      throw StoreError(store.path() + ": run " + std::to_string(runId) + " has no semdedup value for example " +
                       std::to_string(i));
    out.push_back(m[it->second]);
  }
  return out;
}

std::vector<std::string> scoresPoliciesNeed(const std::vector<PrunePolicy>& policies) {
  for (PrunePolicy p : policies)
    if (p.info().needsRedundancy) return {"semdedup"};
  return {};
}

void attachPolicyInputs(const Dataset& ds, Store& store, const std::vector<PrunePolicy>& policies,
                        const TrainConfig& train, ResolvedScore& score, JobContext& ctx, bool mayTrain) {
  const auto uses = [&](PrunePolicy p) { return std::find(policies.begin(), policies.end(), p) != policies.end(); };
  if (uses(PrunePolicy::GroupBalanced)) score.inputs.groups = poolGroups(ds, score.indices);
  if (!scoresPoliciesNeed(policies).empty())
    score.inputs.redundancy = poolRedundancy(store, score.runId, score.indices);
  if (uses(PrunePolicy::Robust)) {
    const HeldOutRecall r = heldOutRecall(ds, store, score.indices, train, ctx, mayTrain);
    ctx.log(describeHeldOut(r));
    score.inputs.classRecall = r.recall;
  }
}

std::string describeHeldOut(const HeldOutRecall& r) {
  std::ostringstream s;
  s << "robust: class recall of a model trained on the pool less " << kDropHoldout * 100
    << " % held out per class, measured on those " << r.heldOut << " examples (seed " << r.seed << ", run "
    << r.trainRun << "):";
  for (double x : r.recall) s << " " << std::round(x * 1000) / 1000;
  return s.str();
}

}  // namespace ps
