#include "views/group_fairness.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "charts/chart_style.h"
#include "charts/chart_view.h"
#include "views/fairness_parts.h"

namespace ps::ui {

namespace {

QString number(double v, int digits = 3) {
  return std::isnan(v) ? QObject::tr("n/a") : QString::number(v, 'f', digits);
}

// A cell showing `text` that sorts by `value` (a missing value sorts last).
QStandardItem* cell(const QString& text, double value) {
  auto* item = new QStandardItem(text);
  item->setEditable(false);
  item->setData(std::isnan(value) ? std::numeric_limits<double>::max() : value, kFairnessSortRole);
  return item;
}

QStandardItem* textCell(const QString& text) {
  auto* item = new QStandardItem(text);
  item->setEditable(false);
  item->setData(text, kFairnessSortRole);
  return item;
}

enum Metric { MakeUp, KeptFraction, Accuracy, Change };

// The value a group is ranked by when the chart cannot show every group: most pruned
// first (make-up, kept fraction), least accurate first, most harmed first.
double rankValue(const GroupRow& g, int metric) {
  return metric == Accuracy ? g.accSubset : metric == Change ? g.change : g.keptFraction;
}

}  // namespace

QString groupMetricText(const GroupMetric& m) {
  QString s = number(m.value);
  if (!std::isnan(m.spread)) s += QStringLiteral(" ± %1").arg(m.spread, 0, 'f', 3);
  if (!std::isnan(m.low)) s += QStringLiteral(" [%1, %2]").arg(m.low, 0, 'f', 3).arg(m.high, 0, 'f', 3);
  return s;
}

GroupFairnessPanel::GroupFairnessPanel(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  model_ = new QStandardItemModel(this);
  table_ = fairnessTable(this, model_, &sorted_);
  metric_ = new QComboBox(this);
  metric_->addItem(tr("make-up: share of the full set and of the kept set"));
  metric_->addItem(tr("kept fraction per group"));
  metric_->addItem(tr("accuracy: subset's model and full-data model"));
  metric_->addItem(tr("change in accuracy"));
  view_ = new ChartView(this);
  auto* chartBox = new QWidget(this);
  auto* cl = new QVBoxLayout(chartBox);
  cl->setContentsMargins(0, 0, 0, 0);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Chart"), chartBox));
  top->addWidget(metric_, 1);
  cl->addLayout(top);
  cl->addWidget(view_, 1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(table_);
  split->addWidget(chartBox);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(summary_);
  layout->addWidget(split, 1);
  connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GroupFairnessPanel::drawChart);
}

void GroupFairnessPanel::setResult(const GroupAuditResult& result, const QString& title) {
  result_ = result;
  title_ = title;
  hasResult_ = true;
  QStringList attributes;
  for (const auto& a : result.attributes) attributes << QString::fromStdString(a);
  QString text = tr("Audit of %1 by class × %2: %3 of %4 examples kept, %5 groups")
                     .arg(title, attributes.join(QStringLiteral(" × ")))
                     .arg(result.kept)
                     .arg(result.pool)
                     .arg(result.groups.size());
  if (result.hasAccuracy) {
    const auto side = [](const GroupSummary& s) {
      return tr("average %1, worst group %2 (%3), worst class %4 (%5)")
          .arg(groupMetricText(s.average), groupMetricText(s.worstGroup), QString::fromStdString(s.worstGroup.group),
               groupMetricText(s.worstClass), QString::fromStdString(s.worstClass.group));
    };
    text += tr("\nTest accuracy of the subset's model: %1.\nFull-data model: %2.")
                .arg(side(result.subset), side(result.full));
  } else {
    text += tr("\nNo accuracy: %1").arg(QString::fromStdString(result.noAccuracy));
  }
  summary_->setText(text);
  fill();
  drawChart();
}

void GroupFairnessPanel::fill() {
  QStringList header{tr("Class")};
  for (const auto& a : result_.attributes) header << QString::fromStdString(a);
  header << tr("Total") << tr("Kept") << tr("Kept fraction") << tr("Share of full set") << tr("Share of kept set")
         << tr("Acc. subset") << tr("Acc. full data") << tr("Change") << tr("Test examples");
  model_->clear();
  model_->setColumnCount(header.size());
  model_->setHorizontalHeaderLabels(header);
  worstRow_ = -1;
  const std::string worst = result_.hasAccuracy ? result_.subset.worstGroup.group : std::string();
  for (size_t r = 0; r < result_.groups.size(); ++r) {
    const GroupRow& g = result_.groups[r];
    QList<QStandardItem*> row{textCell(QString::fromStdString(g.className))};
    for (const auto& v : g.values) row << textCell(QString::fromStdString(v));
    row << cell(QString::number(g.total), double(g.total)) << cell(QString::number(g.kept), double(g.kept))
        << cell(number(g.keptFraction), g.keptFraction) << cell(number(g.shareFull), g.shareFull)
        << cell(number(g.shareKept), g.shareKept) << cell(number(g.accSubset), g.accSubset)
        << cell(number(g.accFull), g.accFull)
        << cell(std::isnan(g.change) ? number(g.change) : QString::asprintf("%+.3f", g.change), g.change)
        << cell(QString::number(g.test), double(g.test));
    if (!g.margin() && !worst.empty() && groupName(result_, g) == worst) {
      worstRow_ = static_cast<int>(r);
      for (auto* item : row) {
        setBold(item);
        item->setBackground(QColor(255, 236, 150));
        item->setToolTip(tr("the worst group: the lowest test accuracy of the subset's model"));
      }
    }
    model_->appendRow(row);
  }
  table_->resizeColumnsToContents();
}

// The groups the chart shows: every class × attribute group, or the kMaxBars ranked
// first by the metric when there are more.
std::vector<size_t> GroupFairnessPanel::rowsToDraw(int metric, size_t* groups) const {
  std::vector<size_t> rows;
  for (size_t r = 0; r < result_.groups.size(); ++r)
    if (!result_.groups[r].margin()) rows.push_back(r);
  *groups = rows.size();
  return lowestRanked(
      std::move(rows), [&](size_t r) { return rankValue(result_.groups[r], metric); }, kMaxBars);
}

namespace {

BarScale groupScale(int metric) {
  return metric == Change ? BarScale::Change : metric == MakeUp ? BarScale::Share : BarScale::Fraction;
}

double val(double v) { return std::isnan(v) ? 0.0 : v; }

// A group's bar in the first set, and in the second (make-up, accuracy).
double firstBar(const GroupRow& g, int metric) {
  if (metric == MakeUp) return val(g.shareFull);
  if (metric == Accuracy) return val(g.accSubset);
  return val(metric == Change ? g.change : g.keptFraction);
}
double secondBar(const GroupRow& g, int metric) { return val(metric == MakeUp ? g.shareKept : g.accFull); }

QString firstSetName(int metric) {
  if (metric == MakeUp) return GroupFairnessPanel::tr("share of the full set");
  if (metric == Accuracy) return GroupFairnessPanel::tr("subset's model");
  return metric == Change ? GroupFairnessPanel::tr("change in accuracy") : GroupFairnessPanel::tr("kept fraction");
}

// "Shirt · warm · a": a short name for the chart's axis.
QString shortName(const GroupRow& g) {
  QStringList parts{QString::fromStdString(g.className)};
  for (const auto& v : g.values) parts << QString::fromStdString(v);
  return parts.join(QStringLiteral(" · "));
}

}  // namespace

// The bars: one set (kept fraction, change) or two (make-up: full against kept; accuracy:
// subset's model against the full-data model); the worst group's bars selected (red).
QBarSeries* GroupFairnessPanel::bars(int metric, QStringList* names, double* lo, double* hi) const {
  const bool two = metric == MakeUp || metric == Accuracy;
  auto* a = new QBarSet(firstSetName(metric));
  auto* b = new QBarSet(metric == MakeUp ? tr("share of the kept set") : tr("full-data model"));
  // Grey and blue (red is kept for the worst group's bars).
  a->setColor(two ? QColor(140, 140, 140) : QColor(31, 119, 180));
  a->setSelectedColor(QColor(190, 20, 20));
  b->setColor(QColor(31, 119, 180));
  b->setSelectedColor(QColor(240, 110, 110));
  for (size_t k = 0; k < chartRows_.size(); ++k) {
    const GroupRow& g = result_.groups[chartRows_[k]];
    const bool worst = static_cast<int>(chartRows_[k]) == worstRow_;
    *names << shortName(g) + (worst ? tr(" (worst)") : QString());
    const double x = firstBar(g, metric), y = two ? secondBar(g, metric) : 0.0;
    *a << x;
    *b << y;
    *lo = std::min({*lo, x, y});
    *hi = std::max({*hi, x, y});
    if (worst) {
      a->selectBar(static_cast<int>(k));
      b->selectBar(static_cast<int>(k));
    }
  }
  auto* series = new QBarSeries;
  series->append(a);
  if (two)
    series->append(b);
  else
    delete b;
  return series;
}

void GroupFairnessPanel::drawChart() {
  chartRows_.clear();
  if (!hasResult_) return view_->showChart(new QChart);
  const int metric = metric_->currentIndex();
  size_t groups = 0;
  chartRows_ = rowsToDraw(metric, &groups);
  QStringList names;
  double lo = 0, hi = 0;
  QBarSeries* series = bars(metric, &names, &lo, &hi);
  QString what = metric_->currentText();
  if (groups > chartRows_.size())
    what = (metric == Accuracy ? tr("the %1 least accurate of %2 groups: %3")
            : metric == Change ? tr("the %1 most harmed of %2 groups: %3")
                               : tr("the %1 most pruned of %2 groups: %3"))
               .arg(chartRows_.size())
               .arg(groups)
               .arg(what);
  showBarChart(view_, series, names, barAxis(groupScale(metric), lo, hi), tr("%1 (%2)").arg(what, title_), -60);
}

}  // namespace ps::ui
