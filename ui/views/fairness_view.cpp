#include "views/fairness_view.h"

#include <QBarCategoryAxis>
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
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

#include "base/ui_wording.h"
#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "charts/chart_view.h"

namespace ps::ui {

namespace {
QString number(double v, int digits = 3) {
  return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', digits);
}

QTableView* tableFor(QWidget* parent, QStandardItemModel* model) {
  auto* t = new QTableView(parent);
  t->setModel(model);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->setAlternatingRowColors(false);
  // Compact rows: ten classes fit without scrolling.
  t->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
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
  view_ = new ChartView(this);

  auto* tables = new QWidget(this);
  auto* grid = new QGridLayout(tables);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(policyTitle_, 0, 0);
  grid->addWidget(balancedTitle_, 0, 1);
  policyTable_ = tableFor(tables, policyModel_);
  balancedTable_ = tableFor(tables, balancedModel_);
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
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(split_, 1);
  connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, &FairnessView::drawChart);
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
    for (auto* item : row) {
      item->setEditable(false);
      if (c.disproportionate) {
        item->setBackground(QColor(255, 205, 205));
        item->setToolTip(tr("keeps less than %1 × f of its examples").arg(result_.threshold));
      }
      if (c.name == side.worstClass) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
      }
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

void FairnessView::drawChart() {
  auto* chart = new QChart;
  if (hasResult_) {
    const int metric = metric_->currentIndex();
    auto value = [metric](const ClassAudit& c) {
      const double v = metric == 0 ? c.keptFraction : metric == 1 ? c.accuracySubset : c.change;
      return std::isnan(v) ? 0.0 : v;
    };
    auto* series = new QBarSeries;
    auto* a = new QBarSet(sideTitles_[0]);
    auto* b = new QBarSet(sideTitles_[1]);
    a->setColor(paletteColour(3));
    b->setColor(paletteColour(0));
    QStringList classes;
    double lo = 0, hi = 0;
    for (size_t k = 0; k < result_.policy.classes.size(); ++k) {
      classes << QString::fromStdString(result_.policy.classes[k].name);
      *a << value(result_.policy.classes[k]);
      *b << value(result_.balanced.classes[k]);
      lo = std::min({lo, value(result_.policy.classes[k]), value(result_.balanced.classes[k])});
      hi = std::max({hi, value(result_.policy.classes[k]), value(result_.balanced.classes[k])});
    }
    series->append(a);
    series->append(b);
    chart->addSeries(series);
    connect(series, &QBarSeries::hovered, this, [this, classes](bool on, int index, QBarSet* set) {
      if (!on || index < 0 || index >= classes.size()) {
        QToolTip::hideText();
        return;
      }
      QToolTip::showText(QCursor::pos(),
                         tr("%1\n%2: %3").arg(set->label(), classes[index]).arg(set->at(index), 0, 'f', 4), view_);
    });
    auto* x = new QBarCategoryAxis;
    x->append(classes);
    auto* y = new QValueAxis;
    if (metric == 2) {  // change in accuracy: around zero
      y->setRange(std::min(lo * 1.1, -0.05), std::max(hi * 1.1, 0.05));
      y->applyNiceNumbers();
    } else {
      y->setRange(0, 1);  // fractions
      y->setTickCount(6);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("%1 (f = %2)").arg(metric_->currentText()).arg(result_.keep));
    chart->legend()->setAlignment(Qt::AlignBottom);
  }
  view_->showChart(chart);
}

}  // namespace ps::ui
