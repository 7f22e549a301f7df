// The SQLite store: round trips, migrations, bad files, and a process killed mid-write.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "data/dataset_opener.h"
#include "store/example_tags.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_watch.h"
#include "support/test_data.h"
#include "util/errors.h"
#include "util/file_io.h"

using namespace pstest;

class TestStore : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }
  std::unique_ptr<ps::Dataset> smallDataset() {
    const std::string dir = path("ds");
    if (!std::filesystem::exists(dir)) writeIdxDataset(dir, fashionSamples(30), fashionSamples(10, true), true);
    return ps::openDataset(dir);
  }

 private slots:
  void freshStoreHasCurrentSchemaAndWal();
  void datasetRoundTrip();
  void runLifecycleAndCacheKey();
  void vectorRoundTrip();
  void checkpointsAndResults();
  void deleteRunCascades();
  void transactionRollsBack();
  void migratesFromVersion1();
  void runIdsAreNotReusedAfterADelete();
  void migrationFromVersion3KeepsEveryRowAndId();
  void rejectsNewerSchema();
  void damagedValuesAreRefusedWithThePath_data();
  void damagedValuesAreRefusedWithThePath();
  void aLiveRunIsInUseForOtherProcesses();
  void concurrentOpenersOfANewStoreAllSucceed();
  void threadsOpeningANewStoreAtOnceAllSucceed();
  void rejectsNonDatabase();
  void rejectsReadOnlyFile();
  void killDuringWriteLeavesStoreConsistent();
  void keepAndExcludeExcludeEachOtherAndTagsRestoreExactly();
  void aWatchSeesOnlyOtherConnectionsCommits();
};

void TestStore::freshStoreHasCurrentSchemaAndWal() {
  ps::Store s(path("fresh.sqlite"));
  QCOMPARE(s.schemaVersion(), ps::currentSchemaVersion());
  QCOMPARE(s.integrityCheck(), std::string("ok"));
  ps::SqliteDb raw(path("fresh.sqlite"));
  QCOMPARE(raw.scalarText("PRAGMA journal_mode"), std::string("wal"));
}

void TestStore::datasetRoundTrip() {
  ps::Store s(path("ds.sqlite"));
  auto ds = smallDataset();
  const int64_t id = s.registerDataset(*ds);
  QCOMPARE(s.registerDataset(*ds), id);  // same fingerprint, same row
  auto rec = s.findDataset(ds->fingerprint());
  QVERIFY(rec);
  QCOMPARE(rec->numTrain, int64_t(30));
  QCOMPARE(rec->numTest, int64_t(10));
  QCOMPARE(rec->classNames, ds->classNames());
  QCOMPARE(rec->shape, std::string("28x28x1"));
  QCOMPARE(rec->format, std::string("idx"));
  QVERIFY(!s.findDataset("0000000000000000"));
}

void TestStore::runLifecycleAndCacheKey() {
  ps::Store s(path("runs.sqlite"));
  auto ds = smallDataset();
  const int64_t dsId = s.registerDataset(*ds);
  const std::string key = ps::Store::cacheKey("score", R"({"epochs":3,"score":"el2n"})", ds->fingerprint());
  // Key order in the config JSON does not change the key; a different value does.
  QCOMPARE(ps::Store::cacheKey("score", R"({ "score": "el2n", "epochs": 3 })", ds->fingerprint()), key);
  QVERIFY(ps::Store::cacheKey("score", R"({"epochs":4,"score":"el2n"})", ds->fingerprint()) != key);
  QVERIFY(ps::Store::cacheKey("score", R"({"epochs":3,"score":"el2n"})", "ffffffffffffffff") != key);

  const int64_t run = s.beginRun(dsId, "score", R"({"epochs":3,"score":"el2n"})", key, 42, "cpu");
  QCOMPARE(s.run(run).status, ps::RunStatus::Running);
  QVERIFY(!s.findRun(key, ps::RunStatus::Done));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  s.finishRun(run, ps::RunStatus::Done, "ok");
  auto done = s.findRun(key, ps::RunStatus::Done);
  QVERIFY(done);
  QCOMPARE(done->id, run);
  QCOMPARE(done->seed, int64_t(42));
  QCOMPARE(done->device, std::string("cpu"));
  QVERIFY(done->elapsedSeconds > 0.01);
  QVERIFY(!done->finishedAt.empty());
  QCOMPARE(s.runs(dsId).size(), size_t(1));
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, s.finishRun(9999, ps::RunStatus::Done));
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, s.beginRun(9999, "score", "{}", "k", 0, "cpu"));  // foreign key
}

void TestStore::vectorRoundTrip() {
  ps::Store s(path("vec.sqlite"));
  const int64_t dsId = s.registerDataset(*smallDataset());
  const int64_t run = s.beginRun(dsId, "score", "{}", "k1", 0, "cpu");
  std::vector<float> v(100003);
  for (size_t i = 0; i < v.size(); ++i) v[i] = std::sin(float(i)) * 1e3f;
  v[5] = std::numeric_limits<float>::infinity();
  s.putVectors(run, {{"el2n", v}, {"el2n/std", std::vector<float>(v.size(), 0.5f)}});
  QCOMPARE(s.vector(run, "el2n"), v);
  QCOMPARE(s.vectorNames(run), (std::vector<std::string>{"el2n", "el2n/std"}));
  s.putVector(run, "el2n", {1.f, 2.f});  // replaced
  QCOMPARE(s.vector(run, "el2n"), (std::vector<float>{1.f, 2.f}));
  s.putIndexVector(run, "subset", {5, 1, 1LL << 40});
  QCOMPARE(s.indexVector(run, "subset"), (std::vector<int64_t>{5, 1, 1LL << 40}));
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, s.vector(run, "subset"));  // wrong type
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, s.vector(run, "nope"));
  s.putVector(run, "empty", {});
  QVERIFY(s.vector(run, "empty").empty());
}

void TestStore::checkpointsAndResults() {
  ps::Store s(path("ckpt.sqlite"));
  const int64_t dsId = s.registerDataset(*smallDataset());
  const int64_t run = s.beginRun(dsId, "study", "{}", "k2", 0, "cpu");
  QVERIFY(!s.checkpoint(run, "epoch"));
  s.putCheckpoint(run, "epoch", {1, 2, 3});
  s.putCheckpoint(run, "epoch", {4, 5});
  QCOMPARE(*s.checkpoint(run, "epoch"), (std::vector<uint8_t>{4, 5}));
  s.clearCheckpoints(run);
  QVERIFY(!s.checkpoint(run, "epoch"));
  s.putResult(run, "point/0.5", R"({"error":0.12})");
  s.putResult(run, "point/1", R"({"error":0.1})");
  QCOMPARE(*s.result(run, "point/0.5"), std::string(R"({"error":0.12})"));
  QCOMPARE(s.results(run).size(), size_t(2));
}

void TestStore::deleteRunCascades() {
  ps::Store s(path("del.sqlite"));
  const int64_t dsId = s.registerDataset(*smallDataset());
  const int64_t run = s.beginRun(dsId, "score", "{}", "k3", 0, "cpu");
  s.putVector(run, "x", {1.f});
  s.putCheckpoint(run, "c", {1});
  s.putResult(run, "r", "{}");
  s.deleteRun(run);
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, s.run(run));
  ps::SqliteDb raw(path("del.sqlite"));
  QCOMPARE(raw.scalarInt("SELECT count(*) FROM vectors") + raw.scalarInt("SELECT count(*) FROM checkpoints") +
               raw.scalarInt("SELECT count(*) FROM results"),
           int64_t(0));
}

void TestStore::transactionRollsBack() {
  ps::Store s(path("tx.sqlite"));
  const int64_t dsId = s.registerDataset(*smallDataset());
  const int64_t run = s.beginRun(dsId, "score", "{}", "k4", 0, "cpu");
  {
    ps::Store::Transaction t(s);
    s.putVector(run, "a", {1.f});
    s.putVector(run, "b", {2.f});
    // no commit: both writes are undone
  }
  QVERIFY(s.vectorNames(run).empty());
  {
    ps::Store::Transaction t(s);
    s.putVector(run, "a", {1.f});
    t.commit();
  }
  QCOMPARE(s.vectorNames(run).size(), size_t(1));
}

void TestStore::migratesFromVersion1() {
  const std::string file = path("v1.sqlite");
  auto ds = smallDataset();
  {
    // A store as the first schema version wrote it, with a dataset and a finished run.
    ps::SqliteDb db(file);
    ps::migrateSchema(db, 1);
    QCOMPARE(db.scalarInt("PRAGMA user_version"), int64_t(1));
    db.exec("INSERT INTO datasets(fingerprint, spec, format, class_names, n_train, n_test, shape) VALUES('" +
            ds->fingerprint() + "', 'old', 'idx', '[\"a\",\"b\"]', 30, 10, '28x28x1')");
    db.exec(
        "INSERT INTO runs(dataset_id, kind, config, cache_key, status) VALUES(1, 'score', '{}', 'old-key', 'done')");
  }
  ps::Store s(file);
  QCOMPARE(s.schemaVersion(), ps::currentSchemaVersion());
  auto rec = s.findDataset(ds->fingerprint());
  QVERIFY(rec);
  QCOMPARE(rec->spec, std::string("old"));
  auto run = s.findRun("old-key", ps::RunStatus::Done);
  QVERIFY(run);
  s.putVector(run->id, "el2n", {0.25f});  // tables of version 2 work on the migrated file
  QCOMPARE(s.vector(run->id, "el2n"), std::vector<float>{0.25f});
  QCOMPARE(s.integrityCheck(), std::string("ok"));
}

void TestStore::runIdsAreNotReusedAfterADelete() {
  ps::Store s(path("ids.sqlite"));
  const int64_t dsId = s.registerDataset(*smallDataset());
  const int64_t first = s.beginRun(dsId, "score", "{}", "id-a", 0, "cpu");
  const int64_t newest = s.beginRun(dsId, "score", "{}", "id-b", 0, "cpu");
  s.deleteRun(newest);  // the newest: SQLite's plain rowid would hand its id out again
  const int64_t next = s.beginRun(dsId, "score", "{}", "id-c", 0, "cpu");
  QVERIFY(next > newest);
  QVERIFY(newest > first);
  {
    ps::Store other(path("ids.sqlite"));  // another connection (another process) continues the sequence
    s.deleteRun(next);
    QVERIFY(other.beginRun(dsId, "import", "{}", "id-d", 0, "cpu") > next);
  }
  QCOMPARE(s.integrityCheck(), std::string("ok"));
}

void TestStore::migrationFromVersion3KeepsEveryRowAndId() {
  const std::string file = path("v3.sqlite");
  auto ds = smallDataset();
  {
    // A version-3 store (no AUTOINCREMENT) with runs 1, 2 and 5 (3 and 4 deleted) and
    // every kind of row that refers to a run, written with foreign keys on as the store does.
    ps::SqliteDb db(file);
    db.exec("PRAGMA foreign_keys=ON");
    ps::migrateSchema(db, 3);
    db.exec("INSERT INTO datasets(id, fingerprint, spec, format, class_names, n_train, n_test, shape) VALUES(1, '" +
            ds->fingerprint() + "', 'old', 'idx', '[\"a\",\"b\"]', 30, 10, '28x28x1')");
    for (const char* id : {"1", "2", "5"})
      db.exec(std::string("INSERT INTO runs(id, dataset_id, kind, config, cache_key, status, seed, elapsed_s, message) "
                          "VALUES(") +
              id + ", 1, 'score', '{}', 'key-" + id + "', 'done', 7, 1.5, 'run " + id + "')");
    db.exec("INSERT INTO vectors(run_id, name, dtype, n, data) VALUES(5, 'el2n', 'f32', 1, x'0000803e')");
    db.exec("INSERT INTO checkpoints(run_id, key, data) VALUES(2, 'epoch', x'01')");
    db.exec("INSERT INTO results(run_id, key, value) VALUES(1, 'summary', '{\"a\":1}')");
    db.exec("INSERT INTO tags(dataset_id, example, tag) VALUES(1, 3, 'keep')");
    QCOMPARE(db.scalarInt("PRAGMA user_version"), int64_t(3));
  }
  ps::Store s(file);
  QCOMPARE(s.schemaVersion(), ps::currentSchemaVersion());
  const auto runs = s.runs(1);
  QCOMPARE(runs.size(), size_t(3));
  QCOMPARE(runs[0].id, int64_t(1));
  QCOMPARE(runs[1].id, int64_t(2));
  QCOMPARE(runs[2].id, int64_t(5));
  QCOMPARE(runs[2].message, std::string("run 5"));
  QCOMPARE(runs[2].seed, int64_t(7));
  QCOMPARE(s.findRun("key-5", ps::RunStatus::Done)->id, int64_t(5));  // the cache-key index is back
  QCOMPARE(s.vector(5, "el2n"), std::vector<float>{0.25f});
  QCOMPARE(*s.checkpoint(2, "epoch"), std::vector<uint8_t>{1});
  QCOMPARE(*s.result(1, "summary"), std::string("{\"a\":1}"));
  QCOMPARE(s.tags(1).size(), size_t(1));
  QCOMPARE(s.integrityCheck(), std::string("ok"));
  // The rebuilt table hands out ids above the largest kept one, and keeps doing so after a delete.
  s.deleteRun(5);
  QCOMPARE(s.beginRun(1, "score", "{}", "key-new", 0, "cpu"), int64_t(6));
  // Foreign keys are on again: deleting a run still removes what belongs to it.
  s.deleteRun(2);
  QVERIFY(!s.checkpoint(2, "epoch"));
  ps::SqliteDb raw(file);
  QCOMPARE(raw.scalarInt("SELECT count(*) FROM checkpoints"), int64_t(0));
  QCOMPARE(raw.scalarInt("SELECT count(*) FROM sqlite_master WHERE name LIKE 'runs_by_%'"), int64_t(2));
}

void TestStore::rejectsNewerSchema() {
  const std::string file = path("future.sqlite");
  {
    ps::SqliteDb db(file);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    ps::Store s(file);
    QFAIL("a newer schema should be refused");
  } catch (const ps::StoreError& e) {
    QVERIFY2(std::string(e.what()).find("version 99") != std::string::npos, e.what());
    QVERIFY(std::string(e.what()).find("future.sqlite") != std::string::npos);
  }
  ps::SqliteDb db(file);
  QCOMPARE(db.scalarInt("PRAGMA user_version"), int64_t(99));  // left untouched
}

void TestStore::damagedValuesAreRefusedWithThePath_data() {
  QTest::addColumn<QString>("damage");  // SQL run on a good store
  QTest::addColumn<QString>("problem");
  QTest::newRow("negative schema version") << "PRAGMA user_version = -3"
                                           << "schema version -3 is not valid";
  QTest::newRow("huge schema version") << "PRAGMA user_version = 2147483647"
                                       << "newer than this PruneScope understands";
  // 2^62 floats: n * 4 overflows to 0, the size of an empty blob.
  QTest::newRow("vector count overflows to the blob size") << "UPDATE vectors SET n = 4611686018427387904, data = x''"
                                                           << "is damaged";
  QTest::newRow("negative vector count") << "UPDATE vectors SET n = -1"
                                         << "is damaged";
  QTest::newRow("count and blob disagree") << "UPDATE vectors SET n = n + 1"
                                           << "is damaged";
  QTest::newRow("class names not JSON") << "UPDATE datasets SET class_names = '[\"a\", '"
                                        << "damaged class names";
  QTest::newRow("run status unknown") << "PRAGMA ignore_check_constraints = ON; UPDATE runs SET status = 'zombie'"
                                      << "unknown run status 'zombie'";
}

void TestStore::damagedValuesAreRefusedWithThePath() {
  QFETCH(QString, damage);
  QFETCH(QString, problem);
  static int made = 0;
  const std::string file = path("damaged_" + std::to_string(++made) + ".sqlite");
  int64_t runId = 0;
  {
    ps::Store s(file);
    auto ds = smallDataset();
    runId = s.beginRun(s.registerDataset(*ds), "score", "{}", "k", 0, "cpu");
    s.putVector(runId, "el2n", std::vector<float>(30, 0.5f));
    s.finishRun(runId, ps::RunStatus::Done);
  }
  {
    ps::SqliteDb raw(file);
    raw.exec(damage.toStdString());
  }
  const auto before = ps::readFileBytes(file);
  try {
    ps::Store s(file);
    (void)s.datasets();
    (void)s.run(runId);
    (void)s.vector(runId, "el2n");
    QFAIL("the damage went unnoticed");
  } catch (const ps::StoreError& e) {
    QVERIFY2(std::string(e.what()).find(problem.toStdString()) != std::string::npos, e.what());
    QVERIFY2(std::string(e.what()).find(file) != std::string::npos, e.what());
  }
  QCOMPARE(ps::readFileBytes(file), before);  // reading a damaged store changes nothing
}

void TestStore::aLiveRunIsInUseForOtherProcesses() {
  const std::string file = path("inuse.sqlite");
  ps::Store s(file);
  auto ds = smallDataset();
  const int64_t dsId = s.registerDataset(*ds);
  const int64_t runId = s.beginRun(dsId, "score", "{}", "same-key", 0, "cpu");
  // Another process (a live one: this test's parent) owns it now.
  {
    ps::SqliteDb raw(file);
    raw.exec("UPDATE runs SET owner_pid = " + std::to_string(getppid()) + " WHERE id = " + std::to_string(runId));
  }
  try {
    s.beginOrResumeRun(dsId, "score", "{}", "same-key", 0, "cpu");
    QFAIL("a run computed by a live process was taken over");
  } catch (const ps::StoreError& e) {
    QVERIFY2(std::string(e.what()).find("is in use") != std::string::npos, e.what());
    QVERIFY2(std::string(e.what()).find("run " + std::to_string(runId)) != std::string::npos, e.what());
  }
  QCOMPARE(s.run(runId).status, ps::RunStatus::Running);  // left to its owner
  QCOMPARE(s.runs(dsId).size(), size_t(1));               // and no second run of it
  // Once that process has stopped (no such pid), the run is resumed here.
  {
    ps::SqliteDb raw(file);
    raw.exec("UPDATE runs SET status = 'interrupted', owner_pid = 0 WHERE id = " + std::to_string(runId));
  }
  bool resumed = false;
  QCOMPARE(s.beginOrResumeRun(dsId, "score", "{}", "same-key", 0, "cpu", &resumed), runId);
  QVERIFY(resumed);
}

void TestStore::concurrentOpenersOfANewStoreAllSucceed() {
  if (qEnvironmentVariableIsSet("PRUNESCOPE_NO_SUBPROCESS_TESTS"))
    QSKIP("starts processes (not under ThreadSanitizer)");
  // Processes opening one new store at once (creation and migration race), each adding
  // the same dataset: all succeed, one dataset row.
  const std::string file = path("race.sqlite");
  const std::string dir = path("race_ds");
  pstest::writeIdxDataset(dir, pstest::fashionSamples(30), pstest::fashionSamples(10, true), false);
  std::string csv = "score\n";
  for (int i = 0; i < 30; ++i) csv += std::to_string(i) + "\n";
  pstest::writeText(path("race.csv"), csv);
  std::vector<std::unique_ptr<QProcess>> procs;
  for (int i = 0; i < 6; ++i) {
    procs.push_back(std::make_unique<QProcess>());
    procs.back()->start(
        QStringLiteral(PRUNESCOPE_CLI_PATH),
        {"import-scores", QString::fromStdString(dir), QString::fromStdString(path("race.csv")), "--name",
         QString("s%1").arg(i), "--direction", "harder", "--db", QString::fromStdString(file)});
  }
  for (auto& p : procs) {
    QVERIFY(p->waitForFinished(60000));
    QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
  }
  ps::Store s(file);
  QCOMPARE(s.integrityCheck(), std::string("ok"));
  QCOMPARE(s.datasets().size(), size_t(1));
  QCOMPARE(s.runs(s.datasets().front().id).size(), size_t(6));
}

void TestStore::threadsOpeningANewStoreAtOnceAllSucceed() {
  // Two jobs of the window starting together open one new store from two threads: the
  // switch to WAL must wait for the other connection, not fail at once. Released at the
  // same instant, on many new files, so that the race is met.
  constexpr int kFiles = 30, kThreads = 4;
  std::vector<std::string> errors;
  std::mutex m;
  for (int f = 0; f < kFiles; ++f) {
    const std::string file = path("threads" + std::to_string(f) + ".sqlite");
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&] {
        while (!go) std::this_thread::yield();
        try {
          ps::Store s(file);
          if (s.schemaVersion() != ps::currentSchemaVersion()) throw std::runtime_error("schema not current");
        } catch (const std::exception& e) {
          const std::lock_guard<std::mutex> lock(m);
          errors.emplace_back(e.what());
        }
      });
    go = true;
    for (auto& t : threads) t.join();
    QCOMPARE(ps::SqliteDb(file).scalarText("PRAGMA journal_mode"), std::string("wal"));
  }
  QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
}

void TestStore::rejectsNonDatabase() {
  const std::string file = path("notes.sqlite");
  const std::string text(5000, 'x');
  writeText(file, text);
  try {
    ps::Store s(file);
    QFAIL("a text file is not a store");
  } catch (const ps::StoreError& e) {
    QVERIFY2(std::string(e.what()).find("notes.sqlite") != std::string::npos, e.what());
    QVERIFY2(std::string(e.what()).find("not a database") != std::string::npos, e.what());
  }
  std::ifstream in(file);
  std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  QCOMPARE(back, text);                                                            // not overwritten
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, ps::Store(tmp_.path().toStdString()));  // a directory
}

void TestStore::rejectsReadOnlyFile() {
  const std::string dir = path("ro");
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/ro.sqlite";
  { ps::Store s(file); }
  chmod(file.c_str(), 0444);
  chmod(dir.c_str(), 0755);
  chmod(tmp_.path().toStdString().c_str(), 0755);
  // Root ignores permissions, so the open is tried in a child that drops to 'nobody'.
  const pid_t child = fork();
  if (child == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(4);
    try {
      ps::Store s(file);
      _exit(1);  // should not open
    } catch (const ps::StoreError& e) {
      const std::string msg = e.what();
      _exit(msg.find("read-only") != std::string::npos && msg.find("ro.sqlite") != std::string::npos ? 0 : 2);
    } catch (...) {
      _exit(3);
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  QVERIFY(WIFEXITED(status));
  QCOMPARE(WEXITSTATUS(status), 0);
}

void TestStore::killDuringWriteLeavesStoreConsistent() {
  const std::string file = path("kill.sqlite");
  int64_t dsId;
  {
    ps::Store s(file);
    dsId = s.registerDataset(*smallDataset());
    const int64_t done = s.beginRun(dsId, "score", "{}", "finished", 1, "cpu");
    s.putVector(done, "el2n", std::vector<float>(1000, 1.f));
    s.finishRun(done, ps::RunStatus::Done);
  }
  const pid_t child = fork();
  if (child == 0) {
    // The child writes 8 vectors of 1.28 M floats per transaction, forever, until killed.
    try {
      ps::Store s(file);
      const int64_t run = s.beginRun(dsId, "score", "{}", "killed", 2, "cpu");
      std::vector<float> v(1280000, 0.f);
      for (int round = 0;; ++round) {
        std::map<std::string, std::vector<float>> batch;
        for (int k = 0; k < 8; ++k) batch["v" + std::to_string(k)] = v;
        s.putVectors(run, batch);
        v[0] += 1.f;
      }
    } catch (...) {
    }
    _exit(3);
  }
  // Let the child get well into its writes, then kill it without warning.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  QVERIFY(WIFSIGNALED(status));

  ps::Store s(file);
  QCOMPARE(s.integrityCheck(), std::string("ok"));
  auto killed = s.findRun("killed");
  QVERIFY(killed);
  QCOMPARE(killed->status, ps::RunStatus::Interrupted);  // visibly not done
  QVERIFY(!s.findRun("killed", ps::RunStatus::Done));
  // Whatever landed landed whole: either all 8 vectors of a round or none.
  const auto names = s.vectorNames(killed->id);
  QVERIFY(names.empty() || names.size() == 8);
  for (const auto& n : names) QCOMPARE(s.vector(killed->id, n).size(), size_t(1280000));
  // The earlier finished run is intact.
  auto done = s.findRun("finished", ps::RunStatus::Done);
  QVERIFY(done);
  QCOMPARE(s.vector(done->id, "el2n"), std::vector<float>(1000, 1.f));
}

void TestStore::keepAndExcludeExcludeEachOtherAndTagsRestoreExactly() {
  ps::Store s(path("tags.sqlite"));
  auto ds = smallDataset();
  using Tags = std::vector<std::string>;
  ps::tagExamples(s, *ds, {1, 2}, "exclude", true);
  ps::tagExamples(s, *ds, {2}, "mislabelled", true);
  const ps::ExampleTags before = ps::tagsOf(s, *ds, {1, 2, 3});
  QCOMPARE(before.at(3), Tags{});  // listed, with no tag
  // keep takes exclude off the same examples, and the other way round; other tags stay.
  ps::tagExamples(s, *ds, {2, 3}, "keep", true);
  QCOMPARE(ps::loadTags(s, *ds).at(2), (Tags{"keep", "mislabelled"}));
  QCOMPARE(ps::loadTags(s, *ds).at(1), Tags{"exclude"});
  ps::tagExamples(s, *ds, {3}, "exclude", true);
  QCOMPARE(ps::loadTags(s, *ds).at(3), Tags{"exclude"});
  QCOMPARE(ps::excludedExamples(s, *ds), (std::vector<int64_t>{1, 3}));
  // Removing one tag touches nothing else.
  ps::tagExamples(s, *ds, {2}, "keep", false);
  QCOMPARE(ps::loadTags(s, *ds).at(2), Tags{"mislabelled"});
  // An undo gives the examples exactly their earlier tags, the exclude the keep took off too.
  ps::setExactTags(s, *ds, before);
  const auto after = ps::loadTags(s, *ds);
  QCOMPARE(after.at(1), Tags{"exclude"});
  QCOMPARE(after.at(2), (Tags{"exclude", "mislabelled"}));
  QVERIFY(!after.count(3));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::setExactTags(s, *ds, {{30, {"keep"}}}));  // outside the split
}

void TestStore::aWatchSeesOnlyOtherConnectionsCommits() {
  const std::string db = path("watched.sqlite");
  ps::Store writer(db);
  auto ds = smallDataset();
  ps::StoreWatch watch(db);
  QVERIFY(!watch.changed());  // the first look only records where the store stands
  QVERIFY(!watch.changed());
  ps::tagExamples(writer, *ds, {4}, "ambiguous", true);
  QVERIFY(watch.changed());
  QVERIFY(!watch.changed());  // nothing new since
  {
    ps::Store other(db);  // another process's connection
    other.deleteRun(other.beginRun(writer.registerDataset(*ds), "score", "{}", "k", 0, "cpu"));
  }
  QVERIFY(watch.changed());
}

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
