#include "worker_pool.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace ps::ui {

QThreadPool* workerPool() {
  static QPointer<QThreadPool> pool;
  if (!pool) {
    pool = new QThreadPool(QCoreApplication::instance());  // waits for its work when the application ends
    pool->setObjectName("prunescope-workers");
  }
  return pool;
}

}  // namespace ps::ui
