#pragma once
// The one queue all background work of the window goes through. Heavy jobs (training,
// scoring, studies, audits) run at most `parallel` at a time — one by default, so two
// trainings do not halve each other's speed — and the rest wait, in an order the user can
// change; light jobs (imports, Slurm arrays followed from here) start at once. A
// cancelled or failed job can be put back in the queue (resume); finished ones can be
// cleared away.
#include <QObject>
#include <vector>

namespace ps::ui {

class BackgroundJob;

class JobQueue : public QObject {
  Q_OBJECT
 public:
  enum class State { Queued, Running, Finished, Cancelled, Failed };
  explicit JobQueue(QObject* parent = nullptr);

  // Takes `job` into the queue (its parent becomes the queue); it starts when a slot is free.
  void add(BackgroundJob* job);
  void resume(BackgroundJob* job);  // a cancelled or failed job, back in the queue
  void cancel(BackgroundJob* job);  // a running job stops, a queued one leaves the queue
  void moveUp(BackgroundJob* job);  // among the queued jobs
  void moveDown(BackgroundJob* job);
  void remove(BackgroundJob* job);  // a queued, finished, cancelled or failed job
  void clearFinished();             // removes every finished job

  void setParallel(int heavyAtOnce);  // 1..8; saved in the settings
  int parallel() const { return parallel_; }
  State state(const BackgroundJob* job) const;
  const std::vector<BackgroundJob*>& jobs() const { return jobs_; }  // in queue order
  int count(State s) const;
  // The running jobs' mean progress (0..1); -1 when none runs.
  double progress() const;

 signals:
  void added(ps::ui::BackgroundJob* job);     // taken into the queue (before it may start)
  void changed();                             // a job was added, moved, removed, or changed state
  void removing(ps::ui::BackgroundJob* job);  // about to be deleted
  void progressChanged(double fraction, int running, int queued);

 private:
  static bool heavy(const BackgroundJob* job);
  void pump();
  void setState(BackgroundJob* job, State s);
  void move(BackgroundJob* job, int step);

  std::vector<BackgroundJob*> jobs_;
  std::vector<State> states_;
  std::vector<double> fractions_;
  int parallel_ = 1;
};

}  // namespace ps::ui
