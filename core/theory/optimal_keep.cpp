#include "theory/optimal_keep.h"

#include <cmath>
#include <limits>
#include <map>

namespace ps {

std::vector<OptimalKeep> optimalKeepCurve(const std::vector<TheoryPoint>& points) {
  std::map<double, OptimalKeep> best;
  std::map<double, std::map<double, OptimalKeep::Winner>> winners;  // alpha_tot → f → winner
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
    if (p.keep >= 1.0) continue;
    auto [w, first] = winners[p.alphaTot].try_emplace(p.keep, OptimalKeep::Winner{p.keep, p.policy, p.errorMean});
    if (!first && p.errorMean < w->second.error) w->second = {p.keep, p.policy, p.errorMean};
  }
  std::vector<OptimalKeep> out;
  out.reserve(best.size());
  for (auto& [alpha, o] : best) {
    for (const auto& kv : winners[alpha]) o.winners.push_back(kv.second);
    out.push_back(o);
  }
  return out;
}

TheoryConfig optimalKeepTheoryConfig() {
  TheoryConfig c;
  c.dim = 50;
  c.alphaTot = {1, 2, 5, 10, 20, 50, 100};
  c.keeps = {0.1, 0.2, 0.3, 0.5, 0.7, 1.0};
  c.policies = {"hard", "easy", "random"};
  c.trials = 6;
  c.seed = 0;
  return c;
}

}  // namespace ps
