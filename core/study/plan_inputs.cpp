// The pruning planner's inputs: the curves of a dataset's finished scaling and frontier
// runs, and the trained models behind their points.
#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "store/run_kind.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "study/pruning_planner.h"
#include "study/scaling_envelope.h"
#include "util/errors.h"

namespace ps {

namespace {

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
      c = c.points.empty() ? PlanCurve{r.runId, runKindName(RunKind::Scaling), r.scoreName, p.policy, p.keep, {}, {}}
                           : c;
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
      addCurve(in, PlanCurve{r.runId, runKindName(RunKind::Frontier), score, p.policy, p.keep, {sp}, {}});
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
    if (isRunKind(c.kind, RunKind::Scaling))
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
      if (run.status != RunStatus::Done || !isStudyRun(run.kind)) continue;
      try {
        if (isRunKind(run.kind, RunKind::Scaling))
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

}  // namespace ps
