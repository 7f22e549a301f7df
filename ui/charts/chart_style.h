#pragma once
// The colours every chart uses: one per pruning policy, and a ten-colour palette for
// series without a meaning of their own (classes, the two sides of an audit); and how a
// series joins a chart.
#include <QColor>
#include <cstddef>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QPoint;
class QString;
class QWidget;
class QXYSeries;
QT_END_NAMESPACE

namespace ps::ui {

// A policy's colour (util/policy_colours.h: the report's too), `shade` steps lighter.
QColor policyColour(const std::string& policy, size_t shade = 0);
QColor paletteColour(size_t i);  // i modulo 10

// Adds `series` to `chart` on the axes `x` and `y`; `inLegend` false hides its legend entry.
void addToChart(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y, bool inLegend = true);

// Series told apart by colour AND by line style and marker shape: `style` picks the
// n-th combination (solid ●, dashed ■, dotted ▲, dash-dot ◆, …); the legend shows both
// once finishLegend has run.
void styleLine(QXYSeries* series, const QColor& colour, size_t style, double width = 2.5);
void finishLegend(QChart* chart);  // legend on the right, entries drawn like their series

// Which item of a view's data each point of a series is (hover, click): `ids[i]` for
// point i. pointId is -1 for a series without ids or a point past them.
void setPointIds(QXYSeries* series, const std::vector<size_t>& ids);
long pointId(const QXYSeries* series, int index);

// A hover tooltip shown once per change: `text` (empty: hidden) at `global` for `widget`;
// `shown` holds what is shown now.
void updateHover(QWidget* widget, QString& shown, const QString& text, const QPoint& global);

}  // namespace ps::ui
