#include "job_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "data/dataset.h"
#include "job/job.h"
#include "model/model_names.h"
#include "scoring_job.h"
#include "util/errors.h"

namespace ps::ui {

JobPanel::JobPanel(QWidget* parent) : QWidget(parent) {
  auto* form = new QGroupBox(tr("New scoring run"), this);
  scores_ = new QListWidget(form);
  for (const auto& name : allScoreNames()) {
    auto* item = new QListWidgetItem(QString::fromStdString(name), scores_);
    item->setToolTip(QString::fromStdString(scoreDescription(name)));
    const auto& defaults = defaultScoreNames();
    const bool on = std::find(defaults.begin(), defaults.end(), name) != defaults.end() && name != "grand";
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
  }
  scores_->setMaximumHeight(150);
  model_ = new QComboBox(form);
  for (const auto& m : builtinModelNames()) model_->addItem(QString::fromStdString(m));
  epochs_ = new QSpinBox(form);
  epochs_->setRange(1, 1000);
  epochs_->setValue(10);
  seeds_ = new QSpinBox(form);
  seeds_->setRange(1, 100);
  seeds_->setValue(1);
  limit_ = new QSpinBox(form);
  limit_->setRange(0, 100000000);
  limit_->setSpecialValueText(tr("all"));
  limit_->setToolTip(tr("Score only the first N training examples"));
  start_ = new QPushButton(tr("Start scoring"), form);
  start_->setEnabled(false);
  auto* fl = new QFormLayout(form);
  fl->addRow(tr("Scores"), scores_);
  fl->addRow(tr("Model"), model_);
  fl->addRow(tr("Epochs"), epochs_);
  fl->addRow(tr("Seeds"), seeds_);
  fl->addRow(tr("Examples"), limit_);
  fl->addRow(start_);
  connect(start_, &QPushButton::clicked, this, [this] { startJob(); });

  auto* queueBox = new QGroupBox(tr("Jobs"), this);
  auto* area = new QScrollArea(queueBox);
  auto* holder = new QWidget(area);
  queue_ = new QVBoxLayout(holder);
  queue_->addStretch(1);
  area->setWidget(holder);
  area->setWidgetResizable(true);
  area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* ql = new QVBoxLayout(queueBox);
  ql->addWidget(area);

  setMinimumWidth(340);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(form);
  layout->addWidget(queueBox, 1);
}

JobPanel::~JobPanel() = default;  // jobs are children: each cancels and joins in its destructor

void JobPanel::setDataset(std::shared_ptr<const Dataset> dataset) {
  dataset_ = std::move(dataset);
  start_->setEnabled(dataset_ != nullptr);
}

ScoreConfig JobPanel::formConfig() const {
  ScoreConfig c;
  c.scores.clear();
  for (int i = 0; i < scores_->count(); ++i)
    if (scores_->item(i)->checkState() == Qt::Checked) c.scores.push_back(scores_->item(i)->text().toStdString());
  if (c.scores.empty()) throw ConfigError("no score selected: tick at least one score");
  c.train.model = model_->currentText().toStdString();
  c.train.epochs = epochs_->value();
  c.seeds = seeds_->value();
  c.limit = limit_->value();
  const int64_t n = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Train)) : 0;
  if (c.limit > n) throw ConfigError("examples " + std::to_string(c.limit) + " is more than the training split holds (" +
                                     std::to_string(n) + ")");
  c.validate(c.limit > 0 ? c.limit : n);
  return c;
}

ScoringJob* JobPanel::startJob(const ScoreConfig* config) {
  if (!dataset_) return nullptr;
  ScoreConfig c;
  try {
    c = config ? *config : formConfig();
  } catch (const Error& e) {
    emit jobFailed(QString::fromStdString(e.what()));
    return nullptr;
  }
  auto* job = new ScoringJob(dataset_, c, storePath_, this);
  jobs_.push_back(job);
  addRow(job);
  job->start();
  return job;
}

void JobPanel::addRow(ScoringJob* job) {
  auto* row = new QWidget;
  auto* title = new QLabel(job->summary(), row);
  auto* bar = new QProgressBar(row);
  bar->setRange(0, 1000);
  auto* message = new QLabel(tr("starting…"), row);
  auto* button = new QPushButton(tr("Cancel"), row);
  title->setWordWrap(true);
  message->setWordWrap(true);
  auto* top = new QHBoxLayout;
  top->addWidget(title, 1);
  top->addWidget(button);
  auto* l = new QVBoxLayout(row);
  l->addLayout(top);
  l->addWidget(bar);
  l->addWidget(message);
  queue_->insertWidget(0, row);

  connect(button, &QPushButton::clicked, job, [job, button] {
    if (job->isRunning()) {
      job->cancel();
      button->setEnabled(false);
    } else {
      job->start();  // resume: the store continues from the last finished epoch
      button->setText(tr("Cancel"));
    }
  });
  connect(job, &ScoringJob::progress, row, [bar, message](double f, const QString& m, double eta) {
    bar->setValue(static_cast<int>(f * 1000));
    message->setText(eta >= 0 ? tr("%1 · %2 left").arg(m, QString::fromStdString(formatDuration(eta))) : m);
  });
  connect(job, &ScoringJob::finished, row, [this, bar, message, button](qint64 runId, bool cached) {
    bar->setValue(1000);
    message->setText(cached ? tr("done (run %1, from the store)").arg(runId) : tr("done (run %1)").arg(runId));
    button->hide();
    emit jobFinished(runId);
  });
  connect(job, &ScoringJob::cancelled, row, [this, message, button] {
    message->setText(tr("cancelled — resume continues from the last finished epoch"));
    button->setText(tr("Resume"));
    button->setEnabled(true);
    emit jobCancelled();
  });
  connect(job, &ScoringJob::failed, row, [this, message, button](const QString& reason) {
    message->setText(tr("failed: %1").arg(reason));
    button->setText(tr("Retry"));
    button->setEnabled(true);
    emit jobFailed(reason);
  });
}

}  // namespace ps::ui
