#include "charts/training_curve_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <cmath>

#include "charts/chart_style.h"

namespace ps::ui {

namespace {

// One training's lines: loss (solid), train accuracy (dashed), test error (dotted).
struct CurveSeries {
  QLineSeries *loss, *accuracy, *testError;
  int maxEpoch = 1;
  double lossHi = 0;
  double chance = std::nan("");
};

CurveSeries curveSeries(const LabelledCurve& curve, const QColor& colour) {
  const QString label = QString::fromStdString(curve.label);
  CurveSeries cs{new QLineSeries, new QLineSeries, new QLineSeries};
  cs.loss->setName(QObject::tr("%1 · loss").arg(label));
  cs.accuracy->setName(QObject::tr("%1 · train accuracy").arg(label));
  cs.testError->setName(QObject::tr("%1 · test error").arg(label));
  cs.loss->setPen(QPen(colour, 2.2));
  cs.accuracy->setPen(QPen(colour, 2, Qt::DashLine));
  cs.testError->setPen(QPen(colour, 2, Qt::DotLine));
  for (const EpochHealth& e : curve.curve.epochs) {
    cs.maxEpoch = std::max(cs.maxEpoch, e.epoch);
    if (std::isfinite(e.loss)) {
      cs.loss->append(e.epoch, e.loss);
      cs.lossHi = std::max(cs.lossHi, e.loss);
    }
    if (std::isfinite(e.accuracy)) cs.accuracy->append(e.epoch, e.accuracy);
    if (std::isfinite(e.testError)) cs.testError->append(e.epoch, e.testError);
    if (std::isfinite(e.chance)) cs.chance = e.chance;
  }
  for (QLineSeries* s : {cs.loss, cs.accuracy, cs.testError}) s->setPointsVisible(true);
  return cs;
}

}  // namespace

QChart* makeTrainingCurveChart(const std::vector<LabelledCurve>& curves, const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  auto* x = new QValueAxis;
  x->setTitleText(QObject::tr("epoch"));
  x->setLabelFormat("%d");
  auto* loss = new QValueAxis;
  loss->setTitleText(QObject::tr("loss"));
  auto* frac = new QValueAxis;
  frac->setTitleText(QObject::tr("accuracy, error"));
  frac->setRange(0, 1);
  frac->setTickCount(6);
  frac->setLabelFormat("%.1f");
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(loss, Qt::AlignLeft);
  chart->addAxis(frac, Qt::AlignRight);
  // With many curves (a study's models) the legend names the loss lines only.
  const bool fullLegend = curves.size() <= 3;
  int maxEpoch = 1;
  double lossHi = 0;
  double chance = std::nan("");

  for (size_t i = 0; i < curves.size(); ++i) {
    CurveSeries cs = curveSeries(curves[i], paletteColour(i));
    maxEpoch = std::max(maxEpoch, cs.maxEpoch);
    lossHi = std::max(lossHi, cs.lossHi);
    if (std::isfinite(cs.chance)) chance = cs.chance;
    addToChart(chart, cs.loss, x, loss, true);
    addToChart(chart, cs.accuracy, x, frac, fullLegend);
    if (cs.testError->count() > 0)
      addToChart(chart, cs.testError, x, frac, fullLegend);
    else
      delete cs.testError;
  }
  if (std::isfinite(chance) && !curves.empty()) {
    auto* c = new QLineSeries;
    c->setName(QObject::tr("chance (balanced accuracy)"));
    c->setPen(QPen(QColor(120, 120, 120), 1.2, Qt::DotLine));
    c->append(0, chance);
    c->append(maxEpoch, chance);
    addToChart(chart, c, x, frac, true);
  }
  x->setRange(0, maxEpoch);
  if (maxEpoch <= 10)
    x->setTickCount(maxEpoch + 1);  // a tick per epoch
  else
    x->applyNiceNumbers();
  loss->setRange(0, lossHi > 0 ? lossHi * 1.1 : 1);
  loss->setTickCount(6);
  loss->applyNiceNumbers();
  loss->setLabelFormat("%.2g");
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->setMargins(QMargins(4, 4, 4, 4));
  return chart;
}

}  // namespace ps::ui
