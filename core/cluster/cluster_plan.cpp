#include "cluster/cluster_plan.h"

#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "data/dataset.h"
#include "score/score_config.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "study/study_runner.h"
#include "study/train_eval.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {

namespace {
constexpr int kPlanVersion = 1;
constexpr int64_t kMaxTasks = 100000;  // Slurm's own MaxArraySize is far below this
constexpr int64_t kMaxIndices = int64_t{1} << 28;
}  // namespace

const char* taskKindName(TaskKind k) { return k == TaskKind::ScoreSeed ? "score-seed" : "train-point"; }

std::string ClusterPlan::shardPath(int index) const {
  return (fs::path(shardDir) / ("task-" + std::to_string(index) + ".sqlite")).string();
}

namespace {
// A dataset path as every node must see it (the built-in name stays as it is).
std::string absoluteSpec(const std::string& spec) {
  return spec == "fashion-mnist" ? spec : fs::absolute(spec).string();
}
}  // namespace

ClusterPlan planScoring(const Dataset& ds, const ScoreConfig& config, const std::string& store,
                        const std::string& shardDir) {
  ClusterPlan plan;
  plan.kind = runKindName(RunKind::Score);
  plan.dataset = absoluteSpec(ds.spec());
  plan.fingerprint = ds.fingerprint();
  plan.store = fs::absolute(store).string();
  plan.shardDir = fs::absolute(shardDir).string();
  const std::string key = scoreCacheKey(ds, config);
  std::string names;
  for (const auto& s : config.scores) names += (names.empty() ? "" : ",") + s;
  for (int s = 0; s < config.seeds; ++s) {
    ClusterTask t;
    t.index = s;
    t.kind = TaskKind::ScoreSeed;
    t.label = names + " seed " + std::to_string(s + 1) + "/" + std::to_string(config.seeds);
    t.config = config.toJson();
    t.cacheKey = key;
    t.seedIndex = s;
    plan.tasks.push_back(std::move(t));
  }
  return plan;
}

ClusterPlan planStudy(const Dataset& ds, const std::string& kind, const StudyPoints& study, const std::string& store,
                      const std::string& shardDir, const std::vector<std::string>& finishCommand) {
  ClusterPlan plan;
  plan.kind = kind;
  plan.dataset = absoluteSpec(ds.spec());
  plan.fingerprint = ds.fingerprint();
  plan.store = fs::absolute(store).string();
  plan.shardDir = fs::absolute(shardDir).string();
  plan.finishCommand = finishCommand;
  std::set<std::string> keys;
  for (const StudyPoint& p : study.points) {
    ClusterTask t;
    t.index = static_cast<int>(plan.tasks.size());
    t.kind = TaskKind::TrainPoint;
    t.label = p.label;
    t.config = study.spec.train.toJson().dump();
    TrainConfig tc = study.spec.train;
    tc.epochs = p.epochs;
    tc.seed = p.seed;
    t.cacheKey = trainCacheKey(ds, p.trainIdx, tc, study.spec.testLimit);
    if (!keys.insert(t.cacheKey).second) continue;  // the same training as an earlier point (f = 1 of every policy)
    t.trainIdx = p.trainIdx;
    t.epochs = p.epochs;
    t.seed = p.seed;
    t.mustLearn = p.mustLearn;
    t.testLimit = study.spec.testLimit;
    plan.tasks.push_back(std::move(t));
  }
  if (plan.tasks.empty()) throw ConfigError("the " + kind + " study has no point to train");
  return plan;
}

namespace {

nlohmann::json taskToJson(const ClusterTask& t) {
  nlohmann::json j = {{"index", t.index},
                      {"kind", taskKindName(t.kind)},
                      {"label", t.label},
                      {"config", nlohmann::json::parse(t.config)},
                      {"cache_key", t.cacheKey}};
  if (t.kind == TaskKind::ScoreSeed) {
    j["seed_index"] = t.seedIndex;
  } else {
    j["train_indices"] = t.trainIdx;
    j["epochs"] = t.epochs;
    j["seed"] = t.seed;
    j["must_learn"] = t.mustLearn;
    j["test_limit"] = t.testLimit;
  }
  return j;
}

// A whole number member in [lo, hi]; ConfigError naming it otherwise.
int64_t boundedInt(const nlohmann::json& j, const char* name, int64_t lo, int64_t hi, const std::string& where) {
  const auto& v = j.at(name);
  if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi)
    throw ConfigError(where + ": \"" + name + "\" is " + v.dump().substr(0, 40) + ", expected a whole number in " +
                      std::to_string(lo) + ".." + std::to_string(hi));
  return v.get<int64_t>();
}

ClusterTask taskFromJson(const nlohmann::json& j, int position, const std::string& source) {
  const std::string where = source + ": task " + std::to_string(position);
  ClusterTask t;
  t.index = static_cast<int>(boundedInt(j, "index", position, position, where));
  const auto kind = j.at("kind").get<std::string>();
  if (kind != "score-seed" && kind != "train-point")
    throw ConfigError(where + ": kind '" + kind + "', expected score-seed or train-point");
  t.kind = kind == "score-seed" ? TaskKind::ScoreSeed : TaskKind::TrainPoint;
  t.label = j.at("label").get<std::string>();
  if (!j.at("config").is_object()) throw ConfigError(where + ": \"config\" is not a JSON object");
  t.config = j.at("config").dump();
  t.cacheKey = j.at("cache_key").get<std::string>();
  if (t.kind == TaskKind::ScoreSeed) {
    t.seedIndex = static_cast<int>(boundedInt(j, "seed_index", 0, 999, where));
    return t;
  }
  const auto& idx = j.at("train_indices");
  if (!idx.is_array() || idx.empty() || static_cast<int64_t>(idx.size()) > kMaxIndices)
    throw ConfigError(where + ": \"train_indices\" is not a non-empty list of training indices");
  t.trainIdx.reserve(idx.size());
  for (const auto& v : idx) {
    if (!v.is_number_integer() || v.get<int64_t>() < 0)
      throw ConfigError(where + ": a training index is " + v.dump().substr(0, 40) + ", expected a whole number >= 0");
    t.trainIdx.push_back(v.get<int64_t>());
  }
  t.epochs = static_cast<int>(boundedInt(j, "epochs", 1, 100000, where));
  t.seed = static_cast<uint64_t>(boundedInt(j, "seed", 0, std::numeric_limits<int64_t>::max(), where));
  t.mustLearn = j.at("must_learn").get<bool>();
  t.testLimit = boundedInt(j, "test_limit", 0, std::numeric_limits<int64_t>::max(), where);
  return t;
}

}  // namespace

std::string planToJson(const ClusterPlan& plan) {
  nlohmann::json j = {{"prunescope_plan", kPlanVersion},     {"kind", plan.kind},   {"dataset", plan.dataset},
                      {"fingerprint", plan.fingerprint},     {"store", plan.store}, {"shard_dir", plan.shardDir},
                      {"finish_command", plan.finishCommand}};
  if (!plan.fileTable.empty()) j["file_table"] = plan.fileTable;
  j["tasks"] = nlohmann::json::array();
  for (const auto& t : plan.tasks) j["tasks"].push_back(taskToJson(t));
  return j.dump(1) + "\n";
}

ClusterPlan planFromJson(const std::string& text, const std::string& source) {
  try {
    const auto j = nlohmann::json::parse(text);
    if (!j.is_object() || !j.contains("prunescope_plan"))
      throw ConfigError(source + ": not a PruneScope plan (no \"prunescope_plan\" member)");
    boundedInt(j, "prunescope_plan", kPlanVersion, kPlanVersion, source + " (plan format version)");
    ClusterPlan plan;
    plan.kind = j.at("kind").get<std::string>();
    if (!isRunKind(plan.kind, RunKind::Score) && !isStudyRun(plan.kind))
      throw ConfigError(source + ": kind '" + plan.kind + "', expected score, frontier or scaling");
    plan.dataset = j.at("dataset").get<std::string>();
    plan.fingerprint = j.at("fingerprint").get<std::string>();
    plan.store = j.at("store").get<std::string>();
    plan.shardDir = j.at("shard_dir").get<std::string>();
    plan.finishCommand = j.at("finish_command").get<std::vector<std::string>>();
    if (j.contains("file_table")) plan.fileTable = j.at("file_table").get<std::string>();
    const auto& tasks = j.at("tasks");
    if (!tasks.is_array() || tasks.empty() || static_cast<int64_t>(tasks.size()) > kMaxTasks)
      throw ConfigError(source + ": \"tasks\" is not a list of 1 to " + std::to_string(kMaxTasks) + " tasks");
    for (size_t k = 0; k < tasks.size(); ++k) plan.tasks.push_back(taskFromJson(tasks[k], static_cast<int>(k), source));
    return plan;
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(source + ": not a readable PruneScope plan (" + std::string(e.what()) + ")");
  }
}

void writePlan(const ClusterPlan& plan, const std::string& path) { writeFileAtomically(path, planToJson(plan)); }

ClusterPlan readPlan(const std::string& path) {
  const std::vector<uint8_t> bytes = readFileBytes(path);
  return planFromJson(std::string(bytes.begin(), bytes.end()), path);
}

const ClusterTask& planTask(const ClusterPlan& plan, int64_t index, const std::string& source) {
  if (index < 0 || index >= static_cast<int64_t>(plan.tasks.size()))
    throw ConfigError(source + ": no task " + std::to_string(index) + " (the plan has tasks 0.." +
                      std::to_string(plan.tasks.size() - 1) + ")");
  return plan.tasks[static_cast<size_t>(index)];
}

}  // namespace ps
