#include "views/plan_panel.h"

#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QValueAxis>
#include <QtConcurrent>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "base/ui_wording.h"
#include "base/worker_pool.h"
#include "charts/chart_axes.h"
#include "charts/chart_style.h"
#include "charts/chart_view.h"
#include "job/job.h"
#include "prune/prune_policy.h"
#include "util/errors.h"

namespace ps::ui {

namespace {

// The theory's simulation, once per process: its configuration is fixed and it is
// deterministic, so every panel shows the same curve.
std::vector<OptimalKeep> simulatedOptimalKeep() {
  static const std::vector<OptimalKeep> curve = [] {
    JobContext ctx;
    return optimalKeepCurve(simulatePerceptron(optimalKeepTheoryConfig(), ctx));
  }();
  return curve;
}

QString policyWords(const std::string& policy) {
  if (isPolicy(policy, PrunePolicy::KeepHard)) return PlanPanel::tr("keep hard");
  if (isPolicy(policy, PrunePolicy::KeepEasy)) return PlanPanel::tr("keep easy");
  if (isPolicy(policy, PrunePolicy::Random)) return PlanPanel::tr("random");
  return QString::fromStdString(policy);
}

// The lowest mean error measured over every curve (the target box's starting value).
double lowestError(const PlanInputs& in) {
  double lo = std::numeric_limits<double>::infinity();
  for (const auto& c : in.curves)
    for (const auto& p : c.points) lo = std::min(lo, p.errorMean);
  return lo;
}

}  // namespace

PlanPanel::PlanPanel(QWidget* parent) : QWidget(parent) {
  mode_ = new QComboBox(this);
  mode_->addItem(tr("a budget of"));
  mode_->addItem(tr("a target test error of"));
  budget_ = new QSpinBox(this);
  budget_->setRange(1, 1000000000);
  budget_->setSingleStep(1000);
  budget_->setSuffix(tr(" examples"));
  budget_->setToolTip(tr("Examples available before pruning (the pool)"));
  target_ = new QDoubleSpinBox(this);
  target_->setRange(0.001, 0.999);
  target_->setDecimals(3);
  target_->setSingleStep(0.01);
  target_->setValue(0.1);
  target_->setToolTip(tr("The test error to reach: the plan needing the fewest examples before pruning"));
  value_ = new QStackedWidget(this);
  value_->addWidget(budget_);
  value_->addWidget(target_);
  value_->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
  plan_ = new QLabel(this);
  plan_->setWordWrap(true);
  plan_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  plan_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* row = new QHBoxLayout;
  row->addWidget(new QLabel(tr("Pruning plan for"), this));
  row->addWidget(mode_);
  row->addWidget(value_);
  row->addStretch(1);
  auto* left = new QVBoxLayout;
  left->addLayout(row);
  left->addWidget(plan_, 1);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(left, 1);
  layout->addWidget(makeTheoryBox());

  const int mode = QSettings().value(QStringLiteral("plan/mode"), 0).toInt();
  mode_->setCurrentIndex(mode == 1 ? 1 : 0);
  value_->setCurrentIndex(mode_->currentIndex());
  connect(mode_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
    value_->setCurrentIndex(index);
    QSettings().setValue(QStringLiteral("plan/mode"), index);
    showPlan();
  });
  connect(budget_, qOverload<int>(&QSpinBox::valueChanged), this, [this] { showPlan(); });
  connect(target_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] { showPlan(); });
  connect(&watcher_, &QFutureWatcher<std::vector<OptimalKeep>>::finished, this, [this] {
    theory_ = watcher_.result();
    drawTheory();
  });
  showPlan();
}

QWidget* PlanPanel::makeTheoryBox() {
  auto* box = new QGroupBox(tr("Theory, for comparison only (not this dataset)"), this);
  theoryView_ = new ChartView(box);
  theoryView_->setFixedSize(520, 150);  // the scaling chart above keeps room for its legend
  theoryText_ = new QLabel(tr("Simulating the perceptron…"), box);
  theoryText_->setWordWrap(true);
  theoryText_->setFixedWidth(520);
  auto* theoryLayout = new QVBoxLayout(box);
  theoryLayout->setContentsMargins(4, 4, 4, 4);
  theoryLayout->addWidget(theoryView_);
  theoryLayout->addWidget(theoryText_);

  return box;
}

PlanPanel::~PlanPanel() { watcher_.waitForFinished(); }

void PlanPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (theoryStarted_) return;
  theoryStarted_ = true;  // a few seconds on two cores, once per process
  watcher_.setFuture(QtConcurrent::run(workerPool(), simulatedOptimalKeep));
}

void PlanPanel::setInputs(PlanInputs inputs, int64_t largestPool) {
  inputs_ = std::move(inputs);
  {
    const QSignalBlocker blockBudget(budget_);
    const QSignalBlocker blockTarget(target_);
    if (largestPool > 0) budget_->setValue(static_cast<int>(std::min<int64_t>(largestPool, budget_->maximum())));
    const double lo = lowestError(inputs_);
    if (std::isfinite(lo) && lo > 0) target_->setValue(std::ceil(lo * 1000.0) / 1000.0);
  }
  showPlan();
}

void PlanPanel::showPlan() {
  if (inputs_.curves.empty()) {
    plan_->setText(tr("No study to plan from: run a scaling or frontier study first."));
    return;
  }
  try {
    const PruningPlan plan = mode_->currentIndex() == 1 ? planForTarget(inputs_, target_->value(), uiWording())
                                                        : planForBudget(inputs_, budget_->value(), uiWording());
    QString text = coreText(plan.answer);
    for (const auto& note : plan.notes) text += QLatin1Char('\n') + coreText(note);
    plan_->setText(text);
  } catch (const std::exception& e) {
    plan_->setText(QString::fromStdString(describeError(e)));
  }
}

void PlanPanel::drawTheory() {
  auto* chart = new QChart;
  chart->setMargins(QMargins(2, 2, 2, 2));
  const ScaledAxis x(tr("α_tot (examples per dimension)"), true, "%g");
  const ScaledAxis y(tr("kept f"), false, "%.1f");
  chart->addAxis(x.axis(), Qt::AlignBottom);
  chart->addAxis(y.axis(), Qt::AlignLeft);
  // where each policy wins at each f < 1: the crossover from keep-easy to keep-hard
  std::map<std::string, QScatterSeries*> wins;
  for (const auto& o : theory_)
    for (const auto& w : o.winners) {
      auto& s = wins[w.policy];
      if (!s) {
        s = new QScatterSeries;
        // a tie: the two best policies are within 2 standard errors of each other (optimal_keep.h)
        const QColor colour = w.tie() ? QColor(Qt::gray) : policyColour(w.policy);
        s->setName(w.tie() ? tr("tie (within noise)") : tr("%1 wins").arg(policyWords(w.policy)));
        s->setColor(w.tie() ? QColor(Qt::white) : colour);
        s->setBorderColor(colour);
        s->setMarkerShape(isPolicy(w.policy, PrunePolicy::KeepHard) ? QScatterSeries::MarkerShapeRectangle
                                                                    : QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(7);
        ScaledAxis::attach(chart, s, x, y);
      }
      s->append(x.map(o.alphaTot), y.map(w.keep));
    }
  auto* best = new QLineSeries;  // last: drawn over the markers it passes
  best->setName(tr("optimal f"));
  styleLine(best, Qt::black, 0, 2);
  best->setPointsVisible(true);
  for (const auto& o : theory_) best->append(x.map(o.alphaTot), y.map(o.keep));
  ScaledAxis::attach(chart, best, x, y);
  if (!theory_.empty()) x.setRange(theory_.front().alphaTot / 1.3, theory_.back().alphaTot * 1.3);
  y.setRange(0, 1.05);
  finishLegend(chart);
  QFont small = chart->font();
  small.setPointSizeF(small.pointSizeF() * 0.85);
  for (QAbstractAxis* axis : chart->axes()) {
    axis->setLabelsFont(small);
    axis->setTitleFont(small);
  }
  chart->legend()->setFont(small);
  theoryView_->showChart(chart);
  const TheoryConfig c = optimalKeepTheoryConfig();
  theoryText_->setText(tr("Teacher-student perceptron (Sorscher et al. 2022, Fig. 1), N = %1, %2 trials, simulated: "
                          "with few examples per dimension keeping the easy examples wins; with many, the hard "
                          "ones. A policy is shown as winning only where it beats the runner-up by more than 2 "
                          "standard errors over the trials; elsewhere the simulation calls it a tie. It says nothing "
                          "about this dataset's numbers.")
                           .arg(c.dim)
                           .arg(c.trials));
}

}  // namespace ps::ui
