// The scoring engine: every score on real Fashion-MNIST subsets, the cache, resume after
// cancel and after kill, and bad settings. Imported scores are in test_score_import.
#include <torch/script.h>
#include <torch/torch.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <new>
#include <tuple>

#include <atomic>
#include <thread>
#include "data/dataset_opener.h"
#include "data/in_memory_dataset.h"
#include "job/job.h"
#include "model/model_factory.h"
#include "score/rank_stats.h"
#include "score/score_engine.h"
#include "score/score_hooks.h"
#include "score/seed_scheduler.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/test_data.h"
#include "train/batch_source.h"
#include "util/errors.h"

namespace {

std::unique_ptr<ps::Dataset> subset(const std::string& dir, size_t n, const std::map<size_t, int>& relabel = {}) {
  return pstest::fashionSubset(dir, n, 100, relabel);
}

double quantile(std::vector<float> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * (v.size() - 1))];
}

ps::ScoreConfig quickConfig(std::vector<std::string> scores, int epochs = 3) {
  return pstest::quickScoreConfig(std::move(scores), epochs);
}

}  // namespace

class TestScores : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void initTestCase() { torch::set_num_threads(2); }
  void resumeAfterKillGivesTheSameScores();
  void mislabelledExamplesRankAmongTheHardest();
  void cacheHitAndNewRunOnChange();
  void resumeAfterCancelGivesTheSameScores_data();
  void resumeAfterCancelGivesTheSameScores();
  void multipleSeedsReportSpreadAndRankCorrelation();
  void prototypesAndRandom();
  void semdedupFromAnEncoderFindsPlantedCopies();
  void torchScriptModels();
  void cancelTakesEffectWithinOneSecond();
  void streamingMatchesInMemoryBatches();
  void badSettings_data();
  void badSettings();
  void earlyScoresStopTrainingEarly();
  void seedsTogetherMatchLoneSeeds();
  void packFallsBackWhenOutOfMemory();
  void packedRunResumesAfterCancelWithinEpoch();
};

void TestScores::resumeAfterKillGivesTheSameScores() {
  // First, so no torch thread pool exists in this process yet (the CLI runs as a child).
  const std::string ds = path("kill_ds");
  subset(ds, 3000);
  const QString cli = QStringLiteral(PRUNESCOPE_CLI_PATH);
  const QStringList common = {"score",     QString::fromStdString(ds),
                              "--score",   "el2n,forgetting,aum,grand",
                              "--epochs",  "4",
                              "--threads", "2",
                              "--device",  "cpu",
                              "--quiet"};
  QProcess whole;
  whole.start(cli, common + QStringList{"--db", QString::fromStdString(path("whole.sqlite")), "--out",
                                        QString::fromStdString(path("whole.csv"))});
  QVERIFY(whole.waitForFinished(300000));
  QCOMPARE(whole.exitCode(), 0);

  const std::string killedDb = path("killed.sqlite");
  QProcess victim;
  victim.start(cli, common + QStringList{"--db", QString::fromStdString(killedDb)});
  QVERIFY(victim.waitForStarted());
  // Wait for the first epoch's checkpoint to land, then kill without warning.
  bool checkpointed = false;
  for (int i = 0; i < 1200 && !checkpointed; ++i) {
    QTest::qWait(100);
    if (!QFile::exists(QString::fromStdString(killedDb))) continue;
    try {
      ps::SqliteDb db(killedDb);
      checkpointed = db.scalarInt("SELECT count(*) FROM checkpoints WHERE key LIKE '%/train'") > 0;
    } catch (const ps::StoreError&) {
    }
  }
  QVERIFY(checkpointed);
  QVERIFY(victim.state() == QProcess::Running);
  victim.kill();
  victim.waitForFinished();
  {
    ps::Store store(killedDb);
    QCOMPARE(store.integrityCheck(), std::string("ok"));
    ps::SqliteDb db(killedDb);
    QCOMPARE(db.scalarText("SELECT status FROM runs"), std::string("interrupted"));
  }
  QProcess resume;
  resume.start(cli, common + QStringList{"--db", QString::fromStdString(killedDb), "--out",
                                         QString::fromStdString(path("resumed.csv"))});
  QVERIFY(resume.waitForFinished(300000));
  QCOMPARE(resume.exitCode(), 0);
  QVERIFY(resume.readAllStandardOutput().contains("resumed run"));
  std::ifstream a(path("whole.csv")), b(path("resumed.csv"));
  const std::string wa((std::istreambuf_iterator<char>(a)), {}), wb((std::istreambuf_iterator<char>(b)), {});
  QVERIFY(wa.size() > 1000);
  QVERIFY2(wa == wb, "a run resumed after a kill must give the scores of an uninterrupted run");
}

void TestScores::mislabelledExamplesRankAmongTheHardest() {
  // Clear trousers (label 1) relabelled as bags (8): they should look hard.
  const auto samples = pstest::fashionSamples(3000);
  std::map<size_t, int> relabel;
  for (size_t i = 0; i < samples.size() && relabel.size() < 6; ++i)
    if (samples[i].label == 1) relabel[i] = 8;
  auto ds = subset(path("mislabelled"), 3000, relabel);
  ps::Store store(path("mislabelled.sqlite"));
  ps::JobContext ctx;
  auto cfg = quickConfig({"el2n", "aum", "forgetting", "grand", "entropy", "margin", "confidence", "variability"}, 6);
  cfg.el2nEpoch = 3;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  QCOMPARE(run.indices.size(), size_t(3000));
  for (const char* score : {"el2n", "aum"}) {
    const auto& d = run.difficulty.at(score);
    const double cut = quantile(d, 0.95);
    for (const auto& kv : relabel)
      QVERIFY2(d[kv.first] >= cut,
               (std::string(score) + ": mislabelled example " + std::to_string(kv.first) + " has difficulty " +
                std::to_string(d[kv.first]) + ", 95th percentile is " + std::to_string(cut))
                   .c_str());
  }
  // Forgetting counts are coarse after six epochs (0..6, with about 10% of examples never
  // learned and so at the maximum): every mislabelled example must have been forgotten at
  // least once or never learned, and most must sit in the top 10%.
  {
    const auto& d = run.difficulty.at("forgetting");
    const double cut = quantile(d, 0.90);
    int top = 0;
    for (const auto& kv : relabel) {
      QVERIFY2(d[kv.first] >= 1, ("mislabelled example " + std::to_string(kv.first) + " was never forgotten").c_str());
      top += d[kv.first] >= cut;
    }
    QVERIFY2(top >= 5, (std::to_string(top) + " of 6 mislabelled examples in the top 10% of forgetting").c_str());
  }
  // Every stored score is finite, and EL2N lies in [0, sqrt(2)].
  for (const auto& name : run.names)
    for (float v : run.difficulty.at(name)) QVERIFY(std::isfinite(v));
  for (float v : run.raw.at("el2n")) QVERIFY(v >= 0 && v <= std::sqrt(2.f) + 1e-5f);
  // Easy/hard agree across scores: EL2N and AUM difficulties are positively rank-correlated.
  QVERIFY(ps::spearman(run.difficulty.at("el2n"), run.difficulty.at("aum")) > 0.5);
}

void TestScores::cacheHitAndNewRunOnChange() {
  auto ds = subset(path("cache"), 800);
  ps::Store store(path("cache.sqlite"));
  ps::JobContext ctx;
  const auto cfg = quickConfig({"el2n", "forgetting"}, 2);
  const ps::ScoreRun first = ps::scoreDataset(*ds, store, cfg, ctx);
  QVERIFY(!first.fromCache);
  QElapsedTimer t;
  t.start();
  const ps::ScoreRun again = ps::scoreDataset(*ds, store, cfg, ctx);
  QVERIFY(again.fromCache);
  QCOMPARE(again.runId, first.runId);
  QCOMPARE(again.difficulty.at("el2n"), first.difficulty.at("el2n"));
  auto changed = cfg;
  changed.train.lr = 0.02;
  const ps::ScoreRun other = ps::scoreDataset(*ds, store, changed, ctx);
  QVERIFY(!other.fromCache);
  QVERIFY(other.runId != first.runId);
  // A changed dataset (one label) is a new run too.
  auto ds2 = subset(path("cache2"), 800, {{5, 3}});
  QVERIFY(!ps::scoreDataset(*ds2, store, cfg, ctx).fromCache);
  QCOMPARE(ps::listScoreRuns(store, ds->fingerprint()).size(), size_t(2));
}

void TestScores::resumeAfterCancelGivesTheSameScores_data() {
  QTest::addColumn<bool>("withinEpoch");
  QTest::newRow("from the last whole epoch") << false;
  QTest::newRow("from within an epoch") << true;  // checkpoints between batches
}

void TestScores::resumeAfterCancelGivesTheSameScores() {
  QFETCH(bool, withinEpoch);
  const std::string tag = withinEpoch ? "within" : "epoch";
  auto ds = subset(path("resume_" + tag), 1000);
  const auto cfg = quickConfig({"el2n", "forgetting", "aum", "grand", "entropy", "variability"}, 3);
  ps::JobContext plain;
  ps::Store wholeStore(path("resume_whole_" + tag + ".sqlite"));
  const ps::ScoreRun whole = ps::scoreDataset(*ds, wholeStore, cfg, plain);

  ps::Store store(path("resume_cut_" + tag + ".sqlite"));
  ps::CancelToken token;
  int reportsInEpoch2 = 0;
  ps::JobContext cut(
      &token,
      [&](const ps::Progress& p) {
        // within an epoch: after a few of epoch 2's batches, each checkpointed; else at epoch 3's start
        if (withinEpoch ? p.message.find("epoch 2/3") != std::string::npos && ++reportsInEpoch2 == 4
                        : p.message.find("epoch 3/3") != std::string::npos)
          token.cancel();
      },
      nullptr, std::chrono::milliseconds(0));
  cut.setCheckpointEvery(withinEpoch ? std::chrono::milliseconds(0) : std::chrono::hours(1));
  QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::scoreDataset(*ds, store, cfg, cut));
  const auto key = ps::Store::cacheKey("score", cfg.toJson(), ds->fingerprint());
  QCOMPARE(store.findRun(key)->status, ps::RunStatus::Interrupted);
  token.reset();
  ps::JobContext again(&token, {}, nullptr);
  std::string logged;
  again.setLog([&](const std::string& line) { logged += line + "\n"; });
  const ps::ScoreRun resumed = ps::scoreDataset(*ds, store, cfg, again);
  QVERIFY(resumed.resumed);
  QVERIFY2(logged.find(withinEpoch ? "resumed from the checkpoint after epoch 1, batch "
                                   : "resumed from the checkpoint after epoch 2\n") != std::string::npos,
           logged.c_str());
  for (const auto& name : whole.names) {
    const auto& a = resumed.difficulty.at(name);
    const auto& b = whole.difficulty.at(name);
    double worst = 0;
    for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
    QVERIFY2(worst == 0, (name + ": largest difference " + std::to_string(worst)).c_str());
  }
}

void TestScores::multipleSeedsReportSpreadAndRankCorrelation() {
  auto ds = subset(path("seeds"), 800);
  ps::Store store(path("seeds.sqlite"));
  ps::JobContext ctx;
  auto cfg = quickConfig({"el2n", "random"}, 2);
  cfg.seeds = 3;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  const double corr = run.seedSpearman.at("el2n");
  QVERIFY2(corr > 0.3 && corr <= 1.0, std::to_string(corr).c_str());  // EL2N is stable across seeds
  QVERIFY(std::abs(run.seedSpearman.at("random")) < 0.15);            // random is not
  double spread = 0;
  for (float s : run.spread.at("el2n")) spread += s;
  QVERIFY(spread > 0);
  const ps::ScoreRun back = ps::loadScoreRun(store, run.runId);
  QCOMPARE(back.seedSpearman.at("el2n"), corr);
  QCOMPARE(back.spread.at("el2n"), run.spread.at("el2n"));
}

void TestScores::prototypesAndRandom() {
  auto ds = subset(path("proto"), 600);
  ps::Store store(path("proto.sqlite"));
  ps::JobContext ctx;
  auto cfg = quickConfig({"prototype", "prototype_class", "random"}, 2);
  cfg.prototypeK = 8;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  for (const char* name : {"prototype", "prototype_class"}) {
    const auto& d = run.difficulty.at(name);
    QVERIFY(*std::min_element(d.begin(), d.end()) >= 0.f);
    QVERIFY(*std::max_element(d.begin(), d.end()) <= 2.f);
    QVERIFY(*std::max_element(d.begin(), d.end()) > 0.f);
  }
  auto ssl = quickConfig({"prototype"}, 1);
  ssl.prototypeEmbedding = "ssl";
  ssl.sslEpochs = 1;
  ssl.prototypeK = 5;
  const ps::ScoreRun sslRun = ps::scoreDataset(*ds, store, ssl, ctx);
  QCOMPARE(sslRun.difficulty.at("prototype").size(), size_t(600));
  // Random with the same seed is reproducible, with another seed it is not.
  auto r1 = quickConfig({"random"});
  auto r2 = r1;
  r2.train.seed = 9;
  ps::Store other(path("proto_other.sqlite"));
  QCOMPARE(ps::scoreDataset(*ds, other, r1, ctx).difficulty.at("random"), run.difficulty.at("random"));
  QVERIFY(ps::scoreDataset(*ds, other, r2, ctx).difficulty.at("random") != run.difficulty.at("random"));
}

// semdedup through the engine on a TorchScript encoder (the pixels themselves): two
// training images planted as copies of earlier ones score a similarity of 1, the later
// copy of each carries SemDeDup's M = 1 in the stored semdedup/order (the earlier one,
// ranked first of the pair, does not), and dedup at a small epsilon drops the copies.
void TestScores::semdedupFromAnEncoderFindsPlantedCopies() {
  std::vector<pstest::Sample> train = pstest::fashionSamples(200);
  train[150].image = train[10].image.clone();
  train[170].image = train[20].image.clone();
  const std::string dir = path("semdedup");
  pstest::writeIdxDataset(dir, train, pstest::fashionSamples(20, true), false);
  auto ds = ps::openDataset(dir);
  torch::jit::Module m("Pixels");
  m.define(R"(
def forward(self, x):
    return x.flatten(1)
)");
  m.save(path("pixels.pt"));
  auto cfg = quickConfig({"semdedup"}, 1);
  cfg.prototypeEmbedding = path("pixels.pt");
  ps::Store store(path("semdedup.sqlite"));
  ps::JobContext ctx;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  QCOMPARE(run.names, (std::vector<std::string>{"semdedup"}));
  QCOMPARE(run.trainedEpochs, 0);  // an encoder's embedding: no classifier trained
  const auto& raw = run.raw.at("semdedup");
  for (size_t i : {10, 20, 150, 170}) QVERIFY2(raw[i] > 0.9999f, std::to_string(i).c_str());
  QVERIFY(std::abs(run.difficulty.at("semdedup")[150]) < 1e-4f);  // 1 - similarity: the easiest
  const std::vector<float> order = store.vector(run.runId, "semdedup/order");
  QCOMPARE(order, run.companions.at("semdedup/order"));
  QVERIFY(order[150] > 0.9999f && order[170] > 0.9999f);
  QVERIFY(order[10] < 0.9999f && order[20] < 0.9999f);
  QCOMPARE(ps::loadScoreRun(store, run.runId).names, (std::vector<std::string>{"semdedup"}));
}

void TestScores::torchScriptModels() {
  auto ds = subset(path("ts"), 400);
  // A TorchScript logistic regression, as torch.jit.save would write one.
  torch::jit::Module m("LogReg");
  m.register_parameter("w", (torch::randn({784, 10}) * 0.01).set_requires_grad(true), /*is_buffer=*/false);
  m.register_parameter("b", torch::zeros({10}).set_requires_grad(true), /*is_buffer=*/false);
  m.define(R"(
def forward(self, x):
    return x.flatten(1).matmul(self.w) + self.b
def features(self, x):
    return x.flatten(1)
)");
  const std::string good = path("logreg.pt");
  m.save(good);
  ps::Store store(path("ts.sqlite"));
  ps::JobContext ctx;
  auto cfg = quickConfig({"el2n", "grand", "prototype"}, 2);
  cfg.train.model = good;
  cfg.prototypeK = 4;
  ps::ScoreRun run;
  try {
    run = ps::scoreDataset(*ds, store, cfg, ctx);
  } catch (const std::exception& e) {
    QFAIL(e.what());
  }
  QCOMPARE(run.difficulty.at("grand").size(), size_t(400));
  QVERIFY(run.difficulty.at("grand")[0] > 0);
  // The same module as a prototype encoder.
  auto enc = quickConfig({"prototype"}, 1);
  enc.prototypeEmbedding = good;  // forward gives 10-d "embeddings"
  enc.prototypeK = 3;
  QCOMPARE(ps::scoreDataset(*ds, store, enc, ctx).difficulty.at("prototype").size(), size_t(400));
}

void TestScores::cancelTakesEffectWithinOneSecond() {
  auto ds = subset(path("cancel"), 3000);
  ps::Store store(path("cancel.sqlite"));
  ps::CancelToken token;
  std::atomic<bool> started{false};
  std::atomic<bool> cancelled{false};
  std::thread worker([&] {
    ps::JobContext ctx(&token, [&](const ps::Progress& p) {
      if (p.message.find("epoch") != std::string::npos) started = true;
    });
    try {
      ps::scoreDataset(*ds, store, quickConfig({"el2n", "grand", "forgetting"}, 20), ctx);
    } catch (const ps::Cancelled&) {
      cancelled = true;
    }
  });
  while (!started) QTest::qWait(20);
  QTest::qWait(300);
  QElapsedTimer t;
  t.start();
  token.cancel();
  worker.join();
  QVERIFY(cancelled);
  QVERIFY2(t.elapsed() < 1000, (std::to_string(t.elapsed()) + " ms").c_str());
}

void TestScores::streamingMatchesInMemoryBatches() {
  // An image folder read per batch (memory budget 0, next batch decoded on another
  // thread) gives the same batches as the same folder held in memory.
  const std::string dir = path("stream");
  pstest::writeImageFolder(dir, "train", pstest::fashionSamples(300),
                           {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  auto ds = ps::openDataset(dir);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource memory(*ds, ps::Split::Train, all, torch::kCPU, size_t(1) << 30);
  ps::BatchSource streamed(*ds, ps::Split::Train, all, torch::kCPU, 0);
  QVERIFY(memory.inMemory());
  QVERIFY(!streamed.inMemory());
  std::vector<int64_t> order(all.rbegin(), all.rend());
  std::vector<torch::Tensor> a, b;
  memory.forEachBatch(order, 64, [&](const std::vector<int64_t>&, const torch::Tensor& x) { a.push_back(x); });
  streamed.forEachBatch(order, 64, [&](const std::vector<int64_t>&, const torch::Tensor& x) { b.push_back(x); });
  QCOMPARE(a.size(), size_t(5));
  QCOMPARE(b.size(), a.size());
  for (size_t k = 0; k < a.size(); ++k) QVERIFY(torch::equal(a[k], b[k]));
  QVERIFY(std::abs(memory.mean()[0] - 0.286) < 0.02);  // normalisation from the data
}

void TestScores::badSettings_data() {
  QTest::addColumn<QString>("setting");
  QTest::addColumn<QString>("message");
  QTest::newRow("unknown score") << "score"
                                 << "unknown score 'el3n'";
  QTest::newRow("unknown model") << "model"
                                 << "unknown model 'resnet9000'";
  QTest::newRow("EL2N epoch beyond training") << "el2n_epoch"
                                              << "EL2N epoch 9 is beyond training (3 epochs)";
  QTest::newRow("GraNd epoch beyond training") << "grand_epoch"
                                               << "GraNd epoch 4 is outside 0..3";
  QTest::newRow("k larger than the data") << "k"
                                          << "prototype k 500 must be between 1 and the number of examples (100)";
  QTest::newRow("TorchScript not a model") << "ts_garbage"
                                           << "not a TorchScript model";
  QTest::newRow("TorchScript wrong output") << "ts_shape"
                                            << "returns shape 2x3 for 2 images; expected 2x10";
  QTest::newRow("zero epochs") << "epochs"
                               << "epochs 0 must be in 1..10000";
  QTest::newRow("limit beyond data") << "limit"
                                     << "limit 5000 is larger than the training split";
  QTest::newRow("pack of no seeds") << "pack_negative"
                                    << "pack-seeds -1 must be at least 1";
  QTest::newRow("pack larger than the seeds") << "pack_large"
                                              << "pack-seeds 3 is larger than the request's 2 seeds";
}

void TestScores::badSettings() {
  QFETCH(QString, setting);
  QFETCH(QString, message);
  static auto ds = subset(path("bad"), 200);
  ps::Store store(path("bad.sqlite"));
  auto cfg = quickConfig({"el2n", "grand", "prototype"}, 3);
  cfg.limit = 100;
  const std::string s = setting.toStdString();
  try {
    if (s == "score") cfg.scores = ps::parseScoreList("el2n,el3n");
    if (s == "model") cfg.train.model = "resnet9000";
    if (s == "el2n_epoch") cfg.el2nEpoch = 9;
    if (s == "grand_epoch") cfg.grandEpoch = 4;
    if (s == "k") cfg.prototypeK = 500;
    if (s == "epochs") cfg.train.epochs = 0;
    if (s == "limit") cfg.limit = 5000;
    if (s == "pack_negative") cfg.packSeeds = -1;
    if (s == "pack_large") {
      cfg.seeds = 2;
      cfg.packSeeds = 3;
    }
    if (s == "ts_garbage") {
      pstest::writeText(path("garbage.pt"), "this is not a zip archive");
      cfg.train.model = path("garbage.pt");
    }
    if (s == "ts_shape") {
      torch::jit::Module m("Wrong");
      m.define("def forward(self, x):\n    return x.flatten(1)[:, :3]\n");
      m.save(path("wrong.pt"));
      cfg.train.model = path("wrong.pt");
    }
    ps::JobContext ctx;
    ps::scoreDataset(*ds, store, cfg, ctx);
    QFAIL("the setting should have been refused");
  } catch (const ps::ConfigError& e) {
    QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
  }
  // Nothing half-done is left in the store.
  ps::SqliteDb db(path("bad.sqlite"));
  QCOMPARE(db.scalarInt("SELECT count(*) FROM runs"), int64_t(0));
}

// The largest difference and the rank correlation of two score vectors.
std::pair<double, double> agreement(const std::vector<float>& a, const std::vector<float>& b) {
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, double(std::abs(a[i] - b[i])));
  return {worst, ps::spearman(a, b)};
}

void TestScores::earlyScoresStopTrainingEarly() {
  auto ds = subset(path("early"), 400);
  ps::Store store(path("early.sqlite"));
  ps::JobContext ctx;
  std::string logged;
  ctx.setLog([&](const std::string& l) { logged += l + "\n"; });
  auto cfg = quickConfig({"el2n", "grand"}, 5);
  cfg.el2nEpoch = 1;
  cfg.grandEpoch = 2;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  QVERIFY(run.stoppedEarly);
  QCOMPARE(run.trainedEpochs, 2);  // GraNd's epoch, the last one read
  QCOMPARE(run.curves.at(0).epochs.size(), size_t(2));
  QVERIFY2(logged.find("training stops after epoch 2 of 5") != std::string::npos, logged.c_str());
  const ps::ScoreRun back = ps::loadScoreRun(store, run.runId);
  QVERIFY(back.stoppedEarly);
  QCOMPARE(back.trainedEpochs, 2);
  QVERIFY(back.predictions.empty());  // the final model's predictions need the whole schedule
  // The same EL2N as the first two epochs of the whole schedule (a score of the whole
  // training in the request keeps it).
  auto whole = quickConfig({"el2n", "grand", "forgetting"}, 5);
  whole.el2nEpoch = 1;
  whole.grandEpoch = 2;
  const ps::ScoreRun full = ps::scoreDataset(*ds, store, whole, ctx);
  QVERIFY(!full.stoppedEarly);
  QCOMPARE(full.trainedEpochs, 5);
  QCOMPARE(full.difficulty.at("el2n"), run.difficulty.at("el2n"));
  QCOMPARE(full.difficulty.at("grand"), run.difficulty.at("grand"));
}

void TestScores::seedsTogetherMatchLoneSeeds() {
  auto ds = subset(path("together"), 400);
  ps::Store store(path("together.sqlite"));
  ps::JobContext ctx;
  auto cfg = quickConfig({"el2n", "aum"}, 2);
  cfg.train.seed = 7;
  cfg.seeds = 2;
  cfg.packSeeds = 2;
  // With health checks, 4 steps an epoch do not learn: the failure names its seed.
  try {
    ps::scoreDataset(*ds, store, cfg, ctx);
    QFAIL("a seed that did not learn must fail the run");
  } catch (const ps::TrainingError& e) {
    const std::string m = e.what();
    QVERIFY2(m.rfind("seed ", 0) == 0 && m.find(" of 2: the model did not learn") != std::string::npos, e.what());
  }
  cfg.train.healthChecks = false;
  const ps::ScoreRun packed = ps::scoreDataset(*ds, store, cfg, ctx);
  QCOMPARE(packed.seedsComputed, std::string("concurrent 2"));
  QCOMPARE(ps::loadScoreRun(store, packed.runId).seedsComputed, std::string("concurrent 2"));
  // Seed s of the pack is seed s alone: the pack's mean and spread are the lone seeds'.
  std::vector<ps::ScoreRun> lone;
  for (const uint64_t seed : {7, 8}) {
    auto one = cfg;
    one.seeds = 1;
    one.packSeeds = 0;
    one.train.seed = seed;
    lone.push_back(ps::scoreDataset(*ds, store, one, ctx));
    QCOMPARE(lone.back().seedsComputed, std::string("sequential"));
  }
  for (const std::string name : {"el2n", "aum"}) {
    const auto& a = lone[0].difficulty.at(name);
    const auto& b = lone[1].difficulty.at(name);
    std::vector<float> mean(a.size()), spread(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
      mean[i] = (a[i] + b[i]) / 2;
      spread[i] = std::abs(a[i] - b[i]) / 2;
    }
    for (const auto& [what, got, want] :
         {std::tuple{"mean", packed.difficulty.at(name), mean}, std::tuple{"spread", packed.spread.at(name), spread}}) {
      const auto [worst, rho] = agreement(got, want);
      QVERIFY2(worst <= 2e-3 && rho >= 0.999, (name + " " + what + ": largest difference " + std::to_string(worst) +
                                               ", Spearman " + std::to_string(rho))
                                                  .c_str());
    }
  }
  // One cache for both paths: the same request one seed after another is answered by the pack's run.
  auto sequential = cfg;
  sequential.packSeeds = 0;
  sequential.sequentialSeeds = true;
  const ps::ScoreRun cached = ps::scoreDataset(*ds, store, sequential, ctx);
  QVERIFY(cached.fromCache);
  QCOMPARE(cached.runId, packed.runId);
}

void TestScores::packFallsBackWhenOutOfMemory() {
  auto ds = subset(path("oom"), 300);
  ps::Store store(path("oom.sqlite"));
  ps::JobContext ctx;
  std::string logged;
  ctx.setLog([&](const std::string& l) { logged += l + "\n"; });
  auto cfg = quickConfig({"el2n"}, 1);
  cfg.train.healthChecks = false;  // 3 steps an epoch
  cfg.seeds = 3;
  cfg.packSeeds = 2;
  std::atomic<int> refused{0};
  ps::setSeedStartProbe([&](int together) {
    if (together > 1) {
      ++refused;
      throw std::bad_alloc();
    }
  });
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  ps::setSeedStartProbe({});
  QVERIFY(refused >= 1);
  QVERIFY2(logged.find("out of memory with 2 seeds together; retrying with 1") != std::string::npos, logged.c_str());
  QVERIFY2(run.seedsComputed.find("after running out of memory with 2 together") != std::string::npos,
           run.seedsComputed.c_str());
  // The same scores as one seed at a time.
  ps::Store other(path("oom_seq.sqlite"));
  auto sequential = cfg;
  sequential.packSeeds = 0;
  sequential.sequentialSeeds = true;
  const ps::ScoreRun plain = ps::scoreDataset(*ds, other, sequential, ctx);
  const auto [worst, rho] = agreement(run.difficulty.at("el2n"), plain.difficulty.at("el2n"));
  QVERIFY2(worst <= 2e-3 && rho >= 0.999, std::to_string(worst).c_str());
  // One cache for both paths, this way too: seeds together are answered by the sequential run.
  const ps::ScoreRun cached = ps::scoreDataset(*ds, other, cfg, ctx);
  QVERIFY(cached.fromCache);
  QCOMPARE(cached.runId, plain.runId);
}

void TestScores::packedRunResumesAfterCancelWithinEpoch() {
  auto ds = subset(path("packresume"), 1000);
  auto cfg = quickConfig({"el2n", "forgetting"}, 2);
  cfg.seeds = 2;
  cfg.packSeeds = 2;
  ps::JobContext plain;
  ps::Store wholeStore(path("packresume_whole.sqlite"));
  const ps::ScoreRun whole = ps::scoreDataset(*ds, wholeStore, cfg, plain);

  ps::Store store(path("packresume_cut.sqlite"));
  ps::CancelToken token;
  std::atomic<int> reports{0};
  ps::JobContext cut(
      &token,
      [&](const ps::Progress& p) {
        if (p.message.find("epoch 2/2") != std::string::npos && ++reports == 3) token.cancel();
      },
      nullptr, std::chrono::milliseconds(0));
  cut.setCheckpointEvery(std::chrono::milliseconds(0));  // a checkpoint after every batch
  QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::scoreDataset(*ds, store, cfg, cut));
  token.reset();
  ps::JobContext again(&token, {}, nullptr);
  std::string logged;
  again.setLog([&](const std::string& line) { logged += line + "\n"; });
  const ps::ScoreRun resumed = ps::scoreDataset(*ds, store, cfg, again);
  QVERIFY(resumed.resumed);
  QVERIFY2(logged.find(", batch ") != std::string::npos, logged.c_str());  // resumed within an epoch
  for (const auto& name : whole.names) {
    QCOMPARE(resumed.difficulty.at(name), whole.difficulty.at(name));
    QCOMPARE(resumed.spread.at(name), whole.spread.at(name));
  }
}

QTEST_GUILESS_MAIN(TestScores)
#include "test_scores.moc"
