#pragma once
// What the frontier and scaling views share: a box of the finished study runs of one
// kind stored for the open dataset, a line of information, the chart, and its Export
// button. A subclass reads a run from the store and draws it.
#include <QWidget>
#include <vector>
#include "chart_view.h"

#include "chart_export.h"
#include "store/store.h"

class QChart;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace ps::ui {

class StudyRunView : public QWidget {
  Q_OBJECT
 public:
  // `kind`: the run kind listed ("frontier", "scaling"); `empty`: what shows with none.
  StudyRunView(std::string kind, QString empty, QWidget* parent = nullptr);

  // The finished runs of this kind among `runs`; shows `select`, else the run shown
  // before (same store), else the newest.
  void setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select = 0);
  void showRun(qint64 runId);
  ChartView* chartView() const { return view_; }
  // The shown study's data as CSV at `path`, and beside it (`path`.json) the whole study
  // with its provenance. Throws what the writers throw.
  void exportCsv(const std::string& path) const;
  QComboBox* runBox() const { return runs_; }

 signals:
  void loadFailed(const QString& reason);
  void exportFailed(const QString& reason);

 protected:
  virtual QString runLabel(const RunRecord& run) const = 0;
  virtual void load(const Store& store, qint64 runId) = 0;  // throws when it cannot
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
};

}  // namespace ps::ui
