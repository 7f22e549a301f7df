#include "frontier_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>

#include "chart_export.h"
#include "frontier_chart.h"

namespace ps::ui {

FrontierView::FrontierView(QWidget* parent) : QWidget(parent) {
  runs_ = new QComboBox(this);
  info_ = new QLabel(this);
  info_->setWordWrap(true);
  view_ = new QChartView(this);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setChart(new QChart);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Study"), this));
  top->addWidget(runs_, 1);
  top->addWidget(makeExportButton(
      this, view_,
      [this](const std::string& path) {
        if (result_.points.empty()) throw std::runtime_error(path + ": no frontier study is shown");
        writeFrontierCsv(result_, path);
      },
      [this](const QString& reason) { emit exportFailed(reason); }));
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(info_);
  layout->addWidget(view_, 1);
  connect(runs_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    if (i >= 0 && static_cast<size_t>(i) < records_.size()) showRun(records_[static_cast<size_t>(i)].id);
  });
  info_->setText(tr("No frontier study yet: start one in the Jobs panel (Frontier tab)."));
}

void FrontierView::setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select) {
  if (select == 0 && storePath == storePath_) select = result_.runId;  // keep showing the same study
  storePath_ = storePath;
  records_.clear();
  for (const auto& r : runs)
    if (r.kind == "frontier" && r.status == RunStatus::Done) records_.push_back(r);
  const QSignalBlocker block(runs_);
  runs_->clear();
  int current = records_.empty() ? -1 : 0;
  for (size_t i = 0; i < records_.size(); ++i) {
    const FrontierConfig c = parseFrontierConfig(records_[i].config);
    QStringList keeps;
    for (double k : c.keeps) keeps << QString::number(k);
    runs_->addItem(tr("run %1 · %2 · f = %3 · %4 epochs · %5")
                       .arg(records_[i].id)
                       .arg(QString::fromStdString(c.score.name))
                       .arg(keeps.join(QStringLiteral(", ")))
                       .arg(c.train.epochs)
                       .arg(QString::fromStdString(records_[i].finishedAt)));
    if (records_[i].id == select) current = static_cast<int>(i);
  }
  runs_->setCurrentIndex(current);
  if (current >= 0) showRun(records_[static_cast<size_t>(current)].id);
  else {
    result_ = {};
    draw();
  }
}

void FrontierView::showRun(qint64 runId) {
  try {
    Store store(storePath_.toStdString());
    result_ = loadFrontierStudy(store, runId);
    configJson_ = store.run(runId).config;
  } catch (const std::exception& e) {
    result_ = {};
    emit loadFailed(QString::fromStdString(e.what()));
  }
  for (size_t i = 0; i < records_.size(); ++i)
    if (records_[i].id == runId && runs_->currentIndex() != static_cast<int>(i)) {
      const QSignalBlocker block(runs_);
      runs_->setCurrentIndex(static_cast<int>(i));
    }
  draw();
}

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
  const QString series = p.score.empty() ? tr("random")
                                         : tr("keep %1 (%2)").arg(QString::fromStdString(p.policy),
                                                                  QString::fromStdString(p.score));
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

void FrontierView::draw() {
  QChart* old = view_->chart();
  if (result_.points.empty()) {
    view_->setChart(new QChart);
    if (records_.empty()) info_->setText(tr("No frontier study yet: start one in the Jobs panel (Frontier tab)."));
  } else {
    view_->setChart(makeFrontierChart(result_, tr("Test error against kept fraction (%1, budget: %2)")
                                                   .arg(QString::fromStdString(result_.scoreName),
                                                        QString::fromStdString(result_.budget))));
    info_->setText(tr("Hover a point for its numbers; click it for the fairness audit of that pruning."));
    for (QAbstractSeries* s : view_->chart()->series()) {
      auto* line = qobject_cast<QLineSeries*>(s);
      if (!line || !line->property("ps_policy").isValid()) continue;
      const QString score = line->property("ps_score").toString(), policy = line->property("ps_policy").toString();
      connect(line, &QLineSeries::hovered, this, [this, score, policy](const QPointF& at, bool state) {
        const long i = pointNear(score, policy, at.x());
        if (state && i >= 0) QToolTip::showText(QCursor::pos(), pointText(static_cast<size_t>(i)), view_);
        else QToolTip::hideText();
      });
      connect(line, &QLineSeries::clicked, this, [this, score, policy](const QPointF& at) {
        const long i = pointNear(score, policy, at.x());
        if (i >= 0) requestAudit(static_cast<size_t>(i));
      });
    }
  }
  delete old;
}

}  // namespace ps::ui
