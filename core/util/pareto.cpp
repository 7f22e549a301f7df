#include "util/pareto.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ps {

std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& p) {
  std::vector<size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return p[a].first < p[b].first || (p[a].first == p[b].first && p[a].second < p[b].second);
  });
  std::vector<size_t> front;
  double best = std::numeric_limits<double>::infinity();
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    // Among equal x only the lowest y can be on the frontier (it comes first).
    if (k > 0 && p[order[k - 1]].first == p[i].first) continue;
    if (p[i].second < best) {
      front.push_back(i);
      best = p[i].second;
    }
  }
  return front;
}

}  // namespace ps
