#pragma once
// Work for a view computed on a worker thread where only the newest request matters:
// while one computation runs, a new request replaces any waiting one and runs when it
// ends; only the result of the newest request is shown (on the owner's thread).
// busy() stays true until that result has been handed to `show`.
#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent>
#include <functional>

#include "base/worker_pool.h"

namespace ps::ui {

template <typename T>
class LatestTask {
 public:
  LatestTask(QObject* owner, std::function<void(T)> show) : show_(std::move(show)) {
    QObject::connect(&watcher_, &QFutureWatcher<T>::finished, owner, [this] { done(); });
  }
  LatestTask(const LatestTask&) = delete;
  LatestTask& operator=(const LatestTask&) = delete;

  void run(std::function<T()> work) {
    if (busy_) {
      next_ = std::move(work);
      return;
    }
    busy_ = true;
    watcher_.setFuture(QtConcurrent::run(workerPool(), std::move(work)));
  }
  bool busy() const { return busy_; }

 private:
  void done() {
    busy_ = false;
    if (next_) {  // a newer request came while this one ran: its result is the one to show
      auto work = std::move(next_);
      next_ = nullptr;
      run(std::move(work));
      return;
    }
    // Moved out, not copied: a result may hold vectors of a million entries, and a copy
    // (with its fresh pages) was the GUI thread's longest stall at that size.
    show_(watcher_.future().takeResult());
  }

  std::function<void(T)> show_;
  std::function<T()> next_;
  QFutureWatcher<T> watcher_;
  bool busy_ = false;
};

}  // namespace ps::ui
