#pragma once
// The GUI thread's longest stall while it is watched: the longest gap between the ticks of
// a 5 ms timer, i.e. the longest the event loop was kept from running (store reads or
// computation on the GUI thread show up here as stalls of their duration).
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace pstest {

class StallWatch {
 public:
  StallWatch() {
    clock_.start();
    QObject::connect(&tick_, &QTimer::timeout, [this] {
      const qint64 now = clock_.elapsed();
      worst_ = std::max(worst_, now - last_);
      last_ = now;
    });
    tick_.start(5);
  }
  qint64 worstMs() const { return worst_; }  // so far
  void stop() { tick_.stop(); }

 private:
  QElapsedTimer clock_;
  QTimer tick_;
  qint64 last_ = 0, worst_ = 0;
};

}  // namespace pstest
