#pragma once
// The job panel: forms to start a scoring run (scores, model, epochs, seeds, examples),
// a frontier study or a scaling study on the open dataset, and a queue of jobs, each with
// a progress bar, its message, time left, and cancel — or resume, for a cancelled or
// failed one (the store continues it from its last finished epoch or study point).
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "base/job_queue.h"

#include "score/label_check.h"
#include "score/score_config.h"
#include "study/fairness_audit.h"
#include "study/frontier_study.h"
#include "study/group_audit.h"
#include "study/scaling_study.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;
class QDoubleSpinBox;
class QGroupBox;
class QHBoxLayout;
class QListWidget;
class QPushButton;
class QSpinBox;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QVBoxLayout;

namespace ps {
class Dataset;
struct RunRecord;
}  // namespace ps

namespace ps::ui {

class BackgroundJob;
class FieldGate;
class JobEstimate;
struct FormWork;
class SlurmForm;
struct SlurmRequest;
class StudyForm;
struct TrainingFields;
struct ScoreCatalog;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(QWidget* parent = nullptr);
  ~JobPanel() override;

  void setDataset(std::shared_ptr<const Dataset> dataset);
  void setStorePath(const QString& path) { storePath_ = path; }
  void setCatalog(std::shared_ptr<const ScoreCatalog> catalog);
  // The scoring form's settings, validated; ConfigError names the bad value.
  ScoreConfig formConfig() const;
  // Start a job with the given settings (the form's when omitted). Each returns the job,
  // or nullptr when the settings were refused (the reason goes to jobFailed).
  BackgroundJob* startJob(const ScoreConfig* config = nullptr);
  BackgroundJob* startFrontier(const FrontierConfig* config = nullptr);
  BackgroundJob* startScaling(const ScalingConfig* config = nullptr);
  // Starts a stored score, frontier or scaling run again from its settings (the store
  // continues it from its last checkpoint); nullptr, with jobFailed, when they cannot be read.
  BackgroundJob* resumeRun(const ps::RunRecord& run);
  BackgroundJob* startAudit(const AuditConfig& config, const QString& title);
  BackgroundJob* startGroupAudit(const GroupAuditConfig& config, const QString& title);
  // Runs the learning-rate range test with the scoring form's model on the open dataset
  // (its examples limit too); the suggestion fills the learning-rate field when done.
  BackgroundJob* startLrRange();
  // The cross-validated label check (score/label_check.h) with the scoring form's recipe,
  // seeds and examples limit, in `folds` folds (the given settings when not null).
  BackgroundJob* startLabelCheck(const LabelCheckConfig* config = nullptr, int folds = kDefaultLabelCheckFolds);
  // Lays out the embedding map of run `runId`'s stored embedding (embed/embedding_map.h)
  // with the default settings and caches it; finished(runId, fromCache) when stored.
  BackgroundJob* startMap(qint64 runId);
  // Imports external scores (CSV or .npy, one value per training example) as a run.
  BackgroundJob* startImport(const QString& path, const QString& name, bool higherIsHarder);
  const std::vector<BackgroundJob*>& jobs() const;  // in the queue's order
  // Whether a job started from a form and estimated over ten minutes is asked about
  // first (a message box with what it trains and the estimate); scripted runs and tests
  // turn it off, and the job then starts as asked.
  void setAskBeforeLongJobs(bool ask) { askBeforeLongJobs_ = ask; }
  static constexpr double kLongJobSeconds = 600;
  static constexpr int kJobsShown = 5;  // rows the queue shows without scrolling
  // What the scoring settings train: "2000 examples × 3 epochs × 1 seed (small_cnn, batch 128)".
  QString scoringWorkText(const ScoreConfig& c) const;
  JobQueue* queue() const { return queue_; }

  QListWidget* scoreList() const { return scores_; }
  QSpinBox* epochsBox() const { return epochs_; }
  QSpinBox* seedsBox() const { return seeds_; }
  QSpinBox* limitBox() const { return limit_; }
  QDoubleSpinBox* lrBox() const { return lr_; }
  QSpinBox* batchBox() const { return batch_; }
  QLabel* lrFoundLabel() const { return lrFound_; }
  QLabel* batchNote() const { return batchNote_; }
  QCheckBox* healthChecksBox() const { return healthChecks_; }
  QPushButton* findLrButton() const { return findLr_; }
  QPushButton* paperEl2nButton() const { return paperEl2n_; }
  QPushButton* startButton() const { return start_; }
  SlurmForm* scoreRunOn() const { return runOn_; }  // this computer or a Slurm cluster
  StudyForm* frontierForm() const { return frontier_; }
  StudyForm* scalingForm() const { return scaling_; }
  QTabWidget* forms() const { return forms_; }
  JobEstimate* estimate() const { return estimate_; }

 signals:
  void jobFinished(const QString& kind, qint64 runId);
  void auditFinished(const ps::AuditResult& result, const QString& title);
  void groupAuditFinished(const ps::GroupAuditResult& result, const QString& title);
  void jobFailed(const QString& reason);
  void jobCancelled();
  void runsChanged();  // a job's run began, or stopped without finishing: the store's list changed

 private:
  struct JobRow {
    QWidget* row = nullptr;
    QProgressBar* bar = nullptr;
    QLabel* message = nullptr;
    QPushButton* action = nullptr;  // Cancel, Resume or Retry
    QToolButton *up = nullptr, *down = nullptr, *remove = nullptr;
    QLabel* logLine = nullptr;  // the job's last log line
  };
  std::optional<FormWork> formWork() const;  // of the form shown; nothing while invalid
  // True when the job may start: it is not from the form `formIndex` shown now, its
  // estimate is unknown or under ten minutes, asking is off, or the user said yes.
  bool confirmLongJob(int formIndex, bool fromForm, const QString& title, const QString& work);
  BackgroundJob* enqueue(BackgroundJob* job);
  // The Slurm submission `where` asks for (false when it runs here, or when its settings
  // were refused: then `refused` holds why).
  bool onSlurm(const SlurmForm* where, const QString& kind, SlurmRequest& request, bool& refused);
  // A frontier or scaling study: its settings (given, or the form's), then a Slurm array or
  // a local job of `kind`.
  template <typename Config, typename Form, typename SlurmJob, typename Study>
  BackgroundJob* startStudy(const Config* config, Form&& form, const StudyForm* where, const QString& kind,
                            const QString& what, SlurmJob slurmJob, Study study);
  // Lowers the batch size to give small training sets enough steps per epoch (the rule of
  // batchSizeForExamples), until the user sets it; a note under the examples says so.
  void adaptBatchSize();
  // The constructor's parts, in its order.
  void buildScoreChoice(QWidget* form);
  QHBoxLayout* buildTrainingFields(QWidget* form);
  void layOutScoringForm(QWidget* form, QHBoxLayout* lrRow);
  void connectScoringForm();
  void addStudyForms(QWidget* form);
  QGroupBox* buildQueueBox();
  void connectQueue();
  void layOutPanel(QGroupBox* queueBox);
  void addRow(BackgroundJob* job);
  JobRow buildRow(BackgroundJob* job);
  void connectRow(BackgroundJob* job, const JobRow& r);
  void connectRowOutcome(BackgroundJob* job);
  void showQueue();
  void makeRoomFor(QWidget* row);  // the queue grows (the forms give way) to show the row whole

  std::shared_ptr<const Dataset> dataset_;
  QString storePath_;
  QTabWidget* forms_;
  QListWidget* scores_;
  QComboBox* model_;
  std::unique_ptr<TrainingFields> training_;  // the recipe's fields (model_, epochs_, lr_, batch_, ... are its)
  QSpinBox *epochs_, *seeds_, *limit_, *batch_, *el2nEpoch_;
  QDoubleSpinBox* lr_;
  QLabel *lrFound_, *batchNote_;
  bool batchChosen_ = false, adaptingBatch_ = false;
  QCheckBox* healthChecks_;
  QPushButton *start_, *findLr_, *paperEl2n_;
  FieldGate* limitGate_;  // the examples limit, against the open dataset
  SlurmForm* runOn_;
  StudyForm *frontier_, *scaling_;
  JobEstimate* estimate_;
  std::shared_ptr<const ScoreCatalog> catalog_;  // the study forms' score runs (their sizes size the estimate)
  JobQueue* queue_;
  QVBoxLayout* queueLayout_;
  QScrollArea* queueArea_;
  QPushButton* clear_;
  QSpinBox* parallel_;
  QSplitter* split_;
  std::map<BackgroundJob*, JobRow> rows_;
  bool askBeforeLongJobs_ = true;
};

}  // namespace ps::ui
