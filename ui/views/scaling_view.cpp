#include "views/scaling_view.h"

#include "base/ui_wording.h"
#include "charts/chart_axes.h"
#include "charts/chart_style.h"
#include "prune/policy_registry.h"
#include "store/run_kind.h"
#include "study/scaling_envelope.h"
#include "util/errors.h"

#include <QChart>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>
#include <map>

namespace ps::ui {

namespace {

// What the reader brings back from the store (on a worker thread).
struct ScalingStudyLoad {
  ScalingResult result;
  std::vector<ScalingEnvelope> envelopes;
  PlanInputs inputs;
};

// The extent of what is drawn, for the axes' ranges.
struct Extent {
  double nlo = 1e300, nhi = 0, elo = 1e300, ehi = 0;
  void add(double n, double e) {
    nlo = std::min(nlo, n);
    nhi = std::max(nhi, n);
    elo = std::min(elo, e);
    ehi = std::max(ehi, e);
  }
  // A margin around what is drawn: by a factor on a log axis, from zero on a linear one.
  void applyTo(const ScaledAxis& x, const ScaledAxis& y) const {
    x.setRange(x.log() ? nlo / 1.3 : 0, nhi * (x.log() ? 1.3 : 1.05));
    y.setRange(y.log() ? elo / 1.15 : 0, ehi * (y.log() ? 1.15 : 1.05));
  }
};

// Colours: the policy's, lighter for smaller kept fractions; black for f = 1.
class CurveColours {
 public:
  explicit CurveColours(const ScalingResult& r) {
    for (const auto& p : r.points)
      if (std::find(keeps_.begin(), keeps_.end(), p.keep) == keeps_.end()) keeps_.push_back(p.keep);
    std::sort(keeps_.begin(), keeps_.end());
  }
  QColor of(const std::string& policy, double keep) const {
    if (keep >= 1) return {Qt::black};
    const auto rank = static_cast<size_t>(std::find(keeps_.begin(), keeps_.end(), keep) - keeps_.begin());
    return policyColour(policy, keeps_.size() - 1 - rank);
  }
  // Kept fractions are told apart by marker shape and line style too.
  size_t style(double keep) const {
    return static_cast<size_t>(std::find(keeps_.begin(), keeps_.end(), keep) - keeps_.begin());
  }

 private:
  std::vector<double> keeps_;
};

QString curveName(const ScalingResult& r, const std::string& policy, double keep) {
  QString name = keep >= 1                  ? QObject::tr("all data (f=1)")
                 : !policyUsesScore(policy) ? QObject::tr("%1 f=%2").arg(policyWord(policy)).arg(keep)
                                            : QObject::tr("keep %1 f=%2").arg(policyWord(policy)).arg(keep);
  for (const auto& c : r.curves)
    if (c.policy == policy && c.keep == keep && c.fitted)
      name += c.fit.stdErrMeaningful()  // power_law.h: 5 pools, or 4 with 2+ seeds each
                  ? QObject::tr(": b = %1 ± %2").arg(c.fit.b, 0, 'f', 3).arg(c.fit.bStdErr, 0, 'f', 3)
                  : QObject::tr(": b = %1 (too few points for a standard error)").arg(c.fit.b, 0, 'f', 3);
  return name;
}

// 41 example counts from lo to hi, evenly spaced on a log axis: where a fitted law is drawn.
std::vector<double> geometricSteps(double lo, double hi) {
  std::vector<double> steps;
  for (int i = 0; i <= 40; ++i) steps.push_back(lo * std::pow(hi / lo, i / 40.0));
  return steps;
}

// The fitted power law over the pool sizes its points span (positive errors only).
QLineSeries* fitLine(const ScalingResult& r, const ScalingCurve& c, const CurveColours& colours, Extent& extent,
                     const ScaledAxis& x, const ScaledAxis& y) {
  double lo = 1e300, hi = 0;
  for (const auto& p : r.points)
    if (p.policy == c.policy && p.keep == c.keep && p.kept > 0) {
      lo = std::min(lo, double(p.kept));
      hi = std::max(hi, double(p.kept));
    }
  auto* line = new QLineSeries;
  static const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
  line->setPen(QPen(colours.of(c.policy, c.keep), 2, dashes[colours.style(c.keep) % 4]));
  line->setProperty("ps_nohover", true);
  for (double n : geometricSteps(lo, hi)) {
    const double e = c.fit.predict(n);
    if (e <= 0 && y.log()) continue;
    line->append(x.map(n), y.map(e));
    extent.elo = std::min(extent.elo, e);
    extent.ehi = std::max(extent.ehi, e);
  }
  return line;
}

// The measured points of one policy × kept fraction: its colour and marker shape.
QScatterSeries* curveDots(const ScalingResult& r, const ScalingPoint& p, const CurveColours& colours) {
  static const QScatterSeries::MarkerShape shapes[] = {
      QScatterSeries::MarkerShapeCircle,   QScatterSeries::MarkerShapeRectangle,
      QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRotatedRectangle,
      QScatterSeries::MarkerShapePentagon, QScatterSeries::MarkerShapeStar};
  auto* s = new QScatterSeries;
  s->setMarkerSize(11);
  s->setMarkerShape(shapes[colours.style(p.keep) % 6]);
  s->setColor(colours.of(p.policy, p.keep));
  s->setBorderColor(colours.of(p.policy, p.keep).darker(130));
  s->setName(curveName(r, p.policy, p.keep));
  s->setProperty("ps_group", s->name());  // hidden and shown with its fitted line
  return s;
}

// The envelope (best kept fraction per pool) as a thick orange line, with its best-fitting
// law dashed over the examples it spans; legend entries hide and show both.
void addEnvelope(QChart* chart, const ScalingEnvelope& e, const ScaledAxis& x, const ScaledAxis& y, Extent& extent) {
  if (!e.fitted) return;
  const QColor orange(255, 127, 14);
  auto* line = new QLineSeries;
  line->setPen(QPen(orange, 4));
  line->setName(e.policy == "any" ? QObject::tr("envelope: best f and policy per pool")
                                  : QObject::tr("envelope: best f per pool, keep-%1").arg(policyWord(e.policy)));
  line->setProperty("ps_group", QStringLiteral("envelope"));
  for (const auto& p : e.points) {
    line->append(x.map(static_cast<double>(p.kept)), y.map(p.errorMean));
    extent.add(static_cast<double>(p.kept), p.errorMean);
  }
  ScaledAxis::attach(chart, line, x, y);
  auto* fit = new QLineSeries;
  fit->setPen(QPen(orange, 2, Qt::DashLine));
  fit->setName(QObject::tr("envelope fit: %1").arg(curveModelWord(e.fit.best)));
  fit->setProperty("ps_group", QStringLiteral("envelope"));
  fit->setProperty("ps_nohover", true);
  const double lo = static_cast<double>(e.points.front().kept), hi = static_cast<double>(e.points.back().kept);
  for (double n : geometricSteps(lo, hi)) {
    const double err = e.fit.bestFit().predict(n);
    if (err > 0 || !y.log()) fit->append(x.map(n), y.map(err));
  }
  ScaledAxis::attach(chart, fit, x, y);
}

}  // namespace

QChart* makeScalingChart(const ScalingResult& r, const QString& title, bool logX, bool logY,
                         const ScalingEnvelope* envelope) {
  auto* chart = new QChart;
  chart->setTitle(title);
  const ScaledAxis x(QObject::tr("training examples kept"), logX, "%d");
  const ScaledAxis y(QObject::tr("test error"), logY, "%.3g");
  chart->addAxis(x.axis(), Qt::AlignBottom);
  chart->addAxis(y.axis(), Qt::AlignLeft);
  const CurveColours colours(r);
  Extent extent;
  std::map<std::pair<std::string, double>, QScatterSeries*> dots;
  const std::string fullPolicy = unprunedPolicy(r);  // at f = 1 one curve, drawn once
  for (const auto& p : r.points) {
    if ((p.errorMean <= 0 && logY) || p.kept <= 0) continue;  // not drawable on log axes
    if (p.keep >= 1 && p.policy != fullPolicy) continue;
    auto& s = dots[{p.policy, p.keep}];
    if (!s) {
      s = curveDots(r, p, colours);
      ScaledAxis::attach(chart, s, x, y);
    }
    s->append(x.map(static_cast<double>(p.kept)), y.map(p.errorMean));
    extent.add(static_cast<double>(p.kept), p.errorMean);
  }
  for (const auto& c : r.curves) {
    if (!c.fitted || !dots.count({c.policy, c.keep})) continue;
    QLineSeries* line = fitLine(r, c, colours, extent, x, y);
    line->setProperty("ps_group", dots[{c.policy, c.keep}]->name());
    ScaledAxis::attach(chart, line, x, y, /*inLegend=*/false);
  }
  if (envelope) addEnvelope(chart, *envelope, x, y, extent);
  if (extent.nhi > 0) extent.applyTo(x, y);
  finishLegend(chart);
  return chart;
}

ScalingView::ScalingView(QWidget* parent)
    : StudyRunView(
          runKindName(RunKind::Scaling), tr("No scaling study yet: start one in the Jobs panel (Scaling tab)."),
          [](const Store& store, qint64 runId) {
            auto study = std::make_shared<ScalingStudyLoad>();
            study->result = loadScalingStudy(store, runId);
            study->envelopes = scalingEnvelopes(study->result, uiWording());
            // the plan draws on every study of this run's dataset, not only the one shown
            const int64_t datasetId = store.run(runId).datasetId;
            for (const DatasetRecord& d : store.datasets())
              if (d.id == datasetId) study->inputs = loadPlanInputs(store, d.fingerprint);
            return std::shared_ptr<const void>(study);
          },
          parent) {
  logX_ = new QCheckBox(tr("log x"), this);
  logY_ = new QCheckBox(tr("log y"), this);
  for (QCheckBox* box : {logX_, logY_}) {
    box->setChecked(true);
    addControl(box);
    connect(box, &QCheckBox::toggled, this, &ScalingView::redraw);
  }
  plan_ = new PlanPanel(this);
  auto* box = qobject_cast<QVBoxLayout*>(layout());
  box->addWidget(plan_, 2);
  box->setStretch(box->indexOf(chartView()), 3);  // the chart keeps room for its legend (six entries)
}

QString ScalingView::runLabel(const RunRecord& run) const {
  return tr("run %1 · %2").arg(run.id).arg(QString::fromStdString(run.finishedAt));
}

void ScalingView::adopt(std::shared_ptr<const void> study) {
  const auto& loaded = *std::static_pointer_cast<const ScalingStudyLoad>(study);
  result_ = loaded.result;
  envelopes_ = loaded.envelopes;
  int64_t largest = 0;
  for (const auto& p : result_.points) largest = std::max(largest, p.pool);
  plan_->setInputs(loaded.inputs, largest);  // every study of the dataset, read with the run shown
}

void ScalingView::clear() {
  result_ = {};
  envelopes_.clear();
  plan_->setInputs({}, 0);
}

void ScalingView::writeCsv(const std::string& path) const { writeScalingCsv(result_, path); }

QChart* ScalingView::makeChart(QString* info) {
  if (result_.points.empty()) return nullptr;
  QStringList lines;
  // the envelope drawn (over every policy when several) and its verdict, as core words them
  const ScalingEnvelope* envelope = envelopes_.empty() ? nullptr : &envelopes_.back();
  if (envelope) {
    const ScalingEnvelope& e = *envelope;
    lines << tr("Envelope (%1): %2; %3.")
                 .arg(e.policy == "any" ? tr("best over every policy") : tr("keep-%1").arg(policyWord(e.policy)))
                 .arg(coreText(e.verdict.text), coreText(e.choices));
  }
  int64_t smallest = 0, largest = 0;  // the study's pools (the crossovers' words speak of them)
  for (const auto& p : result_.points) {
    smallest = smallest == 0 ? p.pool : std::min(smallest, p.pool);
    largest = std::max(largest, p.pool);
  }
  for (const auto& x : result_.crossovers)
    lines << tr("f = %1: %2")
                 .arg(x.keep)
                 .arg(QString::fromStdString(describeCrossover(x, smallest, largest, uiWording())));
  lines << tr("Legend: b is the fitted exponent of err = a·n^(−b) (+ c), ± its standard error.");
  *info = lines.join(QLatin1Char('\n'));
  return makeScalingChart(result_,
                          tr("Test error against examples kept (%1); lines: fitted power laws")
                              .arg(QString::fromStdString(result_.scoreName)),
                          logX_->isChecked(), logY_->isChecked(), envelope);
}

}  // namespace ps::ui
