#pragma once
// Selections on the embedding map, as pure functions of the map's coordinates (the view
// draws; what a lasso or a box picks is decided here, and tested exactly).
#include <cstdint>
#include <vector>

namespace ps {

struct MapPoint {
  double x = 0, y = 0;
};

// The rows whose point (x[i], y[i]) lies inside `polygon` (closed implicitly; even-odd
// rule, as QPainterPath's default fill; a point exactly on an edge may fall either side),
// ascending. Fewer than 3 vertices select nothing. x and y must have the same size.
std::vector<int64_t> pointsInPolygon(const std::vector<float>& x, const std::vector<float>& y,
                                     const std::vector<MapPoint>& polygon);

// The rows inside the box spanned by two corners (either order), edges included, ascending.
std::vector<int64_t> pointsInBox(const std::vector<float>& x, const std::vector<float>& y, MapPoint a, MapPoint b);

// The row nearest (px, py) within `radius`, or -1.
int64_t nearestPoint(const std::vector<float>& x, const std::vector<float>& y, MapPoint p, double radius);

}  // namespace ps
