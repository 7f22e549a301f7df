#include "embed/map_selection.h"

#include <algorithm>

namespace ps {

std::vector<int64_t> pointsInPolygon(const std::vector<float>& x, const std::vector<float>& y,
                                     const std::vector<MapPoint>& polygon) {
  std::vector<int64_t> out;
  if (polygon.size() < 3) return out;
  double minX = polygon[0].x, maxX = minX, minY = polygon[0].y, maxY = minY;
  for (const MapPoint& p : polygon) {
    minX = std::min(minX, p.x), maxX = std::max(maxX, p.x);
    minY = std::min(minY, p.y), maxY = std::max(maxY, p.y);
  }
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    const double px = x[i], py = y[i];
    if (px < minX || px > maxX || py < minY || py > maxY) continue;  // most points, at once
    bool inside = false;
    for (size_t a = 0, b = polygon.size() - 1; a < polygon.size(); b = a++) {
      const MapPoint& p = polygon[a];
      const MapPoint& q = polygon[b];
      // The crossing test of W. R. Franklin's pnpoly: a ray to +x crosses edge (q, p).
      if ((p.y > py) != (q.y > py) && px < (q.x - p.x) * (py - p.y) / (q.y - p.y) + p.x) inside = !inside;
    }
    if (inside) out.push_back(static_cast<int64_t>(i));
  }
  return out;
}

std::vector<int64_t> pointsInBox(const std::vector<float>& x, const std::vector<float>& y, MapPoint a, MapPoint b) {
  const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  std::vector<int64_t> out;
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i)
    if (x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1) out.push_back(static_cast<int64_t>(i));
  return out;
}

int64_t nearestPoint(const std::vector<float>& x, const std::vector<float>& y, MapPoint p, double radius) {
  int64_t best = -1;
  double bestD = radius * radius;
  const size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    const double dx = x[i] - p.x, dy = y[i] - p.y, d = dx * dx + dy * dy;
    if (d <= bestD) bestD = d, best = static_cast<int64_t>(i);
  }
  return best;
}

}  // namespace ps
