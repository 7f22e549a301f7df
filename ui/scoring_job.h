#pragma once
// Adapts a core scoring run to Qt: runs ps::scoreDataset on its own thread (with its own
// store connection) and reports progress, completion, failure and cancellation as
// queued signals, so the GUI thread never waits on it. Cancel takes effect within a
// batch; the destructor cancels and joins.
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <thread>

#include "job/job.h"
#include "score/score_config.h"

namespace ps {
class Dataset;
}

namespace ps::ui {

class ScoringJob : public QObject {
  Q_OBJECT
 public:
  ScoringJob(std::shared_ptr<const Dataset> dataset, ScoreConfig config, QString storePath, QObject* parent = nullptr);
  ~ScoringJob() override;

  void start();
  void cancel();
  bool isRunning() const { return running_; }
  const ScoreConfig& config() const { return config_; }
  QString summary() const;  // "el2n, forgetting · small_cnn · epochs: 3 · seeds: 1"

 signals:
  void progress(double fraction, const QString& message, double etaSeconds);
  void finished(qint64 runId, bool fromCache);
  void failed(const QString& reason);
  void cancelled();

 private:
  std::shared_ptr<const Dataset> dataset_;
  ScoreConfig config_;
  QString storePath_;
  CancelToken token_;
  std::thread thread_;
  std::atomic<bool> running_{false};
};

}  // namespace ps::ui
