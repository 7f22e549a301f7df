#include "views/frontier_view.h"

#include <QChart>
#include <QComboBox>
#include <QXYSeries>

#include "base/ui_wording.h"
#include "charts/chart_style.h"
#include "charts/chart_view.h"
#include "charts/frontier_chart.h"
#include "store/run_kind.h"

namespace ps::ui {

FrontierView::FrontierView(QWidget* parent)
    : StudyRunView(
          runKindName(RunKind::Frontier), tr("No frontier study yet: start one in the Jobs panel (Frontier tab)."),
          [](const Store& store, qint64 runId) {
            return std::make_shared<const FrontierResult>(loadFrontierStudy(store, runId));
          },
          parent) {
  // Hover shows a point's numbers, a click audits it: on the policy lines and on the
  // Pareto rings drawn over them.
  chartView()->setPointText([this](const QXYSeries* series, int index) {
    const long i = pointId(series, index);
    return i >= 0 && static_cast<size_t>(i) < result_.points.size() ? pointText(static_cast<size_t>(i)) : QString();
  });
  connect(chartView(), &ChartView::pointClicked, this, [this](const QXYSeries* series, int index) {
    const long i = pointId(series, index);
    if (i >= 0 && static_cast<size_t>(i) < result_.points.size()) requestAudit(static_cast<size_t>(i));
  });
  metric_ = new QComboBox(this);
  metric_->addItem(tr("test error"), QStringLiteral("error"));
  metric_->addItem(tr("worst-class error"), QStringLiteral("worst-class"));
  metric_->addItem(tr("worst-group error"), QStringLiteral("worst-group"));
  metric_->setToolTip(
      tr("What the chart draws against the kept fraction; the Pareto frontier follows it. A group is "
         "a class × the values of the dataset's attributes."));
  addControl(metric_);
  connect(metric_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { redraw(); });
}

FrontierMetric FrontierView::metric() const {
  return parseEnum(frontierMetricNames(), metric_->currentData().toString().toStdString(), "metric");
}

QString FrontierView::runLabel(const RunRecord& run) const {
  const FrontierConfig c = parseFrontierConfig(run.config);
  QStringList keeps;
  for (double k : c.keeps) keeps << QString::number(k);
  return tr("run %1 · %2 · f = %3 · %4 epochs · %5")
      .arg(run.id)
      .arg(QString::fromStdString(c.score.name))
      .arg(keeps.join(QStringLiteral(", ")))
      .arg(c.train.epochs)
      .arg(QString::fromStdString(run.finishedAt));
}

void FrontierView::adopt(std::shared_ptr<const void> study) {
  result_ = *std::static_pointer_cast<const FrontierResult>(study);
}

void FrontierView::writeCsv(const std::string& path) const { writeFrontierCsv(result_, path); }

QString FrontierView::pointText(size_t i) const {
  const FrontierMetric m = metric();
  const FrontierPoint p = hasMetric(result_, m) ? frontierByMetric(result_, m).points.at(i) : result_.points.at(i);
  const auto seeds = static_cast<int>(p.errors.size());
  // One seed has no spread to show: saying "± 0.0000" would claim a precision never measured.
  const QString what = metric_->currentText();
  const QString error = seeds > 1 ? tr("%1 %2 ± %3 (std over %4 seeds)")
                                        .arg(what)
                                        .arg(p.errorMean, 0, 'f', 4)
                                        .arg(p.errorStd, 0, 'f', 4)
                                        .arg(seeds)
                                  : tr("%1 %2 (1 seed, no spread)").arg(what).arg(p.errorMean, 0, 'f', 4);
  QStringList lines{tr("%1, f = %2").arg(frontierLineName(p)).arg(p.keep, 0, 'f', 2), error,
                    tr("%1 examples kept · %2 epochs").arg(p.kept).arg(p.epochs)};
  if (p.pareto) lines << tr("on the Pareto frontier");
  lines << tr("click: fairness audit");
  return lines.join(QLatin1Char('\n'));
}

void FrontierView::requestAudit(size_t i) {
  const FrontierPoint& p = result_.points.at(i);
  try {
    const AuditConfig c = auditConfigForPoint(configJson(), result_.scoreRunId, p);
    emit auditRequested(c, pruneSpecText(c.spec, false));
  } catch (const std::exception& e) {
    emit loadFailed(QString::fromStdString(e.what()));
  }
}

QChart* FrontierView::makeChart(QString* info) {
  if (result_.points.empty()) return nullptr;
  FrontierMetric m = metric();
  QString note;
  if (!hasMetric(result_, m)) {  // not recorded: the test error instead, and why
    note = m == FrontierMetric::WorstGroup
               ? tr("This study has no worst-group error (its dataset has no attribute to group by, or it was trained "
                    "before per-group error was recorded): showing the test error. ")
               : tr("This study has no worst-class error: showing the test error. ");
    m = FrontierMetric::Error;
  }
  const QString what = m == FrontierMetric::Error        ? tr("Test error")
                       : m == FrontierMetric::WorstClass ? tr("Worst-class error")
                                                         : tr("Worst-group error");
  QChart* chart = makeFrontierChart(frontierByMetric(result_, m),
                                    tr("%1 against kept fraction (%2, budget: %3)")
                                        .arg(what, QString::fromStdString(result_.scoreName),
                                             result_.budget == "epochs"  ? tr("equal epochs")
                                             : result_.budget == "steps" ? tr("equal steps")
                                                                         : QString::fromStdString(result_.budget)),
                                    what.toLower());
  *info = note + tr("Hover a point for its numbers; click it for the fairness audit of that pruning.");
  return chart;
}

}  // namespace ps::ui
