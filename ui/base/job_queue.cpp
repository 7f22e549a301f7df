#include "base/job_queue.h"

#include <QSettings>
#include <algorithm>

#include "base/background_job.h"
#include "base/ui_wording.h"
#include "store/run_kind.h"

namespace ps::ui {

namespace {
constexpr int kMaxParallel = 8;
}

JobQueue::JobQueue(QObject* parent) : QObject(parent) {
  parallel_ = std::clamp(QSettings().value("jobs/parallel", 1).toInt(), 1, kMaxParallel);
}

bool JobQueue::heavy(const BackgroundJob* job) { return job->kind() != runKindId(RunKind::Import) && !job->remote(); }

void JobQueue::add(BackgroundJob* job) {
  job->setParent(this);
  jobs_.push_back(job);
  states_.push_back(State::Queued);
  fractions_.push_back(0);
  connect(job, &BackgroundJob::progress, this, [this, job](double f, const QString&, double) {
    const auto it = std::find(jobs_.begin(), jobs_.end(), job);
    if (it == jobs_.end()) return;
    fractions_[static_cast<size_t>(it - jobs_.begin())] = f;
    emit progressChanged(progress(), count(State::Running), count(State::Queued));
  });
  connect(job, &BackgroundJob::finished, this, [this, job] { setState(job, State::Finished); });
  connect(job, &BackgroundJob::cancelled, this, [this, job] { setState(job, State::Cancelled); });
  connect(job, &BackgroundJob::failed, this, [this, job] { setState(job, State::Failed); });
  emit added(job);
  emit changed();
  pump();
}

JobQueue::State JobQueue::state(const BackgroundJob* job) const {
  const auto it = std::find(jobs_.begin(), jobs_.end(), job);
  return it == jobs_.end() ? State::Finished : states_[static_cast<size_t>(it - jobs_.begin())];
}

int JobQueue::count(State s) const { return static_cast<int>(std::count(states_.begin(), states_.end(), s)); }

double JobQueue::progress() const {
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < jobs_.size(); ++i)
    if (states_[i] == State::Running) {
      sum += fractions_[i];
      ++n;
    }
  return n == 0 ? -1 : sum / n;
}

void JobQueue::setState(BackgroundJob* job, State s) {
  const auto it = std::find(jobs_.begin(), jobs_.end(), job);
  if (it == jobs_.end()) return;
  states_[static_cast<size_t>(it - jobs_.begin())] = s;
  emit changed();
  emit progressChanged(progress(), count(State::Running), count(State::Queued));
  if (s != State::Running && s != State::Queued) pump();
}

void JobQueue::pump() {
  int running = 0;
  for (size_t i = 0; i < jobs_.size(); ++i)
    if (states_[i] == State::Running && heavy(jobs_[i])) ++running;
  for (size_t i = 0; i < jobs_.size(); ++i) {
    if (states_[i] != State::Queued) continue;
    if (heavy(jobs_[i])) {
      if (running >= parallel_) continue;
      ++running;
    }
    states_[i] = State::Running;
    fractions_[i] = 0;
    jobs_[i]->start();
    emit changed();
  }
}

void JobQueue::resume(BackgroundJob* job) {
  const State s = state(job);
  if (s != State::Cancelled && s != State::Failed) return;
  setState(job, State::Queued);
  pump();
}

void JobQueue::cancel(BackgroundJob* job) {
  const State s = state(job);
  if (s == State::Running)
    job->cancel();  // becomes Cancelled when the job says so
  else if (s == State::Queued)
    setState(job, State::Cancelled);
}

void JobQueue::move(BackgroundJob* job, int step) {
  const auto it = std::find(jobs_.begin(), jobs_.end(), job);
  if (it == jobs_.end() || states_[static_cast<size_t>(it - jobs_.begin())] != State::Queued) return;
  auto i = it - jobs_.begin();
  // Past the neighbouring queued job (running and finished ones keep their places).
  for (auto j = i + step; j >= 0 && j < static_cast<long>(jobs_.size()); j += step)
    if (states_[static_cast<size_t>(j)] == State::Queued) {
      std::swap(jobs_[static_cast<size_t>(i)], jobs_[static_cast<size_t>(j)]);
      std::swap(fractions_[static_cast<size_t>(i)], fractions_[static_cast<size_t>(j)]);
      emit changed();
      return;
    }
}

void JobQueue::moveUp(BackgroundJob* job) { move(job, -1); }
void JobQueue::moveDown(BackgroundJob* job) { move(job, 1); }

void JobQueue::remove(BackgroundJob* job) {
  const auto it = std::find(jobs_.begin(), jobs_.end(), job);
  if (it == jobs_.end() || states_[static_cast<size_t>(it - jobs_.begin())] == State::Running) return;
  const auto i = static_cast<size_t>(it - jobs_.begin());
  emit removing(job);
  jobs_.erase(jobs_.begin() + static_cast<long>(i));
  states_.erase(states_.begin() + static_cast<long>(i));
  fractions_.erase(fractions_.begin() + static_cast<long>(i));
  job->deleteLater();
  emit changed();
}

void JobQueue::clearFinished() {
  std::vector<BackgroundJob*> done;
  for (size_t i = 0; i < jobs_.size(); ++i)
    if (states_[i] == State::Finished) done.push_back(jobs_[i]);
  for (BackgroundJob* job : done) remove(job);
}

void JobQueue::setParallel(int heavyAtOnce) {
  parallel_ = std::clamp(heavyAtOnce, 1, kMaxParallel);
  QSettings().setValue("jobs/parallel", parallel_);
  pump();
}

}  // namespace ps::ui
