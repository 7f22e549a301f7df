// Core's sentences for people are built from templates, so that the GUI can hand in their
// translations: a run's settings, a scaling study's verdicts and crossovers, and the
// planner's answer all come from the Wording given (English when none is), every
// template filled with its numbers, and policy names through Wording::term; numbers
// from one seed or too few pools say so, and so do extrapolations in either plan mode.
#include <QtTest>
#include <cmath>
#include <string>

#include "score/score_order.h"
#include "store/run_summary.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "study/pruning_planner.h"
#include "study/scaling_envelope.h"
#include "util/wording.h"

namespace {

// Marks every template it was asked for and every policy name, so a test can see that a
// sentence was built from templates and not written around them.
class MarkingWording : public ps::Wording {
 public:
  std::string lookup(const char* english) const override { return std::string("<") + english + ">"; }
  std::string term(const std::string& identifier) const override { return "POLICY-" + identifier; }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A scaling study where keep-hard f = 0.5 beats f = 1 at every pool (err 2·n^-0.3 for f = 1).
ps::ScalingResult study() {
  ps::ScalingResult r;
  r.runId = 9;
  r.scoreName = "el2n";
  for (int64_t pool : {1000, 2000, 4000, 8000})
    for (double f : {0.5, 1.0}) {
      ps::ScalingPoint p;
      p.policy = "hard";
      p.keep = f;
      p.pool = pool;
      p.kept = static_cast<int64_t>(f * static_cast<double>(pool));
      p.errorMean = 2.0 * std::pow(double(pool), -0.3) * (f < 1 ? 0.8 : 1.0);
      p.errors = {p.errorMean};
      r.points.push_back(p);
    }
  return r;
}

}  // namespace

class TestWording : public QObject {
  Q_OBJECT
 private slots:
  void placeholdersAreFilledInOrder();
  void runSettingsUseTheWording();
  void verdictsCrossoversAndPlansUseTheWording();
  void oneSeedAndTiesAreSaid();
};

void TestWording::placeholdersAreFilledInOrder() {
  QCOMPARE(ps::fillPlaceholders("%2 before %1", {"a", "b"}), std::string("b before a"));
  QCOMPARE(ps::fillPlaceholders("%1%2%3", {"x", "y"}), std::string("xy%3"));  // no argument: left as it is
  QCOMPARE(ps::fillPlaceholders("100% of %1", {"them"}), std::string("100% of them"));
  QCOMPARE(ps::fillPlaceholders("%1 %2", {"%2", "b"}), std::string("%2 b"));  // an argument is not filled again
  QCOMPARE(ps::englishWording()("%1 epochs", {"4"}), std::string("4 epochs"));
}

void TestWording::runSettingsUseTheWording() {
  ps::RunRecord run;
  run.kind = "frontier";
  run.config = R"({"score": {"name": "el2n", "run": 3}, "policies": ["hard", "random"], "keeps": [0.5, 1],
                   "class_balanced": true, "train": {"model": "small_cnn", "epochs": 4, "lr": 0.05}, "seeds": 2})";
  const std::string english = ps::describeRun(run);
  QCOMPARE(english, std::string("el2n (run 3) · hard, random · f = 0.5, 1 · class-balanced · small_cnn · 4 epochs · "
                                "lr 0.05 · 2 seeds"));
  const std::string marked = ps::describeRun(run, MarkingWording());
  QVERIFY2(has(marked, "<4 epochs>") && has(marked, "<2 seeds>") && has(marked, "<class-balanced>") &&
               has(marked, "<(run 3)>") && has(marked, "POLICY-hard, POLICY-random"),
           marked.c_str());
  QVERIFY2(has(marked, "el2n") && has(marked, "small_cnn"), marked.c_str());  // names stay as they are
}

void TestWording::verdictsCrossoversAndPlansUseTheWording() {
  const ps::ScalingResult r = study();
  const MarkingWording w;
  const auto envs = ps::scalingEnvelopes(r, w);
  QCOMPARE(envs.size(), size_t(1));
  QVERIFY2(envs.front().verdict.text.rfind("<", 0) == 0, envs.front().verdict.text.c_str());
  QVERIFY2(has(envs.front().choices, "<keep-%1 %2>") == false && has(envs.front().choices, "<keep-POLICY-hard f=0.5>"),
           envs.front().choices.c_str());
  QCOMPARE(ps::scalingEnvelopes(r).front().verdict.text.rfind("<", 0), std::string::npos);  // English by default
  ps::Crossover x;
  x.keep = 0.5;
  x.pool = 2000;
  QCOMPARE(ps::describeCrossover(x, 1000, 8000), std::string("keep-hard overtakes keep-easy from 2000 examples (before "
                                                             "pruning)"));
  QCOMPARE(ps::describeCrossover(x, 1000, 8000, w),
           std::string("<keep-POLICY-hard overtakes keep-POLICY-easy from 2000 examples (before pruning)>"));
  const ps::PlanInputs in = ps::planInputsFrom({r}, {});
  const ps::PruningPlan plan = ps::planForBudget(in, 4000, w);
  QVERIFY2(plan.answer.rfind("<For 4000 examples before pruning", 0) == 0, plan.answer.c_str());
  QVERIFY2(has(plan.answer, "<keep-POLICY-hard by el2n at f = 0.5>"), plan.answer.c_str());
  QVERIFY2(has(ps::planForTarget(in, 0.05, w).answer, "<"), ps::planForTarget(in, 0.05, w).answer.c_str());
  QCOMPARE(ps::planForBudget(in, 4000).answer.find('<'), std::string::npos);
  // English, as the CLI and the files say it (pinned: a template's edit shows here).
  QCOMPARE(ps::planForBudget(in, 4000).answer,
           std::string("For 4000 examples before pruning, the best measured choice is keep-hard by el2n at f = 0.5 "
                       "[scaling run 9]: expected test error 0.1329 (one seed: no spread measured), training on 2000 "
                       "examples. Without pruning: 0.1661 (one seed: no spread measured); gain 0.0332 (20% lower "
                       "error). With one seed per point the ranking has no interval: more seeds would say how sure it "
                       "is."));
  QCOMPARE(ps::planForTarget(in, 0.1).answer,
           std::string("To reach a test error of 0.1, the choice needing the fewest examples is keep-hard by el2n at "
                       "f = 0.5 [scaling run 9]: about 10321 examples before pruning (one seed: no spread measured), "
                       "training on 5161. Without pruning: about 21715 examples (2.1 times as many). That, and the "
                       "21715 examples of no pruning (f = 1) [scaling run 9], are OUTSIDE the measured pools (1000 to "
                       "8000): they extrapolate power laws and may be wrong."));
  QVERIFY2(has(ps::planForTarget(in, 0.1, w).answer, "<That, and the 21715 examples of <no pruning (f = 1)>"),
           ps::planForTarget(in, 0.1, w).answer.c_str());
  // a target reached inside the pools, but not without pruning: that figure is flagged, as in budget mode
  const ps::PruningPlan target = ps::planForTarget(in, 0.12);
  QVERIFY2(has(target.answer,
               "examples of no pruning (f = 1) [scaling run 9] are OUTSIDE the measured pools (1000 to "
               "8000): that figure extrapolates a power law and may be wrong."),
           target.answer.c_str());
  QCOMPARE(ps::scalingEnvelopes(r).front().choices,
           std::string("best per pool: 1000: keep-hard f=0.5; 2000: keep-hard f=0.5; 4000: keep-hard f=0.5; 8000: "
                       "keep-hard f=0.5"));
  // 4 pools × 1 seed: no standard error is claimed (it would read "+- 0.000")
  QCOMPARE(ps::scalingEnvelopes(r).front().verdict.text,
           std::string("the data cannot tell: a standard error needs at least 5 pool sizes, or 4 each measured with 2 "
                       "or more seeds, on each curve (envelope exponent 0.300 (standard error: too few points), "
                       "unpruned 0.300 (standard error: too few points))"));
}

void TestWording::oneSeedAndTiesAreSaid() {
  // one seed: "1 seed", never "+- 0.0000"; two or more: the spread
  QCOMPARE(ps::spreadText(0.0, 1), std::string("(1 seed)"));
  QCOMPARE(ps::spreadText(0.00512, 2), std::string("+- 0.0051"));
  const ps::PlanInputs in = ps::planInputsFrom({study()}, {});
  QVERIFY(!has(ps::planForBudget(in, 4000).answer, "+- 0"));
  // the count at EL2N's ceiling, through the wording
  const ps::TopTie t{1204, std::sqrt(2.0f)};
  QCOMPARE(ps::describeTopTie(t, true), std::string("1204 examples tie at the maximum 1.4142, ranked among themselves "
                                                    "by the label's probability under the trained models"));
  QCOMPARE(ps::describeTopTie(t, false, MarkingWording()),
           std::string("<1204 examples tie at the maximum 1.4142, ranked among themselves by training index>"));
}

QTEST_GUILESS_MAIN(TestWording)
#include "test_wording.moc"
