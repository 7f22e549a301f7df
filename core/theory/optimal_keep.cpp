#include "theory/optimal_keep.h"

#include <cmath>
#include <limits>
#include <map>

namespace ps {

std::vector<OptimalKeep> optimalKeepCurve(const std::vector<TheoryPoint>& points) {
  std::map<double, OptimalKeep> best;
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
  }
  std::vector<OptimalKeep> out;
  out.reserve(best.size());
  for (const auto& kv : best) out.push_back(kv.second);
  return out;
}

TheoryConfig optimalKeepTheoryConfig() {
  TheoryConfig c;
  c.dim = 50;
  c.alphaTot = {0.5, 1, 2, 4, 8, 20};
  c.keeps = {0.1, 0.2, 0.4, 0.6, 0.8, 1.0};
  c.policies = {"hard", "easy", "random"};
  c.trials = 6;
  c.seed = 0;
  return c;
}

}  // namespace ps
