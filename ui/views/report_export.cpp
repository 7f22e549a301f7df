#include "views/report_export.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QWidget>
#include <QtConcurrent>

#include "base/worker_pool.h"
#include "data/dataset.h"
#include "job/job.h"
#include "report/study_report.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

void exportReport(QWidget* owner, std::shared_ptr<const Dataset> dataset, const QString& storePath, const QString& path,
                  ReportDone done) {
  auto* watcher = new QFutureWatcher<QString>(owner);
  QObject::connect(watcher, &QFutureWatcher<QString>::finished, owner, [watcher, path, done = std::move(done)] {
    const QString error = watcher->result();
    watcher->deleteLater();
    done(error.isEmpty(), error.isEmpty() ? path : error);
  });
  watcher->setFuture(QtConcurrent::run(workerPool(), [dataset = std::move(dataset), storePath, path]() -> QString {
    try {
      Store store(storePath.toStdString());  // one connection per thread
      JobContext ctx;
      writeStudyReport(*dataset, store, ReportOptions{}, ctx, path.toStdString());
      return {};
    } catch (const std::exception& e) {
      return QString::fromStdString(describeError(e));
    }
  }));
}

void exportReportDialog(QWidget* owner, std::shared_ptr<const Dataset> dataset, const QString& storePath,
                        ReportDone done) {
  if (!dataset) {
    done(false,
         QCoreApplication::translate("ps::ui::ReportExport", "Open a dataset first: the report covers its studies."));
    return;
  }
  const QString path = QFileDialog::getSaveFileName(
      owner, QCoreApplication::translate("ps::ui::ReportExport", "Export the study report"),
      QStringLiteral("prunescope-report.html"),
      QCoreApplication::translate("ps::ui::ReportExport", "HTML report (*.html)"));
  if (path.isEmpty()) return;
  exportReport(owner, std::move(dataset), storePath, path, std::move(done));
}

}  // namespace ps::ui
