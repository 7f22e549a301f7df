#include "frontier_chart.h"

#include "chart_style.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>
#include <map>

namespace ps::ui {

namespace {

// The line of one score × policy; scores told apart by line style, policies by colour.
QLineSeries* policyLine(const FrontierPoint& p, std::map<std::string, int>& scoreStyle) {
  auto* line = new QLineSeries;
  line->setName(
      p.score.empty()
          ? QObject::tr("random")
          : QObject::tr("keep %1 (%2)").arg(QString::fromStdString(p.policy), QString::fromStdString(p.score)));
  if (!p.score.empty() && !scoreStyle.count(p.score)) scoreStyle[p.score] = static_cast<int>(scoreStyle.size());
  static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
  line->setPen(QPen(policyColour(p.policy), 2.5, p.score.empty() ? Qt::SolidLine : styles[scoreStyle[p.score] % 4]));
  line->setPointsVisible(true);
  line->setProperty("ps_score", QString::fromStdString(p.score));  // which points it draws (hover, click)
  line->setProperty("ps_policy", QString::fromStdString(p.policy));
  return line;
}

// Error bar: ±1 std over seeds.
QLineSeries* errorBar(const FrontierPoint& p) {
  auto* bar = new QLineSeries;
  bar->setPen(QPen(policyColour(p.policy), 1));
  bar->append(p.keep, p.errorMean - p.errorStd);
  bar->append(p.keep, p.errorMean + p.errorStd);
  return bar;
}

// The Pareto frontier: hollow markers (hoverable, clickable) joined by a dashed line.
void addParetoFront(QChart* chart, const FrontierResult& r, QAbstractAxis* x, QAbstractAxis* y) {
  auto* front = new QScatterSeries;
  front->setName(QObject::tr("Pareto frontier"));
  front->setProperty("ps_pareto", true);  // the view makes its markers hoverable and clickable
  front->setMarkerSize(13);
  front->setColor(Qt::transparent);
  front->setBorderColor(Qt::black);
  auto* frontLine = new QLineSeries;
  frontLine->setPen(QPen(QColor(0, 0, 0, 160), 1, Qt::DashLine));
  for (size_t i : r.pareto) {
    front->append(r.points[i].keep, r.points[i].errorMean);
    frontLine->append(r.points[i].keep, r.points[i].errorMean);
  }
  addToChart(chart, frontLine, x, y, /*inLegend=*/false);
  addToChart(chart, front, x, y);
}

}  // namespace

QChart* makeFrontierChart(const FrontierResult& r, const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  auto* x = new QValueAxis;
  x->setTitleText(QObject::tr("kept fraction f"));
  x->setRange(0, 1.1);  // 12 ticks 0.1 apart, so the labels are exact
  x->setTickCount(12);
  x->setLabelFormat("%.1f");
  auto* y = new QValueAxis;
  y->setTitleText(QObject::tr("test error"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double lo = 1, hi = 0;
  std::map<std::string, QLineSeries*> lines;  // one per score × policy
  std::map<std::string, int> scoreStyle;      // line style per score
  for (const auto& p : r.points) {
    lo = std::min(lo, p.errorMean - p.errorStd);
    hi = std::max(hi, p.errorMean + p.errorStd);
    auto& line = lines[p.score + "/" + p.policy];
    if (!line) {
      line = policyLine(p, scoreStyle);
      addToChart(chart, line, x, y);
    }
    line->append(p.keep, p.errorMean);
    if (p.errorStd > 0) addToChart(chart, errorBar(p), x, y, /*inLegend=*/false);
  }
  addParetoFront(chart, r, x, y);
  const double pad = std::max(0.005, (hi - lo) * 0.1);
  y->setRange(std::max(0.0, lo - pad), hi + pad);
  y->setLabelFormat("%.3f");
  y->applyNiceNumbers();
  chart->legend()->setAlignment(Qt::AlignRight);
  return chart;
}

}  // namespace ps::ui
