#pragma once
// The job panel: a form to start a scoring run on the open dataset (scores, model,
// epochs, seeds, examples), and a queue of jobs, each with a progress bar, its message,
// time left, and cancel — or resume, for a cancelled or failed one (the store continues
// it from its last finished epoch).
#include <QWidget>
#include <memory>
#include <vector>

#include "score/score_config.h"

class QComboBox;
class QListWidget;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace ps {
class Dataset;
}

namespace ps::ui {

class ScoringJob;

class JobPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobPanel(QWidget* parent = nullptr);
  ~JobPanel() override;

  void setDataset(std::shared_ptr<const Dataset> dataset);
  void setStorePath(const QString& path) { storePath_ = path; }
  // The form's settings, validated; ConfigError names the bad value.
  ScoreConfig formConfig() const;
  // Starts a job with `config` (the form's when omitted). Returns it, or nullptr when
  // the settings were refused (the reason goes to jobFailed).
  ScoringJob* startJob(const ScoreConfig* config = nullptr);
  const std::vector<ScoringJob*>& jobs() const { return jobs_; }

  QListWidget* scoreList() const { return scores_; }
  QSpinBox* epochsBox() const { return epochs_; }
  QSpinBox* limitBox() const { return limit_; }

 signals:
  void jobFinished(qint64 runId);
  void jobFailed(const QString& reason);
  void jobCancelled();

 private:
  void addRow(ScoringJob* job);

  std::shared_ptr<const Dataset> dataset_;
  QString storePath_;
  QListWidget* scores_;
  QComboBox* model_;
  QSpinBox *epochs_, *seeds_, *limit_;
  QPushButton* start_;
  QVBoxLayout* queue_;
  std::vector<ScoringJob*> jobs_;
};

}  // namespace ps::ui
