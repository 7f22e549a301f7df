#include "views/fairness_parts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QChart>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItem>
#include <QStandardItemModel>
#include <QTableView>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/chart_view.h"

namespace ps::ui {

QTableView* fairnessTable(QWidget* parent, QStandardItemModel* model, QSortFilterProxyModel** sorted) {
  *sorted = new QSortFilterProxyModel(parent);
  (*sorted)->setSourceModel(model);
  (*sorted)->setSortRole(kFairnessSortRole);
  auto* t = new QTableView(parent);
  t->setModel(*sorted);
  t->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  t->setSortingEnabled(true);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
  return t;
}

void setBold(QStandardItem* item) {
  QFont f = item->font();
  f.setBold(true);
  item->setFont(f);
}

QValueAxis* barAxis(BarScale scale, double lo, double hi) {
  auto* y = new QValueAxis;
  if (scale == BarScale::Change) {
    y->setRange(std::min(lo * 1.1, -0.05), std::max(hi * 1.1, 0.05));
    y->applyNiceNumbers();
  } else if (scale == BarScale::Share) {
    y->setRange(0, std::max(hi * 1.1, 0.01));
    y->applyNiceNumbers();
  } else {
    y->setRange(0, 1);
    y->setTickCount(6);
  }
  return y;
}

std::vector<size_t> lowestRanked(std::vector<size_t> rows, const std::function<double(size_t)>& rank, size_t most) {
  if (rows.size() <= most) return rows;
  const auto key = [&](size_t r) {
    const double v = rank(r);
    return std::isnan(v) ? std::numeric_limits<double>::max() : v;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
  rows.resize(most);
  return rows;
}

void showBarChart(ChartView* view, QBarSeries* series, const QStringList& categories, QValueAxis* y,
                  const QString& title, int labelAngle) {
  auto* chart = new QChart;
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  if (labelAngle != 0) x->setLabelsAngle(labelAngle);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  view->showChart(chart);
}

}  // namespace ps::ui
