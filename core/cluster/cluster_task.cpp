#include "cluster/cluster_task.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "score/score_config.h"
#include "score/score_engine.h"
#include "store/file_table_store.h"
#include "store/store.h"
#include "study/train_eval.h"
#include "util/errors.h"

namespace ps {

std::unique_ptr<Dataset> openDatasetWithFingerprint(const std::string& spec, const std::string& fingerprint,
                                                    FileTable* files) {
  OpenOptions options;
  options.fileTable = files;
  auto ds = openDataset(spec, options);
  if (ds->fingerprint() != fingerprint)
    throw DatasetError(spec + ": the dataset's fingerprint is " + ds->fingerprint() + ", expected " + fingerprint +
                       " (the data changed since planning, or this node sees other files there)");
  return ds;
}

void attachFileTable(ClusterPlan& plan, Store& store, const std::string& planDir) {
  const auto dir = std::filesystem::absolute(planDir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw IoError(dir.string() + ": cannot create the plan folder (" + ec.message() + ")");
  plan.fileTable = (dir / "files.sqlite").string();
  exportFileTable(store, plan.dataset, plan.fileTable);
}

namespace {

void checkKey(const ClusterTask& task, const std::string& key) {
  if (key != task.cacheKey)
    throw ConfigError("task " + std::to_string(task.index) + " (" + task.label + "): its settings give the cache key " +
                      key + ", the plan says " + task.cacheKey +
                      " (the plan was edited or made by another PruneScope version)");
}

bool runScoreSeed(const Dataset& ds, Store& shard, const ClusterTask& task, const TaskRunOptions& o, JobContext& ctx) {
  ScoreConfig cfg = ScoreConfig::fromJson(task.config);
  cfg.train.device = DeviceChoice(o.device);
  cfg.train.threads = o.threads;
  checkKey(task, scoreCacheKey(ds, cfg));
  if (task.seedIndex >= cfg.seeds)
    throw ConfigError("task " + std::to_string(task.index) + ": seed index " + std::to_string(task.seedIndex) +
                      " is outside the request's " + std::to_string(cfg.seeds) + " seeds");
  return scoreOneSeed(ds, shard, cfg, task.seedIndex, ctx);
}

bool runTrainPoint(const Dataset& ds, Store& shard, const ClusterTask& task, const TaskRunOptions& o, JobContext& ctx) {
  TrainConfig tc;
  try {
    tc = TrainConfig::fromJson(nlohmann::json::parse(task.config), TrainConfig{});
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError("task " + std::to_string(task.index) + ": training settings not readable (" + e.what() + ")");
  }
  tc.epochs = task.epochs;
  tc.seed = task.seed;
  tc.device = DeviceChoice(o.device);
  tc.threads = o.threads;
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  for (const int64_t i : task.trainIdx)
    if (i >= n)
      throw ConfigError("task " + std::to_string(task.index) + ": training index " + std::to_string(i) +
                        " is outside the " + std::to_string(n) + " training examples of " + ds.spec());
  checkKey(task, trainCacheKey(ds, task.trainIdx, tc, task.testLimit));
  return trainAndEvaluate(ds, shard, task.trainIdx, tc, task.testLimit, ctx, {}, task.mustLearn).fromCache;
}

}  // namespace

bool runPlanTask(const ClusterPlan& plan, const ClusterTask& task, const std::string& shardPath,
                 const TaskRunOptions& options, JobContext& ctx) {
  // The plan's copy of the file table: the task lists and stats the files, it does not
  // read them all again.
  const auto files = plan.fileTable.empty() ? nullptr : StoreFileTable::openCopy(plan.fileTable);
  auto ds = openDatasetWithFingerprint(plan.dataset, plan.fingerprint, files.get());
  const auto folder = std::filesystem::absolute(shardPath).parent_path();
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw IoError(folder.string() + ": cannot create the shard folder (" + ec.message() + ")");
  Store shard(shardPath);
  return task.kind == TaskKind::ScoreSeed ? runScoreSeed(*ds, shard, task, options, ctx)
                                          : runTrainPoint(*ds, shard, task, options, ctx);
}

bool taskFinished(const ClusterTask& task, const std::string& shardPath) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(shardPath, ec)) return false;
  Store shard(shardPath);
  if (shard.findRun(task.cacheKey, RunStatus::Done)) return true;
  if (task.kind != TaskKind::ScoreSeed) return false;
  const auto run = shard.findRun(task.cacheKey);
  return run && shard.checkpoint(run->id, seedValuesKey(task.seedIndex)).has_value();
}

}  // namespace ps
