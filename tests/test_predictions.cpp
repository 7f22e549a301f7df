// Why an example is hard: the predictions every scoring run stores, and the likely
// mislabelled examples found from them (confident learning), on real Fashion-MNIST with
// labels flipped on purpose; and the cross-validated label check (out-of-sample
// probabilities, K folds), through core and the command line.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

#include "job/job.h"
#include "score/label_check.h"
#include "score/predictions.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"

class TestPredictions : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void seedsCombineByVoteAndMeanProbability();
  void confidentLearningFlagsOnlyConfidentDisagreement();
  void flippedLabelsAreFoundOnRealData();
  void foldsAreStratifiedAndDisjoint();
  void crossValidatedCheckFindsPlantedFlips();
  void labelCheckCommandWritesOneRowPerExample();
  void labelCheckRefusesOneFold();
  void labelCheckResumesAfterTheLastFinishedFold();
  void scoreCsvCarriesThePredictions();
};

void TestPredictions::seedsCombineByVoteAndMeanProbability() {
  // Two examples labelled 0, three seeds.
  std::vector<ps::SeedPredictions> seeds(3);
  seeds[0] = {{0, 1, 2, /**/ 1, 0, 2}, {0.6f, 0.3f, 0.1f, /**/ 0.7f, 0.2f, 0.1f}, {0.6f, 0.2f}};
  seeds[1] = {{1, 0, 2, /**/ 1, 2, 0}, {0.5f, 0.4f, 0.1f, /**/ 0.8f, 0.15f, 0.05f}, {0.4f, 0.05f}};
  seeds[2] = {{0, 1, 2, /**/ 1, 0, 2}, {0.7f, 0.2f, 0.1f, /**/ 0.9f, 0.05f, 0.05f}, {0.7f, 0.05f}};
  const ps::Predictions p = ps::combineSeeds(seeds, {0, 0});
  QCOMPARE(p.seeds, 3);
  QCOMPARE(p.predicted, (std::vector<int32_t>{0, 1}));  // two votes of three; three of three
  QVERIFY(std::abs(p.disagree[0] - 1.0f / 3) < 1e-6f);
  QCOMPARE(p.disagree[1], 1.0f);
  QVERIFY(std::abs(p.pLabel[0] - (0.6f + 0.4f + 0.7f) / 3) < 1e-6f);
  QVERIFY(std::abs(p.pPredicted[1] - 0.8f) < 1e-6f);
  QCOMPARE(p.topClass[3], 1);  // example 1's most probable class first, then 0 and 2
  QVERIFY(p.topProb[3] >= p.topProb[4] && p.topProb[4] >= p.topProb[5]);
}

void TestPredictions::confidentLearningFlagsOnlyConfidentDisagreement() {
  // Three classes; class thresholds are the mean probability of the label on its own examples.
  ps::Predictions p;
  p.seeds = 1;
  const std::vector<int> labels = {0, 0, 0, 1, 1, 1};
  //                 ok   ok   flip weak ok   ok
  p.pLabel = {0.9f, 0.8f, 0.05f, 0.3f, 0.9f, 0.9f};
  p.predicted = {0, 0, 1, 2, 1, 1};
  p.pPredicted = {0.9f, 0.8f, 0.9f, 0.4f, 0.9f, 0.9f};
  p.disagree = {0, 0, 1, 1, 0, 0};
  p.topClass = {0, 1, 2, 0, 1, 2, 1, 0, 2, 2, 1, 0, 1, 0, 2, 1, 0, 2};
  p.topProb = {0.9f, 0.05f, 0.05f, 0.8f, 0.1f,  0.1f,  0.9f, 0.05f, 0.05f,
               0.4f, 0.3f,  0.3f,  0.9f, 0.05f, 0.05f, 0.9f, 0.05f, 0.05f};
  const ps::LabelIssues li = ps::findLabelIssues(p, labels, 3);
  // Example 2 (labelled 0, the models say 1 at 0.9 >= class 1's threshold): flagged.
  // Example 3 disagrees, but class 2 has no examples (threshold 1) and its label's
  // probability is below class 1's threshold: not confident, not flagged.
  QCOMPARE(li.flagged, (std::vector<uint8_t>{0, 0, 1, 0, 0, 0}));
  QCOMPARE(li.total, int64_t(1));
  QCOMPARE(li.perClass, (std::vector<int64_t>{1, 0, 0}));
  QCOMPARE(li.disagreeing, (std::vector<int64_t>{1, 1, 0}));
  QVERIFY(std::abs(li.threshold[0] - (0.9 + 0.8 + 0.05) / 3) < 1e-6);
}

void TestPredictions::flippedLabelsAreFoundOnRealData() {
  // 2000 Fashion-MNIST examples, 60 of them given another class (the next one).
  const size_t n = 2000;
  std::map<size_t, int> relabel;
  const auto samples = pstest::fashionSamples(n);
  for (size_t i = 7; relabel.size() < 60; i += 31) relabel[i] = (samples[i].label + 1) % 10;
  auto ds = pstest::fashionSubset(path("flipped"), n, 100, relabel);
  ps::Store store(path("flipped.sqlite"));
  ps::ScoreConfig cfg = pstest::quickScoreConfig({"el2n"}, 6);
  cfg.seeds = 2;
  cfg.wholeSchedule = true;  // the final model's predictions: EL2N alone would stop at its epoch
  ps::JobContext ctx;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  const ps::Predictions& p = run.predictions;
  QCOMPARE(p.size(), n);
  QCOMPARE(p.seeds, cfg.seeds);
  for (size_t i = 0; i < n; ++i) {
    QVERIFY(p.predicted[i] >= 0 && p.predicted[i] < 10);
    QVERIFY(p.pLabel[i] >= 0.f && p.pLabel[i] <= 1.f);
    QVERIFY(p.topProb[3 * i] >= p.topProb[3 * i + 1] && p.topProb[3 * i + 1] >= p.topProb[3 * i + 2]);
  }
  // Read back from the store, the same.
  const ps::ScoreRun back = ps::loadScoreRun(store, run.runId);
  QCOMPARE(back.predictions.predicted, p.predicted);
  QCOMPARE(back.predictions.topProb, p.topProb);
  // Most flipped labels are found, and most flagged examples are flipped ones.
  const std::vector<int> labels = ds->labelsOf(ps::Split::Train, run.indices);
  const ps::LabelIssues li = ps::findLabelIssues(p, labels, ds->numClasses());
  size_t found = 0;
  for (const auto& kv : relabel) found += li.flagged[kv.first];
  const double recall = static_cast<double>(found) / static_cast<double>(relabel.size());
  const double precision = static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, li.total));
  qInfo("flipped labels: %zu of %zu flagged; %lld flagged in all (precision %.2f)", found, relabel.size(),
        static_cast<long long>(li.total), precision);
  // Measured (6 epochs, 2 seeds): 43 of 60 found among 218 flagged; 23 of the 32 flagged at
  // p >= 0.9. Many other flags are genuinely ambiguous garments (shirt / T-shirt / pullover).
  const double base = static_cast<double>(relabel.size()) / static_cast<double>(n);
  QVERIFY2(recall >= 0.6, std::to_string(recall).c_str());
  QVERIFY2(precision >= 4 * base, std::to_string(precision).c_str());
  size_t sure = 0, sureFound = 0;
  for (size_t i = 0; i < n; ++i)
    if (li.flagged[i] && p.pPredicted[i] >= 0.9f) {
      ++sure;
      sureFound += relabel.count(i);
    }
  QVERIFY2(sure >= 10 && sureFound * 2 >= sure, (std::to_string(sureFound) + "/" + std::to_string(sure)).c_str());
  QCOMPARE(std::accumulate(li.perClass.begin(), li.perClass.end(), int64_t(0)), li.total);
}

namespace {
// The planted flips: 600 Fashion-MNIST training examples, 5 % of them (30) given another
// class drawn at random (seed 30), written once as an IDX dataset.
constexpr size_t kCheckExamples = 600;
constexpr size_t kPlanted = 30;

std::map<size_t, int> plantedFlips() {
  const auto samples = pstest::fashionSamples(kCheckExamples);
  std::mt19937_64 rng(30);
  std::map<size_t, int> relabel;
  while (relabel.size() < kPlanted) {
    const size_t i = rng() % kCheckExamples;
    if (!relabel.count(i)) relabel[i] = (samples[i].label + 1 + static_cast<int>(rng() % 9)) % 10;
  }
  return relabel;
}

// The check the test asks for, as the command line below spells it.
ps::LabelCheckConfig quickCheck() {
  ps::LabelCheckConfig c;
  c.folds = 4;
  c.train.epochs = 4;
  c.train.batchSize = 32;
  c.train.threads = 2;
  c.train.device = "cpu";
  return c;
}
const std::vector<std::string> kQuickCheckArgs = {"--folds", "4",         "--epochs", "4",        "--batch-size",
                                                  "32",      "--threads", "2",        "--device", "cpu"};
}  // namespace

void TestPredictions::foldsAreStratifiedAndDisjoint() {
  std::vector<int> labels;
  for (int c = 0; c < 3; ++c) labels.insert(labels.end(), static_cast<size_t>(10 + 5 * c), c);  // 10, 15, 20
  const auto folds = ps::stratifiedFolds(labels, 4, 7);
  QCOMPARE(folds.size(), size_t(4));
  std::set<int64_t> seen;
  for (const auto& f : folds) {
    std::vector<int> perClass(3, 0);
    for (int64_t p : f) {
      QVERIFY(seen.insert(p).second);  // each position in one fold only
      ++perClass[static_cast<size_t>(labels[static_cast<size_t>(p)])];
    }
    for (int c = 0; c < 3; ++c) {  // each class's share of the fold, ± 1
      const double share = (10.0 + 5 * c) / 4;
      QVERIFY2(std::abs(perClass[static_cast<size_t>(c)] - share) <= 1.0, std::to_string(c).c_str());
    }
  }
  QCOMPARE(seen.size(), labels.size());
  QCOMPARE(ps::stratifiedFolds(labels, 4, 7), folds);  // the seed fixes the split
  QVERIFY(ps::stratifiedFolds(labels, 4, 8) != folds);
}

void TestPredictions::crossValidatedCheckFindsPlantedFlips() {
  const auto relabel = plantedFlips();
  auto ds = pstest::fashionSubset(path("planted"), kCheckExamples, 100, relabel);
  ps::Store store(path("planted.sqlite"));
  ps::JobContext ctx;
  const ps::LabelCheckRun run = ps::checkLabels(*ds, store, quickCheck(), ctx);
  QCOMPARE(run.indices.size(), kCheckExamples);
  QCOMPARE(run.folds, 4);
  QVERIFY(run.tentative());  // one seed, two epochs: the interfaces warn
  size_t found = 0;
  for (const auto& kv : relabel) found += run.issues.flagged[kv.first];
  const double recall = static_cast<double>(found) / kPlanted;
  const double precision = static_cast<double>(found) / static_cast<double>(std::max<int64_t>(1, run.issues.total));
  const double base = static_cast<double>(kPlanted) / kCheckExamples;
  qInfo("cross-validated: %zu of %zu planted flips flagged; %lld flagged in all (precision %.2f, base rate %.2f)",
        found, kPlanted, static_cast<long long>(run.issues.total), precision, base);
  // Measured (4 folds of 450 training examples, 4 epochs, 1 seed): 22 of 30 found among
  // 156 flagged (precision 0.14, 2.8 times the base rate). Models this small and short
  // also flag many hard examples, which is why the interfaces call such flags tentative.
  QVERIFY2(recall >= 0.5, std::to_string(recall).c_str());
  QVERIFY2(precision >= 2 * base, std::to_string(precision).c_str());
  // The thresholds are the out-of-sample mean probability of each class on its own examples.
  const std::vector<int> labels = ds->labelsOf(ps::Split::Train, run.indices);
  double sum0 = 0;
  int count0 = 0;
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == 0) {
      sum0 += run.predictions.pLabel[i];
      ++count0;
    }
  QVERIFY(std::abs(run.issues.threshold[0] - sum0 / count0) < 1e-6);
  // A second request is answered from the store, with the same flags.
  const ps::LabelCheckRun again = ps::checkLabels(*ds, store, quickCheck(), ctx);
  QVERIFY(again.fromCache);
  QCOMPARE(again.runId, run.runId);
  QCOMPARE(again.issues.flagged, run.issues.flagged);
  QCOMPARE(ps::newestLabelCheck(store, ds->fingerprint()), run.runId);
}

void TestPredictions::labelCheckCommandWritesOneRowPerExample() {
  auto ds = pstest::fashionSubset(path("planted"), kCheckExamples, 100, plantedFlips());
  std::vector<std::string> args = {"label-check", path("planted"),   "--db",   path("planted.sqlite"),
                                   "--out",       path("flags.csv"), "--quiet"};
  args.insert(args.end(), kQuickCheckArgs.begin(), kQuickCheckArgs.end());
  const auto r = pstest::cli(args);
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("4 folds") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("warning: tentative flags") != std::string::npos, r.out.c_str());
  // The check of the same settings in core is the command's run (from the store).
  ps::Store store(path("planted.sqlite"));
  ps::JobContext ctx;
  const ps::LabelCheckRun run = ps::checkLabels(*ds, store, quickCheck(), ctx);
  QVERIFY(run.fromCache);
  QVERIFY2(r.out.find("run " + std::to_string(run.runId)) != std::string::npos, r.out.c_str());
  std::ifstream in(path("flags.csv"));
  std::string line;
  QVERIFY(std::getline(in, line));
  QCOMPARE(line, std::string("index,label,predicted,p_label,p_predicted,flagged"));
  size_t rows = 0;
  int64_t flagged = 0;
  const std::vector<int> labels = ds->labelsOf(ps::Split::Train, run.indices);
  while (std::getline(in, line)) {
    std::istringstream cells(line);
    std::string index, label, predicted, pLabel, pPredicted, flag;
    for (auto* cell : {&index, &label, &predicted, &pLabel, &pPredicted}) QVERIFY(std::getline(cells, *cell, ','));
    QVERIFY(std::getline(cells, flag));
    QCOMPARE(std::stoll(index), static_cast<long long>(rows));
    QCOMPARE(std::stoi(label), labels[rows]);
    QCOMPARE(std::stoi(predicted), run.predictions.predicted[rows]);
    QVERIFY(std::abs(std::stod(pLabel) - run.predictions.pLabel[rows]) < 1e-5);
    QCOMPARE(std::stoi(flag), static_cast<int>(run.issues.flagged[rows]));
    flagged += std::stoi(flag);
    ++rows;
  }
  QCOMPARE(rows, kCheckExamples);
  QCOMPARE(flagged, run.issues.total);
}

void TestPredictions::labelCheckRefusesOneFold() {
  const auto r = pstest::cli({"label-check", "fashion-mnist", "--folds", "1", "--db", path("unused.sqlite")});
  QCOMPARE(r.code, 2);  // a usage error, before anything is opened or trained
  QVERIFY2(r.err.find("--folds") != std::string::npos && r.err.find("from 2") != std::string::npos, r.err.c_str());
  // Core refuses it too (the GUI and other callers).
  ps::LabelCheckConfig c = quickCheck();
  c.folds = 1;
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, c.validate(600));
}

void TestPredictions::labelCheckResumesAfterTheLastFinishedFold() {
  auto ds = pstest::fashionSubset(path("planted"), kCheckExamples, 100, plantedFlips());
  ps::LabelCheckConfig c = quickCheck();
  c.folds = 2;
  c.train.epochs = 1;
  c.train.healthChecks = false;  // one short epoch: this is about resuming, not learning
  ps::JobContext plain;
  ps::Store whole(path("whole.sqlite"));
  const ps::LabelCheckRun uninterrupted = ps::checkLabels(*ds, whole, c, plain);
  // Cancelled once the second fold trains (the first fold's values are kept)...
  ps::Store store(path("resumed.sqlite"));
  ps::CancelToken token;
  ps::JobContext cancelling(
      &token,
      [&](const ps::Progress& p) {
        if (p.message.rfind("fold 2/2", 0) == 0) token.cancel();
      },
      nullptr, std::chrono::milliseconds(0));
  QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::checkLabels(*ds, store, c, cancelling));
  const auto interrupted = store.findRun(ps::labelCheckCacheKey(*ds, c));
  QVERIFY(interrupted && interrupted->status == ps::RunStatus::Interrupted);
  // ...and resumed: the first fold is not trained again, and the numbers are the same.
  std::vector<std::string> messages;
  ps::JobContext resuming(
      nullptr, [&](const ps::Progress& p) { messages.push_back(p.message); }, nullptr, std::chrono::milliseconds(0));
  const ps::LabelCheckRun resumed = ps::checkLabels(*ds, store, c, resuming);
  QVERIFY(resumed.resumed);
  QCOMPARE(resumed.runId, interrupted->id);
  for (const auto& m : messages) QVERIFY2(m.rfind("fold 1/2", 0) != 0, m.c_str());
  QCOMPARE(resumed.predictions.pLabel, uninterrupted.predictions.pLabel);
  QCOMPARE(resumed.issues.flagged, uninterrupted.issues.flagged);
}

// `score --out`: after the scores, the predictions the run stored, in named columns, as
// core has them (the likely-mislabelled flag in-sample, by confident learning).
void TestPredictions::scoreCsvCarriesThePredictions() {
  const size_t n = 300;
  std::map<size_t, int> relabel;
  const auto samples = pstest::fashionSamples(n);
  for (size_t i = 5; i < n; i += 20) relabel[i] = (samples[i].label + 1) % 10;
  auto ds = pstest::fashionSubset(path("csvpred"), n, 100, relabel);
  const auto r = pstest::cli({"score",
                              path("csvpred"),
                              "--score",
                              "el2n",
                              "--epochs",
                              "2",
                              "--seeds",
                              "2",
                              "--batch-size",
                              "32",
                              "--threads",
                              "2",
                              "--device",
                              "cpu",
                              "--db",
                              path("csvpred.sqlite"),
                              "--whole-schedule",
                              "--out",
                              path("scores.csv"),
                              "--quiet"});
  QVERIFY2(r.code == 0, r.err.c_str());
  const ps::Store store(path("csvpred.sqlite"));
  const auto runs = ps::listScoreRuns(store, ds->fingerprint());
  QCOMPARE(runs.size(), size_t(1));
  const ps::ScoreRun run = ps::loadScoreRun(store, runs[0].runId);
  const ps::Predictions& p = run.predictions;
  QCOMPARE(p.size(), n);
  const ps::LabelIssues li = ps::findLabelIssues(p, ds->labelsOf(ps::Split::Train, run.indices), ds->numClasses());
  std::ifstream in(path("scores.csv"));
  std::string line;
  QVERIFY(std::getline(in, line));
  QCOMPARE(line, std::string("index,label,class_name,source,el2n,el2n_raw,el2n_std,predicted,predicted_class,"
                             "p_predicted,p_label,disagreeing_seeds,seeds,likely_mislabelled"));
  size_t rows = 0;
  int64_t flagged = 0, disagreeing = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    QCOMPARE(cells.size(), size_t(14));
    const size_t k = rows++;
    QCOMPARE(std::stoll(cells[0]), static_cast<long long>(run.indices[k]));
    QCOMPARE(std::stoi(cells[7]), p.predicted[k]);
    QCOMPARE(cells[8], ds->classNames()[static_cast<size_t>(p.predicted[k])]);
    QVERIFY(std::abs(std::stod(cells[9]) - p.pPredicted[k]) < 1e-5);
    QVERIFY(std::abs(std::stod(cells[10]) - p.pLabel[k]) < 1e-5);
    QCOMPARE(std::stoll(cells[11]), std::llround(p.disagree[k] * 2.0));
    QCOMPARE(cells[12], std::string("2"));
    QCOMPARE(std::stoi(cells[13]), static_cast<int>(li.flagged[k]));
    flagged += std::stoi(cells[13]);
    disagreeing += std::stoll(cells[11]) > 0 ? 1 : 0;
  }
  QCOMPARE(rows, n);
  QCOMPARE(flagged, li.total);
  QVERIFY(disagreeing > 0);  // the flipped labels at least
  // A subset pruned by the run and written as .csv carries the same columns for the
  // examples it keeps.
  const auto pr =
      pstest::cli({"prune", path("csvpred"), "--score", "el2n", "--score-run", std::to_string(run.runId), "--policy",
                   "hard", "--keep", "0.5", "--db", path("csvpred.sqlite"), "--out", path("pruned.csv"), "--quiet"});
  QVERIFY2(pr.code == 0, pr.err.c_str());
  std::ifstream pruned(path("pruned.csv"));
  QVERIFY(std::getline(pruned, line));
  QCOMPARE(line, std::string("index,source,label,class_name,score,predicted,predicted_class,p_predicted,p_label,"
                             "disagreeing_seeds,seeds,likely_mislabelled"));
  std::map<int64_t, size_t> position;
  for (size_t k = 0; k < run.indices.size(); ++k) position[run.indices[k]] = k;
  size_t kept = 0;
  while (std::getline(pruned, line)) {
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    QCOMPARE(cells.size(), size_t(12));
    const size_t k = position.at(std::stoll(cells[0]));
    QCOMPARE(std::stoi(cells[5]), p.predicted[k]);
    QCOMPARE(cells[6], ds->classNames()[static_cast<size_t>(p.predicted[k])]);
    QVERIFY(std::abs(std::stod(cells[8]) - p.pLabel[k]) < 1e-5);
    QCOMPARE(std::stoi(cells[11]), static_cast<int>(li.flagged[k]));
    ++kept;
  }
  QCOMPARE(kept, n / 2);
}

QTEST_GUILESS_MAIN(TestPredictions)
#include "test_predictions.moc"
