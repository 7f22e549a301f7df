#include "charts/frontier_chart.h"

#include "base/ui_wording.h"
#include "charts/chart_style.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>
#include <map>

namespace ps::ui {

namespace {

// The line of one score × policy: policies told apart by colour, scores by line style
// and marker shape.
QLineSeries* policyLine(const FrontierPoint& p, std::map<std::string, size_t>& scoreStyle) {
  auto* line = new QLineSeries;
  line->setName(frontierLineName(p));
  if (!p.score.empty() && !scoreStyle.count(p.score)) scoreStyle[p.score] = scoreStyle.size();
  styleLine(line, policyColour(p.policy), p.score.empty() ? 0 : scoreStyle[p.score]);
  line->setPointsVisible(true);
  line->setProperty("ps_score", QString::fromStdString(p.score));
  line->setProperty("ps_policy", QString::fromStdString(p.policy));
  line->setProperty("ps_group", QString::fromStdString(p.score + "/" + p.policy));  // with its error bars
  return line;
}

// Error bar: ±1 std over seeds, hidden and shown with its line.
QLineSeries* errorBar(const FrontierPoint& p) {
  auto* bar = new QLineSeries;
  bar->setPen(QPen(policyColour(p.policy), 1));
  bar->append(p.keep, p.errorMean - p.errorStd);
  bar->append(p.keep, p.errorMean + p.errorStd);
  bar->setProperty("ps_nohover", true);
  bar->setProperty("ps_group", QString::fromStdString(p.score + "/" + p.policy));
  return bar;
}

// The Pareto frontier, drawn last so it lies above the lines it touches: large hollow
// rings (hoverable, clickable) joined by a thin dashed black line.
void addParetoFront(QChart* chart, const FrontierResult& r, QAbstractAxis* x, QAbstractAxis* y) {
  auto* front = new QScatterSeries;
  front->setName(QObject::tr("Pareto frontier"));
  front->setProperty("ps_pareto", true);
  front->setMarkerSize(16);
  front->setColor(Qt::transparent);
  front->setPen(QPen(Qt::black, 2));
  auto* frontLine = new QLineSeries;
  frontLine->setPen(QPen(QColor(0, 0, 0, 160), 1, Qt::DashLine));
  for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(front), static_cast<QAbstractSeries*>(frontLine)})
    s->setProperty("ps_group", QStringLiteral("pareto"));
  frontLine->setProperty("ps_nohover", true);
  for (size_t i : r.pareto) {
    front->append(r.points[i].keep, r.points[i].errorMean);
    frontLine->append(r.points[i].keep, r.points[i].errorMean);
  }
  setPointIds(front, r.pareto);
  addToChart(chart, frontLine, x, y, /*inLegend=*/false);
  addToChart(chart, front, x, y);
}

}  // namespace

QString frontierLineName(const FrontierPoint& p) {
  if (p.score.empty()) return policyWord(p.policy);  // random and the other policies without a score
  return QObject::tr("keep %1 (%2)").arg(policyWord(p.policy), QString::fromStdString(p.score));
}

QChart* makeFrontierChart(const FrontierResult& r, const QString& title, const QString& yTitle) {
  auto* chart = new QChart;
  chart->setTitle(title);
  auto* x = new QValueAxis;
  x->setTitleText(QObject::tr("kept fraction f"));
  x->setRange(0, 1.1);  // 12 ticks 0.1 apart, so the labels are exact
  x->setTickCount(12);
  x->setLabelFormat("%.1f");
  auto* y = new QValueAxis;
  y->setTitleText(yTitle.isEmpty() ? QObject::tr("test error") : yTitle);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double lo = 1, hi = 0;
  std::map<std::string, QLineSeries*> lines;           // one per score × policy
  std::map<std::string, std::vector<size_t>> lineIds;  // the points each line draws
  std::map<std::string, size_t> scoreStyle;            // line style and marker per score
  for (size_t i = 0; i < r.points.size(); ++i) {
    const FrontierPoint& p = r.points[i];
    lo = std::min(lo, p.errorMean - p.errorStd);
    hi = std::max(hi, p.errorMean + p.errorStd);
    auto& line = lines[p.score + "/" + p.policy];
    if (!line) {
      line = policyLine(p, scoreStyle);
      addToChart(chart, line, x, y);
    }
    line->append(p.keep, p.errorMean);
    lineIds[p.score + "/" + p.policy].push_back(i);
    if (p.errorStd > 0) addToChart(chart, errorBar(p), x, y, /*inLegend=*/false);
  }
  for (auto& [key, line] : lines) setPointIds(line, lineIds[key]);
  addParetoFront(chart, r, x, y);
  const double pad = std::max(0.005, (hi - lo) * 0.1);
  y->setRange(std::max(0.0, lo - pad), hi + pad);
  y->setLabelFormat("%.3f");
  y->applyNiceNumbers();
  finishLegend(chart);
  return chart;
}

}  // namespace ps::ui
