#include "jobs/job_panel.h"
#include "base/ui_wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "base/background_job.h"
#include "base/form_parts.h"
#include "base/registry_lists.h"
#include "base/score_catalog.h"
#include "base/setting_fields.h"
#include "data/dataset.h"
#include "jobs/job_estimate.h"
#include "jobs/slurm_array_job.h"
#include "jobs/slurm_form.h"
#include "jobs/slurm_job_row.h"
#include "jobs/study_forms.h"
#include "jobs/training_fields.h"
#include "model/model_names.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/work_estimate.h"
#include "train/lr_range.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
// Asks for the whole form's height, so the splitter gives the form what it needs and the
// queue the rest (it scrolls where the window is too short for both).
class FormsArea : public QScrollArea {
 public:
  using QScrollArea::QScrollArea;
  QSize sizeHint() const override {
    return widget() ? widget()->sizeHint() + QSize(2, 2) * frameWidth() : QScrollArea::sizeHint();
  }
};
}  // namespace

JobPanel::JobPanel(QWidget* parent) : QWidget(parent) {
  queue_ = new JobQueue(this);
  forms_ = new QTabWidget(this);
  auto* form = new QWidget(forms_);
  buildScoreChoice(form);
  QHBoxLayout* lrRow = buildTrainingFields(form);
  layOutScoringForm(form, lrRow);
  connectScoringForm();
  addStudyForms(form);
  QGroupBox* queueBox = buildQueueBox();
  connectQueue();
  layOutPanel(queueBox);
}

// The scoring form's scores, model, epochs, seeds and examples limit.
void JobPanel::buildScoreChoice(QWidget* form) {
  scores_ = new QListWidget(form);
  fillScoreList(scores_);
  scores_->setMaximumHeight(150);
  // The scoring form's fields, from the settings' declarations (train/, score/score_settings.h).
  training_ = std::make_unique<TrainingFields>(form);
  model_ = training_->model;
  epochs_ = training_->epochs;
  seeds_ = integerField(setting::scoreSeeds, form);
  limit_ = integerField(setting::limit, form);
  limit_->setToolTip(tr("Score only the first N training examples"));
}

// The scoring form's training settings, notes and start button; returns the learning-rate
// row (the field and Find…).
QHBoxLayout* JobPanel::buildTrainingFields(QWidget* form) {
  lr_ = training_->lr;
  lr_->setToolTip(tr("Peak learning rate (SGD with momentum, linear warm-up, cosine decay)"));
  findLr_ = new QPushButton(tr("Find…"), form);
  findLr_->setToolTip(
      tr("Learning-rate range test: train briefly at growing learning rates and put the one "
         "where the loss falls fastest here"));
  auto* lrRow = new QHBoxLayout;
  lrRow->addWidget(lr_, 1);
  lrRow->addWidget(findLr_);
  lrFound_ = new QLabel(form);  // what Find… found and set, beside the field
  lrFound_->setObjectName(QStringLiteral("lrFound"));
  lrFound_->setWordWrap(true);
  lrFound_->hide();
  batchNote_ = new QLabel(form);  // why the batch size is lower than the default
  batchNote_->setObjectName(QStringLiteral("batchNote"));
  batchNote_->setWordWrap(true);
  batchNote_->setStyleSheet(QStringLiteral("color: palette(mid);"));
  batchNote_->hide();
  healthChecks_ = training_->healthChecks;
  healthChecks_->setText(tr("fail the run if the model does not learn"));
  healthChecks_->setToolTip(
      tr("Health checks: a model still at chance level when a score is read fails the run "
         "instead of caching meaningless scores, and a score without spread is left out. A "
         "diverged loss fails the run either way."));
  batch_ = training_->batchSize;
  el2nEpoch_ = integerField(setting::el2nEpoch, form);
  el2nEpoch_->setToolTip(
      tr("Epoch at which EL2N (and GraNd) are read: early in training, as the paper does. When only "
         "EL2N and GraNd are asked for, training stops there; the other scores need every epoch"));
  start_ = new QPushButton(tr("Start scoring"), form);
  limitGate_ = new FieldGate(start_);
  limitGate_->setReady(false);
  return lrRow;
}

void JobPanel::layOutScoringForm(QWidget* form, QHBoxLayout* lrRow) {
  auto* fl = new QFormLayout(form);
  fl->addRow(tr("Scores"), scores_);
  fl->addRow(tr("Epochs"), epochs_);
  fl->addRow(tr("Seeds"), seeds_);
  fl->addRow(tr("Examples"), limitGate_->add(limit_, [this](int n) {
    const int64_t train = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Train)) : 0;
    return dataset_ && n > train ? tr("at most %1 training examples").arg(train) : QString();
  }));
  fl->addRow(QString(), batchNote_);
  fl->addRow(QString(), healthChecks_);
  QFormLayout* advanced = addFoldingSection(fl, tr("Training settings"), QStringLiteral("score"));
  advanced->addRow(tr("Model"), model_);
  advanced->addRow(tr("Learning rate"), lrRow);
  advanced->addRow(QString(), lrFound_);
  training_->addRows(advanced, false);
  advanced->addRow(tr("EL2N epoch"), el2nEpoch_);
  runOn_ = new SlurmForm(form);
  fl->addRow(runOn_);
  fl->addRow(start_);
  connect(runOn_, &SlurmForm::runOnChanged, start_,
          [this](bool slurm) { start_->setText(slurm ? tr("Submit scoring to Slurm") : tr("Start scoring")); });
  start_->setText(runOn_->slurmChosen() ? tr("Submit scoring to Slurm") : tr("Start scoring"));
  paperEl2n_ = new QPushButton(tr("EL2N as in the paper (10 seeds)"), form);
  paperEl2n_->setEnabled(false);
  paperEl2n_->setToolTip(
      tr("Scores EL2N only, averaged over 10 independently trained seeds, read early in training "
         "(20 % of the epochs), as Paul et al. and Sorscher et al. do. Training stops at the EL2N "
         "epoch, and the seeds train together as far as the cores and memory allow"));
  fl->addRow(paperEl2n_);
}

void JobPanel::connectScoringForm() {
  connect(start_, &QPushButton::clicked, this, [this] { startJob(); });
  connect(paperEl2n_, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < scores_->count(); ++i)
      scores_->item(i)->setCheckState(scores_->item(i)->text() == QLatin1String("el2n") ? Qt::Checked : Qt::Unchecked);
    seeds_->setValue(10);
    el2nEpoch_->setValue(-1);
    startJob();
  });
  connect(findLr_, &QPushButton::clicked, this, [this] { startLrRange(); });
  // The batch size follows the examples until the user sets it.
  connect(batch_, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
    if (!adaptingBatch_) batchChosen_ = true;
  });
  connect(limit_, qOverload<int>(&QSpinBox::valueChanged), this, [this] { adaptBatchSize(); });
}

// The frontier and scaling forms, in tabs after the scoring form.
void JobPanel::addStudyForms(QWidget* form) {
  frontier_ = new StudyForm(StudyForm::Kind::Frontier, forms_);
  scaling_ = new StudyForm(StudyForm::Kind::Scaling, forms_);
  connect(frontier_, &StudyForm::startRequested, this, [this] { startFrontier(); });
  connect(scaling_, &StudyForm::startRequested, this, [this] { startScaling(); });
  forms_->addTab(form, tr("Score"));
  forms_->addTab(frontier_, tr("Frontier"));
  forms_->addTab(scaling_, tr("Scaling"));
  forms_->setEnabled(false);
}

// The queue's box: how many jobs run at once, Clear finished, and the rows' scrolling area.
QGroupBox* JobPanel::buildQueueBox() {
  auto* queueBox = new QGroupBox(tr("Jobs"), this);
  auto* area = queueArea_ = new QScrollArea(queueBox);
  auto* holder = new QWidget(area);
  queueLayout_ = new QVBoxLayout(holder);
  queueLayout_->addStretch(1);
  area->setWidget(holder);
  area->setWidgetResizable(true);
  area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  clear_ = new QPushButton(tr("Clear finished"), queueBox);
  clear_->setEnabled(false);
  parallel_ = new QSpinBox(queueBox);
  parallel_->setObjectName(QStringLiteral("parallelJobs"));
  parallel_->setRange(1, 8);
  parallel_->setValue(queue_->parallel());
  parallel_->setToolTip(tr("How many trainings, scorings and studies run at the same time; the others wait"));
  auto* qt = new QHBoxLayout;
  qt->addWidget(new QLabel(tr("At once"), queueBox));
  qt->addWidget(parallel_);
  qt->addStretch(1);
  qt->addWidget(clear_);
  auto* ql = new QVBoxLayout(queueBox);
  ql->addLayout(qt);
  ql->addWidget(area);
  return queueBox;
}

void JobPanel::connectQueue() {
  connect(clear_, &QPushButton::clicked, queue_, &JobQueue::clearFinished);
  connect(parallel_, qOverload<int>(&QSpinBox::valueChanged), queue_, &JobQueue::setParallel);
  connect(queue_, &JobQueue::added, this, &JobPanel::addRow);
  connect(queue_, &JobQueue::changed, this, &JobPanel::showQueue);
  connect(queue_, &JobQueue::removing, this, [this](BackgroundJob* job) {
    const auto it = rows_.find(job);
    if (it == rows_.end()) return;
    it->second.row->deleteLater();
    rows_.erase(it);
  });
}

// The forms with the estimate under them, and the queue, on the two sides of a splitter.
void JobPanel::layOutPanel(QGroupBox* queueBox) {
  estimate_ = new JobEstimate([this] { return formWork(); }, this);
  estimate_->watch(forms_);
  setMinimumWidth(360);
  // The forms scroll and the queue keeps room for a few rows (a Slurm array's row lists
  // its tasks); the handle between them moves.
  auto* formsArea = new FormsArea(this);
  formsArea->setWidget(forms_);
  formsArea->setWidgetResizable(true);
  formsArea->setFrameShape(QFrame::NoFrame);
  formsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // At least five jobs show at once (a compact row is about three lines); more scroll.
  const int rowHeight = 3 * fontMetrics().height() + 14;
  queueArea_->setMinimumHeight(kJobsShown * rowHeight);
  auto* formsAndEstimate = new QWidget(this);  // the estimate stays under the form it is of
  auto* fe = new QVBoxLayout(formsAndEstimate);
  fe->setContentsMargins(0, 0, 0, 0);
  fe->addWidget(formsArea, 1);
  fe->addWidget(estimate_);
  split_ = new QSplitter(Qt::Vertical, this);
  split_->addWidget(formsAndEstimate);
  split_->addWidget(queueBox);
  split_->setChildrenCollapsible(false);
  split_->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split_);
}

std::optional<FormWork> JobPanel::formWork() const {
  if (!dataset_) return std::nullopt;
  const auto train = static_cast<int64_t>(dataset_->size(Split::Train));
  const auto test = static_cast<int64_t>(dataset_->size(Split::Test));
  // A study prunes a stored score: its pool is the examples that run scored.
  auto pool = [&](const StudyScore& s) {
    if (catalog_)
      for (const auto& r : catalog_->runs)
        if (r->run.runId == s.runId) return static_cast<int64_t>(r->run.indices.size());
    return train;
  };
  try {
    switch (forms_->currentIndex()) {
      case 0: {
        const ScoreConfig c = formConfig();
        return FormWork{scoringWork(c, train), c.train};
      }
      case 1: {
        const FrontierConfig c = frontier_->frontierConfig();
        return FormWork{frontierWork(c, pool(c.score), test), c.train};
      }
      case 2: {
        const ScalingConfig c = scaling_->scalingConfig();
        return FormWork{scalingWork(c, pool(c.score), test), c.train};
      }
      default: break;
    }
  } catch (const std::exception&) {  // settings the form marks as invalid: no estimate
  }
  return std::nullopt;
}

JobPanel::~JobPanel() = default;  // jobs are children: each cancels and joins in its destructor

void JobPanel::setDataset(std::shared_ptr<const Dataset> dataset) {
  dataset_ = std::move(dataset);
  limitGate_->setReady(dataset_ != nullptr);  // checks the examples limit against it too
  frontier_->setDataset(dataset_);
  scaling_->setDataset(dataset_);
  paperEl2n_->setEnabled(dataset_ != nullptr);
  forms_->setEnabled(dataset_ != nullptr);
  adaptBatchSize();
  estimate_->setDataset(dataset_);
}

void JobPanel::adaptBatchSize() {
  if (!dataset_ || batchChosen_) return;
  const auto train = static_cast<int64_t>(dataset_->size(Split::Train));
  const int64_t n = limit_->value() > 0 ? std::min<int64_t>(limit_->value(), train) : train;
  const int standard = TrainConfig{}.batchSize;
  const int batch = batchSizeForExamples(standard, n);
  adaptingBatch_ = true;
  batch_->setValue(batch);
  adaptingBatch_ = false;
  batchNote_->setVisible(batch < standard);
  batchNote_->setText(tr("Batch size %1 instead of %2, so that %3 examples give at least %4 steps per epoch "
                         "(Training settings › Batch size sets it).")
                          .arg(batch)
                          .arg(standard)
                          .arg(n)
                          .arg(kMinStepsPerEpoch));
}

void JobPanel::setCatalog(std::shared_ptr<const ScoreCatalog> catalog) {
  catalog_ = catalog;
  frontier_->setCatalog(catalog);
  scaling_->setCatalog(catalog);
}

ScoreConfig JobPanel::formConfig() const {
  ScoreConfig c;
  c.scores.clear();
  for (int i = 0; i < scores_->count(); ++i)
    if (scores_->item(i)->checkState() == Qt::Checked) c.scores.push_back(scores_->item(i)->text().toStdString());
  if (c.scores.empty()) throw ConfigError("no score selected: tick at least one score");
  training_->fill(c.train);
  c.el2nEpoch = el2nEpoch_->value();
  c.train.healthChecks = healthChecks_->isChecked();
  c.seeds = seeds_->value();
  c.limit = limit_->value();
  const int64_t n = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Train)) : 0;
  if (c.limit > n)
    throw ConfigError("examples " + std::to_string(c.limit) + " is more than the training split holds (" +
                      std::to_string(n) + ")");
  c.validate(c.limit > 0 ? c.limit : n);
  return c;
}

}  // namespace ps::ui
