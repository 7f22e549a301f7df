#pragma once
// What the fairness view's two audits (by class, views/fairness_view.h; by group,
// views/group_fairness.h) show alike: tables that sort by a number kept in each cell, and
// bar charts of at most a chart's worth of categories, the most affected first, on an
// axis fit to the metric.
#include <QString>
#include <QStringList>
#include <Qt>
#include <cstddef>
#include <functional>
#include <vector>

class QBarSeries;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTableView;
class QValueAxis;
class QWidget;

namespace ps::ui {

class ChartView;

// The role the tables sort by: a cell's number (a missing one sorts last), or its text.
constexpr int kFairnessSortRole = Qt::UserRole + 1;

// A table of `model` through a sorting proxy (returned in `sorted`): the model's order
// until a header is clicked; read-only, compact rows, no row numbers.
QTableView* fairnessTable(QWidget* parent, QStandardItemModel* model, QSortFilterProxyModel** sorted);

// Shows the item's text in bold.
void setBold(QStandardItem* item);

// How a metric's bars are read: fractions (0 to 1), a change (around zero), or shares of
// a set (0 to a little above the largest, `hi`).
enum class BarScale { Fraction, Change, Share };
QValueAxis* barAxis(BarScale scale, double lo, double hi);

// `rows` when there are at most `most`; else the `most` of them with the lowest `rank`
// (a NaN ranks last), ties in the order given.
std::vector<size_t> lowestRanked(std::vector<size_t> rows, const std::function<double(size_t)>& rank, size_t most);

// Shows `series` in `view` on a new chart: `categories` along the bottom (at `labelAngle`
// degrees when not 0), `y` on the left, the title above and the legend below.
void showBarChart(ChartView* view, QBarSeries* series, const QStringList& categories, QValueAxis* y,
                  const QString& title, int labelAngle);

}  // namespace ps::ui
