#pragma once
// Brings cluster shards into the main store, under the cache keys a local run has, so a
// later local request for the same thing is answered from the store. One transaction:
// a merge that fails leaves the store as it was. Idempotent: what the store holds
// already is not added again. A scoring request whose seeds were computed by separate
// tasks is completed, once every seed is in, by the same code a local multi-seed run
// uses (score/score_engine: the per-example mean, spread and seed rank correlation).
#include <optional>
#include <string>
#include <vector>

#include "cluster/cluster_plan.h"

namespace ps {

class JobContext;

struct MergeRequest {
  std::vector<std::string> shards;  // with a plan: empty means the plan's shards
  std::string into;                 // the main store
  std::optional<ClusterPlan> plan;  // names the dataset and tells which tasks did not finish
  int threads = 0;                  // for completing scoring runs (on the CPU)
};

struct MergeReport {
  int runsAdded = 0;                    // finished runs copied in
  int runsPresent = 0;                  // finished runs the store held already
  int seedsAdded = 0;                   // seeds of multi-seed requests copied in
  std::vector<std::string> completed;   // scoring requests completed from their seeds
  std::vector<std::string> waiting;     // requests still missing seeds, and which
  std::vector<std::string> unfinished;  // with a plan: tasks whose shard holds no result
};

// Throws ConfigError naming the shard when it holds another dataset (another fingerprint
// than the plan's, or than the first shard's without a plan) or a run whose cache key
// its own settings do not give; StoreError naming the shard when it is not a store or has
// a newer schema. Nothing is merged then.
MergeReport mergeShards(const MergeRequest& request, JobContext& ctx);

}  // namespace ps
