#pragma once
// Notices what other processes (the CLI, another window, a cluster merge) commit to the
// store, so the views follow within a few seconds: a timer posts a tiny task to the
// worker pool that asks SQLite's `PRAGMA data_version` on one long-lived connection
// (store/store_watch.h); changed() follows on the GUI thread. Nothing waits on the GUI
// thread, and one poll at most is in flight.
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <memory>

namespace ps::ui {

class StoreWatcher : public QObject {
  Q_OBJECT
 public:
  explicit StoreWatcher(QObject* parent = nullptr, int intervalMs = 2000);
  ~StoreWatcher() override;

  // Watches the store at `path` (a connection of its own, opened on the worker).
  void setPath(const QString& path);
  QTimer* timer() { return &timer_; }

 signals:
  void changed();

 private:
  struct Connection;
  void poll();

  QTimer timer_;
  QFutureWatcher<bool> watcher_;
  std::shared_ptr<Connection> connection_;
  bool polling_ = false;
  bool moved_ = false;  // setPath while a poll ran
};

}  // namespace ps::ui
