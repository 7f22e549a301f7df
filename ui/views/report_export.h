#pragma once
// File ▸ Export Report: the study report of the open dataset (core/report/study_report.h)
// written off the GUI thread to an HTML file the user picks; the outcome is handed back
// on the GUI thread. The report is computed by core; this only asks where and says how.
#include <QString>
#include <functional>
#include <memory>

class QWidget;

namespace ps {
class Dataset;
}

namespace ps::ui {

// ok: `message` is the file written; not ok: why not (a sentence to show).
using ReportDone = std::function<void(bool ok, const QString& message)>;

// Writes the report of `dataset` from the store at `storePath` to `path` on a worker
// thread; `done` runs on `owner`'s thread when it ends (not at all if `owner` is gone).
void exportReport(QWidget* owner, std::shared_ptr<const Dataset> dataset, const QString& storePath, const QString& path,
                  ReportDone done);

// Asks for the file (a save dialog), then exportReport; says why not without a dataset.
void exportReportDialog(QWidget* owner, std::shared_ptr<const Dataset> dataset, const QString& storePath,
                        ReportDone done);

}  // namespace ps::ui
