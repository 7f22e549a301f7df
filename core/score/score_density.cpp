#include "score/score_density.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>

#include "util/errors.h"

namespace ps {

namespace {

constexpr int kMaxCells = 4096;

// The finite range of v; a zero-width range is widened so every point lands in a cell.
std::pair<double, double> finiteRange(const std::vector<float>& v) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (float f : v)
    if (std::isfinite(f)) {
      lo = std::min(lo, static_cast<double>(f));
      hi = std::max(hi, static_cast<double>(f));
    }
  if (!(lo <= hi)) return {0.0, 1.0};
  if (hi - lo < 1e-12 * std::max(1.0, std::abs(lo))) return {lo - 0.5, hi + 0.5};
  return {lo, hi};
}

}  // namespace

DensityGrid densityGrid(const std::vector<float>& x, const std::vector<float>& y, int width, int height) {
  if (width < 1 || width > kMaxCells || height < 1 || height > kMaxCells)
    throw ConfigError("density grid of " + std::to_string(width) + " x " + std::to_string(height) +
                      " cells: each side must be 1.." + std::to_string(kMaxCells));
  if (x.size() != y.size())
    throw ConfigError("density of " + std::to_string(x.size()) + " x values against " + std::to_string(y.size()) +
                      " y values: they must pair up");
  DensityGrid g;
  g.width = width;
  g.height = height;
  std::tie(g.xlo, g.xhi) = finiteRange(x);
  std::tie(g.ylo, g.yhi) = finiteRange(y);
  g.counts.assign(static_cast<size_t>(width) * static_cast<size_t>(height), 0);
  for (size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    const int c = std::clamp(static_cast<int>(g.cellX(x[i])), 0, width - 1);
    const int r = std::clamp(static_cast<int>(g.cellY(y[i])), 0, height - 1);
    uint32_t& n = g.counts[static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(c)];
    g.maxCount = std::max(g.maxCount, ++n);
    ++g.points;
  }
  return g;
}

long nearestPoint(const std::vector<float>& x, const std::vector<float>& y, const DensityGrid& grid, double px,
                  double py, double reach) {
  const double cx = grid.cellX(px), cy = grid.cellY(py);
  long best = -1;
  double bestDistance = reach * reach;
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    const double dx = grid.cellX(x[i]) - cx, dy = grid.cellY(y[i]) - cy;
    const double d = dx * dx + dy * dy;
    if (d <= bestDistance) {
      bestDistance = d;
      best = static_cast<long>(i);
    }
  }
  return best;
}

}  // namespace ps
