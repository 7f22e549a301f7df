#include "views/theory_view.h"

#include "charts/chart_style.h"
#include "prune/prune_policy.h"

#include <QChart>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTimer>
#include <QValueAxis>
#include <QtConcurrent>
#include <map>
#include <sstream>

#include "base/form_parts.h"
#include "base/ui_wording.h"
#include "base/worker_pool.h"
#include "charts/chart_axes.h"
#include "charts/chart_export.h"
#include "charts/chart_view.h"
#include "util/errors.h"
#include "util/text_list.h"

namespace ps::ui {

TheoryView::TheoryView(QWidget* parent) : QWidget(parent) {
  QFormLayout* form = buildForm();
  layOut(form);
  connectControls();
  schedule();
}

// The controls, the status line and the export button, in a form.
QFormLayout* TheoryView::buildForm() {
  dim_ = new QSpinBox(this);
  dim_->setRange(2, 2000);
  dim_->setValue(100);
  alphas_ = new QLineEdit(QStringLiteral("0.5, 1, 2, 3, 5, 7, 10, 15, 20"), this);
  keeps_ = new QLineEdit(QStringLiteral("0.2, 0.4, 0.6, 0.8, 1"), this);
  theta_ = new QDoubleSpinBox(this);
  theta_->setRange(0, 90);
  theta_->setSuffix(QStringLiteral("°"));
  trials_ = new QSpinBox(this);
  trials_->setRange(1, 200);
  trials_->setValue(8);
  hard_ = new QCheckBox(tr("keep hard"), this);
  easy_ = new QCheckBox(tr("keep easy"), this);
  random_ = new QCheckBox(tr("random"), this);
  hard_->setChecked(true);
  easy_->setChecked(true);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Dimension N"), dim_);
  form->addRow(tr("α_tot (examples / N)"), alphas_);
  form->addRow(tr("Kept fractions f"), keeps_);
  form->addRow(tr("Probe angle θ"), theta_);
  form->addRow(tr("Trials"), trials_);
  form->addRow(hard_);
  form->addRow(easy_);
  form->addRow(random_);
  logX_ = new QCheckBox(tr("log α axis"), this);
  logY_ = new QCheckBox(tr("log error axis"), this);
  logX_->setChecked(true);
  form->addRow(logX_);
  form->addRow(logY_);
  form->addRow(status_);
  chart_ = new ChartView(this);
  export_ = makeExportButton(
      this, chart_, [this](const std::string& path) { writeTheoryCsv(points_, path); },
      [this](const QString& reason) { emit exportFailed(reason); });
  export_->setEnabled(false);
  form->addRow(export_);
  checkWhileTyping(
      alphas_, [](const std::string& t) { parseDoubles(t, "alpha_tot"); },
      tr("Examples per dimension, comma-separated"));
  checkWhileTyping(
      keeps_, [](const std::string& t) { parseDoubles(t, "kept fraction"); }, tr("Kept fractions f, comma-separated"));
  return form;
}

// The form on the left, the chart beside it.
void TheoryView::layOut(QFormLayout* form) {
  auto* left = new QWidget(this);
  left->setLayout(form);
  left->setMaximumWidth(320);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(left);
  layout->addWidget(chart_, 1);
}

// A changed control runs the simulation again (debounced); its result is shown when done.
void TheoryView::connectControls() {
  debounce_ = new QTimer(this);
  debounce_->setSingleShot(true);
  debounce_->setInterval(250);
  connect(debounce_, &QTimer::timeout, this, &TheoryView::launch);
  for (QSpinBox* s : {dim_, trials_}) connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &TheoryView::schedule);
  connect(theta_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &TheoryView::schedule);
  for (QLineEdit* e : {alphas_, keeps_}) connect(e, &QLineEdit::textChanged, this, &TheoryView::schedule);
  for (QCheckBox* c : {hard_, easy_, random_}) connect(c, &QCheckBox::toggled, this, &TheoryView::schedule);
  for (QCheckBox* c : {logX_, logY_}) connect(c, &QCheckBox::toggled, this, &TheoryView::redraw);
  connect(&watcher_, &QFutureWatcher<std::vector<TheoryPoint>>::finished, this, [this] {
    const bool stale = pending_;
    pending_ = false;
    if (!token_.cancelled() && !watcher_.future().isCanceled()) {
      try {
        points_ = watcher_.result();
        export_->setEnabled(!points_.empty());
        redraw();
        status_->setText(tr("%1 points, %2 trials each").arg(points_.size()).arg(trials_->value()));
        emit updated();
      } catch (const std::exception& e) {
        status_->setText(tr("Simulation failed: %1").arg(QString::fromStdString(e.what())));
      }
    }
    if (stale) launch();  // the controls changed while it ran
  });
}

TheoryView::~TheoryView() {
  token_.cancel();
  watcher_.waitForFinished();
}

TheoryConfig TheoryView::formConfig() const {
  TheoryConfig c;
  c.dim = dim_->value();
  c.alphaTot = parseDoubles(alphas_->text().toStdString(), "alpha_tot");
  c.keeps = parseDoubles(keeps_->text().toStdString(), "kept fraction");
  c.policies.clear();
  if (hard_->isChecked()) c.policies.push_back(PrunePolicy::KeepHard.name());
  if (easy_->isChecked()) c.policies.push_back(PrunePolicy::KeepEasy.name());
  if (random_->isChecked()) c.policies.push_back(PrunePolicy::Random.name());
  c.thetaDegrees = theta_->value();
  c.trials = trials_->value();
  c.validate();
  return c;
}

void TheoryView::schedule() { debounce_->start(); }

void TheoryView::launch() {
  TheoryConfig c;
  try {
    c = formConfig();
  } catch (const Error& e) {
    status_->setText(tr("<span style='color:#b00'>%1</span>").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
    return;
  }
  if (watcher_.isRunning()) {  // cancel the stale run; launch again when it returns
    token_.cancel();
    pending_ = true;
    return;
  }
  token_.reset();
  status_->setText(tr("Simulating…"));
  watcher_.setFuture(QtConcurrent::run(workerPool(), [this, c] {
    JobContext ctx(&token_);
    try {
      return simulatePerceptron(c, ctx);
    } catch (const Cancelled&) {
      return std::vector<TheoryPoint>();
    }
  }));
}

void TheoryView::redraw() {
  auto* chart = new QChart;
  chart->setTitle(tr("Perceptron: test error against α_prune = f · α_tot (θ = %1°)").arg(theta_->value()));
  const ScaledAxis x(tr("α_prune (examples kept per dimension)"), logX_->isChecked(), "%g");
  const ScaledAxis y(tr("test error"), logY_->isChecked(), "%.2f");
  chart->addAxis(x.axis(), Qt::AlignBottom);
  chart->addAxis(y.axis(), Qt::AlignLeft);
  std::map<std::pair<std::string, double>, QLineSeries*> series;
  const std::map<std::string, size_t> style = {
      {PrunePolicy::KeepHard.name(), 0}, {PrunePolicy::KeepEasy.name(), 1}, {PrunePolicy::Random.name(), 2}};
  std::vector<double> keeps;
  for (const auto& p : points_)
    if (std::find(keeps.begin(), keeps.end(), p.keep) == keeps.end()) keeps.push_back(p.keep);
  std::sort(keeps.begin(), keeps.end());
  double yMin = 1, yMax = 0, xMin = 1e9, xMax = 0;
  auto drawable = [&](const TheoryPoint& p) { return p.alphaPrune > 0 && (p.errorMean > 0 || !y.log()); };
  for (const auto& p : points_) {
    if (!drawable(p)) continue;
    auto& s = series[{p.policy, p.keep}];
    if (!s) {
      s = new QLineSeries;
      s->setName(tr("%1, f = %2").arg(policyWord(p.policy)).arg(p.keep));
      const auto k = static_cast<int>(std::find(keeps.begin(), keeps.end(), p.keep) - keeps.begin());
      const QColor colour =
          QColor::fromHsv(static_cast<int>(240 - 240.0 * k / std::max<size_t>(1, keeps.size() - 1)), 200, 200);
      styleLine(s, colour, style.count(p.policy) ? style.at(p.policy) : 3, 2);
      s->setPointsVisible(true);
      ScaledAxis::attach(chart, s, x, y);
    }
    s->append(x.map(p.alphaPrune), y.map(p.errorMean));
    yMin = std::min(yMin, p.errorMean);
    yMax = std::max(yMax, p.errorMean);
    xMin = std::min(xMin, p.alphaPrune);
    xMax = std::max(xMax, p.alphaPrune);
  }
  auto* front = new QLineSeries;
  front->setName(tr("Pareto frontier"));
  front->setPen(QPen(Qt::black, 3));
  for (const auto& p : points_)
    if (p.pareto && drawable(p)) front->append(x.map(p.alphaPrune), y.map(p.errorMean));
  ScaledAxis::attach(chart, front, x, y);       // last: drawn above the lines it touches
  for (QAbstractSeries* s : chart->series()) {  // points along alpha_prune in order
    auto* line = static_cast<QLineSeries*>(s);
    auto pts = line->points();
    std::sort(pts.begin(), pts.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    line->replace(pts);
  }
  if (xMax > 0) x.setRange(xMin * 0.8, xMax * 1.25);
  if (yMax > 0) y.setRange(y.log() ? yMin / 1.2 : 0, y.log() ? yMax * 1.2 : std::max(0.05, yMax * 1.05));
  finishLegend(chart);
  chart_->showChart(chart);
}

}  // namespace ps::ui
