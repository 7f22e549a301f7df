#pragma once
// Charts as SVG text, for the self-contained HTML report (core has no Qt, and a report
// must open in any browser without scripts or files beside it): lines, markers and
// error bars on linear or log axes, ticks at round values, and a legend. Plain text out.
#include <string>
#include <vector>

namespace ps {

struct SvgSeries {
  std::string name;    // in the legend ("" = not listed)
  std::string colour;  // CSS colour, "#1f77b4"
  std::vector<double> xs, ys;
  std::vector<double> yErr;  // empty, or one half-height per point (error bars)
  bool line = true, markers = true, dashed = false;
  double width = 1.6;
};

struct SvgChart {
  std::string title, xLabel, yLabel;
  bool logX = false, logY = false;
  std::vector<SvgSeries> series;
  int width = 760, height = 430;
};

// Points that cannot be drawn (non-finite, or ≤ 0 on a log axis) are left out; a chart
// with nothing drawable says so in its plot area.
std::string renderSvg(const SvgChart& chart);

// &, <, >, " and ' as entities: any text from a store or a file goes through this.
std::string escapeXml(const std::string& text);

// A fixed palette of distinguishable colours, by index (wraps).
const char* paletteColour(size_t index);

}  // namespace ps
