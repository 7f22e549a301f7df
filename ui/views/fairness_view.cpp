#include "views/fairness_view.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QCursor>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "base/ui_wording.h"
#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "charts/chart_view.h"
#include "views/fairness_parts.h"
#include "views/group_fairness.h"

namespace ps::ui {

namespace {
QString number(double v, int digits = 3) {
  return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', digits);
}

// A sortable table of `model` whose columns fit their contents; compact rows of a fixed
// height, so ten classes fit without scrolling.
QTableView* tableFor(QWidget* parent, QStandardItemModel* model, QSortFilterProxyModel** sorted) {
  auto* t = fairnessTable(parent, model, sorted);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->setAlternatingRowColors(false);
  t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  return t;
}
}  // namespace

FairnessView::FairnessView(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel(tr("No audit yet: click a point of a frontier study to audit that pruning."), this);
  summary_->setWordWrap(true);
  policyTitle_ = new QLabel(this);
  balancedTitle_ = new QLabel(this);
  policyModel_ = new QStandardItemModel(0, 6, this);
  balancedModel_ = new QStandardItemModel(0, 6, this);
  for (auto* m : {policyModel_, balancedModel_})
    m->setHorizontalHeaderLabels(
        {tr("Class"), tr("Kept"), tr("Kept fraction"), tr("Acc. subset"), tr("Acc. full data"), tr("Change")});
  metric_ = new QComboBox(this);
  metric_->addItem(tr("kept fraction per class"));
  metric_->addItem(tr("accuracy on the subset"));
  metric_->addItem(tr("change in accuracy"));
  metric_->addItem(tr("make-up: share of the full set and of each kept set"));
  view_ = new ChartView(this);

  auto* tables = new QWidget(this);
  auto* grid = new QGridLayout(tables);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(policyTitle_, 0, 0);
  grid->addWidget(balancedTitle_, 0, 1);
  policyTable_ = tableFor(tables, policyModel_, &policySorted_);
  balancedTable_ = tableFor(tables, balancedModel_, &balancedSorted_);
  grid->addWidget(policyTable_, 1, 0);
  grid->addWidget(balancedTable_, 1, 1);
  auto* chartBox = new QWidget(this);
  auto* cl = new QVBoxLayout(chartBox);
  cl->setContentsMargins(0, 0, 0, 0);
  auto* chartTop = new QHBoxLayout;
  chartTop->addWidget(new QLabel(tr("Chart"), chartBox));
  chartTop->addWidget(metric_, 1);
  export_ = makeExportButton(
      chartBox, view_, [this](const std::string& path) { writeAuditCsv(result_, path); },
      [this](const QString& reason) { emit exportFailed(reason); });
  export_->setEnabled(false);
  chartTop->addWidget(export_);
  cl->addLayout(chartTop);
  cl->addWidget(view_, 1);
  split_ = new QSplitter(Qt::Vertical, this);
  split_->addWidget(tables);
  split_->addWidget(chartBox);
  split_->setStretchFactor(0, 0);
  split_->setStretchFactor(1, 1);
  groups_ = new GroupFairnessPanel(this);
  pages_ = new QStackedWidget(this);
  pages_->addWidget(split_);
  pages_->addWidget(groups_);
  groupBy_ = new QComboBox(this);
  groupBy_->addItem(tr("class"), QStringList());
  groupBy_->setToolTip(tr("Audit by class, or by group: class × the values of an attribute of the dataset"));
  auto* top = new QHBoxLayout;
  top->addWidget(summary_, 1);
  top->addWidget(new QLabel(tr("Group by"), this));
  top->addWidget(groupBy_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(pages_, 1);
  connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, &FairnessView::drawChart);
  connect(groupBy_, qOverload<int>(&QComboBox::currentIndexChanged), this, &FairnessView::groupByChanged);
}

void FairnessView::setAttributes(const QStringList& names) {
  const QSignalBlocker block(groupBy_);
  groupBy_->clear();
  groupBy_->addItem(tr("class"), QStringList());
  for (const QString& n : names) groupBy_->addItem(tr("class × %1").arg(n), QStringList{n});
  if (names.size() > 1) groupBy_->addItem(tr("class × %1").arg(names.join(QStringLiteral(" × "))), names);
  pages_->setCurrentIndex(0);
}

void FairnessView::setAuditConfig(const AuditConfig& config, const QString& title) {
  config_ = config;
  configTitle_ = title;
  hasConfig_ = true;
  groupedBy_.clear();
  if (groupBy_->currentIndex() > 0) groupByChanged();  // the new pruning, by the same attributes
}

// By class: the per-class audit. By attributes: the group audit shown when it is of those
// attributes, else asked for (of the pruning last audited).
void FairnessView::groupByChanged() {
  const QStringList names = groupBy_->currentData().toStringList();
  if (names.isEmpty()) {
    pages_->setCurrentIndex(0);
    return;
  }
  pages_->setCurrentIndex(1);
  std::vector<std::string> wanted;
  for (const QString& n : names) wanted.push_back(n.toStdString());
  if (wanted == groupedBy_) return;
  if (!hasConfig_) {
    summary_->setText(tr("No audit yet: click a point of a frontier study to audit that pruning, then group it."));
    return;
  }
  GroupAuditConfig g;
  g.audit = config_;
  g.audit.spec.classBalanced = config_.spec.classBalanced;
  g.groupBy = wanted;
  g.bootstrap = 200;  // enough for an interval on screen; the CLI's audit defaults to 1000
  summary_->setText(tr("Auditing %1 by class × %2… (the Jobs panel shows its progress)")
                        .arg(configTitle_, names.join(QStringLiteral(" × "))));
  emit groupAuditRequested(g, configTitle_);
}

void FairnessView::setGroupResult(const GroupAuditResult& result, const QString& title) {
  groupedBy_ = result.attributes;
  QStringList names;  // the group-by box shows what the result groups by
  for (const auto& a : result.attributes) names << QString::fromStdString(a);
  const int entry = groupBy_->findData(names);
  if (entry >= 0) {
    const QSignalBlocker block(groupBy_);
    groupBy_->setCurrentIndex(entry);
  }
  groups_->setResult(result, title);
  summary_->setText(tr("Audit of %1 by group (score run %2)").arg(title).arg(result.scoreRunId));
  pages_->setCurrentIndex(1);
}

void FairnessView::setPending(const QString& message) { summary_->setText(message); }

void FairnessView::fill(QStandardItemModel* model, const AuditSide& side) {
  model->setRowCount(0);
  for (const auto& c : side.classes) {
    QList<QStandardItem*> row;
    row << new QStandardItem(QString::fromStdString(c.name))
        << new QStandardItem(QStringLiteral("%1/%2").arg(c.kept).arg(c.total))
        << new QStandardItem(number(c.keptFraction)) << new QStandardItem(number(c.accuracySubset))
        << new QStandardItem(number(c.accuracyFull))
        << new QStandardItem(std::isnan(c.change) ? number(c.change) : QString::asprintf("%+.3f", c.change));
    const double sortValues[] = {0, double(c.kept), c.keptFraction, c.accuracySubset, c.accuracyFull, c.change};
    for (int col = 0; col < row.size(); ++col) {
      QStandardItem* item = row[col];
      item->setData(col == 0                      ? QVariant(item->text())
                    : std::isnan(sortValues[col]) ? QVariant(std::numeric_limits<double>::max())
                                                  : QVariant(sortValues[col]),
                    kFairnessSortRole);
      item->setEditable(false);
      if (c.disproportionate) {
        item->setBackground(QColor(255, 205, 205));
        item->setToolTip(tr("keeps less than %1 × f of its examples").arg(result_.threshold));
      }
      if (c.name == side.worstClass) setBold(item);
    }
    model->appendRow(row);
  }
}

void FairnessView::setResult(const AuditResult& result, const QString& title) {
  result_ = result;
  hasResult_ = true;
  export_->setEnabled(true);
  sideTitles_[0] = title;  // the subsets in the window's words (their labels in files stay identifiers)
  sideTitles_[1] = title + classBalancedSuffix();
  auto sideLine = [](const AuditSide& s, const QString& name) {
    QString line = tr("%1: %2 kept").arg(name).arg(s.kept);
    if (s.hasAccuracy)
      line += tr(", test error %1 (full data %2), worst class %3 at %4")
                  .arg(number(s.errorSubset, 4), number(s.errorFull, 4), QString::fromStdString(s.worstClass),
                       number(s.worstAccuracy));
    if (!s.flagged.empty()) {
      QStringList names;
      for (const auto& n : s.flagged) names << QString::fromStdString(n);
      line += tr("; pruned disproportionately: %1").arg(names.join(QStringLiteral(", ")));
    }
    return line;
  };
  summary_->setText(tr("Audit of %1 by %2 (score run %3)")
                        .arg(title, QString::fromStdString(result.scoreName))
                        .arg(result.scoreRunId));
  policyTitle_->setText(sideLine(result.policy, sideTitles_[0]));
  balancedTitle_->setText(sideLine(result.balanced, sideTitles_[1]));
  policyTitle_->setWordWrap(true);
  balancedTitle_->setWordWrap(true);
  fill(policyModel_, result.policy);
  fill(balancedModel_, result.balanced);
  policyTable_->resizeColumnsToContents();
  balancedTable_->resizeColumnsToContents();
  fitTables();
  drawChart();
}

// The tables get the height their rows need (no scrolling for ten classes), the chart
// the rest; with many classes the tables scroll and the chart keeps half.
void FairnessView::fitTables() {
  const int rows = std::max(policyModel_->rowCount(), balancedModel_->rowCount());
  const int needed = policyTable_->horizontalHeader()->height() +
                     rows * policyTable_->verticalHeader()->defaultSectionSize() + 2 * policyTable_->frameWidth() +
                     policyTitle_->sizeHint().height() + 8;
  const int total = std::max(split_->height(), 400);
  const int tables = std::min(needed, total / 2 + 120);
  split_->setSizes({tables, std::max(total - tables, 150)});
}

void FairnessView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  if (hasResult_) fitTables();
}

namespace {

enum ClassMetric { KeptFraction, Accuracy, Change, MakeUp };

double classValue(const ClassAudit& c, int metric) {
  const double v = metric == Accuracy ? c.accuracySubset : metric == Change ? c.change : c.keptFraction;
  return std::isnan(v) ? 0.0 : v;
}

BarScale classScale(int metric) {
  return metric == Change ? BarScale::Change : metric == MakeUp ? BarScale::Share : BarScale::Fraction;
}

double share(int64_t part, int64_t whole) { return whole > 0 ? double(part) / double(whole) : 0.0; }

}  // namespace

// Every class while the chart can show them; else the kMaxBars the audited policy prunes
// most (kept fraction, make-up), leaves least accurate, or harms most.
std::vector<size_t> FairnessView::classesToDraw(int metric) const {
  const auto& classes = result_.policy.classes;
  std::vector<size_t> rows(classes.size());
  for (size_t k = 0; k < rows.size(); ++k) rows[k] = k;
  const auto rank = [&](size_t k) {
    const ClassAudit& c = classes[k];
    return metric == Accuracy ? c.accuracySubset : metric == Change ? c.change : c.keptFraction;
  };
  return lowestRanked(std::move(rows), rank, kMaxBars);
}

// Class k's bars: its share of the full set and of each kept set (make-up), or the
// metric on each side.
QList<double> FairnessView::barValues(size_t k, int metric) const {
  const ClassAudit& p = result_.policy.classes[k];
  const ClassAudit& b = result_.balanced.classes[k];
  if (metric != MakeUp) return {classValue(p, metric), classValue(b, metric)};
  int64_t pool = 0;
  for (const auto& c : result_.policy.classes) pool += c.total;
  return {share(p.total, pool), share(p.kept, result_.policy.kept), share(b.kept, result_.balanced.kept)};
}

// Hovering a bar shows its side, class and value.
void FairnessView::showBarValues(QBarSeries* series, const QStringList& classes) {
  connect(series, &QBarSeries::hovered, this, [this, classes](bool on, int index, QBarSet* set) {
    if (!on || index < 0 || index >= classes.size()) {
      QToolTip::hideText();
      return;
    }
    QToolTip::showText(QCursor::pos(),
                       tr("%1\n%2: %3").arg(set->label(), classes[index]).arg(set->at(index), 0, 'f', 4), view_);
  });
}

void FairnessView::drawChart() {
  chartClasses_.clear();
  if (!hasResult_) return view_->showChart(new QChart);
  const int metric = metric_->currentIndex();
  chartClasses_ = classesToDraw(metric);
  auto* series = new QBarSeries;
  QList<QBarSet*> sets;
  if (metric == MakeUp) sets << new QBarSet(tr("full set"));
  sets << new QBarSet(sideTitles_[0]) << new QBarSet(sideTitles_[1]);
  sets.front()->setColor(paletteColour(2));  // the full set, when shown
  sets[sets.size() - 2]->setColor(paletteColour(3));
  sets.back()->setColor(paletteColour(0));
  QStringList classes;
  double lo = 0, hi = 0;
  for (size_t k : chartClasses_) {
    classes << QString::fromStdString(result_.policy.classes[k].name);
    const QList<double> v = barValues(k, metric);
    for (int s = 0; s < v.size(); ++s) {
      *sets[s] << v[s];
      lo = std::min(lo, v[s]);
      hi = std::max(hi, v[s]);
    }
  }
  for (auto* set : sets) series->append(set);
  showBarValues(series, classes);
  QString what = metric_->currentText();
  if (chartClasses_.size() < result_.policy.classes.size())
    what = (metric == Accuracy ? tr("the %1 least accurate of %2 classes: %3")
            : metric == Change ? tr("the %1 most harmed of %2 classes: %3")
                               : tr("the %1 most pruned of %2 classes: %3"))
               .arg(chartClasses_.size())
               .arg(result_.policy.classes.size())
               .arg(what);
  showBarChart(view_, series, classes, barAxis(classScale(metric), lo, hi),
               tr("%1 (f = %2)").arg(what).arg(result_.keep), chartClasses_.size() > 10 ? -60 : 0);
}

}  // namespace ps::ui
