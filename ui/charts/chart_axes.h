#pragma once
// Axes that can be linear or logarithmic, with tick labels at round values either way.
// A logarithmic axis is drawn as a linear axis over log10 of the data with labels at
// 1, 2, 5 × 10^k (more or fewer per decade as the range, zoomed or not, allows): Qt's
// own logarithmic axis labels only powers of its base. Series drawn on a logarithmic
// axis carry the property "ps_logx" / "ps_logy", so the chart view's hover shows the
// data's values, not their logarithms.
#include <QString>
#include <vector>

class QChart;
class QValueAxis;
class QXYSeries;

namespace ps::ui {

class ScaledAxis {
 public:
  // A new axis titled `title`; `format` (printf-style) for the labels of a linear one.
  ScaledAxis(const QString& title, bool log, const char* format);
  QValueAxis* axis() const { return axis_; }
  bool log() const { return log_; }
  // The coordinate of data value v (log10 v on a logarithmic axis; v must be > 0 there).
  double map(double v) const;
  // Shows data values lo..hi (both > 0 on a logarithmic axis).
  void setRange(double lo, double hi) const;
  // Adds `series` to `chart` on x and y, marking it for the hover's inverse mapping.
  static void attach(QChart* chart, QXYSeries* series, const ScaledAxis& x, const ScaledAxis& y, bool inLegend = true);

 private:
  QValueAxis* axis_;
  bool log_;
};

// The data value at coordinate c of a series on an axis marked logarithmic (ps_logx for
// `horizontal`, else ps_logy), else c itself.
double unmapCoordinate(const QXYSeries* series, bool horizontal, double c);

// Tick values at round numbers (1, 2 or 5 × 10^k apart) inside [lo, hi], about `count` of
// them; and a tick's label, with values within a rounding error of zero written as 0.
double roundStep(double lo, double hi, int count = 5);  // 0 for an empty or non-finite range
std::vector<double> roundTicks(double lo, double hi, int count = 5);
int stepDecimals(double step);  // the decimals a label needs at this step: 0.05 → 2, 5 → 0
QString tickLabel(double value, double step);

// Once `axis` (a linear one of `chart`) is zoomed or panned away from its present range,
// its ticks are round (roundStep for its length in pixels, anchored at 0) and its labels
// carry the decimals of the step; back at that range, its own ticks return. Log axes
// (QCategoryAxis) label themselves and are left alone. ChartView does this for every
// linear axis it shows.
void keepTicksRound(QValueAxis* axis, const QChart* chart);

}  // namespace ps::ui
