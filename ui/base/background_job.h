#pragma once
// Adapts a core computation (a scoring run, a study, an audit) to Qt: runs it on its own
// thread with its own store connection and reports progress, completion, failure and
// cancellation as queued signals, so the GUI thread never waits on it. Cancel takes
// effect within a batch; the destructor cancels and joins. Starting a finished,
// cancelled or failed job again runs the work again: the store answers what is done
// and resumes what was interrupted.
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <thread>

#include "job/job.h"

namespace ps {
class Store;
}

namespace ps::ui {

struct JobOutcome {
  qint64 runId = 0;        // the store run holding the result (0: none, e.g. an audit)
  bool fromCache = false;  // answered from the store without computing
};

class BackgroundJob : public QObject {
  Q_OBJECT
 public:
  using Work = std::function<JobOutcome(Store& store, JobContext& ctx)>;
  // `kind`: what the job computes ("score", "frontier", "scaling", "audit"); `title`:
  // its settings in a line, shown in the queue.
  BackgroundJob(QString kind, QString title, QString storePath, Work work, QObject* parent = nullptr);
  ~BackgroundJob() override;

  void start();
  virtual void cancel();
  // Whether the work runs elsewhere (a Slurm array: the job here only follows it), so
  // the queue starts it at once instead of in a slot of the local heavy jobs.
  virtual bool remote() const { return false; }
  bool isRunning() const { return running_; }
  QString kind() const { return kind_; }
  QString title() const { return title_; }

 signals:
  void progress(double fraction, const QString& message, double etaSeconds);
  void logged(const QString& line);  // a line to keep: an epoch's health, a finished point
  void finished(qint64 runId, bool fromCache);
  void failed(const QString& reason);
  void cancelled();

 protected:
  // Cancels and joins the work: a subclass whose members the work uses calls it in its
  // destructor, before those members go.
  void stop();

 private:
  QString kind_, title_, storePath_;
  Work work_;
  CancelToken token_;
  std::thread thread_;
  std::atomic<bool> running_{false};
};

}  // namespace ps::ui
