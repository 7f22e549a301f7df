#include "base/store_watcher.h"

#include <QtConcurrent>
#include <optional>

#include "base/worker_pool.h"
#include "store/store_watch.h"

namespace ps::ui {

// Used by one poll at a time; opened on the worker at the first poll.
struct StoreWatcher::Connection {
  std::string path;
  std::optional<StoreWatch> watch;
  bool changed() {
    try {
      if (!watch) {
        // The first look counts as a change: what was committed between the views' first
        // read and this look is read again.
        watch.emplace(path);
        watch->changed();
        return true;
      }
      return watch->changed();
    } catch (const std::exception&) {  // the store is gone or locked away: try again next time
      watch.reset();
      return false;
    }
  }
};

StoreWatcher::StoreWatcher(QObject* parent, int intervalMs) : QObject(parent) {
  timer_.setInterval(intervalMs);
  connect(&timer_, &QTimer::timeout, this, &StoreWatcher::poll);
  connect(&watcher_, &QFutureWatcher<bool>::finished, this, [this] {
    polling_ = false;
    if (watcher_.result()) emit changed();
    if (moved_) {  // the store changed while a look at the old one ran: look at the new one now
      moved_ = false;
      poll();
    }
  });
}

StoreWatcher::~StoreWatcher() { watcher_.waitForFinished(); }

void StoreWatcher::setPath(const QString& path) {
  connection_ = std::make_shared<Connection>();
  connection_->path = path.toStdString();
  timer_.start();
  moved_ = polling_;
  poll();
}

void StoreWatcher::poll() {
  if (polling_ || !connection_) return;
  polling_ = true;
  watcher_.setFuture(QtConcurrent::run(workerPool(), [c = connection_] { return c->changed(); }));
}

}  // namespace ps::ui
