#include "training_curve_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <cmath>

#include "chart_style.h"

namespace ps::ui {

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
  auto add = [&](QLineSeries* s, QValueAxis* y, bool legend) {
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    if (!legend) chart->legend()->markers(s).first()->setVisible(false);
  };
  for (size_t i = 0; i < curves.size(); ++i) {
    const QColor colour = paletteColour(i);
    const QString label = QString::fromStdString(curves[i].label);
    auto* l = new QLineSeries;
    auto* a = new QLineSeries;
    auto* t = new QLineSeries;
    l->setName(QObject::tr("%1 · loss").arg(label));
    a->setName(QObject::tr("%1 · train accuracy").arg(label));
    t->setName(QObject::tr("%1 · test error").arg(label));
    l->setPen(QPen(colour, 2.2));
    a->setPen(QPen(colour, 2, Qt::DashLine));
    t->setPen(QPen(colour, 2, Qt::DotLine));
    for (const EpochHealth& e : curves[i].curve.epochs) {
      maxEpoch = std::max(maxEpoch, e.epoch);
      if (std::isfinite(e.loss)) {
        l->append(e.epoch, e.loss);
        lossHi = std::max(lossHi, e.loss);
      }
      if (std::isfinite(e.accuracy)) a->append(e.epoch, e.accuracy);
      if (std::isfinite(e.testError)) t->append(e.epoch, e.testError);
      if (std::isfinite(e.chance)) chance = e.chance;
    }
    for (QLineSeries* s : {l, a, t}) s->setPointsVisible(true);
    add(l, loss, true);
    add(a, frac, fullLegend);
    if (t->count() > 0)
      add(t, frac, fullLegend);
    else
      delete t;
  }
  if (std::isfinite(chance) && !curves.empty()) {
    auto* c = new QLineSeries;
    c->setName(QObject::tr("chance (balanced accuracy)"));
    c->setPen(QPen(QColor(120, 120, 120), 1.2, Qt::DotLine));
    c->append(0, chance);
    c->append(maxEpoch, chance);
    add(c, frac, true);
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
