#include "cluster/shard_merge.h"

#include <filesystem>
#include <map>
#include <memory>

#include "cluster/cluster_task.h"
#include "data/dataset.h"
#include "job/job.h"
#include "score/score_config.h"
#include "score/score_engine.h"
#include "store/file_table_store.h"
#include "store/run_kind.h"
#include "store/run_summary.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

namespace {

struct Merger {
  Store& main;
  MergeReport& report;
  std::string fingerprint;                     // every shard's datasets must have it
  std::string whose;                           // where that fingerprint came from, for messages
  std::map<std::string, std::string> pending;  // multi-seed requests touched: cache key -> config
};

void checkShard(const Store& shard, const DatasetRecord& d, Merger& m) {
  if (m.fingerprint.empty()) {
    m.fingerprint = d.fingerprint;
    m.whose = "the first shard's dataset, " + d.spec;
  }
  if (d.fingerprint != m.fingerprint)
    throw ConfigError("shard " + shard.path() + " holds dataset " + d.spec + " (fingerprint " + d.fingerprint +
                      "), expected fingerprint " + m.fingerprint + " (" + m.whose + "); nothing was merged");
}

void checkRunKey(const Store& shard, const RunRecord& r, const std::string& fingerprint) {
  if (Store::cacheKey(r.kind, r.config, fingerprint) != r.cacheKey)
    throw ConfigError("shard " + shard.path() + ": run " + std::to_string(r.id) + " (" + r.kind + ") has cache key " +
                      r.cacheKey + ", but its settings give another; the shard is damaged; nothing was merged");
}

// An unfinished attempt in the main store may be replaced or completed, unless a process
// is computing it now.
void checkNotInUse(const Store& main, const RunRecord& r) {
  if (r.status == RunStatus::Running)
    throw StoreError(main.path() + ": run " + std::to_string(r.id) + " (" + r.kind +
                     ") is being computed by a process now; merge when it has finished");
}

void copyDoneRun(const Store& shard, const RunRecord& r, int64_t datasetId, Merger& m) {
  if (m.main.findRun(r.cacheKey, RunStatus::Done)) {
    ++m.report.runsPresent;
    return;
  }
  if (auto old = m.main.findRun(r.cacheKey)) {
    checkNotInUse(m.main, *old);
    m.main.deleteRun(old->id);  // superseded by the finished run
  }
  const int64_t id = m.main.insertRunRecord(datasetId, r);
  for (const auto& name : shard.vectorNames(r.id)) {
    if (shard.vectorType(r.id, name) == "i64")
      m.main.putIndexVector(id, name, shard.indexVector(r.id, name));
    else
      m.main.putVector(id, name, shard.vector(r.id, name));
  }
  for (const auto& [key, value] : shard.results(r.id)) m.main.putResult(id, key, value);
  ++m.report.runsAdded;
}

// The seeds of a multi-seed scoring request a task computed, added to the main store's
// run of that request (made when it has none yet).
void copySeeds(const Store& shard, const RunRecord& r, int64_t datasetId, Merger& m) {
  const ScoreConfig cfg = ScoreConfig::fromJson(r.config);
  if (cfg.seeds < 1 || cfg.seeds > 1000)
    throw ConfigError("shard " + shard.path() + ": run " + std::to_string(r.id) + " asks for " +
                      std::to_string(cfg.seeds) + " seeds, expected 1..1000");
  std::map<int, std::vector<uint8_t>> seeds;
  for (int s = 0; s < cfg.seeds; ++s)
    if (auto bytes = shard.checkpoint(r.id, seedValuesKey(s))) seeds[s] = std::move(*bytes);
  if (seeds.empty() || m.main.findRun(r.cacheKey, RunStatus::Done)) return;
  int64_t id = 0;
  if (auto target = m.main.findRun(r.cacheKey)) {
    checkNotInUse(m.main, *target);
    id = target->id;
  } else {
    RunRecord waiting = r;
    waiting.status = RunStatus::Interrupted;
    waiting.message = "seeds merged from cluster shards; completed when every seed is in";
    id = m.main.insertRunRecord(datasetId, waiting);
  }
  for (const auto& [s, bytes] : seeds) {
    if (m.main.checkpoint(id, seedValuesKey(s))) continue;
    m.main.putCheckpoint(id, seedValuesKey(s), bytes);
    const std::string curve = "curve/seed" + std::to_string(s);
    if (auto c = shard.result(r.id, curve)) m.main.putResult(id, curve, *c);
    ++m.report.seedsAdded;
  }
  m.pending[r.cacheKey] = r.config;
}

void mergeShard(const std::string& path, Merger& m) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw ConfigError("shard " + path + ": no such file");
  std::unique_ptr<Store> shard;
  try {
    shard = std::make_unique<Store>(path);
  } catch (const StoreError& e) {
    throw StoreError("shard " + std::string(e.what()) + "; nothing was merged");
  }
  for (const DatasetRecord& d : shard->datasets()) {
    checkShard(*shard, d, m);
    const int64_t datasetId = m.main.registerDatasetRecord(d);
    for (const RunRecord& r : shard->runs(d.id)) {
      checkRunKey(*shard, r, d.fingerprint);
      if (r.status == RunStatus::Done)
        copyDoneRun(*shard, r, datasetId, m);
      else if (isRunKind(r.kind, RunKind::Score))
        copySeeds(*shard, r, datasetId, m);
    }
  }
}

std::string seedList(const std::vector<int>& seeds) {
  std::string out;
  for (int s : seeds) out += (out.empty() ? "" : ", ") + std::to_string(s);
  return out;
}

// Every multi-seed request whose seeds are all in is completed by scoreDataset, which
// finds them as the run's checkpoints and only aggregates and stores.
void completeRequests(const MergeRequest& req, Merger& m, JobContext& ctx) {
  std::unique_ptr<Dataset> ds;
  for (const auto& [key, config] : m.pending) {
    const auto run = m.main.findRun(key);
    if (!run || run->status == RunStatus::Done) continue;
    ScoreConfig cfg = ScoreConfig::fromJson(config);
    std::vector<int> missing;
    for (int s = 0; s < cfg.seeds; ++s)
      if (!m.main.checkpoint(run->id, seedValuesKey(s))) missing.push_back(s);
    if (!missing.empty()) {
      m.report.waiting.push_back("run " + std::to_string(run->id) + " (" + describeRun(*run) + "): seed index(es) " +
                                 seedList(missing) + " not computed yet");
      continue;
    }
    if (!ds) {
      const auto rec = m.main.findDataset(m.fingerprint);
      StoreFileTable files(m.main);
      ds = openDatasetWithFingerprint(req.plan ? req.plan->dataset : (rec ? rec->spec : ""), m.fingerprint, &files);
    }
    cfg.train.device = DeviceChoice("cpu");
    cfg.train.threads = req.threads;
    JobContext sub(ctx, nullptr);
    const ScoreRun done = scoreDataset(*ds, m.main, cfg, sub);
    m.report.completed.push_back("run " + std::to_string(done.runId) + " (" + describeRun(m.main.run(done.runId)) +
                                 ")");
  }
}

}  // namespace

MergeReport mergeShards(const MergeRequest& req, JobContext& ctx) {
  std::vector<std::string> shards = req.shards;
  MergeReport report;
  if (req.plan) {
    for (const ClusterTask& t : req.plan->tasks) {
      const std::string path = req.plan->shardPath(t.index);
      if (req.shards.empty() && std::filesystem::exists(path)) shards.push_back(path);
      if (!taskFinished(t, path)) report.unfinished.push_back("task " + std::to_string(t.index) + " (" + t.label + ")");
    }
  }
  if (shards.empty() && !req.plan) throw ConfigError("no shard to merge: name shard stores or a plan");
  Store main(req.into);
  Merger m{main,
           report,
           req.plan ? req.plan->fingerprint : "",
           "the plan's dataset, " + (req.plan ? req.plan->dataset : std::string()),
           {}};
  Store::Transaction t(main);
  for (size_t k = 0; k < shards.size(); ++k) {
    ctx.report(static_cast<double>(k), static_cast<double>(shards.size()), "merging " + shards[k]);
    mergeShard(shards[k], m);
  }
  completeRequests(req, m, ctx);
  t.commit();
  ctx.report(1, 1, "merged");
  return report;
}

}  // namespace ps
