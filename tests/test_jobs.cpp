// Jobs: progress with time left, cancellation within a second, checkpoint and resume.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

#include "data/channel_stats.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "util/errors.h"

class TestJobs : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::unique_ptr<ps::Dataset> ds_ = ps::openDataset("fashion-mnist");

 private slots:
  void progressReportsFractionAndTimeLeft();
  void progressIsThrottled();
  void channelStatsOfFashionMnist();
  void cancelTakesEffectWithinOneSecond();
  void resumeAfterCancelGivesTheSameResult();
  void resumeFromStoreCheckpointAfterRestart();
  void failedJobReportsItsError();
  void durationFormatting();
};

void TestJobs::progressReportsFractionAndTimeLeft() {
  std::vector<ps::Progress> seen;
  ps::JobContext ctx(
      nullptr, [&](const ps::Progress& p) { seen.push_back(p); }, nullptr, std::chrono::milliseconds(0));
  // A slow warm-up (loading, the first batch: 2% in 0.5 s), then 2% every 10 ms.
  ctx.report(0, 100, "start");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ctx.report(2, 100, "warm");
  QVERIFY(seen[0].etaSeconds < 0);  // unknown during the warm-up
  QVERIFY(seen[1].etaSeconds < 0);
  for (int done = 4; done <= 40; done += 2) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ctx.report(done, 100, "steady");
  }
  const ps::Progress& p = seen.back();
  QCOMPARE(p.fraction, 0.40);
  QCOMPARE(p.message, std::string("steady"));
  QVERIFY(p.elapsedSeconds >= 0.68);
  // 60% left at 2% per 10 ms: about 0.3 s — measured after the warm-up, where all the
  // time over all the progress (elapsed × 60/40, over 1 s) would count the warm-up in.
  QVERIFY2(p.etaSeconds > 0.15 && p.etaSeconds < 0.75, std::to_string(p.etaSeconds).c_str());
  QVERIFY(p.etaSeconds < p.elapsedSeconds * 0.6 / 0.4 * 0.8);
}

void TestJobs::progressIsThrottled() {
  int calls = 0;
  ps::JobContext ctx(
      nullptr, [&](const ps::Progress&) { ++calls; }, nullptr, std::chrono::milliseconds(1000));
  for (int i = 0; i < 10000; ++i) ctx.report(i, 10000, "");
  ctx.report(10000, 10000, "done");
  QCOMPARE(calls, 2);  // the first report and the final 100%
  QCOMPARE(ctx.last().fraction, 1.0);
}

void TestJobs::channelStatsOfFashionMnist() {
  ps::JobContext ctx;
  const ps::ChannelStats st = ps::computeChannelStats(*ds_, ps::Split::Train, ctx);
  // The published Fashion-MNIST normalisation constants.
  QVERIFY2(std::abs(st.mean[0] - 0.2860) < 5e-4, std::to_string(st.mean[0]).c_str());
  QVERIFY2(std::abs(st.stddev[0] - 0.3530) < 5e-4, std::to_string(st.stddev[0]).c_str());
  QCOMPARE(st.images, size_t(60000));
}

void TestJobs::cancelTakesEffectWithinOneSecond() {
  // A job that would run for minutes: passes over the training set, checking the token.
  ps::JobRunner runner;
  std::atomic<int> progressCalls{0};
  runner.start(
      [&](ps::JobContext& ctx) {
        for (int pass = 0; pass < 1000; ++pass) ps::computeChannelStats(*ds_, ps::Split::Train, ctx, 512);
      },
      [&](const ps::Progress&) { ++progressCalls; });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  QCOMPARE(runner.state(), ps::JobRunner::State::Running);
  const auto t0 = std::chrono::steady_clock::now();
  runner.cancel();
  runner.wait();
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  QVERIFY2(took < 1.0, std::to_string(took).c_str());
  QCOMPARE(runner.state(), ps::JobRunner::State::Cancelled);
  QVERIFY(progressCalls > 0);
}

void TestJobs::resumeAfterCancelGivesTheSameResult() {
  ps::JobContext plain;
  const ps::ChannelStats whole = ps::computeChannelStats(*ds_, ps::Split::Train, plain, 1000);

  ps::MemoryCheckpoints checkpoints;
  ps::CancelToken token;
  int chunks = 0;
  ps::JobContext first(
      &token,
      [&](const ps::Progress&) {
        if (++chunks == 7) token.cancel();  // stop part-way
      },
      &checkpoints, std::chrono::milliseconds(0));
  QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::computeChannelStats(*ds_, ps::Split::Train, first, 1000));
  QVERIFY(checkpoints.load("channel_stats/train"));

  token.reset();
  int resumedChunks = 0;
  ps::JobContext second(
      &token, [&](const ps::Progress&) { ++resumedChunks; }, &checkpoints, std::chrono::milliseconds(0));
  const ps::ChannelStats resumed = ps::computeChannelStats(*ds_, ps::Split::Train, second, 1000);
  QCOMPARE(resumedChunks, 60 - 7);  // only the remaining chunks were computed
  QCOMPARE(resumed.mean, whole.mean);
  QCOMPARE(resumed.stddev, whole.stddev);
}

void TestJobs::resumeFromStoreCheckpointAfterRestart() {
  const std::string file = tmp_.path().toStdString() + "/jobs.sqlite";
  int64_t run;
  ps::JobContext plain;
  const ps::ChannelStats whole = ps::computeChannelStats(*ds_, ps::Split::Test, plain, 500);
  {
    ps::Store store(file);
    run = store.beginRun(store.registerDataset(*ds_), "stats", "{}", "stats-key", 0, "cpu");
    ps::StoreCheckpoints ck(store, run);
    ps::CancelToken token;
    int chunks = 0;
    ps::JobContext ctx(
        &token,
        [&](const ps::Progress&) {
          if (++chunks == 5) token.cancel();
        },
        &ck, std::chrono::milliseconds(0));
    QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::computeChannelStats(*ds_, ps::Split::Test, ctx, 500));
    store.finishRun(run, ps::RunStatus::Interrupted, "cancelled");
  }
  ps::Store store(file);  // a new process would see the same file
  QCOMPARE(store.run(run).status, ps::RunStatus::Interrupted);
  store.reopenRun(run);
  ps::StoreCheckpoints ck(store, run);
  ps::JobContext ctx(nullptr, {}, &ck);
  const ps::ChannelStats resumed = ps::computeChannelStats(*ds_, ps::Split::Test, ctx, 500);
  store.finishRun(run, ps::RunStatus::Done);
  QCOMPARE(resumed.mean, whole.mean);
  QCOMPARE(resumed.stddev, whole.stddev);
}

void TestJobs::failedJobReportsItsError() {
  ps::JobRunner runner;
  runner.start([](ps::JobContext&) { ps::openDataset("/no/such/dataset"); });
  runner.wait();
  QCOMPARE(runner.state(), ps::JobRunner::State::Failed);
  QVERIFY(runner.error().find("/no/such/dataset") != std::string::npos);
}

void TestJobs::durationFormatting() {
  QCOMPARE(ps::formatDuration(12.4), std::string("12s"));
  QCOMPARE(ps::formatDuration(185), std::string("3m05s"));
  QCOMPARE(ps::formatDuration(3720), std::string("1h02m"));
  QCOMPARE(ps::formatDuration(-1), std::string("?"));
}

QTEST_GUILESS_MAIN(TestJobs)
#include "test_jobs.moc"
