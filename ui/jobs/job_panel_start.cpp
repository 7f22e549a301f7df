// JobPanel: starting, resuming and queueing jobs (scoring, studies, audits, imports, the
// label check, the learning-rate range test), on this computer or a Slurm cluster, and
// asking first about a long one. The panel's widgets are built in job_panel.cpp.
#include "base/ui_wording.h"
#include "jobs/job_panel.h"

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
#include "base/score_catalog.h"
#include "data/dataset.h"
#include "embed/embedding_map.h"
#include "jobs/job_estimate.h"
#include "jobs/slurm_array_job.h"
#include "jobs/slurm_form.h"
#include "jobs/slurm_job_row.h"
#include "jobs/study_forms.h"
#include "model/model_names.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "study/work_estimate.h"
#include "train/lr_range.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
// The form's settings (or the given ones); the reason goes to `refused` when invalid.
template <typename Config, typename Form>
bool settings(const Config* given, Form&& form, Config& out, QString& refused) {
  try {
    out = given ? *given : form();
    if (given) out.validate();
    return true;
  } catch (const Error& e) {
    refused = QString::fromStdString(e.what());
    return false;
  }
}

QString policiesText(const std::vector<std::string>& policies, const std::vector<double>& keeps) {
  QStringList p, k;
  for (const auto& s : policies) p << QString::fromStdString(s);
  for (double f : keeps) k << QString::number(f);
  return p.join(QStringLiteral(", ")) + QStringLiteral(" · f = ") + k.join(QStringLiteral(", "));
}
}  // namespace

BackgroundJob* JobPanel::startJob(const ScoreConfig* config) {
  if (!dataset_) return nullptr;
  ScoreConfig c;
  try {
    c = config ? *config : formConfig();
  } catch (const Error& e) {
    emit jobFailed(QString::fromStdString(e.what()));
    return nullptr;
  }
  QStringList names;
  for (const auto& s : c.scores) names << QString::fromStdString(s);
  const QString title = tr("Scoring: %1 · %2 · epochs: %3 · seeds: %4")
                            .arg(names.join(QStringLiteral(", ")), QString::fromStdString(c.train.model))
                            .arg(c.train.epochs)
                            .arg(c.seeds);
  SlurmRequest slurm;
  bool refused = false;
  if (onSlurm(runOn_, runKindId(RunKind::Score), slurm, refused))
    return enqueue(slurmScoringJob(dataset_, c, title + tr(" · on Slurm"), storePath_, slurm, this));
  if (refused || !confirmLongJob(0, config == nullptr, title, scoringWorkText(c))) return nullptr;
  auto ds = dataset_;
  return enqueue(new BackgroundJob(
      runKindId(RunKind::Score), title, storePath_,
      [ds, c](Store& store, JobContext& ctx) {
        const ScoreRun run = scoreDataset(*ds, store, c, ctx);
        return JobOutcome{run.runId, run.fromCache};
      },
      this));
}

namespace {
// A study's title in the queue and its work on the job's thread.
template <typename Config>
QString studyTitle(const QString& what, const Config& c) {
  return QCoreApplication::translate("ps::ui::JobPanel", "%1: %2 · %3 · epochs: %4")
      .arg(what, QString::fromStdString(c.score.name), policiesText(c.policies, c.keeps))
      .arg(c.train.epochs);
}

template <typename Config, typename Study>
BackgroundJob::Work studyWork(std::shared_ptr<const Dataset> ds, Config c, Study study) {
  return [ds = std::move(ds), c = std::move(c), study](Store& store, JobContext& ctx) {
    const auto r = study(*ds, store, c, ctx);
    return JobOutcome{r.runId, r.fromCache};
  };
}
}  // namespace

template <typename Config, typename Form, typename SlurmJob, typename Study>
BackgroundJob* JobPanel::startStudy(const Config* config, Form&& form, const StudyForm* where, const QString& kind,
                                    const QString& what, SlurmJob slurmJob, Study study) {
  if (!dataset_) return nullptr;
  Config c;
  QString refused;
  if (!settings(config, std::forward<Form>(form), c, refused)) {
    emit jobFailed(refused);
    return nullptr;
  }
  const QString title = studyTitle(what, c);
  SlurmRequest slurm;
  bool refusedHere = false;
  if (onSlurm(where->runOn(), kind, slurm, refusedHere))
    return enqueue(slurmJob(dataset_, c, title + tr(" · on Slurm"), storePath_, slurm, this));
  const int formIndex = kind == runKindId(RunKind::Frontier) ? 1 : 2;
  if (refusedHere || !confirmLongJob(formIndex, config == nullptr, title, QString())) return nullptr;
  return enqueue(new BackgroundJob(kind, title, storePath_, studyWork(dataset_, c, study), this));
}

BackgroundJob* JobPanel::startFrontier(const FrontierConfig* config) {
  return startStudy(
      config, [this] { return frontier_->frontierConfig(); }, frontier_, runKindId(RunKind::Frontier), tr("Frontier"),
      slurmFrontierJob, runFrontierStudy);
}

BackgroundJob* JobPanel::startScaling(const ScalingConfig* config) {
  return startStudy(
      config, [this] { return scaling_->scalingConfig(); }, scaling_, runKindId(RunKind::Scaling), tr("Scaling"),
      slurmScalingJob, runScalingStudy);
}

BackgroundJob* JobPanel::resumeRun(const RunRecord& run) {
  try {
    if (isRunKind(run.kind, RunKind::Score)) {
      const ScoreConfig c = ScoreConfig::fromJson(run.config);
      return startJob(&c);
    }
    if (isRunKind(run.kind, RunKind::LabelCheck)) {
      const LabelCheckConfig c = LabelCheckConfig::fromJson(run.config);
      return startLabelCheck(&c);
    }
    if (isRunKind(run.kind, RunKind::Frontier)) {
      const FrontierConfig c = parseFrontierConfig(run.config);
      return startFrontier(&c);
    }
    if (isRunKind(run.kind, RunKind::Scaling)) {
      const ScalingConfig c = parseScalingConfig(run.config);
      return startScaling(&c);
    }
    emit jobFailed(tr("A %1 run cannot be resumed on its own.").arg(runKindWord(run.kind)));
  } catch (const std::exception& e) {
    emit jobFailed(tr("Run %1 cannot be resumed: %2").arg(run.id).arg(QString::fromStdString(describeError(e))));
  }
  return nullptr;
}

BackgroundJob* JobPanel::startAudit(const AuditConfig& config, const QString& title) {
  if (!dataset_) return nullptr;
  auto ds = dataset_;
  auto result = std::make_shared<AuditResult>();
  auto* job = new BackgroundJob(
      runKindId(RunKind::Audit), tr("Fairness audit: %1").arg(title), storePath_,
      [ds, config, result](Store& store, JobContext& ctx) {
        *result = runFairnessAudit(*ds, store, config, ctx);
        return JobOutcome{};
      },
      this);
  // Queued after the work wrote `result`, so reading it here is safe.
  connect(job, &BackgroundJob::finished, this, [this, result, title] { emit auditFinished(*result, title); });
  return enqueue(job);
}

BackgroundJob* JobPanel::startGroupAudit(const GroupAuditConfig& config, const QString& title) {
  if (!dataset_) return nullptr;
  auto ds = dataset_;
  auto result = std::make_shared<GroupAuditResult>();
  auto* job = new BackgroundJob(
      QStringLiteral("audit"), tr("Fairness audit by group: %1").arg(title), storePath_,
      [ds, config, result](Store& store, JobContext& ctx) {
        *result = runGroupAudit(*ds, store, config, ctx);
        return JobOutcome{};
      },
      this);
  connect(job, &BackgroundJob::finished, this, [this, result, title] { emit groupAuditFinished(*result, title); });
  return enqueue(job);
}

BackgroundJob* JobPanel::startImport(const QString& path, const QString& name, bool higherIsHarder) {
  if (!dataset_) return nullptr;
  auto ds = dataset_;
  const std::string file = path.toStdString(), score = name.toStdString();
  return enqueue(new BackgroundJob(
      runKindId(RunKind::Import), tr("Import: %1 from %2").arg(name, path), storePath_,
      [ds, file, score, higherIsHarder](Store& store, JobContext&) {
        const ScoreRun run = importScores(*ds, store, file, score, higherIsHarder);
        return JobOutcome{run.runId, run.fromCache};
      },
      this));
}

BackgroundJob* JobPanel::startMap(qint64 runId) {
  if (!dataset_) return nullptr;
  auto ds = dataset_;
  return enqueue(new BackgroundJob(
      QStringLiteral("map"), tr("Embedding map of run %1").arg(runId), storePath_,
      [ds, runId](Store& store, JobContext& ctx) {
        const EmbeddingMap m = embeddingMap(store, *ds, runId, MapSettings{}, &ctx);
        return JobOutcome{m.runId, m.fromCache};
      },
      this));
}

BackgroundJob* JobPanel::startLabelCheck(const LabelCheckConfig* config, int folds) {
  if (!dataset_) return nullptr;
  LabelCheckConfig c;
  try {
    if (config) {
      c = *config;
    } else {
      const ScoreConfig form = formConfig();
      c.train = form.train;
      c.seeds = form.seeds;
      c.limit = form.limit;
      c.folds = folds;
    }
    c.validate(c.limit > 0 ? c.limit : static_cast<int64_t>(dataset_->size(Split::Train)));
  } catch (const Error& e) {
    emit jobFailed(QString::fromStdString(e.what()));
    return nullptr;
  }
  auto ds = dataset_;
  const QString title = tr("Label check (cross-validated): %1 folds · %2 · epochs: %3 · seeds: %4")
                            .arg(c.folds)
                            .arg(QString::fromStdString(c.train.model))
                            .arg(c.train.epochs)
                            .arg(c.seeds);
  return enqueue(new BackgroundJob(
      runKindId(RunKind::LabelCheck), title, storePath_,
      [ds, c](Store& store, JobContext& ctx) {
        const LabelCheckRun run = checkLabels(*ds, store, c, ctx);
        return JobOutcome{run.runId, run.fromCache};
      },
      this));
}

BackgroundJob* JobPanel::startLrRange() {
  if (!dataset_) return nullptr;
  LrRangeConfig c;
  c.train.model = model_->currentText().toStdString();
  c.limit = limit_->value();
  try {
    c.validate();
  } catch (const Error& e) {
    emit jobFailed(QString::fromStdString(e.what()));
    return nullptr;
  }
  auto ds = dataset_;
  auto result = std::make_shared<LrRangeResult>();
  auto* job = new BackgroundJob(
      QStringLiteral("lr-range"), tr("Learning-rate range test: %1").arg(QString::fromStdString(c.train.model)),
      storePath_,
      [ds, c, result](Store&, JobContext& ctx) {
        *result = lrRangeTest(*ds, c, ctx);
        return JobOutcome{};
      },
      this);
  // Queued after the work wrote `result`, so reading it here is safe.
  connect(job, &BackgroundJob::finished, this, [this, job, result] {
    const double before = lr_->value();
    lr_->setValue(result->suggested);
    const QString found = tr("suggested learning rate %1 (where the loss falls fastest; lowest loss at %2)")
                              .arg(result->suggested, 0, 'g', 3)
                              .arg(result->minLossLr, 0, 'g', 3);
    emit job->logged(found);
    // Said beside the field, which is lit up briefly: the value changed under the user's eyes.
    lrFound_->setText(tr("Find… set %1 (was %2): where the loss fell fastest; the lowest loss was at %3.")
                          .arg(lr_->value(), 0, 'g', 3)
                          .arg(before, 0, 'g', 3)
                          .arg(result->minLossLr, 0, 'g', 3));
    lrFound_->show();
    lr_->setStyleSheet(QStringLiteral("QDoubleSpinBox { background: #fff1a8; }"));
    QTimer::singleShot(2500, lr_, [lr = lr_] { lr->setStyleSheet(QString()); });
  });
  return enqueue(job);
}

bool JobPanel::onSlurm(const SlurmForm* where, const QString& kind, SlurmRequest& request, bool& refused) {
  if (!where->slurmChosen()) return false;
  try {
    request = where->request(kind, storePath_);
    return true;
  } catch (const Error& e) {
    refused = true;
    emit jobFailed(QString::fromStdString(e.what()));
    return false;
  }
}

QString JobPanel::scoringWorkText(const ScoreConfig& c) const {
  const int64_t n = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Train)) : 0;
  const int64_t examples = c.limit > 0 ? std::min(c.limit, n) : n;
  return tr("%1 examples × %2 epochs × %3 (%4, batch %5)")
      .arg(examples)
      .arg(c.train.epochs)
      .arg(c.seeds == 1 ? tr("1 seed") : tr("%1 seeds").arg(c.seeds))
      .arg(QString::fromStdString(c.train.model))
      .arg(c.train.batchSize);
}

bool JobPanel::confirmLongJob(int formIndex, bool fromForm, const QString& title, const QString& work) {
  // The estimate shown under the form is of this job only when the job comes from it.
  if (!fromForm || forms_->currentIndex() != formIndex) return true;
  estimate_->refresh();
  const double seconds = estimate_->seconds();
  if (seconds <= kLongJobSeconds || !askBeforeLongJobs_) return true;
  QMessageBox box(QMessageBox::Question, tr("Start a long job?"),
                  tr("This job is estimated to take about %1.").arg(durationWord(seconds)),
                  QMessageBox::Yes | QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("longJobQuestion"));
  box.setInformativeText((work.isEmpty() ? title : title + QStringLiteral("\n") + tr("It trains %1.").arg(work)) +
                         QStringLiteral("\n\n") +
                         tr("It runs in the background and can be cancelled and resumed later. Start it now?"));
  box.setDefaultButton(QMessageBox::Cancel);
  box.button(QMessageBox::Yes)->setText(tr("Start"));
  return box.exec() == QMessageBox::Yes;
}

BackgroundJob* JobPanel::enqueue(BackgroundJob* job) {
  queue_->add(job);  // its row comes with the queue's `added`
  return job;
}

const std::vector<BackgroundJob*>& JobPanel::jobs() const { return queue_->jobs(); }

}  // namespace ps::ui
