#include "frontier_view.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <cmath>
#include <functional>

#include "frontier_chart.h"

namespace ps::ui {

FrontierView::FrontierView(QWidget* parent)
    : StudyRunView("frontier", tr("No frontier study yet: start one in the Jobs panel (Frontier tab)."), parent) {}

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

void FrontierView::load(const Store& store, qint64 runId) {
  result_ = loadFrontierStudy(store, runId);
  configJson_ = store.run(runId).config;
}

void FrontierView::writeCsv(const std::string& path) const { writeFrontierCsv(result_, path); }

long FrontierView::pointNear(const QString& score, const QString& policy, double keep) const {
  long best = -1;
  double dist = 1e9;
  for (size_t i = 0; i < result_.points.size(); ++i) {
    const auto& p = result_.points[i];
    if (QString::fromStdString(p.score) != score || QString::fromStdString(p.policy) != policy) continue;
    if (std::abs(p.keep - keep) < dist) {
      dist = std::abs(p.keep - keep);
      best = static_cast<long>(i);
    }
  }
  return best;
}

QString FrontierView::pointText(size_t i) const {
  const FrontierPoint& p = result_.points.at(i);
  const QString series =
      p.score.empty() ? tr("random")
                      : tr("keep %1 (%2)").arg(QString::fromStdString(p.policy), QString::fromStdString(p.score));
  return tr("%1, f = %2\ntest error %3 ± %4 over %5 seed(s)\n%6 examples kept, %7 epochs%8\nclick: fairness audit")
      .arg(series)
      .arg(p.keep, 0, 'f', 2)
      .arg(p.errorMean, 0, 'f', 4)
      .arg(p.errorStd, 0, 'f', 4)
      .arg(p.errors.size())
      .arg(p.kept)
      .arg(p.epochs)
      .arg(p.pareto ? tr("\non the Pareto frontier") : QString());
}

void FrontierView::requestAudit(size_t i) {
  const FrontierPoint& p = result_.points.at(i);
  try {
    const AuditConfig c = auditConfigForPoint(configJson_, result_.scoreRunId, p);
    emit auditRequested(c, QString::fromStdString(c.spec.label()));
  } catch (const std::exception& e) {
    emit loadFailed(QString::fromStdString(e.what()));
  }
}

QChart* FrontierView::makeChart(QString* info) {
  if (result_.points.empty()) return nullptr;
  QChart* chart = makeFrontierChart(
      result_, tr("Test error against kept fraction (%1, budget: %2)")
                   .arg(QString::fromStdString(result_.scoreName), QString::fromStdString(result_.budget)));
  *info = tr("Hover a point for its numbers; click it for the fairness audit of that pruning.");
  // Hover shows a point's numbers, a click audits it: on the policy lines, and on the
  // Pareto markers drawn over them (which would otherwise take the mouse's events).
  auto attach = [this](QXYSeries* series, std::function<long(const QPointF&)> find) {
    connect(series, &QXYSeries::hovered, this, [this, find](const QPointF& at, bool state) {
      const long i = find(at);
      if (state && i >= 0)
        QToolTip::showText(QCursor::pos(), pointText(static_cast<size_t>(i)), chartView());
      else
        QToolTip::hideText();
    });
    connect(series, &QXYSeries::clicked, this, [this, find](const QPointF& at) {
      const long i = find(at);
      if (i >= 0) requestAudit(static_cast<size_t>(i));
    });
  };
  for (QAbstractSeries* s : chart->series()) {
    if (auto* front = qobject_cast<QScatterSeries*>(s); front && front->property("ps_pareto").toBool()) {
      attach(front, [this](const QPointF& at) {
        long best = -1;
        double dist = 1e9;
        for (size_t i : result_.pareto) {
          const auto& p = result_.points[i];
          const double d = std::abs(p.keep - at.x()) + std::abs(p.errorMean - at.y());
          if (d < dist) {
            dist = d;
            best = static_cast<long>(i);
          }
        }
        return best;
      });
      continue;
    }
    auto* line = qobject_cast<QLineSeries*>(s);
    if (!line || !line->property("ps_policy").isValid()) continue;
    const QString score = line->property("ps_score").toString(), policy = line->property("ps_policy").toString();
    attach(line, [this, score, policy](const QPointF& at) { return pointNear(score, policy, at.x()); });
  }
  return chart;
}

}  // namespace ps::ui
