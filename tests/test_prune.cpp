// Pruning on hand-made score vectors: keep-hard, keep-easy and random subsets, the
// class-balanced rounding rule, the beta cut, CCS strata, ties at EL2N's ceiling broken
// by the secondary key whatever the input order, refused settings, and the
// subset export formats (.txt, .npy with its sidecar, .csv) on a Fashion-MNIST subset;
// the dedup policy (SemDeDup) on hand-made redundancy values.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "prune/prune_policy.h"
#include "prune/subset_export.h"
#include "score/score_order.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace {
using V = std::vector<int64_t>;
}  // namespace

class TestPrune : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void keepHardEasyRandomExactSets();
  void classBalancedRoundingRule();
  void betaCutDropsTheHardestFirst();
  void ccsStrataBudgets();
  void tiesAtTheCeilingRankBySecondaryKey();
  void dedupKeepsThePapersSetOrDropsTheMostRedundant();
  void badPruneInput_data();
  void badPruneInput();
  void subsetExportFormats();
};

void TestPrune::keepHardEasyRandomExactSets() {
  const std::vector<float> d = {0.5f, 0.9f, 0.1f, 0.7f, 0.3f, 0.8f, 0.2f, 0.6f, 0.4f, 0.0f};
  const std::vector<int> labels(10, 0);
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.3)), (V{1, 3, 5}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepEasy, 0.3)), (V{2, 6, 9}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 1.0)).size(), size_t(10));
  // round(0.25·10) = 3 (half away from zero), at least one example.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.25)).size(), size_t(3));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.01)), (V{1}));
  const auto r1 = ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::Random, 0.5, false, 0, 1));
  QCOMPARE(r1.size(), size_t(5));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::Random, 0.5, false, 0, 1)), r1);  // seeded
  bool differs = false;
  for (uint64_t s = 2; s < 6; ++s)
    differs |= ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::Random, 0.5, false, 0, s)) != r1;
  QVERIFY(differs);
  // Ties go to the lower index.
  const std::vector<float> tied = {1, 1, 1, 1};
  QCOMPARE(ps::selectSubset(tied, {0, 0, 0, 0}, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5)), (V{0, 1}));
}

void TestPrune::classBalancedRoundingRule() {
  // Classes of 5, 3 and 2 examples; f = 0.5 keeps round(5) = 5 in total:
  // floors 2, 1, 1 (= 4), remainders .5, .5, 0 -> the extra one goes to class 0 (tie, lower label).
  QCOMPARE(ps::balancedBudgets({5, 3, 2}, 0.5), (V{3, 1, 1}));
  QCOMPARE(ps::balancedBudgets({10, 10, 10}, 0.35), (V{4, 4, 3}));  // 10.5 -> 11 in total
  QCOMPARE(ps::balancedBudgets({1, 100}, 0.1), (V{0, 10}));
  const std::vector<float> d = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
  const std::vector<int> labels = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
  // Hardest within each class: class 0 keeps 0,1,2; class 1 keeps 5; class 2 keeps 8.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5, true)), (V{0, 1, 2, 5, 8}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepEasy, 0.5, true)), (V{2, 3, 4, 7, 9}));
  // Plain keep-hard at the same f empties class 2 — class balance is what prevents it.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5)), (V{0, 1, 2, 3, 4}));
}

void TestPrune::betaCutDropsTheHardestFirst() {
  std::vector<float> d(20);
  for (int i = 0; i < 20; ++i) d[static_cast<size_t>(i)] = static_cast<float>(i);  // 19 is the hardest
  const std::vector<int> labels(20, 0);
  // beta 0.1 drops 19 and 18; keep-hard f=0.25 then keeps the next 5: 13..17.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.25, false, 0.1)),
           (V{13, 14, 15, 16, 17}));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError,
                           ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.95, false, 0.1)));
}

void TestPrune::tiesAtTheCeilingRankBySecondaryKey() {
  // EL2N saturates at sqrt(2): six of ten examples tie there. The secondary key (1 − the
  // label's probability under the trained models) ranks them: 0.9 and 0.8 are hardest.
  const float top = std::sqrt(2.0f);
  const std::vector<float> d = {top, 0.3f, top, top, 0.9f, top, top, 0.1f, top, 0.5f};
  const std::vector<float> key = {0.5f, 0.2f, 0.9f, 0.1f, 0.4f, 0.8f, 0.3f, 0.0f, 0.6f, 0.7f};
  const std::vector<int64_t> ids = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109};
  const std::vector<int> labels(10, 0);
  const ps::TieBreak tie{&key, &ids};
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.2), tie), (V{2, 5}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.4), tie), (V{0, 2, 5, 8}));
  // beta drops the hardest first, by the same ranking: 2 (0.9) goes, 5, 8, 0 stay
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.3, false, 0.1), tie),
           (V{0, 5, 8}));
  // without a key, ties go to the lower training index
  const ps::TieBreak idsOnly{nullptr, &ids};
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.2), idsOnly), (V{0, 2}));
  // The same examples whatever the order they come in: every rotation and reversal of the input.
  for (int shift = 0; shift < 10; ++shift)
    for (bool reverse : {false, true}) {
      std::vector<size_t> order(10);
      for (size_t i = 0; i < 10; ++i) order[i] = (i + static_cast<size_t>(shift)) % 10;
      if (reverse) std::reverse(order.begin(), order.end());
      std::vector<float> pd, pk;
      std::vector<int64_t> pi;
      for (size_t i : order) {
        pd.push_back(d[i]);
        pk.push_back(key[i]);
        pi.push_back(ids[i]);
      }
      for (double f : {0.2, 0.3, 0.5}) {
        std::vector<int64_t> kept;
        for (int64_t p : ps::selectSubset(pd, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, f), {&pk, &pi}))
          kept.push_back(pi[static_cast<size_t>(p)]);
        std::sort(kept.begin(), kept.end());
        std::vector<int64_t> expected;
        for (int64_t p : ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, f), tie))
          expected.push_back(ids[static_cast<size_t>(p)]);
        QCOMPARE(kept, expected);
      }
      // the gallery's order is the exact reverse of that ranking, with or without the key
      const auto easy = ps::easiestFirst(pi, pd, labels, -1, nullptr, &pk);
      QCOMPARE(easy.indices, (V{107, 101, 109, 104, 103, 106, 100, 108, 105, 102}));
      QCOMPARE(ps::easiestFirst(pi, pd, labels, -1).indices, (V{107, 101, 109, 104, 108, 106, 105, 103, 102, 100}));
    }
  // The count at the top, as the gallery and `scores` say it.
  const ps::TopTie t = ps::topTie(d);
  QCOMPARE(t.count, int64_t(6));
  QCOMPARE(t.value, top);
  QCOMPARE(ps::describeTopTie(t, true), std::string("6 examples tie at the maximum 1.4142, ranked among themselves by "
                                                    "the label's probability under the trained models"));
  QCOMPARE(ps::describeTopTie(ps::topTie({0.5f, 2.0f}), false), std::string("one example holds the maximum 2"));
  // distinct values that only look tied in a three-digit caption are counted apart
  const ps::TopTie near = ps::topTie({1.4119f, 1.412f, 1.409f, 1.3f, 1.404f});
  QCOMPARE(near.count, int64_t(1));
  QCOMPARE(near.lookAlike, int64_t(3));
  QCOMPARE(ps::describeTopTie(near, true), std::string("one example holds the maximum 1.412; 3 show as 1.41 at three "
                                                       "digits (distinct values, ranked by them)"));
  // a key of the wrong length or with NaN is refused, not read past its end
  const std::vector<float> shortKey = {0.1f};
  QVERIFY_THROWS_EXCEPTION(
      ps::ConfigError,
      ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5), {&shortKey, &ids}));
  std::vector<float> nanKey = key;
  nanKey[3] = NAN;
  QVERIFY_THROWS_EXCEPTION(
      ps::ConfigError, ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5), {&nanKey, &ids}));
}

void TestPrune::ccsStrataBudgets() {
  // Scores 0..99 plus a dense cluster: 100 values in [0, 10) and 10 values in [90, 100).
  std::vector<float> d;
  for (int i = 0; i < 100; ++i) d.push_back(static_cast<float>(i) * 0.1f);  // 0 .. 9.9
  for (int i = 0; i < 10; ++i) d.push_back(90.0f + static_cast<float>(i));  // 90 .. 99
  const std::vector<int> labels(d.size(), 0);
  ps::PruneSpec s = pstest::pruneSpec(ps::PrunePolicy::Ccs, 0.2, false, 0.0, 3);
  s.strata = 10;
  const auto kept = ps::selectSubset(d, labels, s);
  QCOMPARE(kept.size(), size_t(22));  // round(0.2 · 110)
  // Strata of width 9.9: the 10 high scores span the top stratum (and one more); the
  // smallest strata are served first and take all they have; the rest go to the dense
  // bottom stratum. So every high score is kept.
  int high = 0;
  for (int64_t k : kept) high += d[static_cast<size_t>(k)] >= 90.0f;
  QCOMPARE(high, 10);
  // Beta drops the hardest before stratifying.
  s.beta = 0.05;  // ceil(5.5) = 6 hardest dropped: 94..99
  const auto cut = ps::selectSubset(d, labels, s);
  for (int64_t k : cut) QVERIFY(d[static_cast<size_t>(k)] < 94.0f);
  QCOMPARE(cut.size(), size_t(22));
}

// dedup on hand-made SemDeDup values M (each example's highest similarity to an earlier
// one of its cluster, score/semdedup.h; −1 for a cluster's first): epsilon keeps exactly
// M <= 1 − epsilon, a kept fraction drops the highest M first and meets those sets.
void TestPrune::dedupKeepsThePapersSetOrDropsTheMostRedundant() {
  const ps::PrunePolicy dedup = ps::parsePrunePolicy("dedup");
  const std::vector<float> d(6, 0.f);  // the study's score: dedup does not read it
  const std::vector<int> labels = {0, 0, 0, 1, 1, 1};
  ps::PolicyInputs in;
  in.redundancy = {-1.f, 0.99f, 0.5f, 0.97f, -1.f, 0.2f};
  auto spec = pstest::pruneSpec(dedup, 1.0);
  spec.epsilon = 0.05;  // duplicates above 0.95: 1 and 3
  QCOMPARE(ps::selectSubset(d, labels, spec, {}, &in), (V{0, 2, 4, 5}));
  spec.epsilon = 0.02;  // above 0.98: only 1
  QCOMPARE(ps::selectSubset(d, labels, spec, {}, &in), (V{0, 2, 3, 4, 5}));
  QCOMPARE(spec.label(), std::string("dedup epsilon=0.02"));
  // Kept fractions: the most redundant go first; f = 4/6 is epsilon 0.05's set.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(dedup, 4.0 / 6), {}, &in), (V{0, 2, 4, 5}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(dedup, 0.5), {}, &in), (V{0, 4, 5}));
  // Class-balanced: 2 per class, the least redundant of each.
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(dedup, 4.0 / 6, true), {}, &in), (V{0, 2, 4, 5}));
  QCOMPARE(ps::selectSubset(d, labels, pstest::pruneSpec(dedup, 0.34, true), {}, &in), (V{0, 4}));
}

void TestPrune::badPruneInput_data() {
  QTest::addColumn<int>("which");
  QTest::addColumn<QString>("message");
  QTest::newRow("f = 0") << 0 << "kept fraction 0 is outside (0, 1]";
  QTest::newRow("f > 1") << 1 << "kept fraction 1.5 is outside (0, 1]";
  QTest::newRow("wrong length") << 2 << "score vector has 3 values for 4 examples";
  QTest::newRow("NaN") << 3 << "score of example 1 is NaN";
  QTest::newRow("unknown policy") << 4 << "unknown pruning policy 'hardest'";
  QTest::newRow("epsilon 1") << 5 << "epsilon 1 is outside (0, 1): dedup keeps one of every group";
  QTest::newRow("epsilon < 0") << 6 << "epsilon -0.1 is outside (0, 1)";
  QTest::newRow("epsilon and f") << 7 << "dedup: epsilon 0.1 and kept fraction 0.5 both say how many";
  QTest::newRow("epsilon, not dedup") << 8 << "epsilon is a setting of the dedup policy, not of hard";
  QTest::newRow("dedup without semdedup") << 9 << "policy dedup needs the semdedup score's values";
}

void TestPrune::badPruneInput() {
  QFETCH(int, which);
  QFETCH(QString, message);
  std::vector<float> d = {1, 2, 3, 4};
  std::vector<int> labels = {0, 0, 1, 1};
  auto s = pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.5);
  try {
    if (which == 0) s.keep = 0;
    if (which == 1) s.keep = 1.5;
    if (which == 2) d.pop_back();
    if (which == 3) d[1] = std::nanf("");
    if (which == 4) ps::parsePrunePolicy("hardest");
    if (which == 5 || which == 6 || which == 9) s = pstest::pruneSpec(ps::parsePrunePolicy("dedup"), 1.0);
    if (which == 5) s.epsilon = 1.0;
    if (which == 6) s.epsilon = -0.1;
    if (which == 7) s = pstest::pruneSpec(ps::parsePrunePolicy("dedup"), 0.5);
    if (which == 7 || which == 8) s.epsilon = 0.1;
    ps::selectSubset(d, labels, s);
    QFAIL("should be refused");
  } catch (const ps::ConfigError& e) {
    QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
  }
}

void TestPrune::subsetExportFormats() {
  auto ds = pstest::fashionSubset(path("fashion600"), 600, 300);
  const std::vector<int64_t> idx = {3, 17, 42};
  const std::vector<float> sc = {0.5f, 1.25f, 2.0f};
  ps::SubsetProvenance prov{ds->spec(), ds->fingerprint(), 7, "el2n", pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.3),
                            {}};
  ps::exportSubset(*ds, idx, sc, prov, path("s.txt"));
  ps::exportSubset(*ds, idx, sc, prov, path("s.npy"));
  ps::exportSubset(*ds, idx, sc, prov, path("s.csv"));
  std::ifstream txt(path("s.txt"));
  std::string first, line;
  std::getline(txt, first);
  QVERIFY(first.rfind("# prunescope subset {", 0) == 0);
  QVERIFY(first.find(ds->fingerprint()) != std::string::npos);
  std::vector<int64_t> back;
  while (std::getline(txt, line)) back.push_back(std::stoll(line));
  QCOMPARE(back, idx);
  // .npy: a version-1 header for <i8 of shape (3,), then the raw int64 values.
  std::ifstream npy(path("s.npy"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(npy)), {});
  QCOMPARE(bytes.substr(0, 6), std::string("\x93NUMPY"));
  const size_t hlen = static_cast<uint8_t>(bytes[8]) | (static_cast<uint8_t>(bytes[9]) << 8);
  QCOMPARE((10 + hlen) % 64, size_t(0));
  QVERIFY(bytes.substr(10, hlen).find("'descr': '<i8'") != std::string::npos);
  QVERIFY(bytes.substr(10, hlen).find("'shape': (3,)") != std::string::npos);
  int64_t v[3];
  std::memcpy(v, bytes.data() + 10 + hlen, sizeof v);
  QCOMPARE(std::vector<int64_t>(v, v + 3), idx);
  std::ifstream side(path("s.npy.json"));
  const auto j = nlohmann::json::parse(side);
  QCOMPARE(j["dataset_fingerprint"].get<std::string>(), ds->fingerprint());
  QCOMPARE(j["policy"].get<std::string>(), std::string("hard"));
  QCOMPARE(j["count"].get<int>(), 3);
  std::ifstream csv(path("s.csv"));
  std::getline(csv, line);
  QCOMPARE(line, std::string("index,source,label,class_name,score"));
  std::getline(csv, line);
  QVERIFY(line.rfind("3,", 0) == 0 && line.find(",0.5") != std::string::npos);
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::exportSubset(*ds, idx, sc, prov, path("s.parquet")));
}

QTEST_GUILESS_MAIN(TestPrune)
#include "test_prune.moc"
