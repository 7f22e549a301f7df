#include "base/worker_pool.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

namespace ps::ui {

QThreadPool* workerPool() {
  Q_ASSERT(QThread::currentThread() == QCoreApplication::instance()->thread());
  static QPointer<QThreadPool> pool;
  if (!pool) {
    pool = new QThreadPool(QCoreApplication::instance());  // waits for its work when the application ends
    pool->setObjectName("prunescope-workers");
  }
  return pool;
}

}  // namespace ps::ui
