// Pareto fronts, power-law fits, the perceptron theory checks, and the frontier, scaling
// and audit studies end to end on a small Fashion-MNIST subset (with resume after cancel
// and bad input). The pruning policies themselves are in test_prune.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>

#include <filesystem>
#include "data/dataset_opener.h"
#include "job/job.h"
#include "prune/prune_policy.h"
#include "score/score_engine.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "study/fairness_audit.h"
#include "study/frontier_study.h"
#include "study/power_law.h"
#include "study/scaling_study.h"
#include "study/work_estimate.h"
#include "support/test_data.h"
#include "theory/perceptron_theory.h"
#include "util/errors.h"
#include "util/pareto.h"

class TestStudies : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }
  std::unique_ptr<ps::Dataset> smallFashion() {
    const std::string dir = path("fashion600");
    if (!std::filesystem::exists(dir)) return pstest::fashionSubset(dir, 600, 300);
    return ps::openDataset(dir);
  }
  ps::TrainConfig quickTrain() {
    ps::TrainConfig t;
    t.epochs = 2;
    t.threads = 2;
    t.device = "cpu";
    return t;
  }
  ps::StudyScore quickScore() {
    ps::StudyScore s;
    s.name = "el2n";
    s.config.scores = {"el2n"};
    s.config.train = quickTrain();
    s.config.el2nEpoch = 1;
    return s;
  }

 private slots:
  void paretoFrontIsNonDominated();
  void powerLawRecoversKnownExponents();
  void theoryMatchesTheMaxMarginCurveAndThePaper();
  void frontierStudyEndToEndWithResume();
  void dedupOnTheFrontierWithKeepHardAndRandom();
  void scalingStudyEndToEnd();
  void estimatesCountTheRealWork();
  void estimatesCountSeedsTrainedTogether();
  void auditOnAHandMadeCase();
  void badStudyInputStoresNothing();
};

void TestStudies::paretoFrontIsNonDominated() {
  const std::vector<std::pair<double, double>> pts = {{0.2, 0.30}, {0.2, 0.25}, {0.4, 0.20}, {0.4, 0.28},
                                                      {0.6, 0.22}, {0.8, 0.15}, {1.0, 0.15}};
  QCOMPARE(ps::paretoFront(pts), (std::vector<size_t>{1, 2, 5}));
}

void TestStudies::powerLawRecoversKnownExponents() {
  std::vector<double> n, e, e2;
  for (double x : {500.0, 1000.0, 2000.0, 4000.0, 8000.0, 16000.0}) {
    n.push_back(x);
    e.push_back(3.0 * std::pow(x, -0.5));
    e2.push_back(2.0 * std::pow(x, -0.7) + 0.04);
  }
  const auto f = ps::fitPowerLaw(n, e);
  QVERIFY(!f.hasOffset);
  QVERIFY(std::abs(f.b - 0.5) < 1e-6);
  QVERIFY(std::abs(f.a - 3.0) < 1e-4);
  QVERIFY(f.bStdErr < 1e-6);
  const auto g = ps::fitPowerLaw(n, e2);
  QVERIFY2(g.hasOffset, g.str().c_str());
  QVERIFY2(std::abs(g.b - 0.7) < 0.05, g.str().c_str());
  QVERIFY2(std::abs(g.c - 0.04) < 0.003, g.str().c_str());
  // Noise gives a positive standard error that covers the truth.
  std::vector<double> noisy = e;
  for (size_t i = 0; i < noisy.size(); ++i) noisy[i] *= (i % 2 ? 1.03 : 0.97);
  const auto h = ps::fitPowerLaw(n, noisy);
  QVERIFY(h.bStdErr > 0);
  QVERIFY(std::abs(h.b - 0.5) < 3 * h.bStdErr + 0.01);
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::fitPowerLaw({1.0}, {0.5}));
}

void TestStudies::theoryMatchesTheMaxMarginCurveAndThePaper() {
  ps::TheoryConfig c;
  c.dim = 100;
  c.alphaTot = {1, 5, 20};
  c.keeps = {0.2, 1.0};
  c.policies = {"hard", "easy"};
  c.trials = 8;
  ps::JobContext ctx;
  QElapsedTimer t;
  t.start();
  const auto pts = ps::simulatePerceptron(c, ctx);
  auto err = [&](double a, double f, const char* pol) {
    for (const auto& p : pts)
      if (p.alphaTot == a && p.keep == f && p.policy == pol) return p.errorMean;
    return -1.0;
  };
  // f = 1 follows the max-margin learning curve.
  QVERIFY2(std::abs(err(1, 1, "hard") - 0.27) < 0.03, std::to_string(err(1, 1, "hard")).c_str());
  QVERIFY2(std::abs(err(5, 1, "hard") - 0.09) < 0.02, std::to_string(err(5, 1, "hard")).c_str());
  QVERIFY2(std::abs(err(20, 1, "hard") - 0.025) < 0.006, std::to_string(err(20, 1, "hard")).c_str());
  // Keep-easy wins with little data, keep-hard with a lot.
  QVERIFY(err(1, 0.2, "easy") < err(1, 0.2, "hard"));
  QVERIFY(err(20, 0.2, "hard") < err(20, 0.2, "easy"));
  for (const auto& p : pts) QVERIFY(p.errorSem >= 0 && p.trials == 8);
  // theta = 10°: keep-easy at large alpha_tot floors near theta/pi.
  ps::TheoryConfig th;
  th.dim = 100;
  th.alphaTot = {80};
  th.keeps = {0.1};
  th.policies = {"easy"};
  th.thetaDegrees = 10;
  th.trials = 6;
  const auto floor = ps::simulatePerceptron(th, ctx);
  QVERIFY2(std::abs(floor[0].errorMean - 10.0 / 180.0) < 0.012, std::to_string(floor[0].errorMean).c_str());
  // Interactive: a 10×6 grid at N = 100 with 8 trials runs in seconds.
  ps::TheoryConfig grid;
  grid.alphaTot = {0.5, 1, 2, 3, 5, 7, 10, 12, 15, 20};
  grid.keeps = {0.1, 0.2, 0.4, 0.6, 0.8, 1.0};
  grid.policies = {"hard"};
  QElapsedTimer g;
  g.start();
  QCOMPARE(ps::simulatePerceptron(grid, ctx).size(), size_t(60));
  qInfo() << "10x6 grid, N=100, 8 trials:" << g.elapsed() << "ms";
}

// dedup beside keep-hard and random: the scoring run computes semdedup with EL2N (one
// classifier training), and dedup's subset at f is the examples with the lowest SemDeDup M
// stored beside the score.
void TestStudies::dedupOnTheFrontierWithKeepHardAndRandom() {
  auto ds = smallFashion();
  ps::FrontierConfig cfg;
  cfg.score = quickScore();
  cfg.policies = {"hard", "random", "dedup"};
  cfg.keeps = {0.5};
  cfg.train = quickTrain();
  cfg.train.epochs = 1;
  ps::Store store(path("dedup_frontier.sqlite"));
  ps::JobContext ctx;
  const ps::StudyPoints planned = ps::frontierStudyPoints(*ds, store, cfg, ctx);
  const auto runs = ps::listScoreRuns(store, ds->fingerprint());
  QCOMPARE(runs.size(), size_t(1));
  QCOMPARE(runs.front().names, (std::vector<std::string>{"el2n", "semdedup"}));
  const std::vector<float> m = store.vector(runs.front().runId, "semdedup/order");
  QCOMPARE(m.size(), size_t(600));
  std::vector<float> sorted = m;
  std::sort(sorted.begin(), sorted.end());
  const float cut = sorted[299];
  const auto dedup = std::find_if(planned.points.begin(), planned.points.end(),
                                  [](const ps::StudyPoint& p) { return p.label.rfind("dedup ", 0) == 0; });
  QVERIFY(dedup != planned.points.end());
  QCOMPARE(dedup->trainIdx.size(), size_t(300));
  for (int64_t i : dedup->trainIdx) QVERIFY(m[static_cast<size_t>(i)] <= cut);
  const ps::FrontierResult r = ps::runFrontierStudy(*ds, store, cfg, ctx);
  std::vector<std::string> policies;
  for (const auto& p : r.points) policies.push_back(p.policy + "@" + std::to_string(p.kept));
  QCOMPARE(policies, (std::vector<std::string>{"hard@300", "random@300", "dedup@300"}));
}

void TestStudies::frontierStudyEndToEndWithResume() {
  auto ds = smallFashion();
  ps::FrontierConfig cfg;
  cfg.score = quickScore();
  cfg.policies = {"hard", "easy", "random"};
  cfg.keeps = {0.5, 1.0};
  cfg.classBalanced = true;
  cfg.train = quickTrain();
  ps::Store store(path("frontier.sqlite"));
  // Before anything is stored the estimate is the scoring (of the 600 examples) and every
  // point: 3 policies at f = 0.5 and one shared model at f = 1.
  const ps::JobWork fresh = ps::frontierJobWork(*ds, store, cfg);
  QCOMPARE(fresh.trainings, 1.0 + 4.0);
  // EL2N alone: the scoring trains only to its epoch (1 of 2), each point both epochs.
  QCOMPARE(fresh.trainSteps, 600.0 * 1 + (3 * 300.0 + 600) * 2);
  // Stop after the first finished point, then resume.
  ps::CancelToken token;
  ps::JobContext cut(
      &token,
      [&](const ps::Progress& p) {
        if (p.message.find("done") != std::string::npos) token.cancel();
      },
      nullptr, std::chrono::milliseconds(0));
  QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::runFrontierStudy(*ds, store, cfg, cut));
  const std::string key = ps::Store::cacheKey("frontier", cfg.toJson(), ds->fingerprint());
  const auto interrupted = store.findRun(key);
  QCOMPARE(interrupted->status, ps::RunStatus::Interrupted);
  QCOMPARE(store.results(interrupted->id).size(), size_t(1));  // the finished point was stored at once
  ps::SqliteDb raw(path("frontier.sqlite"));
  const int64_t trainRunsBefore = raw.scalarInt("SELECT count(*) FROM runs WHERE kind = 'train' AND status = 'done'");
  // With the score stored, the estimate is the study's real points less those stored:
  // the three trainings the resume does.
  const ps::JobWork rest = ps::frontierJobWork(*ds, store, cfg);
  QCOMPARE(rest.trainings, 3.0);
  QCOMPARE(rest.trainSteps, (600.0 + 300 + 300) * 2);
  token.reset();
  ps::JobContext again(&token, ps::ProgressCallback{});
  const ps::FrontierResult r = ps::runFrontierStudy(*ds, store, cfg, again);
  QCOMPARE(r.runId, interrupted->id);
  QCOMPARE(r.points.size(), size_t(6));
  // f = 1 is the same subset for every policy: trained once, then read from the cache.
  const int64_t trainRuns = raw.scalarInt("SELECT count(*) FROM runs WHERE kind = 'train' AND status = 'done'");
  QCOMPARE(trainRuns, trainRunsBefore + 3);  // hard 1.0, easy 0.5, random 0.5 (hard 0.5 was done)
  for (const auto& p : r.points) {
    QVERIFY(p.errorMean > 0 && p.errorMean < 0.9);
    QCOMPARE(p.perClassAccuracy.size(), size_t(10));
    QCOMPARE(p.kept, p.keep == 1.0 ? int64_t(600) : int64_t(300));
  }
  QVERIFY(!r.pareto.empty());
  for (size_t i : r.pareto) QVERIFY(r.points[i].pareto);
  // A repeated request is answered from the store.
  ps::JobContext third;
  const auto cached = ps::runFrontierStudy(*ds, store, cfg, third);
  QVERIFY(cached.fromCache);
  QVERIFY(ps::frontierJobWork(*ds, store, cfg).empty());  // a finished study costs nothing
  QCOMPARE(cached.points.size(), size_t(6));
  QCOMPARE(cached.points[2].errorMean, r.points[2].errorMean);
  ps::writeFrontierCsv(r, path("frontier.csv"));
  std::ifstream in(path("frontier.csv"));
  std::string header;
  std::getline(in, header);
  QVERIFY(header.rfind("score,policy,keep,kept,epochs,error_mean,error_std,seeds,pareto,worst_class_error,worst_group_"
                       "error,acc_T-shirt/top",
                       0) == 0);
  // Several scores in one study: a series per score and policy (random once), one scoring
  // run for both scores, and the Pareto frontier across all of them.
  auto multi = cfg;
  multi.moreScores = {"forgetting"};
  multi.score.config.scores = {"el2n", "forgetting"};
  ps::JobContext fifth;
  const auto m = ps::runFrontierStudy(*ds, store, multi, fifth);
  QCOMPARE(m.points.size(), size_t(10));  // (hard, easy) x 2 scores + random, x 2 keeps
  int forgettingPoints = 0;
  for (const auto& p : m.points) forgettingPoints += p.score == "forgetting";
  QCOMPARE(forgettingPoints, 4);
  QCOMPARE(m.scoreName, std::string("el2n,forgetting"));
  // Equal steps: epochs scale with 1/f.
  cfg.budget = ps::Budget::Steps;
  cfg.keeps = {0.5};
  cfg.policies = {"random"};
  ps::JobContext fourth;
  QCOMPARE(ps::runFrontierStudy(*ds, store, cfg, fourth).points[0].epochs, 4);
}

void TestStudies::scalingStudyEndToEnd() {
  auto ds = smallFashion();
  ps::ScalingConfig cfg;
  cfg.score = quickScore();
  cfg.policies = {"hard", "easy"};
  cfg.keeps = {0.5};
  cfg.sizes = {200, 400, 600};
  cfg.classBalanced = true;
  cfg.train = quickTrain();
  ps::Store store(path("scaling.sqlite"));
  ps::JobContext ctx;
  const ps::ScalingResult r = ps::runScalingStudy(*ds, store, cfg, ctx);
  QCOMPARE(r.points.size(), size_t(6));
  for (const auto& p : r.points) QCOMPARE(p.kept, p.pool / 2);
  QCOMPARE(r.curves.size(), size_t(2));
  for (const auto& c : r.curves) QVERIFY2(c.fitted && std::isfinite(c.fit.b), c.fit.str().c_str());
  QCOMPARE(r.crossovers.size(), size_t(1));
  QVERIFY(!r.crossovers[0].description.empty());
  ps::JobContext again;
  QVERIFY(ps::runScalingStudy(*ds, store, cfg, again).fromCache);
  // Resume (the runs panel) starts a stored study again from its settings as read back:
  // they must give the same text, hence the same cache key, whether the score was given
  // by its settings or by a run.
  const std::string stored = store.run(r.runId).config;
  QCOMPARE(ps::parseScalingConfig(stored).toJson(), stored);
  ps::JobContext resumed;
  const ps::ScalingConfig back = ps::parseScalingConfig(stored);
  QCOMPARE(ps::runScalingStudy(*ds, store, back, resumed).runId, r.runId);
  ps::FrontierConfig byRun;
  byRun.score.runId = 7;
  byRun.score.name = "el2n";
  byRun.moreScores = {"forgetting"};
  QCOMPARE(ps::parseFrontierConfig(byRun.toJson()).toJson(), byRun.toJson());
  QCOMPARE(ps::geometricSizes(1000, 60000, 4), (std::vector<int64_t>{1000, 3915, 15326, 60000}));
}

void TestStudies::estimatesCountTheRealWork() {
  // What the job forms say a job will cost: the trainings, epochs, evaluations and passes
  // it will really do (times are the benchmark's business: bench_estimate).
  ps::FrontierConfig f;
  f.policies = {"hard", "easy"};
  f.keeps = {0.5, 1.0};
  f.train.epochs = 2;
  f.seeds = 2;
  // f = 0.5: 2 policies x 500 kept; f = 1: one model shared by both; two seeds
  const ps::JobWork fw = ps::frontierWork(f, 1000, 100);
  QCOMPARE(fw.trainings, 2 * 3.0);
  QCOMPARE(fw.trainSteps, 2 * (2 * 500 + 1000) * 2.0);
  // each training: the test sample after epoch 1, the whole test split after the last
  QCOMPARE(fw.evalPasses, 2 * 3 * (100 + 100.0));
  QCOMPARE(fw.loaded, 2 * (2 * (500 + 100) + (1000 + 100.0)));
  // The pool is the score's examples: half of them, half the training.
  QCOMPARE(ps::frontierWork(f, 500, 100).trainSteps, fw.trainSteps / 2);
  // A test limit, and a test split larger than the per-epoch sample of 2 000.
  f.testLimit = 3000;
  QCOMPARE(ps::frontierWork(f, 1000, 10000).evalPasses, 2 * 3 * (2000 + 3000.0));
  // A second score: a series per score and policy, random once.
  f.policies = {"hard", "easy", "random"};
  f.moreScores = {"forgetting"};
  QCOMPARE(ps::frontierWork(f, 1000, 100).trainings, 2 * (5 + 1.0));
  ps::ScalingConfig sc;
  sc.policies = {"hard", "easy"};
  sc.keeps = {0.5, 1.0};
  sc.sizes = {200, 400};
  sc.train.epochs = 3;
  sc.testLimit = 30;
  const ps::JobWork sw = ps::scalingWork(sc, 1000, 100);
  QCOMPARE(sw.trainings, 2 * 3.0);  // per pool: hard and easy at 0.5, one shared model at f = 1
  QCOMPARE(sw.trainSteps, (2 * 100 + 200 + 2 * 200 + 400) * 3.0);
  QCOMPARE(sw.evalPasses, 6 * (2 * 30 + 30.0));
  // Geometric pools end at the score's examples, not at the training split.
  sc.sizes.clear();
  sc.minSize = 250;
  sc.steps = 3;
  QCOMPARE(ps::scalingWork(sc, 1000, 100).trainSteps, (2 * 125 + 250 + 2 * 250 + 500 + 2 * 500 + 1000) * 3.0);
  ps::ScoreConfig scoring;
  scoring.scores = {"el2n", "forgetting", "aum", "grand"};
  scoring.train.epochs = 4;
  scoring.el2nEpoch = 1;
  scoring.seeds = 2;
  scoring.limit = 300;
  const ps::JobWork w = ps::scoringWork(scoring, 1000);
  QCOMPARE(w.trainSteps, 300 * 4 * 2.0);  // the examples limit, not the training split
  QCOMPARE(w.evalPasses, 300 * 2 * 2.0);  // logits after epoch 1 (EL2N) and 4 (the predictions)
  QCOMPARE(w.gradPasses, 300 * 2.0);      // GraNd
  QCOMPARE(w.trainings, 2.0);
  scoring.limit = 150;
  QCOMPARE(ps::scoringWork(scoring, 1000).trainSteps, w.trainSteps / 2);
  scoring.el2nEpoch = 4;  // EL2N read with the final predictions: one pass
  QCOMPARE(ps::scoringWork(scoring, 1000).evalPasses, 150 * 1 * 2.0);
  // The rates come from the real training loop on the dataset; seconds add up per kind.
  auto ds = smallFashion();
  ps::TrainConfig t;
  t.threads = 2;
  t.device = "cpu";
  const ps::TrainingRates rates = ps::measureTrainingRates(*ds, t, 2);
  QVERIFY(rates.valid());
  ps::JobWork one;
  one.trainSteps = rates.trainPerSecond * 3;
  QCOMPARE(ps::estimateSeconds(one, rates), 3.0);
  QCOMPARE(ps::estimateSeconds(one, ps::TrainingRates{}), -1.0);
}

void TestStudies::estimatesCountSeedsTrainedTogether() {
  ps::ScoreConfig c;
  c.scores = {"el2n"};
  c.train.epochs = 4;
  c.train.threads = 2;
  c.train.device = "cpu";
  c.seeds = 5;
  c.limit = 300;
  // As the engine plans them: as many at once as the cores, unless told otherwise.
  const ps::JobWork w = ps::scoringWork(c, 1000);
  QCOMPARE(w.together, 2);
  QCOMPARE(w.togetherSteps, w.trainSteps);
  QCOMPARE(w.togetherPasses, w.evalPasses);
  QCOMPARE(w.trainSteps, 300 * 1 * 5.0);  // EL2N at epoch 1 of 4: training stops there
  auto packed = c;
  packed.packSeeds = 3;
  QCOMPARE(ps::scoringWork(packed, 1000).together, 3);
  std::vector<ps::ScoreConfig> alone(4, c);
  alone[0].sequentialSeeds = true;
  alone[1].seeds = 1;
  alone[2].train.model = "model.pt";  // TorchScript: one seed at a time
  alone[3].train.device = "cuda";     // a GPU without --pack-seeds
  for (const auto& one : alone) {
    const ps::JobWork lone = ps::scoringWork(one, 1000);
    QCOMPARE(lone.together, 1);
    QCOMPARE(lone.togetherSteps, 0.0);
  }
  // The seeds' share of the time is divided by the speed-up measured for that pack, and
  // only for that pack; loading and models' start-up are not.
  ps::TrainingRates r;
  r.trainPerSecond = 1000;
  r.evalPerSecond = 5000;
  r.gradPerSecond = 300;
  r.loadPerSecond = 20000;
  r.secondsPerTraining = 0.5;
  const double oneAtATime = ps::estimateSeconds(w, r);
  QCOMPARE(oneAtATime, 1500 / 1000.0 + 1500 / 5000.0 + 300 / 20000.0 + 5 * 0.5);
  r.together = 2;
  r.togetherSpeedup = 1.6;
  QCOMPARE(ps::estimateSeconds(w, r), (1500 / 1000.0 + 1500 / 5000.0) / 1.6 + 300 / 20000.0 + 5 * 0.5);
  r.together = 3;
  QCOMPARE(ps::estimateSeconds(w, r), oneAtATime);
  // A study adding its own trainings keeps the scoring's pack for the scoring's work only.
  ps::JobWork study;
  study.trainSteps = 700;
  study.trainings = 1;
  ps::JobWork both = w;
  both += study;
  r.together = 2;
  QCOMPARE(ps::estimateSeconds(both, r), ps::estimateSeconds(w, r) + 700 / 1000.0 + 0.5);
  // Measured: the pack's summed rate against one seed's, on the real training loop.
  auto ds = smallFashion();
  const ps::TrainingRates m = ps::measureTrainingRates(*ds, c.train, 2, 2);
  QVERIFY(m.valid());
  QCOMPARE(m.together, 2);
  // (Not bounded by the cores: on a loaded machine one seed's two OpenMP threads wait on
  // each other far more than two one-thread seeds do.)
  QVERIFY2(m.togetherSpeedup > 0 && std::isfinite(m.togetherSpeedup), std::to_string(m.togetherSpeedup).c_str());
}

void TestStudies::auditOnAHandMadeCase() {
  // A score that marks every Trouser (label 1) and Bag (label 8) as hardest: keep-easy at
  // f = 0.5 then removes them all, and class balance keeps half of each.
  auto ds = smallFashion();
  ps::Store store(path("audit.sqlite"));
  std::string csv = "score\n";
  for (size_t i = 0; i < 600; ++i) {
    const int l = ds->label(ps::Split::Train, i);
    csv += std::to_string(l == 1 || l == 8 ? 10.0 + double(i % 7) : double(i % 5)) + "\n";
  }
  pstest::writeText(path("hand.csv"), csv);
  const auto imported = ps::importScores(*ds, store, path("hand.csv"), "hand", true);
  ps::AuditConfig cfg;
  cfg.score.runId = imported.runId;
  cfg.score.name = "hand";
  cfg.spec = pstest::pruneSpec(ps::PrunePolicy::KeepEasy, 0.5);
  cfg.train = quickTrain();
  ps::JobContext ctx;
  const ps::AuditResult r = ps::runFairnessAudit(*ds, store, cfg, ctx);
  const auto counts = ds->classCounts(ps::Split::Train);
  for (const auto& a : r.policy.classes) {
    QCOMPARE(a.total, static_cast<int64_t>(counts[static_cast<size_t>(a.label)]));
    if (a.label == 1 || a.label == 8) {
      QCOMPARE(a.kept, int64_t(0));
      QVERIFY(a.disproportionate);
    }
  }
  QVERIFY(r.policy.flagged == (std::vector<std::string>{"Trouser", "Bag"}));
  QVERIFY(!r.policy.hasAccuracy);  // no models in the store and none requested
  for (const auto& a : r.balanced.classes) {
    QVERIFY(std::abs(a.keptFraction - 0.5) <= 0.5 / double(a.total) + 1e-9);
    QVERIFY(!a.disproportionate);
  }
  // With models: the subset without trousers and bags cannot be trained (it would lack
  // classes the test split has), so only the balanced side gets accuracies.
  cfg.trainModels = true;
  const ps::AuditResult t = ps::runFairnessAudit(*ds, store, cfg, ctx);
  QVERIFY(!t.policy.hasAccuracy);
  QVERIFY(t.balanced.hasAccuracy);
  double worst = 1;
  for (const auto& a : t.balanced.classes) {
    QVERIFY(a.accuracySubset >= 0 && a.accuracySubset <= 1);
    QVERIFY(std::abs(a.change - (a.accuracySubset - a.accuracyFull)) < 1e-12);
    worst = std::min(worst, a.accuracySubset);
  }
  QCOMPARE(t.balanced.worstAccuracy, worst);
}

void TestStudies::badStudyInputStoresNothing() {
  auto ds = smallFashion();
  ps::Store store(path("bad.sqlite"));
  ps::JobContext ctx;
  ps::FrontierConfig cfg;
  cfg.score = quickScore();
  cfg.train = quickTrain();
  auto expectError = [&](const ps::FrontierConfig& c, const std::string& msg) {
    try {
      ps::runFrontierStudy(*ds, store, c, ctx);
      QFAIL(("should fail: " + msg).c_str());
    } catch (const ps::ConfigError& e) {
      QVERIFY2(std::string(e.what()).find(msg) != std::string::npos, e.what());
    }
  };
  auto c1 = cfg;
  c1.keeps = {};
  expectError(c1, "grid of kept fractions is empty");
  auto c2 = cfg;
  c2.keeps = {0.5, 0.3};
  expectError(c2, "not strictly ascending");
  auto c3 = cfg;
  c3.keeps = {0.5, 1.2};
  expectError(c3, "kept fraction 1.2 is outside (0, 1]");
  // Keep-hard at a tiny f without class balance leaves classes empty.
  auto c4 = cfg;
  c4.keeps = {0.005};
  c4.policies = {"hard"};
  expectError(c4, "has no example of class");
  ps::SqliteDb raw(path("bad.sqlite"));
  QCOMPARE(raw.scalarInt("SELECT count(*) FROM runs WHERE kind = 'frontier'"), int64_t(0));
}

QTEST_GUILESS_MAIN(TestStudies)
#include "test_studies.moc"
