#pragma once
// The pruning planner: from a dataset's measured studies (scaling and frontier runs with
// their seeds), which policy and kept fraction is expected to be best for a budget of N
// examples before pruning (the pool), or which needs the fewest examples to reach a
// target test error; with an interval (± the spread across seeds) and the gain over not
// pruning (f = 1). Curves are interpolated between measured pools (log error linear in
// log pool); outside what was measured a curve is extrapolated by its power law and the
// plan says so. Each study run's curves stay its own (runs may differ in recipe).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "study/scaling_study.h"
#include "util/wording.h"

namespace ps {

class Store;
struct FrontierResult;

// One measured curve: test error against pool size at one (run, score, policy, keep).
struct PlanCurve {
  int64_t runId = 0;
  std::string kind;  // "scaling" or "frontier"
  std::string score, policy;
  double keep = 0;
  std::vector<ScalingPoint> points;  // by pool, positive errors only
  // Per point (same order), the trained models behind its seeds (their training runs in
  // the store); empty where not known. Two runs that measured the same models (the f = 1
  // model a frontier and a scaling study share, read from the training cache) list them
  // as one option.
  std::vector<std::vector<int64_t>> models;
};

struct PlanInputs {
  std::vector<PlanCurve> curves;
  std::vector<int64_t> runs;         // study runs the curves come from
  std::vector<std::string> skipped;  // runs that could not be read, and why
};

// A frontier run's pool is the scored set it pruned: its f = 1 point's size, else
// round(kept / f) at its largest kept fraction.
PlanInputs planInputsFrom(const std::vector<ScalingResult>& scaling, const std::vector<FrontierResult>& frontier);
// Every finished scaling and frontier run of the dataset (none: empty inputs), with the
// models behind each point (attachModels).
PlanInputs loadPlanInputs(const Store& store, const std::string& fingerprint);
// Fills each curve's `models` from its study run's stored point outcomes (a run or point
// without them keeps an empty list).
void attachModels(const Store& store, PlanInputs& in);

struct PlanOption {
  int64_t runId = 0;
  // Other study runs ("scaling"/"frontier", id) that measured the very same models: one
  // option cites them all.
  std::vector<std::pair<std::string, int64_t>> alsoRuns;
  std::vector<int64_t> models;  // measured options: the training runs behind the point, when known
  std::string kind, score, policy;
  double keep = 0;
  double pool = 0, kept = 0;       // examples before and after pruning
  double error = 0, errorStd = 0;  // expected test error and its spread across seeds
  double poolLo = 0, poolHi = 0;   // target mode: the pools where error ∓ std reaches the target
  int seeds = 0;
  bool extrapolated = false;
  std::string how;  // "measured", "interpolated between pools 2000 and 4000", "extrapolated: err = ..."
};

struct PruningPlan {
  bool byBudget = true;
  double budget = 0, targetError = 0;
  std::vector<PlanOption> options;  // best first; empty when nothing measured applies
  bool hasUnpruned = false;
  PlanOption unpruned;                    // the best f = 1 option
  double gain = 0;                        // budget: error(f = 1) − error(best); target: pool(f = 1) / pool(best)
  double measuredLo = 0, measuredHi = 0;  // the pools measured, over every curve
  bool outside = false;  // the answer rests on a number outside them (the request, or a curve extrapolated)
  std::vector<std::string> notes;
  std::string answer;  // the plan in a few sentences
};

// ConfigError naming the value (`asTyped` when given) and the accepted range: a budget
// from 1 to 1e12 examples, a target error strictly between 0 and 1.
void checkBudget(double budget, const std::string& asTyped = "");
void checkTargetError(double targetError, const std::string& asTyped = "");

// budget ≥ 1 examples before pruning; ConfigError otherwise or when no curve exists.
PruningPlan planForBudget(const PlanInputs& in, double budget, const Wording& w = englishWording());
// 0 < targetError < 1; ConfigError otherwise or when no curve exists.
PruningPlan planForTarget(const PlanInputs& in, double targetError, const Wording& w = englishWording());
std::string planJson(const PruningPlan& plan);

}  // namespace ps
