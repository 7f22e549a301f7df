// Cluster scale-out without a scheduler: plans, tasks into shard stores, the merge
// (equal to a local run, idempotent, atomic, refusing foreign shards) and the Slurm
// scripts as written. The suite on a real Slurm is test_slurm.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cluster/cluster_plan.h"
#include "cluster/cluster_task.h"
#include "cluster/shard_merge.h"
#include "cluster/slurm_script.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace {

ps::ScoreConfig seedsConfig(std::vector<std::string> scores, int seeds, int epochs) {
  ps::ScoreConfig c = pstest::quickScoreConfig(std::move(scores), epochs);
  c.seeds = seeds;
  return c;
}

// Runs every task of the plan in-process into its shard.
void runAllTasks(const ps::ClusterPlan& plan) {
  ps::TaskRunOptions o;
  o.device = "cpu";
  o.threads = 2;
  for (const auto& t : plan.tasks) {
    ps::JobContext ctx;
    ps::runPlanTask(plan, t, plan.shardPath(t.index), o, ctx);
  }
}

int64_t runCount(const std::string& path) {
  ps::SqliteDb db(path);
  return db.scalarInt("SELECT COUNT(*) FROM runs");
}

template <typename E, typename Fn>
std::string messageOf(Fn&& fn) {
  try {
    fn();
  } catch (const E& e) {
    return e.what();
  }
  return "(nothing thrown)";
}

}  // namespace

class TestCluster : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string path(const std::string& name) const { return tmp_.path().toStdString() + "/" + name; }

 private slots:
  void scoreConfigReadsBackWhatItWrote();
  void planRoundTripAndHostilePlans();
  void seedTasksMergeToTheLocalRun();
  void mergeRefusesForeignShardsAndChangesNothing();
  void mergedRunsTakeIdsNeverUsedBefore();
  void frontierPointsAsTasksGiveTheLocalStudy();
  void seedsOfOtherScoresAreRefused();
  void slurmScriptsAreReadableAndComplete();
  void commandLine();
};

void TestCluster::scoreConfigReadsBackWhatItWrote() {
  ps::ScoreConfig c = seedsConfig({"el2n", "grand", "prototype"}, 4, 7);
  c.limit = 123;
  c.train.lr = 0.0123456789;
  c.train.schedule = ps::Schedule::Step;
  c.prototypeEmbedding = "ssl";
  const ps::ScoreConfig defaults;
  for (const ps::ScoreConfig* x : {static_cast<const ps::ScoreConfig*>(&c), &defaults})
    QCOMPARE(ps::ScoreConfig::fromJson(x->toJson()).toJson(), x->toJson());
  const std::string bad = messageOf<ps::ConfigError>([] { ps::ScoreConfig::fromJson(R"({"scores": 3})"); });
  QVERIFY2(bad.find("not one PruneScope wrote") != std::string::npos, bad.c_str());
}

void TestCluster::planRoundTripAndHostilePlans() {
  auto ds = pstest::fashionSubset(path("plan-data"), 200, 50);
  const ps::ClusterPlan plan = ps::planScoring(*ds, seedsConfig({"el2n"}, 3, 2), path("main.sqlite"), path("shards"));
  QCOMPARE(plan.tasks.size(), size_t(3));
  QCOMPARE(plan.tasks[2].seedIndex, 2);
  QCOMPARE(plan.fingerprint, ds->fingerprint());
  ps::writePlan(plan, path("plan.json"));
  const ps::ClusterPlan back = ps::readPlan(path("plan.json"));
  QCOMPARE(ps::planToJson(back), ps::planToJson(plan));
  QCOMPARE(back.shardPath(1), path("shards") + "/task-1.sqlite");

  auto j = nlohmann::json::parse(ps::planToJson(plan));
  const std::vector<std::pair<std::string, std::function<void(nlohmann::json&)>>> hostile = {
      {"plan format version", [](nlohmann::json& p) { p["prunescope_plan"] = 99; }},
      {"\"index\"", [](nlohmann::json& p) { p["tasks"][1]["index"] = 7; }},
      {"\"seed_index\"", [](nlohmann::json& p) { p["tasks"][0]["seed_index"] = -1; }},
      {"kind", [](nlohmann::json& p) { p["kind"] = "mine"; }},
      {"\"tasks\"", [](nlohmann::json& p) { p["tasks"] = nlohmann::json::array(); }},
      {"not a readable", [](nlohmann::json& p) { p.erase("store"); }},
  };
  for (const auto& [expected, damage] : hostile) {
    nlohmann::json p = j;
    damage(p);
    const std::string m = messageOf<ps::ConfigError>([&] { ps::planFromJson(p.dump(), "plan.json"); });
    QVERIFY2(m.find("plan.json") != std::string::npos && m.find(expected) != std::string::npos, m.c_str());
  }
  const std::string m = messageOf<ps::ConfigError>([&] { ps::planTask(plan, 3, "plan.json"); });
  QVERIFY2(m.find("no task 3 (the plan has tasks 0..2)") != std::string::npos, m.c_str());
  QVERIFY(messageOf<ps::ConfigError>([] { ps::planFromJson("[1, 2", "x.json"); }).find("x.json") == 0);
}

void TestCluster::seedTasksMergeToTheLocalRun() {
  auto ds = pstest::fashionSubset(path("merge-data"), 600, 100);
  const ps::ScoreConfig cfg = seedsConfig({"el2n", "forgetting"}, 2, 2);
  ps::JobContext ctx;
  ps::Store local(path("local.sqlite"));
  auto oneAtATime = cfg;  // the tasks' path, one seed at a time: bit for bit the same
  oneAtATime.sequentialSeeds = true;
  const ps::ScoreRun whole = ps::scoreDataset(*ds, local, oneAtATime, ctx);

  const ps::ClusterPlan plan = ps::planScoring(*ds, cfg, path("merged.sqlite"), path("merge-shards"));
  runAllTasks(plan);
  ps::TaskRunOptions o;
  o.device = "cpu";
  QVERIFY(ps::runPlanTask(plan, plan.tasks[0], plan.shardPath(0), o, ctx));  // a rerun computes nothing
  QVERIFY(ps::taskFinished(plan.tasks[1], plan.shardPath(1)));
  QVERIFY(!ps::taskFinished(plan.tasks[1], path("no-such-shard.sqlite")));

  // One seed in: the request waits for the other.
  ps::MergeRequest half{{plan.shardPath(0)}, path("merged.sqlite"), std::nullopt, 2};
  const ps::MergeReport r1 = ps::mergeShards(half, ctx);
  QCOMPARE(r1.seedsAdded, 1);
  QCOMPARE(r1.waiting.size(), size_t(1));
  QVERIFY2(r1.waiting[0].find("seed index(es) 1 not computed") != std::string::npos, r1.waiting[0].c_str());
  // Both: completed by the local code, equal bit for bit to the local run.
  ps::MergeRequest all{{}, path("merged.sqlite"), plan, 2};
  const ps::MergeReport r2 = ps::mergeShards(all, ctx);
  QCOMPARE(r2.seedsAdded, 1);
  QCOMPARE(r2.completed.size(), size_t(1));
  QVERIFY(r2.unfinished.empty());
  const int64_t runsAfter = runCount(path("merged.sqlite"));
  {
    ps::Store merged(path("merged.sqlite"));
    const ps::ScoreRun cached = ps::scoreDataset(*ds, merged, cfg, ctx);
    QVERIFY(cached.fromCache);
    QCOMPARE(merged.run(cached.runId).cacheKey, local.run(whole.runId).cacheKey);
    for (const auto& name : whole.names) {
      QVERIFY(cached.difficulty.at(name) == whole.difficulty.at(name));
      QVERIFY(cached.raw.at(name) == whole.raw.at(name));
      QVERIFY(cached.spread.at(name) == whole.spread.at(name));
      QCOMPARE(cached.seedSpearman.at(name), whole.seedSpearman.at(name));
    }
    QVERIFY(cached.predictions.predicted == whole.predictions.predicted);
    QVERIFY(cached.predictions.pLabel == whole.predictions.pLabel);
    QCOMPARE(cached.curves.size(), size_t(2));
  }
  // Merging again adds nothing.
  const ps::MergeReport r3 = ps::mergeShards(all, ctx);
  QCOMPARE(r3.seedsAdded + r3.runsAdded, 0);
  QVERIFY(r3.completed.empty());
  QCOMPARE(runCount(path("merged.sqlite")), runsAfter);
}

void TestCluster::mergeRefusesForeignShardsAndChangesNothing() {
  auto ds = pstest::fashionSubset(path("own-data"), 300, 50);
  auto other = pstest::fashionSubset(path("other-data"), 250, 50);
  const ps::ScoreConfig cfg = seedsConfig({"random"}, 1, 1);  // no training: fast
  const ps::ClusterPlan plan = ps::planScoring(*ds, cfg, path("atomic.sqlite"), path("own-shards"));
  runAllTasks(plan);
  const ps::ClusterPlan foreign = ps::planScoring(*other, cfg, path("atomic.sqlite"), path("other-shards"));
  runAllTasks(foreign);
  ps::JobContext ctx;
  { ps::Store main(path("atomic.sqlite")); }
  // A shard of another dataset: refused, naming it; the good shard before it is not kept.
  ps::MergeRequest mixed{{plan.shardPath(0), foreign.shardPath(0)}, path("atomic.sqlite"), std::nullopt, 2};
  std::string m = messageOf<ps::ConfigError>([&] { ps::mergeShards(mixed, ctx); });
  QVERIFY2(m.find(foreign.shardPath(0)) != std::string::npos && m.find("fingerprint") != std::string::npos, m.c_str());
  QCOMPARE(runCount(path("atomic.sqlite")), int64_t(0));
  ps::MergeRequest againstPlan{{foreign.shardPath(0)}, path("atomic.sqlite"), plan, 2};
  m = messageOf<ps::ConfigError>([&] { ps::mergeShards(againstPlan, ctx); });
  QVERIFY2(m.find("the plan's dataset") != std::string::npos, m.c_str());
  // A shard of a newer schema: refused, naming it.
  {
    ps::SqliteDb db(foreign.shardPath(0));
    db.exec("PRAGMA user_version = 99");
  }
  ps::MergeRequest newer{{plan.shardPath(0), foreign.shardPath(0)}, path("atomic.sqlite"), std::nullopt, 2};
  m = messageOf<ps::StoreError>([&] { ps::mergeShards(newer, ctx); });
  QVERIFY2(m.find("shard " + foreign.shardPath(0)) == 0 && m.find("newer") != std::string::npos, m.c_str());
  QCOMPARE(runCount(path("atomic.sqlite")), int64_t(0));
  // A damaged shard (a run whose key its settings do not give): refused, nothing kept.
  {
    ps::SqliteDb db(plan.shardPath(0));
    db.exec("UPDATE runs SET config = replace(config, '\"seeds\":1', '\"seeds\":2')");
  }
  ps::MergeRequest damaged{{plan.shardPath(0)}, path("atomic.sqlite"), std::nullopt, 2};
  m = messageOf<ps::ConfigError>([&] { ps::mergeShards(damaged, ctx); });
  QVERIFY2(m.find("damaged") != std::string::npos, m.c_str());
  QCOMPARE(runCount(path("atomic.sqlite")), int64_t(0));
  QVERIFY(messageOf<ps::ConfigError>([&] {
            ps::mergeShards({{path("missing.sqlite")}, path("atomic.sqlite"), std::nullopt, 0}, ctx);
          }).find("missing.sqlite: no such file") != std::string::npos);
}

void TestCluster::mergedRunsTakeIdsNeverUsedBefore() {
  // Stores written by hand (no training): a shard holding one finished import run, and a
  // main store whose newest run was deleted before the merge.
  const ps::DatasetRecord d{0, "fp-ids", "ids-data", "idx", {"a", "b"}, 4, 2, "2x2x1", ""};
  auto addRun = [&d](ps::Store& s, const std::string& config) {
    ps::RunRecord r;
    r.kind = "import";
    r.config = config;
    r.cacheKey = ps::Store::cacheKey(r.kind, r.config, d.fingerprint);
    r.status = ps::RunStatus::Done;
    r.startedAt = r.finishedAt = "2026-01-01T00:00:00.000Z";
    const int64_t id = s.insertRunRecord(s.registerDatasetRecord(d), r);
    s.putVector(id, "x", {1.f, 2.f, 3.f, 4.f});
    return id;
  };
  int64_t deleted = 0;
  {
    ps::Store shard(path("ids-shard.sqlite"));
    addRun(shard, R"({"name":"from-shard"})");
    ps::Store main(path("ids-main.sqlite"));
    addRun(main, R"({"name":"kept"})");
    deleted = addRun(main, R"({"name":"deleted"})");
    main.deleteRun(deleted);
  }
  ps::JobContext ctx;
  const ps::MergeReport r =
      ps::mergeShards({{path("ids-shard.sqlite")}, path("ids-main.sqlite"), std::nullopt, 1}, ctx);
  QCOMPARE(r.runsAdded, 1);
  ps::Store main(path("ids-main.sqlite"));
  const auto runs = main.runs(main.findDataset("fp-ids")->id);
  QCOMPARE(runs.size(), size_t(2));
  QCOMPARE(runs.back().config, std::string(R"({"name":"from-shard"})"));
  QVERIFY2(runs.back().id > deleted, "the merged run took the id of a deleted run");
  QCOMPARE(main.vector(runs.back().id, "x").size(), size_t(4));
}

void TestCluster::frontierPointsAsTasksGiveTheLocalStudy() {
  auto ds = pstest::fashionSubset(path("frontier-data"), 600, 100);
  ps::FrontierConfig cfg;
  cfg.score.name = "random";  // needs no training: the points are what is tested
  cfg.policies = {"hard", "easy", "random"};
  cfg.keeps = {0.5, 1.0};
  cfg.train = pstest::quickScoreConfig({"el2n"}, 2).train;
  cfg.testLimit = 100;
  ps::JobContext ctx;
  ps::Store local(path("frontier-local.sqlite"));
  const ps::FrontierResult whole = ps::runFrontierStudy(*ds, local, cfg, ctx);

  ps::StudyPoints points;
  {
    ps::Store planning(path("frontier-merged.sqlite"));  // the score is resolved where the plan is made
    points = ps::frontierStudyPoints(*ds, planning, cfg, ctx);
  }
  const ps::ClusterPlan plan =
      ps::planStudy(*ds, "frontier", points, path("frontier-merged.sqlite"), path("frontier-shards"), {"frontier"});
  QCOMPARE(points.points.size(), size_t(6));
  QCOMPARE(plan.tasks.size(), size_t(4));  // f = 1 is one training for every policy
  QCOMPARE(ps::planFromJson(ps::planToJson(plan), "p").tasks[3].trainIdx, plan.tasks[3].trainIdx);
  runAllTasks(plan);
  const ps::MergeReport r = ps::mergeShards({{}, path("frontier-merged.sqlite"), plan, 2}, ctx);
  QCOMPARE(r.runsAdded, 4);
  QVERIFY(r.unfinished.empty());
  const int64_t runs = runCount(path("frontier-merged.sqlite"));
  ps::Store merged(path("frontier-merged.sqlite"));
  const ps::FrontierResult study = ps::runFrontierStudy(*ds, merged, cfg, ctx);
  QCOMPARE(runCount(path("frontier-merged.sqlite")), runs + 1);  // the study run only: no point trained again
  QCOMPARE(study.points.size(), whole.points.size());
  for (size_t k = 0; k < study.points.size(); ++k) QCOMPARE(study.points[k].errors, whole.points[k].errors);
  QCOMPARE(ps::mergeShards({{}, path("frontier-merged.sqlite"), plan, 2}, ctx).runsAdded, 0);
}

void TestCluster::seedsOfOtherScoresAreRefused() {
  auto ds = pstest::fashionSubset(path("seeds-data"), 600, 100);
  const ps::ClusterPlan el2n = ps::planScoring(*ds, seedsConfig({"el2n"}, 2, 2), path("s1.sqlite"), path("s-el2n"));
  const ps::ClusterPlan random = ps::planScoring(*ds, seedsConfig({"random"}, 2, 2), path("s1.sqlite"), path("s-rnd"));
  runAllTasks(el2n);
  runAllTasks(random);
  {  // seed 1 of the EL2N request replaced by seed 1 of the random one: as many values, other scores
    ps::Store from(random.shardPath(1)), to(el2n.shardPath(1));
    const auto bytes = from.checkpoint(from.findRun(random.tasks[1].cacheKey)->id, ps::seedValuesKey(1));
    QVERIFY(bytes.has_value());
    to.putCheckpoint(to.findRun(el2n.tasks[1].cacheKey)->id, ps::seedValuesKey(1), *bytes);
  }
  ps::JobContext ctx;
  const std::string m = messageOf<ps::StoreError>([&] { ps::mergeShards({{}, path("s1.sqlite"), el2n, 2}, ctx); });
  QVERIFY2(m.find("holds other scores than seed 0") != std::string::npos, m.c_str());
  QCOMPARE(runCount(path("s1.sqlite")), int64_t(0));  // nothing kept
}

void TestCluster::slurmScriptsAreReadableAndComplete() {
  auto ds = pstest::fashionSubset(path("script-data"), 100, 20);
  const ps::ClusterPlan plan = ps::planScoring(*ds, seedsConfig({"el2n"}, 4, 2), path("s.sqlite"), path("s/shards"));
  ps::SlurmOptions o;
  o.partition = "gpu";
  o.account = "lab";
  o.time = "01:30:00";
  o.gpusPerTask = 1;
  o.cpusPerTask = 4;
  o.throttle = 2;
  o.cli = "/opt/prunescope/bin/prunescope-cli";
  const ps::SlurmFiles f = ps::slurmFiles(path("s"));
  ps::writeSlurmFiles(plan, f, o);
  auto read = [](const std::string& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string array = read(f.array), merge = read(f.merge), submit = read(f.submit);
  for (const char* line : {"#SBATCH --array=0-3%2", "#SBATCH --partition=gpu", "#SBATCH --account=lab",
                           "#SBATCH --time=01:30:00", "#SBATCH --gpus-per-task=1", "#SBATCH --cpus-per-task=4",
                           "#SBATCH --requeue", "task run \"$PLAN\" --index \"$SLURM_ARRAY_TASK_ID\""})
    QVERIFY2(array.find(line) != std::string::npos, line);
  QVERIFY(merge.find("merge --plan \"$PLAN\" --into '" + plan.store + "'") != std::string::npos);
  QVERIFY(submit.find("--dependency=afterany:\"$array\" merge.sbatch") != std::string::npos);
  QVERIFY(submit.find("TASKS=${1:-0-3}") != std::string::npos);
  QCOMPARE(ps::readPlan(f.plan).tasks.size(), size_t(4));
  QCOMPARE(ps::arraySpec({1, 3}, 0), std::string("1,3"));
  QCOMPARE(ps::arraySpec({5}, 2), std::string("5%2"));
  o.time = "90 minutes";
  QVERIFY(messageOf<ps::ConfigError>([&] { ps::validateSlurmOptions(o); }).find("--time") == 0);
}

void TestCluster::commandLine() {
  pstest::writeIdxDataset(path("cli-data"), pstest::fashionSamples(120), pstest::fashionSamples(20, true), false);
  const std::string dir = path("cli-plan");
  auto r = pstest::cli({"slurm", "score", path("cli-data"), "--score", "random", "--seeds", "2", "--dir", dir, "--db",
                        path("cli.sqlite"), "--throttle", "1", "--dry-run"});
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("2 tasks, one per seed") != std::string::npos, r.out.c_str());
  for (int i : {0, 1}) {
    r = pstest::cli({"task", "run", dir + "/plan.json", "--index", std::to_string(i), "--quiet"});
    QVERIFY2(r.code == 0, r.err.c_str());
  }
  r = pstest::cli({"merge", "--plan", dir + "/plan.json", "--quiet"});
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("completed from its seeds: run") != std::string::npos, r.out.c_str());
  r = pstest::cli({"slurm",
                   "frontier",
                   path("cli-data"),
                   "--score",
                   "random",
                   "--policies",
                   "hard,random",
                   "--keeps",
                   "0.5,1",
                   "--epochs",
                   "1",
                   "--out",
                   "rel.csv",
                   "--class-balanced",
                   "--dir",
                   path("cli-frontier"),
                   "--db",
                   path("cli.sqlite"),
                   "--partition",
                   "p1",
                   "--dry-run"});
  QVERIFY2(r.code == 0, r.err.c_str());
  const ps::ClusterPlan study = ps::readPlan(path("cli-frontier") + "/plan.json");
  QCOMPARE(study.tasks.size(), size_t(3));
  const auto& fin = study.finishCommand;
  QCOMPARE(fin.front(), std::string("frontier"));
  for (const std::string a : {"--class-balanced", "--policies", "hard,random", "--db", "--quiet"})
    QVERIFY2(std::find(fin.begin(), fin.end(), a) != fin.end(), a.c_str());
  QVERIFY(std::find(fin.begin(), fin.end(), "--partition") == fin.end());
  QVERIFY(std::find(fin.begin(), fin.end(), (std::filesystem::current_path() / "rel.csv").string()) != fin.end());
  r = pstest::cli({"slurm",
                   "scaling",
                   path("cli-data"),
                   "--score",
                   "random",
                   "--policies",
                   "random",
                   "--keeps",
                   "1",
                   "--sizes",
                   "60,120",
                   "--epochs",
                   "1",
                   "--out",
                   path("scaling.csv"),
                   "--dir",
                   path("cli-scaling"),
                   "--db",
                   path("cli.sqlite"),
                   "--dry-run"});
  QVERIFY2(r.code == 0 && r.out.find("(2 tasks, one per study point)") != std::string::npos, (r.out + r.err).c_str());
  QCOMPARE(ps::readPlan(path("cli-scaling") + "/plan.json").finishCommand.front(), std::string("scaling"));
  r = pstest::cli({"task", "run", dir + "/plan.json", "--index", "5"});
  QCOMPARE(r.code, 1);
  QVERIFY2(r.err.find("no task 5") != std::string::npos, r.err.c_str());
  r = pstest::cli({"merge", path("nothing.sqlite"), "--into", path("cli.sqlite")});
  QCOMPARE(r.code, 1);
  QVERIFY2(r.err.find("nothing.sqlite: no such file") != std::string::npos, r.err.c_str());
}

QTEST_GUILESS_MAIN(TestCluster)
#include "test_cluster.moc"
