#pragma once
// The colours every chart uses: one per pruning policy, and a ten-colour palette for
// series without a meaning of their own (classes, the two sides of an audit); and how a
// series joins a chart.
#include <QColor>
#include <cstddef>
#include <string>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace ps::ui {

QColor policyColour(const std::string& policy);  // hard red, easy blue, random grey, ccs green
QColor paletteColour(size_t i);                  // i modulo 10

// Adds `series` to `chart` on the axes `x` and `y`; `inLegend` false hides its legend entry.
void addToChart(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y, bool inLegend = true);

}  // namespace ps::ui
