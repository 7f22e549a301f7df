#include "scaling_view.h"

#include "chart_style.h"

#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <cmath>
#include <map>

namespace ps::ui {

QChart* makeScalingChart(const ScalingResult& r, const QString& title) {
  auto* chart = new QChart;
  chart->setTitle(title);
  auto* x = new QLogValueAxis;
  x->setTitleText(QObject::tr("training examples kept"));
  x->setBase(10);
  x->setLabelFormat("%g");
  x->setMinorTickCount(8);
  auto* y = new QLogValueAxis;
  y->setTitleText(QObject::tr("test error"));
  y->setBase(10);
  y->setLabelFormat("%.3g");
  y->setMinorTickCount(8);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double nlo = 1e300, nhi = 0, elo = 1e300, ehi = 0;
  std::map<std::pair<std::string, double>, QScatterSeries*> dots;
  std::vector<double> keeps;
  for (const auto& p : r.points)
    if (std::find(keeps.begin(), keeps.end(), p.keep) == keeps.end()) keeps.push_back(p.keep);
  std::sort(keeps.begin(), keeps.end());
  auto colourOf = [&](const std::string& policy, double keep) {
    if (keep >= 1) return QColor(Qt::black);
    const QColor c = policyColour(policy);
    const auto rank = std::find(keeps.begin(), keeps.end(), keep) - keeps.begin();
    return c.lighter(100 + 35 * static_cast<int>(keeps.size() - 1 - static_cast<size_t>(rank)));  // smaller f: lighter
  };
  // At f = 1 every policy keeps the whole pool: one curve, drawn once.
  std::string fullPolicy;
  for (const auto& p : r.points)
    if (p.keep >= 1 && (fullPolicy.empty() || p.policy == "random")) fullPolicy = p.policy;
  for (const auto& p : r.points) {
    if (p.errorMean <= 0 || p.kept <= 0) continue;  // not drawable on log axes
    if (p.keep >= 1 && p.policy != fullPolicy) continue;
    auto& s = dots[{p.policy, p.keep}];
    if (!s) {
      s = new QScatterSeries;
      s->setMarkerSize(9);
      s->setColor(colourOf(p.policy, p.keep));
      s->setBorderColor(colourOf(p.policy, p.keep).darker(130));
      QString name = p.keep >= 1 ? QObject::tr("all data (f=1)")
                                 : QObject::tr("keep %1 f=%2").arg(QString::fromStdString(p.policy)).arg(p.keep);
      for (const auto& c : r.curves)
        if (c.policy == p.policy && c.keep == p.keep && c.fitted)
          name += QObject::tr(": b = %1 ± %2").arg(c.fit.b, 0, 'f', 3).arg(c.fit.bStdErr, 0, 'f', 3);
      s->setName(name);
      chart->addSeries(s);
      s->attachAxis(x);
      s->attachAxis(y);
    }
    s->append(static_cast<double>(p.kept), p.errorMean);
    nlo = std::min(nlo, double(p.kept));
    nhi = std::max(nhi, double(p.kept));
    elo = std::min(elo, p.errorMean);
    ehi = std::max(ehi, p.errorMean);
  }
  for (const auto& c : r.curves) {
    if (!c.fitted || !dots.count({c.policy, c.keep})) continue;
    double lo = 1e300, hi = 0;
    for (const auto& p : r.points)
      if (p.policy == c.policy && p.keep == c.keep && p.kept > 0) {
        lo = std::min(lo, double(p.kept));
        hi = std::max(hi, double(p.kept));
      }
    auto* line = new QLineSeries;
    line->setPen(QPen(colourOf(c.policy, c.keep), 2));
    for (int i = 0; i <= 40; ++i) {
      const double n = lo * std::pow(hi / lo, i / 40.0);
      const double e = c.fit.predict(n);
      if (e > 0) {
        line->append(n, e);
        elo = std::min(elo, e);
        ehi = std::max(ehi, e);
      }
    }
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    chart->legend()->markers(line).first()->setVisible(false);
  }
  if (nhi > 0) {
    x->setRange(nlo / 1.3, nhi * 1.3);
    y->setRange(elo / 1.15, ehi * 1.15);
    if (ehi / elo < 10) y->setBase(2);  // within one decade a base-10 axis would have no labelled tick
  }
  chart->legend()->setAlignment(Qt::AlignRight);
  return chart;
}

ScalingView::ScalingView(QWidget* parent)
    : StudyRunView("scaling", tr("No scaling study yet: start one in the Jobs panel (Scaling tab)."), parent) {}

QString ScalingView::runLabel(const RunRecord& run) const {
  return tr("run %1 · %2").arg(run.id).arg(QString::fromStdString(run.finishedAt));
}

void ScalingView::load(const Store& store, qint64 runId) { result_ = loadScalingStudy(store, runId); }

void ScalingView::writeCsv(const std::string& path) const {
  if (result_.points.empty()) throw std::runtime_error(path + ": no scaling study is shown");
  writeScalingCsv(result_, path);
}

QChart* ScalingView::makeChart(QString* info) {
  if (result_.points.empty()) return nullptr;
  QStringList lines;
  for (const auto& x : result_.crossovers)
    lines << tr("f = %1: %2").arg(x.keep).arg(QString::fromStdString(x.description));
  *info = lines.isEmpty() ? tr("Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.")
                          : lines.join(QLatin1Char('\n'));
  return makeScalingChart(result_, tr("Test error against examples kept (%1), log-log; lines: fitted power laws")
                                       .arg(QString::fromStdString(result_.scoreName)));
}

}  // namespace ps::ui
