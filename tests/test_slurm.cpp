// The cluster commands on a real one-node Slurm (slurm-wlm and munge, started by
// scripts/slurm-local.sh under a temporary folder and stopped by process id): a scoring
// request as a job array, merged, equal to the same request run locally; a cancelled
// array element reported by the merge and completed by a resubmission; a frontier and a
// scaling study as arrays, equal to the local studies; tasks on an image folder that
// only list and stat it (the plan carries its file table). Skips, saying why, where Slurm is
// not installed or the suite does not run as root.
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/file_table_store.h"
#include "store/store.h"
#include "support/slurm_cluster.h"
#include "support/test_data.h"

namespace {

using pstest::Ran;
using pstest::runProgram;
using pstest::waitForJob;

Ran cli(const QStringList& args) { return runProgram(QStringLiteral(PRUNESCOPE_CLI_PATH), args, 300000); }

QString jobId(const QString& text, const QString& what) {
  const auto m = QRegularExpression(what + " job (\\d+)").match(text);
  return m.hasMatch() ? m.captured(1) : QString();
}

QString readText(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

ps::ScoreConfig requestConfig(int seeds, int epochs, uint64_t seed) {
  ps::ScoreConfig c = pstest::quickScoreConfig({"el2n"}, epochs);
  c.seeds = seeds;
  c.train.seed = seed;
  c.train.threads = 1;     // as each array element (--cpus-per-task 1)
  c.wholeSchedule = true;  // every epoch, so a task killed mid-run has epochs left to resume
  return c;
}

}  // namespace

class TestSlurm : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  pstest::SlurmCluster cluster_;
  std::unique_ptr<ps::Dataset> ds_;
  std::string path(const std::string& name) const { return tmp_.path().toStdString() + "/" + name; }

 private slots:
  void initTestCase();
  void cleanupTestCase() { cluster_.stop(); }
  void scoringArrayEqualsTheLocalRun();
  void cancelledTaskIsReportedAndResubmitted();
  void frontierArrayEqualsTheLocalStudy();
  void scalingArrayEqualsTheLocalStudy();
  void requeuedTaskResumesFromItsCheckpoint();
  void tasksReadThePlansFileTable();
};

void TestSlurm::initTestCase() {
  const QString unavailable = pstest::SlurmCluster::unavailableReason();
  if (!unavailable.isEmpty()) QSKIP(qPrintable(unavailable));
  QString log;
  QVERIFY2(cluster_.start(QString::fromStdString(path("cluster")), 16817, log), qPrintable(log));
  ds_ = pstest::fashionSubset(path("data"), 2000, 200);
}

void TestSlurm::scoringArrayEqualsTheLocalRun() {
  const QString dir = QString::fromStdString(path("el2n-plan"));
  const std::string merged = path("merged.sqlite");
  const auto t0 = std::chrono::steady_clock::now();
  const Ran r =
      cli({"slurm", "score", QString::fromStdString(path("data")), "--score", "el2n", "--epochs", "2", "--seeds", "3",
           "--dir", dir, "--db", QString::fromStdString(merged), "--cpus-per-task", "1", "--cli", PRUNESCOPE_CLI_PATH});
  QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
  const QString array = jobId(r.out, "array"), merge = jobId(r.out, "merge");
  QVERIFY2(!array.isEmpty() && !merge.isEmpty(), qPrintable(r.out));
  QCOMPARE(waitForJob(merge, 600), QString("COMPLETED"));
  const double clusterSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const QString log = readText(dir + "/logs/merge-" + merge + ".log");
  QVERIFY2(log.contains("completed from its seeds") && !log.contains("not finished"), qPrintable(log));
  for (int t = 0; t < 3; ++t)
    QVERIFY(
        runProgram("squeue", {"-h", "-t", "all", "-j", array + "_" + QString::number(t), "-o", "%T"}).out.trimmed() ==
        "COMPLETED");

  const ps::ScoreConfig cfg = requestConfig(3, 2, 0);
  ps::JobContext ctx;
  const auto t1 = std::chrono::steady_clock::now();
  ps::Store local(path("local.sqlite"));
  auto oneAtATime = cfg;  // the tasks' path, one seed at a time: bit for bit the same
  oneAtATime.sequentialSeeds = true;
  const ps::ScoreRun whole = ps::scoreDataset(*ds_, local, oneAtATime, ctx);
  const double localSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  qInfo("3-seed EL2N, 2000 examples, 2 epochs: Slurm array of 3 + merge %.1f s (submit to merged); local %.1f s",
        clusterSeconds, localSeconds);
  ps::Store store(merged);
  const ps::ScoreRun cached = ps::scoreDataset(*ds_, store, cfg, ctx);
  QVERIFY(cached.fromCache);
  QVERIFY(cached.difficulty.at("el2n") == whole.difficulty.at("el2n"));  // bitwise on the CPU
  QVERIFY(cached.spread.at("el2n") == whole.spread.at("el2n"));
  QCOMPARE(cached.seedSpearman.at("el2n"), whole.seedSpearman.at("el2n"));
}

void TestSlurm::cancelledTaskIsReportedAndResubmitted() {
  const QString dir = QString::fromStdString(path("cancel-plan"));
  const std::string merged = path("cancel.sqlite");
  // Throttled to one at a time, so task 1 is still pending when it is cancelled.
  const Ran r = cli({"slurm",
                     "score",
                     QString::fromStdString(path("data")),
                     "--score",
                     "el2n",
                     "--epochs",
                     "1",
                     "--seeds",
                     "2",
                     "--seed",
                     "100",
                     "--dir",
                     dir,
                     "--db",
                     QString::fromStdString(merged),
                     "--cpus-per-task",
                     "1",
                     "--throttle",
                     "1",
                     "--cli",
                     PRUNESCOPE_CLI_PATH});
  QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
  const QString array = jobId(r.out, "array"), merge = jobId(r.out, "merge");
  QCOMPARE(runProgram("scancel", {array + "_1"}).code, 0);
  QCOMPARE(waitForJob(merge, 600), QString("COMPLETED"));
  const QString log = readText(dir + "/logs/merge-" + merge + ".log");
  QVERIFY2(log.contains("not finished: task 1") && log.contains("waiting:"), qPrintable(log));

  Ran status = cli({"slurm", "status", dir});
  // A pending element cancelled leaves no record without accounting: "not-in-queue" then.
  QVERIFY2(status.out.contains(QRegularExpression("task 1  " + array + "_1  (CANCELLED|not-in-queue)  no result")) &&
               status.out.contains("1 of 2 tasks finished"),
           qPrintable(status.out + status.err));
  status = cli({"slurm", "status", dir, "--resubmit"});
  QVERIFY2(status.code == 0 && status.out.contains("(tasks 1)"), qPrintable(status.out + status.err));
  const QString merge2 = jobId(status.out.mid(status.out.indexOf("submitted:")), "merge");
  QCOMPARE(waitForJob(merge2, 600), QString("COMPLETED"));
  status = cli({"slurm", "status", dir});
  QVERIFY2(
      status.out.contains("2 of 2 tasks finished") &&
          status.out.contains(QRegularExpression("merge job " + merge2 + " \\(after array job \\d+\\): COMPLETED")),
      qPrintable(status.out));

  ps::Store store(merged);
  const ps::ScoreConfig cfg = requestConfig(2, 1, 100);
  QVERIFY(store.findRun(ps::scoreCacheKey(*ds_, cfg), ps::RunStatus::Done).has_value());
}

void TestSlurm::frontierArrayEqualsTheLocalStudy() {
  const QString dir = QString::fromStdString(path("frontier-plan")), data = QString::fromStdString(path("data"));
  const QStringList study = {data,      "--score",   "random",   "--policies", "hard,easy,random",
                             "--keeps", "0.3,0.6,1", "--epochs", "2",          "--test-limit",
                             "200"};
  const QString merged = QString::fromStdString(path("frontier.sqlite"));
  const auto t0 = std::chrono::steady_clock::now();
  Ran r = cli(QStringList{"slurm", "frontier"} + study +
              QStringList{"--out", dir + "/cluster.csv", "--dir", dir, "--db", merged, "--cpus-per-task", "1",
                          "--throttle", "2", "--cli", PRUNESCOPE_CLI_PATH});
  QVERIFY2(r.code == 0 && r.out.contains("(7 tasks, one per study point)"), qPrintable(r.out + r.err));
  const QString merge = jobId(r.out, "merge");
  QCOMPARE(waitForJob(merge, 600), QString("COMPLETED"));
  const QString log = readText(dir + "/logs/merge-" + merge + ".log");
  QVERIFY2(log.contains("7 finished runs added") && !log.contains("not finished"), qPrintable(log));
  const auto t1 = std::chrono::steady_clock::now();
  // The same study run here, point by point, with the tasks' thread count.
  r = cli(QStringList{"frontier"} + study +
          QStringList{"--out", dir + "/local.csv", "--db", QString::fromStdString(path("frontier-local.sqlite")),
                      "--threads", "1", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  const auto t2 = std::chrono::steady_clock::now();
  qInfo("frontier of 9 points (7 trainings), 2000 examples, 2 epochs: Slurm array + merge + study %.1f s; local %.1f s",
        std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
  QCOMPARE(readText(dir + "/cluster.csv"), readText(dir + "/local.csv"));  // every point's error, to the digit
  r = cli(QStringList{"frontier"} + study + QStringList{"--out", dir + "/again.csv", "--db", merged, "--quiet"});
  QVERIFY2(r.code == 0 && r.out.contains("from the store"), qPrintable(r.out + r.err));
}

void TestSlurm::scalingArrayEqualsTheLocalStudy() {
  const QString dir = QString::fromStdString(path("scaling-plan")), data = QString::fromStdString(path("data"));
  // Two pools, each pruned at half by a random score and kept whole: 4 trainings (the
  // whole largest pool must learn: its health checks are on).
  const QStringList study = {data,      "--score",  "random",   "--policies", "random",       "--keeps", "0.5,1",
                             "--sizes", "500,2000", "--epochs", "2",          "--test-limit", "200"};
  const QString merged = QString::fromStdString(path("scaling.sqlite"));
  const auto t0 = std::chrono::steady_clock::now();
  Ran r = cli(QStringList{"slurm", "scaling"} + study +
              QStringList{"--out", dir + "/cluster.csv", "--dir", dir, "--db", merged, "--cpus-per-task", "1", "--cli",
                          PRUNESCOPE_CLI_PATH});
  QVERIFY2(r.code == 0 && r.out.contains("(4 tasks, one per study point)"), qPrintable(r.out + r.err));
  const QString merge = jobId(r.out, "merge");
  const QString ended = waitForJob(merge, 600);
  const QString log = readText(dir + "/logs/merge-" + merge + ".log");
  QVERIFY2(ended == "COMPLETED", qPrintable(ended + ": " + log + readText(dir + "/logs/task-3.log")));
  QVERIFY2(log.contains("4 finished runs added") && !log.contains("not finished"), qPrintable(log));
  const auto t1 = std::chrono::steady_clock::now();
  r = cli(QStringList{"scaling"} + study +
          QStringList{"--out", dir + "/local.csv", "--db", QString::fromStdString(path("scaling-local.sqlite")),
                      "--threads", "1", "--quiet"});
  QVERIFY2(r.code == 0, qPrintable(r.err));
  qInfo("scaling of 2 pools x 2 fractions (4 trainings), 2 epochs: Slurm array + merge + study %.1f s; local %.1f s",
        std::chrono::duration<double>(t1 - t0).count(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
  QVERIFY(!readText(dir + "/cluster.csv").isEmpty());
  QCOMPARE(readText(dir + "/cluster.csv"), readText(dir + "/local.csv"));  // written by the merge job's study
  r = cli(QStringList{"scaling"} + study + QStringList{"--out", dir + "/again.csv", "--db", merged, "--quiet"});
  QVERIFY2(r.code == 0 && r.out.contains("from the store"), qPrintable(r.out + r.err));
}

void TestSlurm::requeuedTaskResumesFromItsCheckpoint() {
  pstest::fashionSubset(path("big"), 4000, 200);
  const QString dir = QString::fromStdString(path("requeue-plan"));
  const Ran r =
      cli({"slurm", "score", QString::fromStdString(path("big")), "--score", "el2n", "--epochs", "5", "--seeds", "1",
           "--seed", "7", "--dir", dir, "--db", QString::fromStdString(path("requeue.sqlite")), "--cpus-per-task", "1",
           "--cli", PRUNESCOPE_CLI_PATH});
  QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
  const QString array = jobId(r.out, "array"), merge = jobId(r.out, "merge");
  const QString taskLog = dir + "/logs/task-0.log";
  for (int k = 0; k < 600 && !readText(taskLog).contains("epoch 2/5"); ++k) QThread::msleep(200);
  QVERIFY2(readText(taskLog).contains("epoch 2/5"), qPrintable(readText(taskLog)));
  const Ran requeue = runProgram("scontrol", {"requeue", array + "_0"});
  QVERIFY2(requeue.code == 0, qPrintable(requeue.out + requeue.err));
  // Requeued once it counts a restart; Slurm then lets it start only 120 s later: the
  // test moves that to now.
  auto showJob = [&] { return runProgram("scontrol", {"-o", "show", "job", array + "_0"}).out; };
  bool restarted = false;
  for (int k = 0; k < 240 && !restarted; ++k, QThread::msleep(250))
    restarted = showJob().contains(" Restarts=1 ") &&
                runProgram("squeue", {"-h", "-t", "all", "-j", array + "_0", "-o", "%T"}).out.trimmed() == "PENDING" &&
                runProgram("scontrol", {"update", "JobId=" + array + "_0", "StartTime=now"}).code == 0;
  QVERIFY2(restarted, qPrintable(showJob()));
  // The second attempt's end, from the job's own record (Restarts=1), seen pending
  // above: not the first attempt's end read late.
  QString state;
  static const QStringList ended = {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY"};
  for (int k = 0; k < 2400 && state.isEmpty(); ++k, QThread::msleep(250)) {
    const QString shown = showJob();
    const int at = shown.indexOf(" JobState=");
    const QString s = at < 0 ? QString() : shown.mid(at + 10).section(' ', 0, 0);
    if (shown.contains(" Restarts=1 ") && ended.contains(s)) state = s;
  }
  QVERIFY2(state == "COMPLETED", qPrintable(state + ": " + showJob() + "\n" + readText(taskLog)));
  QVERIFY2(readText(taskLog).contains("resumed from the checkpoint after epoch"), qPrintable(readText(taskLog)));
  // Slurm may count the requeued element as ended and start the merge job (afterany)
  // before the element ran again: the merge is then run again, as a user would.
  waitForJob(merge, 600);
  const Ran again = cli({"merge", "--plan", dir + "/plan.json", "--quiet"});
  QVERIFY2(again.code == 0 && !again.out.contains("not finished"), qPrintable(again.out + again.err));

  auto big = ps::openDataset(path("big"));
  const ps::ScoreConfig cfg = requestConfig(1, 5, 7);
  ps::JobContext ctx;
  ps::Store local(path("requeue-local.sqlite"));
  const ps::ScoreRun whole = ps::scoreDataset(*big, local, cfg, ctx);
  ps::Store merged(path("requeue.sqlite"));
  const ps::ScoreRun cached = ps::scoreDataset(*big, merged, cfg, ctx);
  QVERIFY(cached.fromCache);
  QVERIFY(cached.difficulty.at("el2n") == whole.difficulty.at("el2n"));  // the resumed run, bit for bit
}

void TestSlurm::tasksReadThePlansFileTable() {
  const std::string data = path("bmp-data");
  const std::vector<std::string> names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  const auto samples = pstest::colourSamples(200);
  pstest::writeImageFolder(data, "", samples, names, ".bmp");  // a changed pixel keeps the size
  const QString dir = QString::fromStdString(path("table-plan"));
  const std::string merged = path("table.sqlite");
  const Ran r = cli({"slurm", "score", QString::fromStdString(data), "--score", "el2n", "--epochs", "1", "--seeds", "1",
                     "--dir", dir, "--db", QString::fromStdString(merged), "--cpus-per-task", "1", "--cli",
                     PRUNESCOPE_CLI_PATH, "--dry-run", "--no-health-checks"});
  QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
  QVERIFY(readText(dir + "/plan.json").contains("files.sqlite"));
  ps::Store store(merged);
  const auto ds = ps::openDatasetWithStore(data, store);
  // A pixel changed behind the table's back, size and modification time kept: a task that
  // read the files would find another fingerprint and refuse to run; one that lists and
  // stats them, trusting the plan's table, runs.
  const std::string victim = data + "/" + names[static_cast<size_t>(samples[0].label)] + "/0.bmp";
  struct stat st {};
  QVERIFY(::stat(victim.c_str(), &st) == 0);
  cv::Mat img = cv::imread(victim, cv::IMREAD_UNCHANGED);
  img.at<cv::Vec3b>(1, 1)[1] ^= 0x33;
  QVERIFY(cv::imwrite(victim, img));
  const timespec times[2] = {st.st_atim, st.st_mtim};
  QVERIFY(::utimensat(AT_FDCWD, victim.c_str(), times, 0) == 0);
  QVERIFY(ps::openDataset(data)->fingerprint() != ds->fingerprint());  // read in full, it is another dataset
  const Ran sub = runProgram("bash", {dir + "/submit.sh"});
  QVERIFY2(sub.code == 0, qPrintable(sub.out + sub.err));
  const QString array = jobId(sub.out, "array"), merge = jobId(sub.out, "merge");
  QCOMPARE(waitForJob(merge, 600), QString("COMPLETED"));
  const QString taskLog = readText(dir + "/logs/task-0.log");
  QVERIFY2(runProgram("squeue", {"-h", "-t", "all", "-j", array + "_0", "-o", "%T"}).out.trimmed() == "COMPLETED",
           qPrintable(taskLog));
  ps::ScoreConfig cfg = requestConfig(1, 1, 0);
  cfg.train.healthChecks = false;
  QVERIFY2(store.findRun(ps::scoreCacheKey(*ds, cfg), ps::RunStatus::Done).has_value(), qPrintable(taskLog));
}

QTEST_GUILESS_MAIN(TestSlurm)
#include "test_slurm.moc"
