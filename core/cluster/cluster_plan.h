#pragma once
// A plan: work too large for one machine split into independent tasks, each described in
// full (dataset, its fingerprint, configuration, seed or study point, and the shard store
// it writes), so that a task runs on any node that sees the dataset and the plan file.
// Tasks write only their own shard (SQLite on a shared file system must not be written
// by many nodes at once); a merge brings the shards into the main store. Plain data and
// JSON, no torch.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

class Dataset;
struct ScoreConfig;
struct StudyPoints;

enum class TaskKind { ScoreSeed, TrainPoint };
const char* taskKindName(TaskKind k);  // "score-seed", "train-point"

struct ClusterTask {
  int index = 0;
  TaskKind kind = TaskKind::ScoreSeed;
  std::string label;     // "el2n seed 2/3", "hard f=0.5 seed 0"
  std::string config;    // score-seed: the request's ScoreConfig JSON; train-point: the TrainConfig JSON
  std::string cacheKey;  // the run the task makes: the scoring request's, or the training's
  int seedIndex = 0;     // score-seed: which seed of the request (0-based)
  // train-point: the training of one study point
  std::vector<int64_t> trainIdx;
  int epochs = 0;
  uint64_t seed = 0;
  bool mustLearn = false;
  int64_t testLimit = 0;
};

struct ClusterPlan {
  std::string kind;         // "score", "frontier", "scaling"
  std::string dataset;      // a path every node sees (or fashion-mnist)
  std::string fingerprint;  // of that dataset when planned; tasks refuse other data
  std::string store;        // the store the shards are merged into
  std::string shardDir;     // task i writes shardDir/task-<i>.sqlite
  // A read-only copy of the dataset's file table (store/file_table_store.h), so that a
  // task only lists and stats the files instead of reading them all; empty: none.
  std::string fileTable;
  // Run after the merge (a study): the same request as a local command, answered from
  // the store once the merge brought every point in. Empty for scoring plans.
  std::vector<std::string> finishCommand;
  std::vector<ClusterTask> tasks;

  std::string shardPath(int index) const;
};

// One task per seed of the request (the request's cache key is the one a local run has).
ClusterPlan planScoring(const Dataset& ds, const ScoreConfig& config, const std::string& store,
                        const std::string& shardDir);

// One task per study point (the training of a pruned subset, under the cache key the
// local study's point has; points that are one training, as f = 1 of every policy, are
// one task); `finishCommand` is the study's own command line, which after
// the merge finds every point in the store and only summarises.
ClusterPlan planStudy(const Dataset& ds, const std::string& kind, const StudyPoints& study, const std::string& store,
                      const std::string& shardDir, const std::vector<std::string>& finishCommand);

std::string planToJson(const ClusterPlan& plan);
// Checks everything before it is used: ConfigError naming `source` and the member.
ClusterPlan planFromJson(const std::string& text, const std::string& source);
// Written atomically (util/file_io); read with every value checked.
void writePlan(const ClusterPlan& plan, const std::string& path);
ClusterPlan readPlan(const std::string& path);

// The task at `index`; ConfigError naming the plan's size when it is not one.
const ClusterTask& planTask(const ClusterPlan& plan, int64_t index, const std::string& source);

}  // namespace ps
