#include "charts/chart_axes.h"

#include <QCategoryAxis>
#include <QChart>
#include <QValueAxis>
#include <QXYSeries>
#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"

namespace ps::ui {

namespace {

// Labels of a log axis showing log10 values lo..hi: the round values inside, as many per
// decade as fit (every integer mantissa within a decade, 1-2-5 up to four decades, 1-3
// up to eight, powers of ten beyond).
void labelLogAxis(QCategoryAxis* axis, double lo, double hi) {
  for (const QString& label : axis->categoriesLabels()) axis->remove(label);
  const double span = hi - lo;
  if (!(span > 0) || !std::isfinite(span)) return;
  std::vector<int> mantissas = {1};
  if (span <= 1.2)
    mantissas = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  else if (span <= 4)
    mantissas = {1, 2, 5};
  else if (span <= 8)
    mantissas = {1, 3};
  axis->setStartValue(lo);
  for (auto decade = static_cast<int>(std::floor(lo)); decade <= static_cast<int>(std::ceil(hi)); ++decade)
    for (int m : mantissas) {
      const double value = m * std::pow(10.0, decade), at = std::log10(value);
      if (at >= lo - 1e-9 && at <= hi + 1e-9) axis->append(QString::number(value, 'g', 6), at);
    }
}

}  // namespace

ScaledAxis::ScaledAxis(const QString& title, bool log, const char* format) : log_(log) {
  if (log) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Zooming and panning change the range: label the new one (appending labels does not
    // change the range, so this does not recurse).
    QObject::connect(axis, &QValueAxis::rangeChanged, axis,
                     [axis](double lo, double hi) { labelLogAxis(axis, lo, hi); });
    axis_ = axis;
  } else {
    axis_ = new QValueAxis;
    axis_->setLabelFormat(QString::fromLatin1(format));
  }
  axis_->setTitleText(title);
}

double ScaledAxis::map(double v) const { return log_ ? std::log10(v) : v; }

void ScaledAxis::setRange(double lo, double hi) const {
  axis_->setRange(map(lo), map(hi));
  if (log_)
    labelLogAxis(static_cast<QCategoryAxis*>(axis_), map(lo), map(hi));
  else
    axis_->applyNiceNumbers();
}

void ScaledAxis::attach(QChart* chart, QXYSeries* series, const ScaledAxis& x, const ScaledAxis& y, bool inLegend) {
  if (x.log()) series->setProperty("ps_logx", true);
  if (y.log()) series->setProperty("ps_logy", true);
  addToChart(chart, series, x.axis(), y.axis(), inLegend);
}

double roundStep(double lo, double hi, int count) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || count < 1) return 0;
  const double raw = (hi - lo) / count, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  return 10 * magnitude;
}

std::vector<double> roundTicks(double lo, double hi, int count) {
  std::vector<double> ticks;
  const double step = roundStep(lo, hi, count);
  if (!(step > 0)) return ticks;
  for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1) ticks.push_back(k * step);
  return ticks;
}

int stepDecimals(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  return std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 12);
}

void keepTicksRound(QValueAxis* axis, const QChart* chart) {
  if (qobject_cast<QCategoryAxis*>(axis) || axis->property("ps_roundTicks").toBool()) return;
  axis->setProperty("ps_roundTicks", true);
  struct Own {
    QValueAxis::TickType type;
    int count;
    QString format;
    double lo, hi;
  };
  const Own own{axis->tickType(), axis->tickCount(), axis->labelFormat(), axis->min(), axis->max()};
  QObject::connect(axis, &QValueAxis::rangeChanged, axis, [axis, chart, own](double lo, double hi) {
    const double tolerance = 1e-9 * std::max(1.0, std::abs(own.hi - own.lo));
    if (std::abs(lo - own.lo) <= tolerance && std::abs(hi - own.hi) <= tolerance) {  // home again: the chart's own
      axis->setTickType(own.type);
      axis->setTickCount(own.count);
      axis->setLabelFormat(own.format);
      return;
    }
    // About one tick per 90 px across, 45 px up: a step of 1, 2 or 5 × 10^k, ticks at its
    // multiples, labels with the decimals the step needs (so no two read the same).
    const bool across = axis->orientation() == Qt::Horizontal;
    const double pixels = across ? chart->plotArea().width() : chart->plotArea().height();
    const double step = roundStep(lo, hi, std::clamp(static_cast<int>(pixels / (across ? 90 : 45)), 2, 12));
    if (!(step > 0)) return;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(stepDecimals(step)));
  });
}

QString tickLabel(double value, double step) {
  if (!(step > 0) || std::abs(value) < step * 1e-2) return QStringLiteral("0");
  if (std::abs(value) >= 1e6 || step < 1e-6) return QString::number(value, 'g', 4);
  return QString::number(value, 'f', std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9))));
}

double unmapCoordinate(const QXYSeries* series, bool horizontal, double c) {
  return series->property(horizontal ? "ps_logx" : "ps_logy").toBool() ? std::pow(10.0, c) : c;
}

}  // namespace ps::ui
