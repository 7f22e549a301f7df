#include "theory/optimal_keep.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ps {

OptimalKeep::Winner winnerAt(const std::vector<const TheoryPoint*>& policies) {
  OptimalKeep::Winner w;
  const TheoryPoint *lead = nullptr, *next = nullptr;
  for (const TheoryPoint* p : policies) {
    if (!lead || p->errorMean < lead->errorMean) {
      next = lead;
      lead = p;
    } else if (!next || p->errorMean < next->errorMean) {
      next = p;
    }
  }
  if (!lead) return w;
  w.keep = lead->keep;
  w.error = lead->errorMean;
  w.leader = w.policy = lead->policy;
  if (!next) return w;  // one policy simulated: nothing to tell it from
  w.runnerUp = next->policy;
  const auto& a = lead->trialErrors;
  const auto& b = next->trialErrors;
  const size_t t = std::min(a.size(), b.size());
  double mean = 0, ss = 0;
  for (size_t i = 0; i < t; ++i) mean += b[i] - a[i];
  mean /= static_cast<double>(std::max<size_t>(t, 1));
  for (size_t i = 0; i < t; ++i) ss += (b[i] - a[i] - mean) * (b[i] - a[i] - mean);
  w.gap = next->errorMean - lead->errorMean;
  w.gapSem = t > 1 ? std::sqrt(ss / static_cast<double>(t - 1) / static_cast<double>(t)) : 0.0;
  if (t < 2 || !(w.gap > 2.0 * w.gapSem)) w.policy = "tie";
  return w;
}

std::vector<OptimalKeep> optimalKeepCurve(const std::vector<TheoryPoint>& points) {
  std::map<double, OptimalKeep> best;
  std::map<double, std::map<double, std::vector<const TheoryPoint*>>> atKeep;  // alpha_tot → f → its policies
  for (const auto& p : points) {
    auto [it, fresh] = best.try_emplace(p.alphaTot);
    OptimalKeep& o = it->second;
    if (fresh) o.unprunedError = std::numeric_limits<double>::quiet_NaN();
    if (p.keep >= 1.0 && (std::isnan(o.unprunedError) || p.errorMean < o.unprunedError)) o.unprunedError = p.errorMean;
    if (fresh || p.errorMean < o.error) {
      o.alphaTot = p.alphaTot;
      o.keep = p.keep;
      o.policy = p.policy;
      o.error = p.errorMean;
      o.errorSem = p.errorSem;
    }
    if (p.keep < 1.0) atKeep[p.alphaTot][p.keep].push_back(&p);
  }
  std::vector<OptimalKeep> out;
  out.reserve(best.size());
  for (auto& [alpha, o] : best) {
    for (const auto& kv : atKeep[alpha]) o.winners.push_back(winnerAt(kv.second));
    out.push_back(o);
  }
  return out;
}

TheoryConfig optimalKeepTheoryConfig() {
  TheoryConfig c;
  c.dim = 50;
  c.alphaTot = {1, 2, 5, 10, 20, 50, 100};
  c.keeps = {0.1, 0.2, 0.3, 0.5, 0.7, 1.0};
  c.policies = theoryPolicyNames();
  c.trials = 6;
  c.seed = 0;
  return c;
}

}  // namespace ps
