// The arithmetic under the scores: exact batched per-example gradient norms against
// one-example autograd, and forgetting, AUM, data maps and rank statistics on values
// computed by hand; SemDeDup's values and kept set on planted embeddings.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "model/per_example_grad.h"
#include "prune/policy_registry.h"
#include "score/rank_stats.h"
#include "score/score_config.h"
#include "score/score_hooks.h"
#include "score/semdedup.h"

class TestScoreMath : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { torch::set_num_threads(2); }
  void grandMatchesOneAtATimeAutograd_data();
  void grandMatchesOneAtATimeAutograd();
  void forgettingCountsTransitions();
  void aumAndDataMapsByHand();
  void rankStatistics();
  void semDedupOnPlantedEmbeddings();
};

void TestScoreMath::grandMatchesOneAtATimeAutograd_data() {
  QTest::addColumn<QString>("model");
  QTest::newRow("small_cnn (batch norm, eval mode) 28x28x1") << "small_cnn";
  QTest::newRow("small_cnn_nobn 28x28x1") << "small_cnn_nobn";
  QTest::newRow("resnet18 32x32x3") << "resnet18";
}

void TestScoreMath::grandMatchesOneAtATimeAutograd() {
  QFETCH(QString, model);
  const bool resnet = model == "resnet18";
  const ps::ImageShape shape = resnet ? ps::ImageShape{32, 32, 3} : ps::ImageShape{28, 28, 1};
  auto net = ps::makeClassifier(model.toStdString(), shape, 10, 3);
  torch::manual_seed(5);
  const auto x = torch::randn({6, shape.channels, shape.height, shape.width});
  const auto y = torch::tensor({0, 3, 9, 1, 1, 7}, torch::kInt64);
  // A few training steps so batch-norm statistics and weights are not at their initial values.
  net->setTraining(true);
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.05).momentum(0.9));
  for (int i = 0; i < 3; ++i) {
    opt.zero_grad();
    torch::nn::functional::cross_entropy(net->forward(torch::randn_like(x)), y).backward();
    opt.step();
  }
  const auto batched = ps::perExampleGradSqNorms(*net, x, y);
  const auto loop = ps::perExampleGradSqNormsLoop(*net, x, y);
  QCOMPARE(batched.size(0), int64_t(6));
  for (int64_t i = 0; i < 6; ++i) {
    const double a = batched[i].item<double>(), b = loop[i].item<double>();
    QVERIFY2(std::abs(a - b) <= 1e-4 * std::max(1.0, b),
             (std::to_string(i) + ": batched " + std::to_string(a) + " vs autograd " + std::to_string(b)).c_str());
  }
  QVERIFY(loop.min().item<double>() > 0);
}

void TestScoreMath::forgettingCountsTransitions() {
  // Three examples over four presentations, logits chosen by hand (label 0 each).
  ps::ForgettingHook hook(3, 4);
  const std::vector<int64_t> pos{0, 1, 2};
  const auto y = torch::zeros({3}, torch::kInt64);
  auto logits = [](std::vector<int> correct) {
    auto t = torch::zeros({3, 2});
    for (int i = 0; i < 3; ++i) t[i][correct[static_cast<size_t>(i)] ? 0 : 1] = 1.0;
    return t;
  };
  // example 0: right, wrong, right, wrong -> 2 events; 1: always right -> 0; 2: never right -> max (4)
  hook.onBatch({0, pos, logits({1, 1, 0}), y});
  hook.onBatch({1, pos, logits({0, 1, 0}), y});
  hook.onBatch({2, pos, logits({1, 1, 0}), y});
  hook.onBatch({3, pos, logits({0, 1, 0}), y});
  const auto r = hook.results().at("forgetting");
  QCOMPARE(r.difficulty, (std::vector<float>{2.f, 0.f, 4.f}));
  // Checkpointing keeps the state.
  ps::ByteWriter w;
  hook.save(w);
  ps::ForgettingHook copy(3, 4);
  ps::ByteReader rd(w.bytes());
  copy.load(rd);
  QCOMPARE(copy.results().at("forgetting").difficulty, r.difficulty);
}

void TestScoreMath::aumAndDataMapsByHand() {
  ps::TrainingDynamicsHook hook(2);
  const std::vector<int64_t> pos{0, 1};
  const auto y = torch::tensor({0, 1}, torch::kInt64);
  // Presentation 1: ex0 logits (2, 0, 1): margin 2-1 = 1; ex1 logits (0, 0, 3): margin 0-3 = -3.
  hook.onBatch({0, pos, torch::tensor({{2.f, 0.f, 1.f}, {0.f, 0.f, 3.f}}), y});
  // Presentation 2: ex0 (4, 0, 0): margin 4; ex1 (0, 1, 0): margin 1.
  hook.onBatch({1, pos, torch::tensor({{4.f, 0.f, 0.f}, {0.f, 1.f, 0.f}}), y});
  const auto r = hook.results();
  QCOMPARE(r.at("aum").raw[0], 2.5f);         // (1 + 4) / 2
  QCOMPARE(r.at("aum").raw[1], -1.0f);        // (-3 + 1) / 2
  QCOMPARE(r.at("aum").difficulty[1], 1.0f);  // difficulty = -AUM
  const double p1 = std::exp(2.0) / (std::exp(2.0) + 1 + std::exp(1.0)), p2 = std::exp(4.0) / (std::exp(4.0) + 2);
  QVERIFY(std::abs(r.at("confidence").raw[0] - (p1 + p2) / 2) < 1e-6);
  QVERIFY(std::abs(r.at("confidence").difficulty[0] - (1 - (p1 + p2) / 2)) < 1e-6);
  QVERIFY(std::abs(r.at("variability").raw[0] - std::abs(p1 - p2) / 2) < 1e-6);
}

void TestScoreMath::rankStatistics() {
  QCOMPARE(ps::averageRanks({3.f, 1.f, 3.f, 2.f}), (std::vector<double>{2.5, 0, 2.5, 1}));
  QCOMPARE(ps::spearman({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
  QCOMPARE(ps::spearman({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
  QVERIFY(std::isnan(ps::spearman({1, 1, 1}, {1, 2, 3})));
  QCOMPARE(ps::topKOverlap({5, 4, 3, 2, 1}, {5, 1, 4, 2, 3}, 2), 0.5);
}

// One cluster (k = 1) of planted 8-d embeddings around e0, with near copies A (e0 + t·e1,
// t = 0.48, 0.50, 0.52: cosine >= 0.9994 among them), exact copies B (e0 − 0.75·e1,
// twice) and four isolated points e0 ± 0.5·e2, e0 ± 0.5·e3 (cosine <= 0.8 to anything).
// The centroid leans little towards e1, so in A the farthest from it is t = 0.52.
void TestScoreMath::semDedupOnPlantedEmbeddings() {
  auto v = [](std::vector<std::pair<int, float>> parts) {
    auto x = torch::zeros({8});
    for (auto [d, a] : parts) x[d] = a;
    return x;
  };
  const std::vector<torch::Tensor> rows = {
      v({{0, 1}, {2, 0.5f}}),   v({{0, 1}, {1, 0.48f}}), v({{0, 1}, {1, -0.75f}}),
      v({{0, 1}, {2, -0.5f}}),  v({{0, 1}, {1, 0.52f}}), v({{0, 1}, {3, 0.5f}}),
      v({{0, 1}, {1, -0.75f}}), v({{0, 1}, {1, 0.5f}}),  v({{0, 1}, {3, -0.5f}}),
  };
  // positions: isolated 0, 3, 5, 8; A: 1 (t .48), 4 (t .52), 7 (t .50); B: 2, 6
  const auto x = torch::stack(rows) * 3.0;  // need not be normalised
  const ps::SemDedupValues s = ps::semDedup(x, 1, 7);
  for (size_t i : {1, 2, 4, 6, 7}) QVERIFY2(s.nearest[i] > 0.999f, std::to_string(s.nearest[i]).c_str());
  for (size_t i : {0, 3, 5, 8}) QVERIFY2(s.nearest[i] < 0.81f, std::to_string(s.nearest[i]).c_str());
  // The score as stored: difficulty 1 − nearest (a duplicate ranks easiest), raw nearest.
  const auto scores = ps::semDedupScores(x, 1, 7);
  QCOMPARE(scores.at("semdedup").raw, s.nearest);
  QVERIFY(std::abs(scores.at("semdedup").difficulty[6]) < 1e-3f);
  QCOMPARE(scores.at(ps::kSemDedupOrder).raw, s.earlier);
  // The paper's kept sets through the dedup policy: epsilon 0.05 keeps one of A (t .52,
  // farthest from the centroid), one of B (the lower position, equal distances) and the
  // isolated ones.
  const std::vector<float> d(9, 0.f);
  const std::vector<int> labels(9, 0);
  ps::PolicyInputs in;
  in.redundancy = s.earlier;
  auto spec = ps::PruneSpec{};
  spec.policy = ps::parsePrunePolicy("dedup");
  spec.epsilon = 0.05;
  QCOMPARE(ps::selectSubset(d, labels, spec, {}, &in), (std::vector<int64_t>{0, 2, 3, 4, 5, 8}));
  // epsilon 0.0002 (similarity above 0.9998): t .50 is that close to t .52 and t .48 to
  // t .50, not to t .52 (0.9995); the paper compares with every earlier example, kept or
  // not, so t .48 goes too.
  spec.epsilon = 0.0002;
  QCOMPARE(ps::selectSubset(d, labels, spec, {}, &in), (std::vector<int64_t>{0, 2, 3, 4, 5, 8}));
  QVERIFY(s.earlier[1] > 0.9998f && s.earlier[7] > 0.9998f && s.earlier[4] < 0.81f);
  QCOMPARE(s.earlier[2], -1.f);  // B lies farthest from the centroid: the cluster's first
  // The number of clusters: the setting, else one per 8800 examples.
  QCOMPARE(ps::semDedupClusters(60000, 0), int64_t(7));
  QCOMPARE(ps::semDedupClusters(8800, 0), int64_t(1));
  QCOMPARE(ps::semDedupClusters(8801, 0), int64_t(2));
  QCOMPARE(ps::semDedupClusters(5, 10), int64_t(5));
  QCOMPARE(ps::semDedupClusters(100, 3), int64_t(3));
}

QTEST_GUILESS_MAIN(TestScoreMath)
#include "test_score_math.moc"
