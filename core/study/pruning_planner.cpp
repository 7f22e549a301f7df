#include "study/pruning_planner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>
#include <utility>

#include "store/store.h"
#include "study/frontier_study.h"
#include "study/scaling_envelope.h"
#include "util/errors.h"

namespace ps {

namespace {

// Whole numbers (pool sizes) as they are, others to `precision` significant digits.
std::string num(double v, int precision = 4) {
  if (std::isfinite(v) && v == std::round(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
  std::ostringstream s;
  s.precision(precision);
  s << v;
  return s.str();
}

void addCurve(PlanInputs& in, PlanCurve c) {
  c.points.erase(std::remove_if(c.points.begin(), c.points.end(),
                                [](const ScalingPoint& p) {
                                  return !(p.errorMean > 0) || !std::isfinite(p.errorMean) || p.pool <= 0 ||
                                         !std::isfinite(p.errorStd) || p.errorStd < 0 || p.errors.empty();
                                }),
                 c.points.end());
  std::stable_sort(c.points.begin(), c.points.end(), [](const auto& a, const auto& b) { return a.pool < b.pool; });
  // one point per pool (a damaged store may repeat one): interpolation needs distinct pools
  c.points.erase(
      std::unique(c.points.begin(), c.points.end(), [](const auto& a, const auto& b) { return a.pool == b.pool; }),
      c.points.end());
  if (!c.points.empty()) in.curves.push_back(std::move(c));
}

int64_t frontierPool(const FrontierResult& r) {
  double pool = 0, bestKeep = 0;
  for (const auto& p : r.points)
    if (p.keep > bestKeep && p.keep > 0) {
      bestKeep = p.keep;
      pool = p.keep >= 1.0 ? static_cast<double>(p.kept) : static_cast<double>(p.kept) / p.keep;
    }
  return static_cast<int64_t>(std::llround(pool));
}

}  // namespace

PlanInputs planInputsFrom(const std::vector<ScalingResult>& scaling, const std::vector<FrontierResult>& frontier) {
  PlanInputs in;
  for (const auto& r : scaling) {
    in.runs.push_back(r.runId);
    // at f = 1 every policy trains on the whole pool: one curve, random's when measured
    const std::string fullPolicy = unprunedPolicy(r);
    std::map<std::pair<std::string, double>, PlanCurve> curves;
    for (const auto& p : r.points) {
      if (p.keep >= 1.0 && p.policy != fullPolicy) continue;
      PlanCurve& c = curves[{p.policy, p.keep}];
      c = c.points.empty() ? PlanCurve{r.runId, "scaling", r.scoreName, p.policy, p.keep, {}, {}} : c;
      c.points.push_back(p);
    }
    for (auto& kv : curves) addCurve(in, kv.second);
  }
  for (const auto& r : frontier) {
    in.runs.push_back(r.runId);
    const int64_t pool = frontierPool(r);
    bool unprunedSeen = false;  // f = 1 is the same training whatever the series: listed once
    for (const auto& p : r.points) {
      if (p.keep >= 1.0 && std::exchange(unprunedSeen, true)) continue;
      const std::string score = p.score.empty() ? std::string("-") : p.score;
      ScalingPoint sp{p.policy, p.keep, pool, p.kept, p.errors, p.errorMean, p.errorStd, {}, {}};
      addCurve(in, PlanCurve{r.runId, "frontier", score, p.policy, p.keep, {sp}, {}});
    }
  }
  return in;
}

namespace {

// The result keys of a point's seeds, as the frontier and scaling studies store them.
std::vector<std::string> seedKeys(const PlanCurve& c, const ScalingPoint& p) {
  std::vector<std::string> keys;
  for (size_t s = 0; s < p.errors.size(); ++s) {
    std::ostringstream k;
    if (c.kind == "scaling")
      k << "point/" << p.policy << "/" << p.keep << "/" << p.pool << "/" << s;
    else
      k << "point/" << (c.score == "-" ? std::string() : c.score) << "/" << p.policy << "/" << p.keep << "/" << s;
    keys.push_back(k.str());
  }
  return keys;
}

// The training runs behind `keys` (sorted), or empty when any is not known.
std::vector<int64_t> modelsOf(const std::map<std::string, std::string>& results, const std::vector<std::string>& keys) {
  std::vector<int64_t> out;
  for (const auto& key : keys) {
    const auto r = results.find(key);
    if (r == results.end()) return {};
    const auto j = nlohmann::json::parse(r->second, nullptr, false);
    const auto run = j.is_object() ? j.find("train_run") : j.end();
    if (run == j.end() || !run->is_number_integer() || run->get<int64_t>() <= 0) return {};
    out.push_back(run->get<int64_t>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void attachModels(const Store& store, PlanInputs& in) {
  std::map<int64_t, std::map<std::string, std::string>> results;
  for (auto& c : in.curves) {
    auto it = results.find(c.runId);
    if (it == results.end()) {
      std::map<std::string, std::string> r;
      try {
        r = store.results(c.runId);
      } catch (const std::exception&) {  // unreadable: its points are simply not matched
      }
      it = results.emplace(c.runId, std::move(r)).first;
    }
    c.models.assign(c.points.size(), {});
    for (size_t i = 0; i < c.points.size(); ++i) c.models[i] = modelsOf(it->second, seedKeys(c, c.points[i]));
  }
}

PlanInputs loadPlanInputs(const Store& store, const std::string& fingerprint) {
  std::vector<ScalingResult> scaling;
  std::vector<FrontierResult> frontier;
  PlanInputs skipped;
  if (const auto ds = store.findDataset(fingerprint))
    for (const RunRecord& run : store.runs(ds->id)) {
      if (run.status != RunStatus::Done || (run.kind != "scaling" && run.kind != "frontier")) continue;
      try {
        if (run.kind == "scaling")
          scaling.push_back(loadScalingStudy(store, run.id));
        else
          frontier.push_back(loadFrontierStudy(store, run.id));
      } catch (const std::exception& e) {  // a damaged summary: the other runs still plan
        skipped.skipped.push_back(run.kind + " run " + std::to_string(run.id) + ": " + describeError(e));
      }
    }
  PlanInputs in = planInputsFrom(scaling, frontier);
  in.skipped = skipped.skipped;
  attachModels(store, in);
  return in;
}

namespace {

double lerp(double a, double b, double t) { return a + (b - a) * t; }

// The power law through a curve's points (pure; pool against error), for extrapolation.
PowerLawFit curveLaw(const PlanCurve& c) {
  std::vector<double> ns, errs;
  int seeds = 0;
  for (const auto& p : c.points) {
    ns.push_back(static_cast<double>(p.pool));
    errs.push_back(p.errorMean);
    const auto n = static_cast<int>(p.errors.size());
    seeds = seeds == 0 ? n : std::min(seeds, n);
  }
  PowerLawFit law = fitPowerLaw(ns, errs, /*allowOffset=*/false);
  law.seeds = seeds;
  return law;
}

PlanOption optionOf(const PlanCurve& c) {
  PlanOption o;
  o.runId = c.runId;
  o.kind = c.kind;
  o.score = c.score;
  o.policy = c.policy;
  o.keep = c.keep;
  o.seeds = static_cast<int>(c.points.front().errors.size());
  return o;
}

// The curve's expected error at `pool`; false when it cannot say (one pool, elsewhere).
bool errorAt(const PlanCurve& c, double pool, PlanOption& o) {
  o = optionOf(c);
  o.pool = pool;
  o.kept = c.keep * pool;
  const auto& pts = c.points;
  const double lo = static_cast<double>(pts.front().pool), hi = static_cast<double>(pts.back().pool);
  auto modelsAt = [&c](size_t i) { return i < c.models.size() ? c.models[i] : std::vector<int64_t>(); };
  if (pts.size() == 1) {
    if (std::fabs(pool - lo) > 0.01 * lo) return false;
    o.error = pts.front().errorMean;
    o.errorStd = pts.front().errorStd;
    o.how = "measured at pool " + num(lo);
    o.models = modelsAt(0);
    return true;
  }
  if (pool < lo || pool > hi) {
    const PowerLawFit law = curveLaw(c);
    o.error = law.predict(pool);
    o.errorStd = (pool < lo ? pts.front() : pts.back()).errorStd;
    o.extrapolated = true;
    o.how = "extrapolated from pools " + num(lo) + "-" + num(hi) + " by " + law.str() + " (n = pool)";
    return true;
  }
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    const double p0 = static_cast<double>(pts[i].pool), p1 = static_cast<double>(pts[i + 1].pool);
    if (pool < p0 || pool > p1) continue;
    const double t = (std::log(pool) - std::log(p0)) / (std::log(p1) - std::log(p0));
    o.error = std::exp(lerp(std::log(pts[i].errorMean), std::log(pts[i + 1].errorMean), t));
    o.errorStd = lerp(pts[i].errorStd, pts[i + 1].errorStd, t);
    const bool measured = t <= 1e-9 || t >= 1 - 1e-9;
    o.how = measured ? "measured at pool " + num(t < 0.5 ? p0 : p1)
                     : "interpolated between pools " + num(p0) + " and " + num(p1);
    if (measured) o.models = modelsAt(t < 0.5 ? i : i + 1);
    return true;
  }
  return false;
}

// The smallest pool at which the curve shifted by `sign`·std reaches `target`; 0 when never.
double poolFor(const PlanCurve& c, double target, int sign, bool* extrapolated) {
  const auto& pts = c.points;
  auto err = [&](const ScalingPoint& p) { return std::max(1e-12, p.errorMean + sign * p.errorStd); };
  for (size_t i = 0; i + 1 < pts.size(); ++i) {
    const double e0 = err(pts[i]), e1 = err(pts[i + 1]);
    if (i == 0 && e0 <= target) break;  // reached before the first pool: extrapolate below
    if (e0 > target && e1 <= target) {
      const double t = (std::log(target) - std::log(e0)) / (std::log(e1) - std::log(e0));
      *extrapolated = false;
      return std::exp(lerp(std::log(double(pts[i].pool)), std::log(double(pts[i + 1].pool)), t));
    }
  }
  const PowerLawFit law = curveLaw(c);
  *extrapolated = true;
  if (!(law.b > 0)) return 0;  // the error does not fall with more data
  const double shift = err(pts.back()) / pts.back().errorMean;
  return std::pow(target / (law.a * shift), -1.0 / law.b);
}

void measuredRange(const PlanInputs& in, PruningPlan& plan, double at) {
  if (in.curves.empty())
    throw ConfigError("no finished scaling or frontier study of this dataset: nothing to plan from");
  plan.measuredLo = 1e300;
  for (const auto& c : in.curves) {
    plan.measuredLo = std::min(plan.measuredLo, static_cast<double>(c.points.front().pool));
    plan.measuredHi = std::max(plan.measuredHi, static_cast<double>(c.points.back().pool));
  }
  plan.outside = at < plan.measuredLo * 0.99 || at > plan.measuredHi * 1.01;
  for (const auto& s : in.skipped) plan.notes.push_back("skipped " + s);
}

// The same decision measured by another run: not pruning, or one policy, score and f.
bool sameChoice(const PlanOption& a, const PlanOption& b) {
  if (a.keep >= 1.0 || b.keep >= 1.0) return a.keep >= 1.0 && b.keep >= 1.0;
  return a.keep == b.keep && a.policy == b.policy && (a.policy == "random" || a.score == b.score);
}

// "0.1234 +- 0.0028 (spread across 3 seeds)", or "0.1234 (one seed: no spread measured)".
std::string withSpread(const PlanOption& o, const Wording& w) {
  if (o.seeds < 2) return w(PS_WORDS("Wording", "%1 (one seed: no spread measured)"), {num(o.error)});
  return w(PS_WORDS("Wording", "%1 +- %2 (spread across %3 seeds)"),
           {num(o.error), num(o.errorStd, 2), std::to_string(o.seeds)});
}

// "(2000 to 3000 within the spread across 3 seeds)", or why there is no range.
std::string poolRange(const PlanOption& o, const Wording& w) {
  if (o.seeds < 2) return w(PS_WORDS("Wording", "(one seed: no spread measured)"));
  auto bound = [&w](double p) { return p > 0 ? num(std::round(p)) : w(PS_WORDS("Wording", "never")); };
  return w(PS_WORDS("Wording", "(%1 to %2 within the spread across %3 seeds)"),
           {bound(o.poolLo), bound(o.poolHi), std::to_string(o.seeds)});
}

std::string optionText(const PlanOption& o, const Wording& w) {
  const std::string what =
      o.keep >= 1.0 ? w(PS_WORDS("Wording", "no pruning (f = 1)"))
      : o.policy == "random"
          ? w(PS_WORDS("Wording", "%1 pruning at f = %2"), {w.term("random"), num(o.keep)})
          : w(PS_WORDS("Wording", "keep-%1 by %2 at f = %3"), {w.term(o.policy), o.score, num(o.keep)});
  auto run = [&w](const std::string& kind, int64_t id) {
    return kind == "scaling" ? w(PS_WORDS("Wording", "scaling run %1"), {std::to_string(id)})
                             : w(PS_WORDS("Wording", "frontier run %1"), {std::to_string(id)});
  };
  std::string runs = run(o.kind, o.runId);
  for (const auto& [kind, id] : o.alsoRuns) runs += ", " + run(kind, id);
  return what + " [" + runs + "]";
}

}  // namespace

namespace {

// The best no-pruning option (the first with f = 1 in the sorted options), if any.
void noteUnpruned(PruningPlan& plan) {
  const auto it =
      std::find_if(plan.options.begin(), plan.options.end(), [](const PlanOption& o) { return o.keep >= 1.0; });
  plan.hasUnpruned = it != plan.options.end();
  if (plan.hasUnpruned) plan.unpruned = *it;
}

// One option per set of trained models: an option measured on the same models as one
// ranked before it (the f = 1 model a frontier and a scaling study share through the
// training cache) is folded into that one, which then cites both runs.
void mergeSameModels(std::vector<PlanOption>& options) {
  std::vector<PlanOption> out;
  out.reserve(options.size());
  for (auto& o : options) {
    const auto same = std::find_if(out.begin(), out.end(), [&o](const PlanOption& k) {
      return !o.models.empty() && o.models == k.models && o.pool == k.pool;
    });
    if (same == out.end()) {
      out.push_back(std::move(o));
      continue;
    }
    same->alsoRuns.emplace_back(o.kind, o.runId);
    same->alsoRuns.insert(same->alsoRuns.end(), o.alsoRuns.begin(), o.alsoRuns.end());
    same->how += " (" + o.kind + " run " + std::to_string(o.runId) + " measured the same models)";
  }
  options = std::move(out);
}

// The option the answer compares the best with: not pruning, or (when that is best) the
// best pruned choice; null when there is none.
const PlanOption* comparedOption(const PruningPlan& plan) {
  const PlanOption& best = plan.options.front();
  if (best.keep < 1.0) return plan.hasUnpruned ? &plan.unpruned : nullptr;
  const auto pruned = std::find_if(plan.options.begin(), plan.options.end(), [](auto& o) { return o.keep < 1.0; });
  return pruned == plan.options.end() ? nullptr : &*pruned;
}

// " 100000 examples is OUTSIDE the measured pools ...", or the same said of a curve that
// was extrapolated past its own pools; "" when every number cited was measured or
// interpolated. Sets plan.outside when it warns.
std::string budgetOutsideWarning(PruningPlan& plan, const PlanOption& best, const Wording& w) {
  if (plan.outside)
    return " " + w(PS_WORDS("Wording",
                            "%1 examples is OUTSIDE the measured pools (%2 to %3): these numbers extrapolate power "
                            "laws and may be wrong."),
                   {num(plan.budget), num(plan.measuredLo), num(plan.measuredHi)});
  const PlanOption* other = comparedOption(plan);
  const PlanOption* far = best.extrapolated ? &best : other && other->extrapolated ? other : nullptr;
  if (!far) return {};
  plan.outside = true;
  return " " + w(PS_WORDS("Wording",
                          "The error of %1 at %2 examples lies OUTSIDE the pools its curve measured: it extrapolates "
                          "a power law and may be wrong."),
                 {optionText(*far, w), num(plan.budget)});
}

// Which option is expected best, what not pruning gives, and the plan in words.
void finishBudgetPlan(PruningPlan& plan, const Wording& w) {
  std::stable_sort(plan.options.begin(), plan.options.end(),
                   [](const PlanOption& a, const PlanOption& b) { return a.error < b.error; });
  mergeSameModels(plan.options);
  std::ostringstream s;
  if (plan.options.empty()) {
    plan.answer = w(PS_WORDS("Wording",
                             "nothing measured applies at %1 examples: the frontier studies measured only their own "
                             "pool sizes; a scaling study covers a range of them"),
                    {num(plan.budget)});
    return;
  }
  noteUnpruned(plan);
  const PlanOption& best = plan.options.front();
  s << w(PS_WORDS("Wording",
                  "For %1 examples before pruning, the best measured choice is %2: expected test error %3, training "
                  "on %4 examples."),
         {num(plan.budget), optionText(best, w), withSpread(best, w), num(std::round(best.kept))});
  if (plan.hasUnpruned) plan.gain = plan.unpruned.error - best.error;
  const auto pruned = std::find_if(plan.options.begin(), plan.options.end(), [](auto& o) { return o.keep < 1.0; });
  if (best.keep >= 1.0 && pruned != plan.options.end())
    s << " "
      << w(PS_WORDS("Wording", "Pruning is not expected to help here: the best pruned choice, %1, gives %2."),
           {optionText(*pruned, w), withSpread(*pruned, w)});
  else if (best.keep < 1.0 && plan.hasUnpruned)
    s << " "
      << w(PS_WORDS("Wording", "Without pruning: %1; gain %2 (%3% lower error)."),
           {withSpread(plan.unpruned, w), num(plan.gain, 3), num(100.0 * plan.gain / plan.unpruned.error, 3)});
  else if (!plan.hasUnpruned)
    s << " " << w(PS_WORDS("Wording", "No f = 1 curve applies here: the gain over not pruning is unknown."));
  if (best.seeds < 2)
    s << " "
      << w(PS_WORDS("Wording",
                    "With one seed per point the ranking has no interval: more seeds would say how sure it is."));
  else if (const auto next = std::find_if(plan.options.begin(), plan.options.end(),
                                          [&](const PlanOption& o) { return !sameChoice(o, best); });
           next != plan.options.end() && next->error - next->errorStd <= best.error + best.errorStd)
    s << " "
      << w(PS_WORDS("Wording",
                    "The runner-up, %1 at %2, overlaps that interval: the data do not single out one choice."),
           {optionText(*next, w), num(next->error)});
  s << budgetOutsideWarning(plan, best, w);
  plan.answer = s.str();
}

}  // namespace

void checkBudget(double budget, const std::string& asTyped) {
  if (!std::isfinite(budget) || budget < 1 || budget > 1e12)
    throw ConfigError("budget '" + (asTyped.empty() ? num(budget) : asTyped) +
                      "': expected a number of examples from 1 to 1e12");
}

void checkTargetError(double targetError, const std::string& asTyped) {
  if (!std::isfinite(targetError) || targetError <= 0 || targetError >= 1)
    throw ConfigError("target error '" + (asTyped.empty() ? num(targetError) : asTyped) +
                      "': expected a test error between 0 and 1 (exclusive)");
}

PruningPlan planForBudget(const PlanInputs& in, double budget, const Wording& w) {
  checkBudget(budget);
  PruningPlan plan;
  plan.byBudget = true;
  plan.budget = budget;
  measuredRange(in, plan, budget);
  for (const auto& c : in.curves) {
    PlanOption o;
    if (errorAt(c, budget, o)) plan.options.push_back(o);
  }
  finishBudgetPlan(plan, w);
  return plan;
}

namespace {

bool outsideMeasured(const PruningPlan& plan, const PlanOption& o) {
  return o.extrapolated || o.pool < plan.measuredLo * 0.99 || o.pool > plan.measuredHi * 1.01;
}

// The warning for a target-error plan: the best choice's pool, or the pool the answer
// compares it with (not pruning, usually), found by extrapolating past the measured
// pools. Sets plan.outside when it warns.
std::string targetOutsideWarning(PruningPlan& plan, const PlanOption& best, const Wording& w) {
  const PlanOption* other = comparedOption(plan);
  const bool bestOut = outsideMeasured(plan, best), otherOut = other && outsideMeasured(plan, *other);
  plan.outside = bestOut || otherOut;
  const std::string lo = num(plan.measuredLo), hi = num(plan.measuredHi);
  if (bestOut && otherOut)
    return " " + w(PS_WORDS("Wording",
                            "That, and the %1 examples of %2, are OUTSIDE the measured pools (%3 to %4): they "
                            "extrapolate power laws and may be wrong."),
                   {num(std::round(other->pool)), optionText(*other, w), lo, hi});
  if (bestOut)
    return " " + w(PS_WORDS("Wording",
                            "That is OUTSIDE the measured pools (%1 to %2): it extrapolates a power law and may be "
                            "wrong."),
                   {lo, hi});
  if (otherOut)
    return " " + w(PS_WORDS("Wording",
                            "The %1 examples of %2 are OUTSIDE the measured pools (%3 to %4): that figure "
                            "extrapolates a power law and may be wrong."),
                   {num(std::round(other->pool)), optionText(*other, w), lo, hi});
  return {};
}

void finishTargetPlan(PruningPlan& plan, const Wording& w) {
  std::stable_sort(plan.options.begin(), plan.options.end(),
                   [](const PlanOption& a, const PlanOption& b) { return a.pool < b.pool; });
  if (plan.options.empty()) {
    plan.answer = w(PS_WORDS("Wording",
                             "no measured curve reaches a test error of %1 (each needs 2 or more pool sizes and an "
                             "error that falls with more data)"),
                    {num(plan.targetError)});
    return;
  }
  noteUnpruned(plan);
  const PlanOption& best = plan.options.front();
  std::ostringstream s;
  s << w(PS_WORDS("Wording",
                  "To reach a test error of %1, the choice needing the fewest examples is %2: about %3 examples "
                  "before pruning %4, training on %5."),
         {num(plan.targetError), optionText(best, w), num(std::round(best.pool)), poolRange(best, w),
          num(std::round(best.kept))});
  if (plan.hasUnpruned) plan.gain = plan.unpruned.pool / best.pool;
  const auto pruned = std::find_if(plan.options.begin(), plan.options.end(), [](auto& o) { return o.keep < 1.0; });
  if (best.keep >= 1.0 && pruned != plan.options.end())
    s << " "
      << w(PS_WORDS("Wording",
                    "Pruning is not expected to help here: the best pruned choice, %1, needs about %2 examples "
                    "before pruning."),
           {optionText(*pruned, w), num(std::round(pruned->pool))});
  else if (best.keep < 1.0 && plan.hasUnpruned)
    s << " "
      << w(PS_WORDS("Wording", "Without pruning: about %1 examples (%2 times as many)."),
           {num(std::round(plan.unpruned.pool)), num(plan.gain, 3)});
  else if (!plan.hasUnpruned)
    s << " " << w(PS_WORDS("Wording", "No f = 1 curve reaches it: the gain over not pruning is unknown."));
  s << targetOutsideWarning(plan, best, w);
  plan.answer = s.str();
}

}  // namespace

PruningPlan planForTarget(const PlanInputs& in, double targetError, const Wording& w) {
  checkTargetError(targetError);
  PruningPlan plan;
  plan.byBudget = false;
  plan.targetError = targetError;
  measuredRange(in, plan, plan.measuredLo);
  plan.outside = false;  // decided with the answer, from the pools it cites
  for (const auto& c : in.curves) {
    if (c.points.size() < 2) continue;
    PlanOption o = optionOf(c);
    bool unused = false;
    o.pool = poolFor(c, targetError, 0, &o.extrapolated);
    if (!(o.pool > 0) || !std::isfinite(o.pool)) continue;
    o.kept = c.keep * o.pool;
    o.error = targetError;
    o.poolLo = poolFor(c, targetError, -1, &unused);
    o.poolHi = poolFor(c, targetError, +1, &unused);
    o.how = o.extrapolated ? "extrapolated by the curve's power law" : "interpolated between measured pools";
    plan.options.push_back(o);
  }
  finishTargetPlan(plan, w);
  return plan;
}

std::string planJson(const PruningPlan& plan) {
  nlohmann::json j;
  j["mode"] = plan.byBudget ? "budget" : "target_error";
  if (plan.byBudget)
    j["budget"] = plan.budget;
  else
    j["target_error"] = plan.targetError;
  j["measured_pools"] = {plan.measuredLo, plan.measuredHi};
  j["outside_measured"] = plan.outside;
  j["answer"] = plan.answer;
  j["notes"] = plan.notes;
  auto option = [](const PlanOption& o) {
    nlohmann::json also = nlohmann::json::array();
    for (const auto& [kind, id] : o.alsoRuns) also.push_back({{"kind", kind}, {"run", id}});
    return nlohmann::json{{"run", o.runId},          {"also_runs", also},  {"kind", o.kind},
                          {"score", o.score},        {"policy", o.policy}, {"keep", o.keep},
                          {"pool", o.pool},          {"kept", o.kept},     {"error", o.error},
                          {"error_std", o.errorStd}, {"seeds", o.seeds},   {"pool_lo", o.poolLo},
                          {"pool_hi", o.poolHi},     {"how", o.how},       {"extrapolated", o.extrapolated}};
  };
  j["options"] = nlohmann::json::array();
  for (const auto& o : plan.options) j["options"].push_back(option(o));
  if (plan.hasUnpruned) j["unpruned"] = option(plan.unpruned);
  j["gain"] = plan.gain;
  j["gain_meaning"] = plan.byBudget ? "error(f=1) - error(best)" : "pool(f=1) / pool(best)";
  return j.dump(2);
}

}  // namespace ps
