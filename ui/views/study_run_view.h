#pragma once
// What the frontier and scaling views share: a box of the finished study runs of one
// kind stored for the open dataset, a line of information, the chart, and its Export
// button. A run is read from the store on a worker thread (the GUI thread never waits on
// the store) by the subclass's reader, and drawn by the subclass once it is back.
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "base/latest_task.h"
#include "charts/chart_export.h"
#include "charts/chart_view.h"
#include "store/store.h"

class QChart;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace ps::ui {

// A study run as read by a worker thread.
struct StudyLoad {
  qint64 runId = 0;
  std::shared_ptr<const void> study;  // what the view's reader returned
  std::string config, fingerprint;    // the run's settings and its dataset's fingerprint
  QString error;
};

class StudyRunView : public QWidget {
  Q_OBJECT
 public:
  // Reads study run `runId` from `store` (on a worker thread: it must not touch the view).
  using Reader = std::function<std::shared_ptr<const void>(const Store& store, qint64 runId)>;
  // `kind`: the run kind listed ("frontier", "scaling"); `empty`: what shows with none.
  StudyRunView(std::string kind, QString empty, Reader reader, QWidget* parent = nullptr);

  // The finished runs of this kind among `runs`; shows `select`, else the run shown
  // before (same store), else the newest.
  void setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select = 0);
  void showRun(qint64 runId);  // read off the GUI thread; runShown when drawn
  ChartView* chartView() const { return view_; }
  // The shown study's data as CSV at `path`, and beside it (`path`.json) the whole study
  // with its provenance. Throws what the writers throw.
  void exportCsv(const std::string& path) const;
  QComboBox* runBox() const { return runs_; }

 signals:
  void loadFailed(const QString& reason);
  void runShown(qint64 runId);
  void exportFailed(const QString& reason);

 protected:
  virtual QString runLabel(const RunRecord& run) const = 0;
  virtual void adopt(std::shared_ptr<const void> study) = 0;  // what the reader returned
  virtual void clear() = 0;
  virtual qint64 shownRun() const = 0;  // 0: none
  // The chart of what was loaded and the information line (nullptr: nothing loaded).
  virtual QChart* makeChart(QString* info) = 0;
  virtual void writeCsv(const std::string& path) const = 0;  // only called with a run shown
  // The whole study with its provenance (dataset fingerprint, run, settings), written
  // beside an exported CSV as CSV.json.
  virtual void writeJson(const std::string& path) const = 0;
  const std::string& configJson() const { return configJson_; }
  const std::string& fingerprint() const { return fingerprint_; }
  QLabel* info() const { return info_; }
  void addControl(QWidget* control);  // next to the Export button
  void redraw() { draw(); }

 private:
  void draw();
  void loaded(const StudyLoad& l);

  std::string kind_;
  QString empty_;
  QComboBox* runs_;
  QLabel* info_;
  ChartView* view_;
  QPushButton* export_;  // enabled while a run is shown
  QHBoxLayout* top_;
  QString storePath_;
  std::vector<RunRecord> records_;
  std::string configJson_, fingerprint_;  // of the run shown
  Reader reader_;
  LatestTask<StudyLoad> loadTask_;
};

}  // namespace ps::ui
