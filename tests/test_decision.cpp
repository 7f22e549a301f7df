// From measured studies to a decision: the pruned scaling envelope and its fits on
// synthetic curves with known exponents (and the verdict flipping with them), the
// pruning planner on synthetic study points with a known optimum stored in a real
// store (a model two runs share listed once, extrapolation always said), the HTML report
// (its numbers against the store's, rendered in Chromium; the audited point named
// exactly; one seed and few pools shown as such), and the theory inset's winners.
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <map>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "job/job.h"
#include "report/report_sections.h"
#include "report/study_report.h"
#include "report/svg_chart.h"
#include "score/score_agreement.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/curve_fits.h"
#include "study/frontier_study.h"
#include "study/pruning_planner.h"
#include "study/scaling_envelope.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "theory/optimal_keep.h"
#include "util/errors.h"
#include "util/version.h"

namespace {

// A scaling study whose points follow err(pool, f) = curve(pool, f), one seed each,
// with multiplicative noise of relative size `noise` (seeded).
template <typename Curve>
ps::ScalingResult syntheticScaling(const std::vector<int64_t>& pools, const std::vector<double>& keeps, Curve curve,
                                   double noise = 0.0, uint64_t seed = 1) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  ps::ScalingResult r;
  r.scoreName = "el2n";
  for (int64_t pool : pools)
    for (double f : keeps) {
      ps::ScalingPoint p;
      p.policy = "hard";
      p.keep = f;
      p.pool = pool;
      p.kept = static_cast<int64_t>(std::llround(f * static_cast<double>(pool)));
      for (int s = 0; s < 2; ++s) p.errors.push_back(curve(pool, f) * std::exp(noise * gauss(rng)));
      p.errorMean = (p.errors[0] + p.errors[1]) / 2;
      p.errorStd = std::fabs(p.errors[0] - p.errors[1]) / std::sqrt(2.0);
      r.points.push_back(p);
    }
  return r;
}

const std::vector<int64_t> kPools = {1000, 2000, 4000, 8000, 16000, 32000};

// The planner's synthetic truth: f = 1 follows 2·n^-0.3; keep-hard f = 0.5 is 0.9 of it at
// 1000 examples and falls as n^-0.5; keep-easy f = 0.5 is 0.8 of it at 1000 and falls
// as n^-0.2; random f = 0.5 is 1.15 of it. Keep-easy is best at 1000, keep-hard above.
double fullError(double pool) { return 2.0 * std::pow(pool, -0.3); }
double plannedError(const std::string& policy, double f, double pool) {
  if (f >= 1) return fullError(pool);
  if (policy == "hard") return 0.9 * fullError(pool) * std::pow(pool / 1000.0, -0.2);
  if (policy == "easy") return 0.8 * fullError(pool) * std::pow(pool / 1000.0, 0.1);
  return 1.15 * fullError(pool);
}

nlohmann::json scalingSummary(const std::vector<int64_t>& pools) {
  nlohmann::json j{{"score", "el2n"}, {"score_run", 0}};
  for (const std::string policy : {"hard", "easy", "random"})
    for (double f : {0.5, 1.0})
      for (int64_t pool : pools) {
        const double e = plannedError(policy, f, double(pool)), d = 0.002;
        j["points"].push_back({{"policy", policy},
                               {"keep", f},
                               {"pool", pool},
                               {"kept", std::llround(f * double(pool))},
                               {"errors", {e - d, e + d}},
                               {"error_mean", e},
                               {"error_std", d * std::sqrt(2.0)}});
      }
  return j;
}

// A finished study run holding `summary`, as the study runner stores one.
int64_t storeStudy(ps::Store& store, const ps::Dataset& ds, const std::string& kind, const std::string& summary,
                   const std::string& key) {
  ps::ScalingConfig config;
  config.score.name = "el2n";
  const int64_t run = store.beginRun(store.registerDataset(ds), kind, config.toJson(), key, 0, "cpu");
  store.putResult(run, "summary", summary);
  store.finishRun(run, ps::RunStatus::Done);
  return run;
}

}  // namespace

class TestDecision : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::unique_ptr<ps::Dataset> ds_;
  std::string db_;
  // A small real dataset and a store holding two imported scores, a synthetic scaling
  // study over pools 1000..16000, a frontier study at pool 16000 whose keep-hard f = 0.3
  // beats everything there, and a study run with a damaged summary.
  void makeStore();

 private slots:  // NOLINT(readability-redundant-access-specifiers): moc's section of the test functions
  void curveFitsRecoverKnownExponents();
  void curveFitsChooseByAicc();
  void envelopePicksTheBestKeptFraction();
  void verdictFlipsWithTheExponents();
  void envelopeRefusesWhatCannotBeTold();
  void plannerFindsTheKnownOptimum();
  void plannerSaysWhenNotPruningIsBest();
  void plannerTargetError();
  void plannerRefusesBadRequests();
  void plannerListsASharedModelOnce();
  void plannerSaysWhenACurveIsExtrapolated();
  void reportAuditNamesTheLowestScorePrunedPoint();
  void reportSaysHowSureItsNumbersAre();
  void theoryWinnersAreStableOrTies();
  void planPruneCommand();
  void reportNumbersEqualTheStore();
  void reportRendersInChromium();
};

void TestDecision::curveFitsRecoverKnownExponents() {
  std::vector<double> ns, errs;
  std::mt19937_64 rng(3);
  std::normal_distribution<double> gauss(0.0, 0.02);
  for (double n = 500; n <= 64000; n *= 2) {
    ns.push_back(n);
    errs.push_back(3.0 * std::pow(n, -0.4) * std::exp(gauss(rng)));
  }
  const ps::CurveComparison c = ps::compareCurveModels(ns, errs);
  QVERIFY(c.powerLaw.ok);
  QCOMPARE(c.best, ps::CurveModel::PowerLaw);
  QVERIFY2(std::fabs(c.powerLaw.b - 0.4) < 3 * c.powerLaw.bStdErr + 0.01, c.powerLaw.str().c_str());
  QVERIFY(c.powerLaw.bStdErr > 0 && c.powerLaw.bStdErr < 0.02);
  QVERIFY(!c.criterion.empty());
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::compareCurveModels({1000}, {0.1}));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::compareCurveModels({1000, 2000}, {0.1, -0.1}));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::compareCurveModels({1000, NAN}, {0.1, 0.1}));
}

void TestDecision::curveFitsChooseByAicc() {
  // An exponential decay with scale 6000 over 500..32000 examples.
  std::vector<double> ns, expo, broken;
  for (double n = 500; n <= 32000; n *= 1.6) {
    ns.push_back(n);
    expo.push_back(0.5 * std::exp(-n / 6000.0));
    // exponent 0.2 below 4000 examples, 0.8 above, continuous at the break
    broken.push_back(0.3 * std::pow(n / 4000.0, n < 4000 ? -0.2 : -0.8));
  }
  const ps::CurveComparison e = ps::compareCurveModels(ns, expo);
  QCOMPARE(e.best, ps::CurveModel::Exponential);
  QVERIFY2(std::fabs(e.exponential.scale - 6000) < 60, e.exponential.str().c_str());
  QVERIFY(e.exponential.aicc < e.powerLaw.aicc - 2);
  const ps::CurveComparison b = ps::compareCurveModels(ns, broken);
  QCOMPARE(b.best, ps::CurveModel::BrokenPowerLaw);
  QVERIFY2(std::fabs(b.broken.b - 0.2) < 0.05 && std::fabs(b.broken.b2 - 0.8) < 0.05, b.broken.str().c_str());
  QVERIFY2(b.broken.breakN > 2500 && b.broken.breakN < 6500, b.broken.str().c_str());
  // too few points for the alternatives: the power law is kept, and says it was not chosen
  const ps::CurveComparison few = ps::compareCurveModels({1000, 2000, 4000}, {0.3, 0.2, 0.1});
  QCOMPARE(few.best, ps::CurveModel::PowerLaw);
  QVERIFY(!few.broken.ok && !few.exponential.ok && !few.compared);
  QVERIFY2(few.criterion.find("AICc cannot compare laws") != std::string::npos &&
               few.criterion.find("not as the best") != std::string::npos,
           few.criterion.c_str());
  QVERIFY(e.compared && b.compared);
}

void TestDecision::envelopePicksTheBestKeptFraction() {
  // Unpruned: 2·n^-0.3. f = 0.5 follows 4·kept^-0.5 (below f = 1 at every pool); f = 0.8 above both.
  auto curve = [](int64_t pool, double f) {
    const double full = 2.0 * std::pow(double(pool), -0.3);
    if (f >= 1) return full;
    if (f == 0.5) return 4.0 * std::pow(0.5 * double(pool), -0.5);
    return 1.2 * full;
  };
  const auto r = syntheticScaling(kPools, {0.5, 0.8, 1.0}, curve);
  const auto envs = ps::scalingEnvelopes(r);
  QCOMPARE(envs.size(), size_t(1));  // one policy measured below f = 1
  const ps::ScalingEnvelope& e = envs.front();
  QVERIFY(e.policy == "hard");
  QCOMPARE(e.points.size(), kPools.size());
  for (const auto& p : e.points) {
    QCOMPARE(p.keep, 0.5);
    QCOMPARE(p.seeds, 2);
  }
  QVERIFY(e.fitted && e.hasUnpruned);
  QVERIFY2(std::fabs(e.fit.powerLaw.b - 0.5) < 1e-6, e.fit.powerLaw.str().c_str());
  QVERIFY2(std::fabs(e.unpruned.b - 0.3) < 1e-6, e.unpruned.str().c_str());
}

void TestDecision::verdictFlipsWithTheExponents() {
  // Noisy curves (3% per seed): a clearly steeper envelope beats; an equal one cannot tell;
  // a shallower one is worse.
  for (const auto& [pruned, expected] :
       std::vector<std::pair<double, ps::EnvelopeOutcome>>{{0.5, ps::EnvelopeOutcome::Beats},
                                                           {0.3, ps::EnvelopeOutcome::CannotTell},
                                                           {0.15, ps::EnvelopeOutcome::Worse}}) {
    const double exponent = pruned;
    auto curve = [exponent](int64_t pool, double f) {
      const double full = 2.0 * std::pow(double(pool), -0.3);
      // the pruned curve passes below f = 1 at every pool, with the exponent asked for
      return f >= 1 ? full : 0.6 * full * std::pow(double(pool) / 1000.0, 0.3 - exponent);
    };
    const auto r = syntheticScaling(kPools, {0.5, 1.0}, curve, 0.03, 7);
    const auto envs = ps::scalingEnvelopes(r);
    QCOMPARE(envs.size(), size_t(1));
    const ps::EnvelopeVerdict& v = envs.front().verdict;
    QVERIFY2(v.outcome == expected, qPrintable(QString::fromStdString(v.text)));
    QVERIFY2(std::fabs(v.delta - (exponent - 0.3)) < 3 * v.deltaStdErr + 0.02,
             qPrintable(QString::fromStdString(v.text)));
    QVERIFY(v.text.find("+-") != std::string::npos);
  }
}

void TestDecision::envelopeRefusesWhatCannotBeTold() {
  auto curve = [](int64_t pool, double f) { return (f >= 1 ? 2.0 : 1.0) * std::pow(double(pool), -0.3); };
  // two pools: fitted, but no standard error
  const auto two = ps::scalingEnvelopes(syntheticScaling({1000, 2000}, {0.5, 1.0}, curve));
  QCOMPARE(two.front().verdict.outcome, ps::EnvelopeOutcome::CannotTell);
  QVERIFY(two.front().verdict.text.find("at least 5 pool sizes, or 4 each measured with 2 or more seeds") !=
          std::string::npos);
  // four pools × 2 seeds is enough; four × 1 is not (a standard error from 2 degrees of freedom)
  const auto fourTwo = ps::scalingEnvelopes(syntheticScaling({1000, 2000, 4000, 8000}, {0.5, 1.0}, curve, 0.03));
  QVERIFY(fourTwo.front().verdict.text.find("a standard error needs") == std::string::npos);
  // f = 1 best at every pool: said as such, not as a comparison of one curve with itself
  const auto unpruned = ps::scalingEnvelopes(syntheticScaling(
      kPools, {0.5, 1.0}, [](int64_t pool, double f) { return (f >= 1 ? 1.0 : 1.2) * std::pow(double(pool), -0.3); }));
  QCOMPARE(unpruned.front().verdict.outcome, ps::EnvelopeOutcome::NotPruned);
  QVERIFY(unpruned.front().verdict.text.find("no pruned point beat not pruning") == 0);
  QVERIFY(unpruned.front().choices.find("not pruning (f = 1) was best at every pool") == 0);
  // no f = 1 curve: nothing to compare with
  const auto none = ps::scalingEnvelopes(syntheticScaling(kPools, {0.5}, curve));
  QVERIFY(!none.front().hasUnpruned);
  QVERIFY(none.front().verdict.text.find("no unpruned curve") != std::string::npos);
  // zero errors are not drawable on log axes and are skipped, not fitted
  ps::ScalingResult zero = syntheticScaling({1000}, {0.5, 1.0}, [](int64_t, double) { return 0.0; });
  QVERIFY(!ps::scalingEnvelopes(zero).front().fitted);
  // several policies: one envelope each and one over all of them
  ps::ScalingResult two_policies = syntheticScaling(kPools, {0.5, 1.0}, curve);
  for (auto p : std::vector<ps::ScalingPoint>(two_policies.points)) {
    p.policy = "easy";
    two_policies.points.push_back(p);
  }
  const auto all = ps::scalingEnvelopes(two_policies);
  QCOMPARE(all.size(), size_t(3));
  QVERIFY(all.back().policy == "any");
  // damaged values (a store is hostile): left out of the envelope and the plan, no throw
  ps::ScalingResult damaged = syntheticScaling(kPools, {0.5, 1.0}, curve);
  damaged.points[0].errorMean = INFINITY;
  damaged.points[1].pool = 0;
  damaged.points[2].errorStd = NAN;
  damaged.points[3].errors.clear();
  damaged.points.push_back(damaged.points[5]);  // a pool stored twice
  QVERIFY(ps::scalingEnvelopes(damaged).front().fitted);
  const ps::PlanInputs in = ps::planInputsFrom({damaged}, {});
  for (const auto& c : in.curves)
    for (size_t i = 0; i < c.points.size(); ++i) {
      const auto& p = c.points[i];
      QVERIFY(std::isfinite(p.errorMean) && p.pool > 0 && std::isfinite(p.errorStd));
      QVERIFY(i == 0 || p.pool > c.points[i - 1].pool);
    }
  for (double budget : {1500.0, 3000.0, 5000.0, 64000.0})
    for (const auto& o : ps::planForBudget(in, budget).options) QVERIFY(std::isfinite(o.error));
}

void TestDecision::makeStore() {
  if (ds_) return;
  ds_ = pstest::fashionSubset(tmp_.path().toStdString() + "/fashion200", 200, 50);
  db_ = tmp_.path().toStdString() + "/plan.sqlite";
  ps::Store store(db_);
  // two imported scores (runs 1 and 2): the agreement matrix compares them, the audit prunes by the first
  std::string a, b;
  for (int i = 0; i < 200; ++i) {
    a += std::to_string((i * 37) % 200) + "\n";
    b += std::to_string((i * 37) % 200 + (i % 7) * 20) + "\n";
  }
  pstest::writeText(tmp_.path().toStdString() + "/a.csv", a);
  pstest::writeText(tmp_.path().toStdString() + "/b.csv", b);
  ps::importScores(*ds_, store, tmp_.path().toStdString() + "/a.csv", "first", true);
  ps::importScores(*ds_, store, tmp_.path().toStdString() + "/b.csv", "second", true);
  storeStudy(store, *ds_, "scaling", scalingSummary({1000, 2000, 4000, 8000, 16000}).dump(), "scaling-1");
  nlohmann::json frontier{
      {"score", "first"}, {"score_run", 1}, {"budget", "epochs"}, {"classes", nlohmann::json::array()}};
  for (const auto& [policy, f, e] : std::vector<std::tuple<std::string, double, double>>{
           {"hard", 0.3, 0.5 * plannedError("hard", 0.5, 16000)}, {"hard", 1.0, fullError(16000)}})
    frontier["points"].push_back({{"score", "first"},
                                  {"policy", policy},
                                  {"keep", f},
                                  {"kept", std::llround(f * 16000)},
                                  {"epochs", 4},
                                  {"errors", {e, e}},
                                  {"error_mean", e},
                                  {"error_std", 0.0},
                                  {"per_class_accuracy", nlohmann::json::array()},
                                  {"pareto", true}});
  storeStudy(store, *ds_, "frontier", frontier.dump(), "frontier-1");
  storeStudy(store, *ds_, "scaling", "{not json", "damaged-1");
}

void TestDecision::plannerFindsTheKnownOptimum() {
  makeStore();
  const ps::Store store(db_);
  const ps::PlanInputs in = ps::loadPlanInputs(store, ds_->fingerprint());
  QCOMPARE(in.runs.size(), size_t(2));
  QCOMPARE(in.skipped.size(), size_t(1));  // the damaged run, named
  QVERIFY(in.skipped.front().find("scaling run 5") != std::string::npos);
  // measured pool: keep-hard f = 0.5, exactly, and the gain over f = 1
  ps::PruningPlan p = ps::planForBudget(in, 8000);
  QVERIFY(p.options.front().policy == "hard");
  QCOMPARE(p.options.front().keep, 0.5);
  QVERIFY(std::fabs(p.options.front().error - plannedError("hard", 0.5, 8000)) < 1e-12);
  QVERIFY(p.hasUnpruned && std::fabs(p.unpruned.error - fullError(8000)) < 1e-12);
  QVERIFY(std::fabs(p.gain - (fullError(8000) - plannedError("hard", 0.5, 8000))) < 1e-12);
  QVERIFY(!p.outside && p.options.front().how.find("measured") == 0);
  QVERIFY(!p.notes.empty());  // the skipped run is reported
  // few examples: keep-easy wins
  QVERIFY(ps::planForBudget(in, 1000).options.front().policy == "easy");
  // between pools: interpolated in log-log, exact on a power law
  const double mid = std::sqrt(4000.0 * 8000.0);
  p = ps::planForBudget(in, mid);
  QVERIFY(std::fabs(p.options.front().error - plannedError("hard", 0.5, mid)) < 1e-9);
  QVERIFY(p.options.front().how.find("interpolated") == 0);
  QVERIFY(p.options.front().errorStd > 0);
  // the frontier's one pool: its keep-hard f = 0.3 is best there, and applies nowhere else
  p = ps::planForBudget(in, 16000);
  QVERIFY(p.options.front().kind == "frontier");
  QCOMPARE(p.options.front().keep, 0.3);
  QVERIFY2(p.answer.find("(spread across 2 seeds)") != std::string::npos, p.answer.c_str());
  // outside what was measured: said plainly, numbers extrapolated
  p = ps::planForBudget(in, 100000);
  QVERIFY(p.outside);
  QVERIFY2(p.answer.find("OUTSIDE the measured pools (1000 to 16000)") != std::string::npos, p.answer.c_str());
  QVERIFY(p.options.front().extrapolated);
  QVERIFY(p.options.front().policy == "hard");
  QVERIFY(std::fabs(p.options.front().error - plannedError("hard", 0.5, 100000)) < 1e-9);
}

void TestDecision::plannerSaysWhenNotPruningIsBest() {
  // pruning costs 30% more error at every pool: no pruning is the plan, said in words
  const auto r = syntheticScaling(
      kPools, {0.5, 1.0}, [](int64_t pool, double f) { return (f >= 1 ? 1.0 : 1.3) * fullError(double(pool)); });
  const ps::PruningPlan p = ps::planForBudget(ps::planInputsFrom({r}, {}), 4000);
  QCOMPARE(p.options.front().keep, 1.0);
  QVERIFY(p.hasUnpruned && p.gain == 0);
  QVERIFY2(p.answer.find("Pruning is not expected to help here") != std::string::npos, p.answer.c_str());
  QVERIFY(p.answer.find("runner-up") == std::string::npos);  // 30% apart: no overlap
  // two choices within each other's spread across seeds: the plan says it cannot single one out
  const auto close = syntheticScaling(
      kPools, {0.5, 1.0}, [](int64_t pool, double f) { return (f >= 1 ? 1.0 : 1.002) * fullError(double(pool)); }, 0.05,
      3);
  const ps::PruningPlan q = ps::planForBudget(ps::planInputsFrom({close}, {}), 4000);
  QVERIFY2(q.answer.find("overlaps that interval: the data do not single out one choice") != std::string::npos,
           q.answer.c_str());
}

void TestDecision::plannerTargetError() {
  makeStore();
  const ps::Store store(db_);
  const ps::PlanInputs in = ps::loadPlanInputs(store, ds_->fingerprint());
  const double target = plannedError("hard", 0.5, 6000);
  const ps::PruningPlan p = ps::planForTarget(in, target);
  QVERIFY(p.options.front().policy == "hard");
  QVERIFY2(std::fabs(p.options.front().pool - 6000) < 1, qPrintable(QString::number(p.options.front().pool)));
  QVERIFY(p.options.front().poolLo < 6000 && p.options.front().poolHi > 6000);
  QVERIFY(p.hasUnpruned);
  const double fullPool = std::pow(target / 2.0, -1.0 / 0.3);  // beyond 16000: extrapolated
  QVERIFY(std::fabs(p.unpruned.pool / fullPool - 1) < 1e-6);
  QVERIFY(p.unpruned.extrapolated);
  QVERIFY(std::fabs(p.gain - fullPool / p.options.front().pool) < 1e-3);
  // the best choice is measured, but the figure without pruning is extrapolated: said as in budget mode
  QVERIFY(p.outside);
  QVERIFY2(p.answer.find("examples of no pruning (f = 1) [scaling run 3] are OUTSIDE the measured pools (1000 to "
                         "16000): that figure extrapolates a power law") != std::string::npos,
           p.answer.c_str());
  // a target reached inside the pools by both: no warning
  const ps::PruningPlan inside = ps::planForTarget(in, fullError(8000) * 1.001);
  QVERIFY2(!inside.outside && inside.answer.find("OUTSIDE") == std::string::npos, inside.answer.c_str());
}

void TestDecision::plannerRefusesBadRequests() {
  makeStore();
  const ps::Store store(db_);
  const ps::PlanInputs in = ps::loadPlanInputs(store, ds_->fingerprint());
  for (double b : {0.0, -5.0, double(NAN), double(INFINITY), 1e13})
    QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::planForBudget(in, b));
  for (double e : {0.0, 1.0, -0.1, double(NAN)}) QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::planForTarget(in, e));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::planForBudget(ps::PlanInputs{}, 1000));
}

void TestDecision::plannerListsASharedModelOnce() {
  makeStore();
  // A scaling study (random f = 0.5 and f = 1 at pools 1000..4000) and a frontier study at
  // pool 4000 whose f = 1 training is the scaling study's own (the training cache gave
  // both the same model, train run 77): one option, citing both runs.
  auto plan = [&](int64_t frontierFullModel) {
    const std::string db = tmp_.path().toStdString() + "/shared" + std::to_string(frontierFullModel) + ".sqlite";
    ps::Store store(db);
    nlohmann::json scaling{{"score", "el2n"}, {"score_run", 0}};
    std::map<std::string, std::string> outcomes;  // the per-seed results the study runner stores
    int64_t model = 1000;
    for (double f : {0.5, 1.0})
      for (int64_t pool : {1000, 2000, 4000}) {
        const double e = plannedError("random", f, double(pool));
        const int64_t kept = std::llround(f * double(pool));
        scaling["points"].push_back({{"policy", "random"},
                                     {"keep", f},
                                     {"pool", pool},
                                     {"kept", kept},
                                     {"errors", {e}},
                                     {"error_mean", e},
                                     {"error_std", 0.0}});
        std::ostringstream key;
        key << "point/random/" << f << "/" << pool << "/0";
        outcomes[key.str()] =
            nlohmann::json{{"error", e}, {"kept", kept}, {"train_run", f >= 1 && pool == 4000 ? 77 : ++model}}.dump();
      }
    const int64_t s = storeStudy(store, *ds_, "scaling", scaling.dump(), "shared-scaling");
    for (const auto& [key, outcome] : outcomes) store.putResult(s, key, outcome);
    nlohmann::json frontier{{"score", "el2n"}, {"score_run", 0}, {"budget", "epochs"}};
    for (double f : {0.5, 1.0}) {
      const double e = f >= 1 ? fullError(4000) : 1.5 * fullError(4000);  // pruning does not help here
      frontier["points"].push_back({{"score", "el2n"},
                                    {"policy", "hard"},
                                    {"keep", f},
                                    {"kept", std::llround(f * 4000)},
                                    {"epochs", 4},
                                    {"errors", {e}},
                                    {"error_mean", e},
                                    {"error_std", 0.0},
                                    {"per_class_accuracy", nlohmann::json::array()},
                                    {"pareto", true}});
    }
    const int64_t fr = storeStudy(store, *ds_, "frontier", frontier.dump(), "shared-frontier");
    store.putResult(fr, "point/el2n/hard/1/0", nlohmann::json{{"train_run", frontierFullModel}}.dump());
    store.putResult(fr, "point/el2n/hard/0.5/0", nlohmann::json{{"train_run", 500}}.dump());
    return ps::planForBudget(ps::loadPlanInputs(store, ds_->fingerprint()), 4000);
  };
  const ps::PruningPlan shared = plan(77);
  int unpruned = 0;
  for (const auto& o : shared.options) unpruned += o.keep >= 1.0;
  QCOMPARE(unpruned, 1);
  QCOMPARE(shared.options.front().keep, 1.0);
  QCOMPARE(shared.options.front().alsoRuns.size(), size_t(1));
  QVERIFY2(shared.answer.find("the best measured choice is no pruning (f = 1) [scaling run 1, frontier run 2]") !=
               std::string::npos,
           shared.answer.c_str());
  QVERIFY(ps::planJson(shared).find("\"also_runs\"") != std::string::npos);
  // two different models at f = 1 (another training): both listed
  const ps::PruningPlan apart = plan(78);
  unpruned = 0;
  for (const auto& o : apart.options) unpruned += o.keep >= 1.0;
  QCOMPARE(unpruned, 2);
}

void TestDecision::plannerSaysWhenACurveIsExtrapolated() {
  // f = 1 measured from 1000 to 32000, keep-hard f = 0.5 only up to 4000: at a budget of
  // 8000 (inside the pools measured overall) keep-hard's error is extrapolated, and said so.
  ps::ScalingResult full =
      syntheticScaling(kPools, {1.0}, [](int64_t pool, double) { return fullError(double(pool)); });
  full.runId = 1;
  ps::ScalingResult pruned =
      syntheticScaling({1000, 2000, 4000}, {0.5}, [](int64_t pool, double) { return 0.7 * fullError(double(pool)); });
  pruned.runId = 2;
  const ps::PruningPlan p = ps::planForBudget(ps::planInputsFrom({full, pruned}, {}), 8000);
  QCOMPARE(p.options.front().keep, 0.5);
  QVERIFY(p.options.front().extrapolated && p.outside);
  QVERIFY2(p.answer.find("The error of keep-hard by el2n at f = 0.5 [scaling run 2] at 8000 examples lies OUTSIDE the "
                         "pools its curve measured") != std::string::npos,
           p.answer.c_str());
  // at a pool both measured: no warning
  const ps::PruningPlan q = ps::planForBudget(ps::planInputsFrom({full, pruned}, {}), 4000);
  QVERIFY2(!q.outside && q.answer.find("OUTSIDE") == std::string::npos, q.answer.c_str());
}

void TestDecision::reportAuditNamesTheLowestScorePrunedPoint() {
  ps::FrontierResult r;
  r.runId = 7;
  auto point = [](const std::string& score, const std::string& policy, double f, double error) {
    ps::FrontierPoint p;
    p.score = score;
    p.policy = policy;
    p.keep = f;
    p.errorMean = error;
    p.errors = {error};
    return p;
  };
  r.points = {point("el2n", "hard", 0.3, 0.30), point("el2n", "hard", 0.6, 0.262), point("", "random", 0.6, 0.231),
              point("el2n", "hard", 1.0, 0.20)};
  std::string note;
  const ps::FrontierPoint* audited = ps::auditedPoint(r, note);
  QVERIFY(audited && audited->policy == "hard" && audited->keep == 0.6);
  QCOMPARE(note,
           std::string("Audit of keep-hard by el2n at f = 0.6 (test error 0.262), the lowest-error point pruned by "
                       "a score in frontier run 7. Random pruning at f = 0.6 has a lower error (0.231) but "
                       "prunes by no score, so there is no ranking to audit."));
  r.points[2].errorMean = 0.28;  // random no longer lower: not mentioned
  ps::auditedPoint(r, note);
  QVERIFY2(note.find("Random") == std::string::npos, note.c_str());
  r.points = {point("", "random", 0.5, 0.2)};
  QVERIFY(!ps::auditedPoint(r, note));
  QVERIFY2(note.find("no pruned point by a score") != std::string::npos, note.c_str());
}

void TestDecision::reportSaysHowSureItsNumbersAre() {
  // 3 pools × 1 seed: no standard error, no "best" description, "1 seed" instead of ± 0.0000
  ps::ScalingResult few;
  few.runId = 3;
  few.scoreName = "el2n";
  for (int64_t pool : {1000, 2000, 4000})
    for (double f : {0.5, 1.0}) {
      const double e = (f < 1 ? 0.8 : 1.0) * fullError(double(pool)) * (pool == 2000 ? 1.02 : 1.0);
      few.points.push_back({"hard", f, pool, std::llround(f * double(pool)), {e}, e, 0.0, {}, {}});
    }
  const std::string html = ps::scalingSection(few);
  auto has = [&html](const std::string& s) { return html.find(s) != std::string::npos; };
  QVERIFY2(has("Description: power law, err = ") && !has("Best description"), html.c_str());
  QVERIFY2(has("(standard error: too few points)") && !has("(+-"), html.c_str());
  QVERIFY2(has("AICc cannot compare laws") && !has("n/a (too few points)"), html.c_str());
  QVERIFY2(has(">1 seed</td>") && !has(">0.0000</td>"), html.c_str());
  // 6 pools × 2 seeds: the criterion chooses, standard errors shown
  const std::string enough = ps::scalingSection(syntheticScaling(
      kPools, {0.5, 1.0}, [](int64_t pool, double f) { return (f < 1 ? 0.8 : 1.0) * fullError(double(pool)); }));
  QVERIFY(enough.find("Best description: power law") != std::string::npos);
  QVERIFY(enough.find("(+-") != std::string::npos && enough.find(">1 seed</td>") == std::string::npos);
  // the rule itself, and the plain-text spread
  QVERIFY(!ps::exponentErrorMeaningful(4, 1) && ps::exponentErrorMeaningful(4, 2) && ps::exponentErrorMeaningful(5, 1));
  QVERIFY(!ps::exponentErrorMeaningful(3, 10));
  QCOMPARE(ps::spreadText(0.0, 1), std::string("(1 seed)"));
  QCOMPARE(ps::spreadText(0.0123, 3), std::string("+- 0.0123"));
  // a one-seed frontier point
  ps::FrontierResult fr;
  ps::FrontierPoint p;
  p.score = "el2n";
  p.policy = "hard";
  p.keep = 0.5;
  p.errors = {0.2};
  p.errorMean = 0.2;
  fr.points = {p};
  QVERIFY(ps::frontierSection(fr).find(">1 seed</td>") != std::string::npos);
}

void TestDecision::theoryWinnersAreStableOrTies() {
  // The rule on hand-made trials: a constant lead of 0.01 is a win; a lead inside the
  // trials' noise is a tie.
  ps::TheoryPoint hard, easy;
  hard.policy = "hard";
  easy.policy = "easy";
  hard.keep = easy.keep = 0.5;
  hard.trialErrors = {0.10, 0.12, 0.11, 0.13};
  easy.trialErrors = {0.11, 0.13, 0.12, 0.14};
  hard.errorMean = 0.115;
  easy.errorMean = 0.125;
  QVERIFY(ps::winnerAt({&hard, &easy}).policy == "hard");
  easy.trialErrors = {0.14, 0.10, 0.13, 0.12};
  easy.errorMean = 0.1225;
  const auto tie = ps::winnerAt({&easy, &hard});
  QVERIFY2(tie.tie() && tie.leader == "hard" && tie.runnerUp == "easy", tie.policy.c_str());
  // At the defaults the inset shows, two seeds name the same winner wherever both name one.
  ps::JobContext ctx;
  ps::TheoryConfig c = ps::optimalKeepTheoryConfig();
  QElapsedTimer t;
  t.start();
  const auto a = ps::optimalKeepCurve(ps::simulatePerceptron(c, ctx));
  c.seed = 1;
  const auto b = ps::optimalKeepCurve(ps::simulatePerceptron(c, ctx));
  QCOMPARE(a.size(), b.size());
  int named = 0, flips = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    QCOMPARE(a[i].winners.size(), b[i].winners.size());
    for (size_t k = 0; k < a[i].winners.size(); ++k) {
      const auto &wa = a[i].winners[k], &wb = b[i].winners[k];
      QVERIFY2(wa.policy == wb.policy || wa.tie() || wb.tie(),
               qPrintable(QString("alpha %1, f %2: %3 against %4")
                              .arg(a[i].alphaTot)
                              .arg(wa.keep)
                              .arg(QString::fromStdString(wa.policy), QString::fromStdString(wb.policy))));
      named += !wa.tie() && !wb.tie();
      flips += wa.leader != wb.leader;  // what the inset showed before ties were said
    }
  }
  // the shape the inset exists to show: keep-easy wins with little data, keep-hard with much
  QVERIFY(a.front().winners.front().policy == "easy" && b.front().winners.front().policy == "easy");
  QVERIFY(a.back().winners.front().policy == "hard" && b.back().winners.front().policy == "hard");
  QVERIFY(named >= 10);
  qInfo() << "two default simulations:" << t.elapsed() << "ms;" << named << "winners named by both seeds;" << flips
          << "of" << a.size() * a.front().winners.size() << "lowest-mean policies differ between the seeds";
}

void TestDecision::planPruneCommand() {
  makeStore();
  const std::string dir = tmp_.path().toStdString() + "/fashion200";
  auto r = pstest::cli({"plan-prune", dir, "--db", db_, "--budget", "8000", "--no-theory"});
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("keep-hard by el2n at f = 0.5") != std::string::npos, r.out.c_str());
  QVERIFY(r.out.find("gain") != std::string::npos);
  r = pstest::cli({"plan-prune", dir, "--db", db_, "--target-error", "0.05", "--json"});
  QVERIFY2(r.code == 0, r.err.c_str());
  const auto j = nlohmann::json::parse(r.out);
  QVERIFY(j.at("mode").get<std::string>() == "target_error");
  QVERIFY(!j.at("options").empty());
  r = pstest::cli({"plan-prune", dir, "--db", db_, "--budget", "8000"});  // with the theory beside it
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("THEORY, for comparison only") != std::string::npos, r.out.c_str());
  for (const auto& bad : std::vector<std::vector<std::string>>{{"--budget", "nan"},
                                                               {"--budget", "0"},
                                                               {"--target-error", "1.5"},
                                                               {},
                                                               {"--budget", "10", "--target-error", "0.1"}}) {
    std::vector<std::string> args = {"plan-prune", dir, "--db", db_, "--no-theory"};
    args.insert(args.end(), bad.begin(), bad.end());
    r = pstest::cli(args);
    QVERIFY2(r.code != 0, r.out.c_str());
    QVERIFY(!r.err.empty());
  }
  r = pstest::cli({"plan-prune", dir, "--db", db_, "--budget", "nan", "--no-theory"});
  QVERIFY2(r.err.find("1 to 1e12") != std::string::npos, r.err.c_str());
  // a store without studies of the dataset: said, not a crash
  r = pstest::cli({"plan-prune", dir, "--db", tmp_.path().toStdString() + "/nothing.sqlite", "--budget", "100"});
  QVERIFY(r.code != 0);
  QVERIFY2(r.err.find("no finished scaling or frontier study of this dataset") != std::string::npos, r.err.c_str());
}

void TestDecision::reportNumbersEqualTheStore() {
  makeStore();
  const std::string dir = tmp_.path().toStdString() + "/fashion200", out = tmp_.path().toStdString() + "/report.html";
  const auto r = pstest::cli({"report", dir, "--db", db_, "--out", out, "--no-theory"});
  QVERIFY2(r.code == 0, r.err.c_str());
  QFile f(QString::fromStdString(out));
  QVERIFY(f.open(QIODevice::ReadOnly));
  const std::string html = f.readAll().toStdString();
  auto has = [&](const std::string& s) { return html.find(s) != std::string::npos; };
  auto full = [](double v) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "data-v='%.17g'", v);
    return std::string(buf);
  };
  const ps::Store store(db_);
  const ps::ScalingResult scaling = ps::loadScalingStudy(store, 3);
  for (const auto& p : scaling.points) QVERIFY2(has(full(p.errorMean)), qPrintable(QString::number(p.errorMean)));
  for (const auto& p : ps::loadFrontierStudy(store, 4).points) QVERIFY(has(full(p.errorMean)));
  // the envelope's verdict and the plan, as core computes them
  for (const auto& e : ps::scalingEnvelopes(scaling))  // keep-hard's differs from the one over all: both shown
    if (e.policy == "hard" || e.policy == "any") QVERIFY2(has(ps::escapeXml(e.verdict.text)), e.verdict.text.c_str());
  const ps::PruningPlan plan = ps::planForBudget(ps::loadPlanInputs(store, ds_->fingerprint()), 16000);
  QVERIFY2(has(ps::escapeXml(plan.answer)), plan.answer.c_str());
  // the agreement of the two imported scores, the audit by the first, the provenance
  std::vector<ps::ScoreSeries> series;
  for (int64_t run : {2, 1}) {
    const std::string name = run == 1 ? "first" : "second";
    series.push_back({name, ps::loadRunIndices(store, run), store.vector(run, name)});
  }
  QVERIFY(has(full(ps::scoreAgreement(series, 0.1).spearman[0][1])));
  QVERIFY2(has("Audit of keep-hard by first"), html.substr(html.find("Fairness audit"), 600).c_str());
  QVERIFY(has(ds_->fingerprint()));
  QVERIFY(has("PruneScope " + std::string(ps::kVersion)));
  QVERIFY(has("Skipped scaling run 5"));
  QVERIFY(has("<svg") && has("envelope: best f and policy"));
  QVERIFY(!has("<script"));  // self-contained, nothing to run
  // nothing to report: said, no file written
  const std::string empty = tmp_.path().toStdString() + "/empty.sqlite",
                    none = tmp_.path().toStdString() + "/none.html";
  const auto e = pstest::cli({"report", dir, "--db", empty, "--out", none, "--no-theory"});
  QVERIFY(e.code != 0);
  QVERIFY(!QFile::exists(QString::fromStdString(none)));
}

void TestDecision::reportRendersInChromium() {
  makeStore();
  const QString chromium = QStandardPaths::findExecutable("chromium");
  if (chromium.isEmpty()) QSKIP("chromium is not installed (apt-get install chromium)");
  const std::string dir = tmp_.path().toStdString() + "/fashion200", out = tmp_.path().toStdString() + "/shown.html";
  const auto r = pstest::cli({"report", dir, "--db", db_, "--out", out});  // with the theory table
  QVERIFY2(r.code == 0, r.err.c_str());
  const QString png = tmp_.filePath("report.png");
  QProcess p;
  p.start(chromium, {"--headless", "--no-sandbox", "--disable-gpu", "--screenshot=" + png, "--window-size=1200,2000",
                     "file://" + QString::fromStdString(out)});
  QVERIFY(p.waitForFinished(120000));
  QFile shot(png);
  QVERIFY2(shot.open(QIODevice::ReadOnly), qPrintable(QString::fromUtf8(p.readAllStandardError())));
  const QByteArray bytes = shot.readAll();
  // a PNG 1200 pixels wide (IHDR's width, big-endian at byte 16)
  QVERIFY(bytes.startsWith("\x89PNG"));
  const auto width = (uchar(bytes[16]) << 24) | (uchar(bytes[17]) << 16) | (uchar(bytes[18]) << 8) | uchar(bytes[19]);
  QCOMPARE(width, 1200);
  // something was drawn: a blank 1200x2000 page compresses to a few kB, charts and tables do not
  QVERIFY2(bytes.size() > 60000, qPrintable(QString::number(bytes.size())));
  // to look at it: PRUNESCOPE_KEEP_REPORT=/tmp/r keeps /tmp/r.png and /tmp/r.html
  if (qEnvironmentVariableIsSet("PRUNESCOPE_KEEP_REPORT")) {
    const QString keep = qEnvironmentVariable("PRUNESCOPE_KEEP_REPORT");
    QFile::remove(keep + ".png");
    QFile::remove(keep + ".html");
    QFile::copy(png, keep + ".png");
    QFile::copy(QString::fromStdString(out), keep + ".html");
  }
}

QTEST_GUILESS_MAIN(TestDecision)
#include "test_decision.moc"
