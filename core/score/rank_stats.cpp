#include "score/rank_stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "util/errors.h"

namespace ps {

std::vector<double> averageRanks(const std::vector<float>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> rank(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double r = 0.5 * static_cast<double>(i + j);
    for (size_t k = i; k <= j; ++k) rank[order[k]] = r;
    i = j + 1;
  }
  return rank;
}

double spearman(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.size() != b.size())
    throw ConfigError("rank correlation of vectors of different lengths (" + std::to_string(a.size()) + " and " +
                      std::to_string(b.size()) + ")");
  const auto ra = averageRanks(a), rb = averageRanks(b);
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(ra.begin(), ra.end(), 0.0) / n, mb = std::accumulate(rb.begin(), rb.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) * (ra[i] - ma);
    sbb += (rb[i] - mb) * (rb[i] - mb);
  }
  if (saa == 0 || sbb == 0) return std::numeric_limits<double>::quiet_NaN();
  return sab / std::sqrt(saa * sbb);
}

size_t descendingRank(const std::vector<float>& v, size_t i) {
  if (i >= v.size())
    throw ConfigError("rank of position " + std::to_string(i) + " in " + std::to_string(v.size()) + " values");
  size_t larger = 0;
  for (float x : v) larger += x > v[i];
  return larger + 1;
}

double topKOverlap(const std::vector<float>& a, const std::vector<float>& b, size_t k) {
  k = std::min(k, a.size());
  if (k == 0) return std::numeric_limits<double>::quiet_NaN();
  auto top = [k](const std::vector<float>& v) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::partial_sort(idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(k), idx.end(),
                      [&](size_t x, size_t y) { return v[x] > v[y] || (v[x] == v[y] && x < y); });
    idx.resize(k);
    std::sort(idx.begin(), idx.end());
    return idx;
  };
  const auto ta = top(a), tb = top(b);
  std::vector<size_t> both;
  std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(both));
  return static_cast<double>(both.size()) / static_cast<double>(k);
}

}  // namespace ps
