#pragma once
// Pareto frontier of (x, y) points where both are to be minimised: a point is on the
// frontier when no other point has x ≤ and y ≤ with one of them strictly smaller.
#include <cstddef>
#include <utility>
#include <vector>

namespace ps {

// Indices of the non-dominated points, ordered by increasing x.
std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& points);

}  // namespace ps
