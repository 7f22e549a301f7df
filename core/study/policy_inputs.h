#pragma once
// What the robust and group-balanced policies need beyond a score (prune/robust_pruning.h),
// measured for a study's pool of scored training examples. No torch here.
//
// Robust (DRoP, Vysogorets et al., ICLR 2025): each class's recall of a model trained
// with the study's recipe on the pool less a held-out part, measured on that part. The
// held-out part is kDropHoldout (20 %) of each class (at least one example of a class of
// two or more, never all), drawn with the recipe's seed; the model is cached like any
// training (on a view of the dataset whose test split is the held-out part), so it is
// trained once. A class without held-out example counts as recall 0 (kept first).
#include <cstdint>
#include <string>
#include <vector>

#include "prune/prune_policy.h"
#include "train/train_config.h"

namespace ps {

class Dataset;
class Store;
class JobContext;
struct ResolvedScore;

constexpr double kDropHoldout = 0.2;

struct HeldOutRecall {
  std::vector<double> recall;  // per class
  int64_t heldOut = 0;         // examples held out
  uint64_t seed = 0;           // of the draw
  int64_t trainRun = 0;        // the model's run
};
// `mayTrain` false: only a model already in the store (ConfigError when there is none).
HeldOutRecall heldOutRecall(const Dataset& ds, Store& store, const std::vector<int64_t>& pool, const TrainConfig& train,
                            JobContext& ctx, bool mayTrain = true);

// Each pool example's group: its class × the values of every attribute of the dataset that
// can be grouped by. ConfigError when the dataset has none.
std::vector<int> poolGroups(const Dataset& ds, const std::vector<int64_t>& pool);

// The dedup policy's SemDeDup M (score/semdedup.h) of each pool example, stored beside
// the semdedup score of scoring run `runId`. ConfigError naming the run and what to run
// when it has no semdedup score (an import, a run of other scores); StoreError when the
// stored vector does not cover the pool.
std::vector<float> poolRedundancy(const Store& store, int64_t runId, const std::vector<int64_t>& pool);
// The scores the scoring run must hold for `policies` beyond the one pruned by
// ("semdedup" for dedup), so that one scoring run computes them all.
std::vector<std::string> scoresPoliciesNeed(const std::vector<PrunePolicy>& policies);

// Fills score.inputs for those of `policies` that need them (nothing for the others).
void attachPolicyInputs(const Dataset& ds, Store& store, const std::vector<PrunePolicy>& policies,
                        const TrainConfig& train, ResolvedScore& score, JobContext& ctx, bool mayTrain = true);

// "robust: class recall from a model trained on 80 % of the pool, measured on the 20 %
// held out (1200 examples, seed 0)", for logs and the CLI.
std::string describeHeldOut(const HeldOutRecall& r);

}  // namespace ps
