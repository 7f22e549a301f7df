#pragma once
// Two scores of the same examples against each other, for a scatter that stays smooth at
// a million points: the points binned into a grid of cells (a density image), and the
// example nearest to a place on it. Plain data, no torch.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ps {

struct DensityGrid {
  int width = 0, height = 0;                  // cells
  double xlo = 0, xhi = 1, ylo = 0, yhi = 1;  // the data range the cells split evenly
  std::vector<uint32_t> counts;               // [row * width + column]; row 0 is the top (highest y)
  uint32_t maxCount = 0;
  uint64_t points = 0;  // finite points binned
  double cellX(double x) const { return (x - xlo) / (xhi - xlo) * width; }
  double cellY(double y) const { return (yhi - y) / (yhi - ylo) * height; }
  uint32_t at(int column, int row) const {
    return counts[static_cast<size_t>(row) * static_cast<size_t>(width) + static_cast<size_t>(column)];
  }
};

// Bins the points (x[i], y[i]) over their range into width × height cells (NaN and
// infinite values are left out). ConfigError for a size outside 1..4096 or x and y of
// different lengths.
DensityGrid densityGrid(const std::vector<float>& x, const std::vector<float>& y, int width, int height);

// The point nearest to data coordinates (px, py), distances measured in cells of `grid`;
// -1 when none lies within `reach` cells.
long nearestPoint(const std::vector<float>& x, const std::vector<float>& y, const DensityGrid& grid, double px,
                  double py, double reach);

}  // namespace ps
