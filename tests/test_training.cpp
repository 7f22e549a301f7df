// Training health: the default recipe trains on data the old one collapsed on, a
// diverged or unlearned run fails with a message and caches nothing, curves are stored
// per epoch, scores without spread are refused, the learning-rate range test suggests a
// rate that trains, and colour inputs are normalised per channel.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "data/dataset_opener.h"
#include "data/synthetic_dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/train_eval.h"
#include "support/test_data.h"
#include "train/batch_source.h"
#include "train/lr_range.h"
#include "train/run_curves.h"
#include "train/train_health.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace {

// The first n Fashion-MNIST training examples and 500 test ones on disk; with `shuffle`,
// the training labels are a seeded permutation (nothing to learn).
std::unique_ptr<ps::Dataset> fashion(const std::string& dir, size_t n, bool shuffle = false) {
  std::map<size_t, int> relabel;
  if (shuffle) {
    const auto train = pstest::fashionSamples(n);
    std::vector<size_t> perm(n);
    std::iota(perm.begin(), perm.end(), size_t(0));
    std::mt19937_64 rng(7);
    std::shuffle(perm.begin(), perm.end(), rng);
    for (size_t i = 0; i < n; ++i) relabel[i] = train[perm[i]].label;
  }
  return pstest::fashionSubset(dir, n, 500, relabel);
}

ps::ScoreConfig scoring(std::vector<std::string> scores, int epochs) {
  return pstest::quickScoreConfig(std::move(scores), epochs);
}

int runsWithStatus(const ps::Store& store, ps::RunStatus status) {
  int n = 0;
  for (const auto& d : store.datasets())
    for (const auto& r : store.runs(d.id)) n += r.status == status;
  return n;
}

}  // namespace

class TestTraining : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void initTestCase() { torch::set_num_threads(2); }
  void learnedThresholdFromCounts();
  void smallTrainingSetsGetEnoughStepsPerEpoch();
  void scoreVectorsThatCannotRankAreRefused();
  void warmUpThenCosine();
  void channelsLastOnlyOnTheGpuAndValuesUnchanged();
  void colourInputsNormalisedPerChannel();
  void oldDefaultsCollapseWhereTheNewOnesTrain();
  void divergenceFailsTheRunAndCachesNothing();
  void shuffledLabelsDidNotLearnUnlessOverridden();
  void curvesStoredPerEpochForScoresAndStudies();
  void lrRangeSuggestsARateThatTrains();
};

void TestTraining::smallTrainingSetsGetEnoughStepsPerEpoch() {
  // The rule: at least 20 steps an epoch, the batch never below 8 nor above the one asked.
  QCOMPARE(ps::batchSizeForExamples(128, 60000), 128);
  QCOMPARE(ps::batchSizeForExamples(128, 400), 20);  // 4 steps at 128; 20 at 20
  QCOMPARE(ps::batchSizeForExamples(128, 2560), 128);
  QCOMPARE(ps::batchSizeForExamples(128, 2559), 127);
  QCOMPARE(ps::batchSizeForExamples(128, 50), 8);
  QCOMPARE(ps::batchSizeForExamples(4, 400), 4);
  // A model at chance after an epoch of 4 steps: the message says so before anything else.
  ps::EpochHealth h;
  h.epoch = 3;
  h.steps = 4;
  h.balancedAccuracy = 0.1;
  h.chance = 0.1;
  h.learnedAbove = 0.2;
  try {
    ps::checkLearned(h, 0.05);
    QFAIL("a model at chance must fail the check");
  } catch (const ps::NotLearnedError& e) {
    const std::string m = e.what();
    QVERIFY2(m.find("): too few steps per epoch (4; at least 20 are needed): lower --batch-size or raise --epochs; "
                    "otherwise try a lower --lr (now 0.05") != std::string::npos,
             m.c_str());
    QCOMPARE(e.health().steps, int64_t(4));
  }
  h.steps = 400;  // enough steps: the usual advice only
  try {
    ps::checkLearned(h, 0.05);
    QFAIL("a model at chance must fail the check");
  } catch (const ps::TrainingError& e) {
    QVERIFY2(std::string(e.what()).find("too few steps") == std::string::npos, e.what());
  }
}

void TestTraining::learnedThresholdFromCounts() {
  // Ten balanced classes of 1 000: chance 0.1, and 5% of the way to 1 beats 4 s.e.
  QCOMPARE(ps::learnedThreshold(std::vector<int64_t>(10, 1000)), 0.1 + 0.05 * 0.9);
  // Few examples per class: four standard errors dominate.
  const double t = ps::learnedThreshold(std::vector<int64_t>(10, 10));
  QVERIFY(std::abs(t - (0.1 + 4 * std::sqrt(0.09 * 1.0) / 10)) < 1e-12);
  // Classes never seen do not count towards chance.
  QCOMPARE(ps::learnedThreshold({500, 0, 500}), 0.5 + 4 * std::sqrt(0.25 * (2.0 / 500)) / 2);
  QVERIFY(std::isnan(ps::learnedThreshold({0, 800, 0})));  // one class: nothing to check

  // A tally of a model that always answers 0 on balanced data: balanced accuracy = chance.
  ps::EpochTally tally(4);
  const std::vector<int64_t> labels = {0, 1, 2, 3, 0, 1, 2, 3}, constant(8, 0);
  tally.addBatch(1.5, 8, labels.data(), constant.data());
  tally.addBatch(0.5, 8, labels.data(), labels.data());
  const ps::EpochHealth h = tally.finish(3, 0.01, 1.0);
  QCOMPARE(h.epoch, 3);
  QCOMPARE(h.steps, int64_t(2));
  QCOMPARE(h.loss, 1.0);
  QCOMPARE(h.accuracy, 10.0 / 16.0);
  QCOMPARE(h.balancedAccuracy, (1.0 + 0.5 * 3) / 4);
  QCOMPARE(h.chance, 0.25);
  QVERIFY_THROWS_EXCEPTION(ps::TrainingError, ps::checkLearned(
                                                  [] {
                                                    ps::EpochHealth c;
                                                    c.epoch = 2;
                                                    c.balancedAccuracy = 0.26;
                                                    c.chance = 0.25;
                                                    c.learnedAbove = 0.3;
                                                    return c;
                                                  }(),
                                                  0.05));
  // The curve survives JSON, with unmeasured values as NaN.
  ps::TrainingCurve curve;
  curve.epochs.push_back(h);
  const auto back = ps::TrainingCurve::fromJson(curve.toJson());
  QCOMPARE(back.epochs.size(), size_t(1));
  QCOMPARE(back.epochs[0].balancedAccuracy, h.balancedAccuracy);
  QVERIFY(std::isnan(back.epochs[0].testError));
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, ps::TrainingCurve::fromJson("{\"epochs\": [{\"epoch\": -3}]}"));
  QVERIFY_THROWS_EXCEPTION(ps::StoreError, ps::TrainingCurve::fromJson("[1, 2]"));
}

void TestTraining::scoreVectorsThatCannotRankAreRefused() {
  const std::vector<float> flat(1000, std::sqrt(0.9f));
  try {
    ps::checkScoreVector("el2n", flat, true);
    QFAIL("a score without spread must be refused");
  } catch (const ps::TrainingError& e) {
    QVERIFY(std::string(e.what()).find("'el2n' has no spread") != std::string::npos);
  }
  ps::checkScoreVector("el2n", flat, false);  // the override keeps it
  std::vector<float> spread = flat;
  spread[3] += 0.01f;
  ps::checkScoreVector("el2n", spread, true);
  spread[7] = std::nanf("");
  QVERIFY_THROWS_EXCEPTION(ps::TrainingError, ps::checkScoreVector("el2n", spread, false));
}

void TestTraining::warmUpThenCosine() {
  ps::SyntheticSpec spec;
  spec.train = 100;
  spec.test = 10;
  auto ds = ps::makeSyntheticDataset(spec);
  std::vector<int64_t> idx(100);
  std::iota(idx.begin(), idx.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, idx, torch::kCPU, size_t(1) << 30);
  auto model = ps::makeClassifier("small_cnn", ds->shape(), 10, 0);
  ps::TrainConfig t;
  t.lr = 0.1;
  t.warmup = 0.1;
  ps::Trainer trainer(*model, data, t, torch::kCPU);
  // 1 000 steps: the first 100 ramp up linearly, then the cosine decays to zero.
  QCOMPARE(trainer.learningRate(0, 1000), 0.1 * 0.5 * (1 + std::cos(0.0)) / 100);
  QVERIFY(std::abs(trainer.learningRate(49, 1000) - 0.1 * 0.5 * (1 + std::cos(M_PI * 0.049)) * 0.5) < 1e-12);
  QVERIFY(std::abs(trainer.learningRate(100, 1000) - 0.1 * 0.5 * (1 + std::cos(M_PI * 0.1))) < 1e-12);
  QVERIFY(trainer.learningRate(999, 1000) < 1e-5);
}

void TestTraining::channelsLastOnlyOnTheGpuAndValuesUnchanged() {
  const ps::ImageShape shape{8, 8, 3};
  auto resnet = ps::makeClassifier("resnet18", shape, 10, 0);
  auto cnn = ps::makeClassifier("small_cnn", shape, 10, 0);
  ps::TrainConfig t;
  // Only ResNet-18 asks for it, only on CUDA with bf16 autocast: the CPU path is unchanged.
  QVERIFY(!ps::useChannelsLast(*resnet, torch::kCPU, t));
  QVERIFY(ps::useChannelsLast(*resnet, torch::Device(torch::kCUDA, 0), t));
  QVERIFY(!ps::useChannelsLast(*cnn, torch::Device(torch::kCUDA, 0), t));
  t.mixedPrecision = false;
  QVERIFY(!ps::useChannelsLast(*resnet, torch::Device(torch::kCUDA, 0), t));

  // The layout changes, the function does not; and it goes back.
  resnet->setTraining(false);
  const auto x = torch::randn({4, 3, 8, 8});
  torch::NoGradGuard guard;
  const auto before = resnet->forward(x);
  ps::setConvLayout(*resnet, true);
  int convWeights = 0;
  for (const auto& p : resnet->parameters())
    if (p.dim() == 4) {
      QVERIFY(p.is_contiguous(torch::MemoryFormat::ChannelsLast));
      ++convWeights;
    }
  QCOMPARE(convWeights, 20);  // stem, 16 in the blocks, 3 shortcuts
  const auto after = resnet->forward(x.contiguous(torch::MemoryFormat::ChannelsLast));
  QVERIFY(torch::allclose(before, after, 1e-4, 1e-5));
  ps::setConvLayout(*resnet, false);
  for (const auto& p : resnet->parameters()) QVERIFY(p.is_contiguous());
}

void TestTraining::colourInputsNormalisedPerChannel() {
  // Colour images whose channels have very different statistics (one black but for
  // rare hot pixels): every channel reaches mean 0 and std 1 (the black one within the
  // std floor), and nothing is huge.
  ps::SyntheticSpec spec;
  spec.train = 2000;
  spec.test = 10;
  spec.faintBlue = true;
  auto ds = ps::makeSyntheticDataset(spec);
  std::vector<int64_t> idx(2000);
  std::iota(idx.begin(), idx.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, idx, torch::kCPU, size_t(1) << 30);
  const auto x = data.batch(idx);  // B × 3 × H × W
  for (int c = 0; c < 2; ++c) {
    const auto ch = x.select(1, c);
    QVERIFY2(std::abs(ch.mean().item<double>()) < 1e-3, qPrintable(QString("channel %1 mean").arg(c)));
    QVERIFY2(std::abs(ch.std().item<double>() - 1) < 1e-3, qPrintable(QString("channel %1 std").arg(c)));
  }
  QVERIFY(data.mean()[0] > data.mean()[2]);
  QVERIFY(data.stddev()[2] >= 1.0 / 255.0);
  QVERIFY(x.abs().max().item<double>() < 255.0);
}

void TestTraining::oldDefaultsCollapseWhereTheNewOnesTrain() {
  // A user's colour image folder: 20 000 PNGs of 32×32 RGB, ten classes of full-contrast
  // textures, perfectly learnable. The old recipe (no batch norm, no warm-up, lr 0.05)
  // collapses to a uniform prediction on it with training seed 4 (and 5; seeds 0-3
  // survive) by epoch 2, the epoch its default 10-epoch run reads EL2N at; the health
  // check fails that run, and the default recipe learns the set with the same seed.
  ps::SyntheticSpec spec;
  spec.binary = true;
  spec.train = 20000;
  spec.test = 1000;
  spec.seed = 1;
  auto gen = ps::makeSyntheticDataset(spec);
  auto samples = [&](ps::Split s) {
    std::vector<pstest::Sample> out;
    for (size_t i = 0; i < gen->size(s); ++i) out.push_back({gen->image(s, i), gen->label(s, i)});
    return out;
  };
  const std::string dir = path("textures");
  pstest::writeImageFolder(dir, "train", samples(ps::Split::Train), gen->classNames());
  pstest::writeImageFolder(dir, "test", samples(ps::Split::Test), gen->classNames());
  auto ds = ps::openDataset(dir);
  QCOMPARE(ds->size(ps::Split::Train), size_t(20000));
  QCOMPARE(ds->shape().channels, 3);

  ps::Store store(path("textures.sqlite"));
  ps::JobContext ctx;
  auto old = scoring({"el2n", "forgetting"}, 2);
  old.train.model = "small_cnn_nobn";
  old.train.warmup = 0;
  old.train.seed = 4;
  try {
    ps::scoreDataset(*ds, store, old, ctx);
    QFAIL("the old recipe's collapsed model must fail the scoring run");
  } catch (const ps::TrainingError& e) {
    QVERIFY2(std::string(e.what()).find("the model did not learn by epoch 2 (balanced train accuracy 0.") !=
                 std::string::npos,
             e.what());
  }
  QCOMPARE(runsWithStatus(store, ps::RunStatus::Done), 0);
  QCOMPARE(runsWithStatus(store, ps::RunStatus::Failed), 1);

  auto now = scoring({"el2n", "forgetting"}, 2);
  now.train.seed = 4;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, now, ctx);
  QCOMPARE(run.curves.size(), size_t(1));
  const ps::EpochHealth& last = run.curves[0].epochs.back();
  QVERIFY2(last.balancedAccuracy > 0.9, qPrintable(QString::number(last.balancedAccuracy)));
  // Learnt so fast that no example was ever forgotten: forgetting cannot rank them and is
  // left out, with the reason; EL2N is kept.
  QCOMPARE(run.names, std::vector<std::string>{"el2n"});
  QVERIFY(run.refused.at("forgetting").find("'forgetting' has no spread: all 20000 examples have the value 0") !=
          std::string::npos);
  QCOMPARE(ps::loadScoreRun(store, run.runId).refused.size(), size_t(1));
  const auto& el2n = run.difficulty.at("el2n");
  // Far from the collapsed model's √0.9 for every example.
  const double mean = std::accumulate(el2n.begin(), el2n.end(), 0.0) / el2n.size();
  QVERIFY2(mean < 0.3, qPrintable(QString::number(mean)));
}

void TestTraining::divergenceFailsTheRunAndCachesNothing() {
  auto ds = fashion(path("diverge"), 1000);
  ps::Store store(path("diverge.sqlite"));
  ps::JobContext ctx;
  auto cfg = scoring({"el2n"}, 2);
  cfg.train.lr = 1e4;
  cfg.train.healthChecks = false;  // a diverged loss fails the run even so
  try {
    ps::scoreDataset(*ds, store, cfg, ctx);
    QFAIL("a diverged training must fail the run");
  } catch (const ps::TrainingError& e) {
    const std::string m = e.what();
    QVERIFY2(m.find("training diverged at epoch 1, step ") != std::string::npos, e.what());
    QVERIFY2(m.find("lower the learning rate (now 1e+04)") != std::string::npos, e.what());
  }
  const auto key = ps::Store::cacheKey("score", cfg.toJson(), ds->fingerprint());
  QVERIFY(!store.findRun(key, ps::RunStatus::Done));
  const auto failed = store.findRun(key, ps::RunStatus::Failed);
  QVERIFY(failed);
  QVERIFY(failed->message.find("diverged") != std::string::npos);
  QVERIFY(store.vectorNames(failed->id).empty());
  // The curve up to the divergence is kept for the user to see.
  const auto curves = ps::loadTrainingCurves(store, failed->id);
  QCOMPARE(curves.size(), size_t(1));
  QVERIFY(!std::isfinite(curves[0].curve.epochs.back().loss));
  // The same for a study's model.
  std::vector<int64_t> idx(1000);
  std::iota(idx.begin(), idx.end(), 0);
  QVERIFY_THROWS_EXCEPTION(ps::TrainingError, ps::trainAndEvaluate(*ds, store, idx, cfg.train, 0, ctx));
  QVERIFY(!store.findRun(ps::trainCacheKey(*ds, idx, cfg.train, 0), ps::RunStatus::Done));
}

void TestTraining::shuffledLabelsDidNotLearnUnlessOverridden() {
  auto ds = fashion(path("shuffled"), 2000, /*shuffle=*/true);
  ps::Store store(path("shuffled.sqlite"));
  ps::JobContext ctx;
  auto cfg = scoring({"el2n", "aum"}, 5);  // EL2N read at epoch 1
  try {
    ps::scoreDataset(*ds, store, cfg, ctx);
    QFAIL("labels with nothing to learn must fail the scoring run");
  } catch (const ps::TrainingError& e) {
    const std::string m = e.what();
    QVERIFY2(m.find("the model did not learn by epoch 1 (balanced train accuracy 0.") != std::string::npos, e.what());
    QVERIFY2(m.find("chance 0.1") != std::string::npos, e.what());
  }
  QCOMPARE(runsWithStatus(store, ps::RunStatus::Done), 0);
  // Overridden: the run is kept, and its settings say so.
  cfg.train.healthChecks = false;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  QVERIFY(!run.fromCache);
  const auto config = nlohmann::json::parse(store.run(run.runId).config);
  QCOMPARE(config.at("health_checks").get<bool>(), false);
}

void TestTraining::curvesStoredPerEpochForScoresAndStudies() {
  auto ds = fashion(path("curves"), 2000);
  ps::Store store(path("curves.sqlite"));
  ps::JobContext ctx;
  std::vector<std::string> logged;
  ctx.setLog([&](const std::string& l) { logged.push_back(l); });
  auto cfg = scoring({"el2n", "forgetting"}, 3);
  cfg.seeds = 2;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  const auto curves = ps::loadTrainingCurves(store, run.runId);
  QCOMPARE(curves.size(), size_t(2));
  QCOMPARE(curves[0].label, std::string("seed 1"));
  QCOMPARE(curves[1].label, std::string("seed 2"));
  for (const auto& c : curves) {
    QCOMPARE(c.curve.epochs.size(), size_t(3));
    QVERIFY(c.curve.epochs[2].loss < c.curve.epochs[0].loss);
    QVERIFY(c.curve.epochs[2].accuracy > 0.6);
    QCOMPARE(c.curve.epochs[2].steps, int64_t(16));  // 2 000 / 128, rounded up
  }
  std::vector<std::string> epochLines;  // the other lines say how the seeds were trained
  for (const auto& l : logged)
    if (l.find(" · epoch ") != std::string::npos) epochLines.push_back(l);
  QCOMPARE(epochLines.size(), size_t(6));  // a line per epoch and seed
  QVERIFY(std::any_of(epochLines.begin(), epochLines.end(),
                      [](const std::string& l) { return l.rfind("seed 1/2 · epoch 1/3: loss ", 0) == 0; }));
  // Read back with a cached run.
  QCOMPARE(ps::scoreDataset(*ds, store, cfg, ctx).curves.size(), size_t(2));

  // A study's model: test error per epoch, the last one the model's reported error.
  std::vector<int64_t> idx(1500);
  std::iota(idx.begin(), idx.end(), 0);
  ps::TrainConfig t = cfg.train;
  t.epochs = 3;
  const ps::EvalResult e = ps::trainAndEvaluate(*ds, store, idx, t, 0, ctx);
  QVERIFY(e.learned);
  QCOMPARE(e.curve.epochs.size(), size_t(3));
  for (const auto& h : e.curve.epochs) QVERIFY(std::isfinite(h.testError));
  QCOMPARE(e.curve.epochs.back().testError, e.error);
  const auto stored = ps::loadTrainingCurves(store, e.runId);
  QCOMPARE(stored.size(), size_t(1));
  QCOMPARE(stored[0].curve.epochs.back().testError, e.error);
  // From the cache too.
  const ps::EvalResult again = ps::trainAndEvaluate(*ds, store, idx, t, 0, ctx);
  QVERIFY(again.fromCache);
  QCOMPARE(again.curve.epochs.size(), size_t(3));
  QCOMPARE(again.trainBalancedAccuracy, e.trainBalancedAccuracy);
  // CSV of the curves.
  ps::writeCurvesCsv(curves, path("curves.csv"));
  std::ifstream in(path("curves.csv"));
  std::string header, row;
  std::getline(in, header);
  QCOMPARE(header, std::string("label,run,epoch,steps,loss,accuracy,balanced_accuracy,chance,lr,test_error,seconds"));
  int rows = 0;
  while (std::getline(in, row)) ++rows;
  QCOMPARE(rows, 6);
}

void TestTraining::lrRangeSuggestsARateThatTrains() {
  // The suggestion is the steepest descent of the loss against log(lr), before its minimum.
  std::vector<double> lrs, loss;
  for (int i = 0; i < 50; ++i) {
    lrs.push_back(1e-4 * std::pow(10.0, i / 10.0));
    loss.push_back(2.3 - 1.5 / (1 + std::exp(-(i - 25) / 3.0)) + (i > 40 ? (i - 40) * 0.5 : 0));
  }
  QVERIFY(std::abs(ps::suggestLearningRate(lrs, loss) / lrs[25] - 1) < 0.3);

  auto ds = fashion(path("lr"), 3000);
  ps::LrRangeConfig c;
  c.train.threads = 2;
  c.train.device = "cpu";
  c.steps = 80;
  ps::JobContext ctx;
  const ps::LrRangeResult r = ps::lrRangeTest(*ds, c, ctx);
  QVERIFY(r.lrs.size() >= 40);
  QVERIFY2(r.suggested > 1e-4 && r.suggested < 2, qPrintable(QString::number(r.suggested)));
  QVERIFY(r.suggested <= r.minLossLr);
  // A model trained with it learns.
  ps::Store store(path("lr.sqlite"));
  ps::TrainConfig t = c.train;
  t.lr = r.suggested;
  t.epochs = 2;
  std::vector<int64_t> idx(3000);
  std::iota(idx.begin(), idx.end(), 0);
  const ps::EvalResult e = ps::trainAndEvaluate(*ds, store, idx, t, 0, ctx);
  QVERIFY(e.learned);
  QVERIFY2(e.error < 0.4, qPrintable(QString::number(e.error)));
  // Bad settings are named.
  c.maxLr = c.minLr;
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::lrRangeTest(*ds, c, ctx));
}

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
