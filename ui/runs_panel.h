#pragma once
// The runs panel: what the store holds for the open dataset (scoring runs, imports,
// studies, trained models) with status, settings, seed and time taken. Opening a run
// shows its results in the matching view; deleting one asks first. The selected run's
// detail below the table: its status and message (why it failed), and its training
// curves (per seed, or per model a study trained), read off the GUI thread.
#include <QAbstractTableModel>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "store/store.h"
#include "train/run_curves.h"

class QChartView;
class QLabel;
class QPushButton;
class QTableView;

namespace ps::ui {

template <typename T>
class LatestTask;

class RunTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Id, Kind, Status, Settings, Seed, Time, Started, ColumnCount };
  using QAbstractTableModel::QAbstractTableModel;
  void setRuns(std::vector<RunRecord> runs);
  const std::vector<RunRecord>& runs() const { return runs_; }
  static QString localTime(const std::string& utc);  // "2026-11-28 07:37:42" from the store's UTC
  static QString statusText(RunStatus status);       // translated: running, done, failed, interrupted
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<RunRecord> runs_;
  std::vector<QString> settings_;
};

class RunsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPanel(QWidget* parent = nullptr);
  ~RunsPanel() override;
  void setRuns(std::vector<RunRecord> runs, const QString& storePath);
  RunTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  // Asks the user before deleting (replaced in tests).
  void setConfirm(std::function<bool(const QString&)> confirm) { confirm_ = std::move(confirm); }
  // Deletes run `runId` from the store (after confirmation); false when declined or failed.
  bool deleteRun(qint64 runId);
  void openSelected();
  // Selects run `runId` (its detail is read and shown); false when it is not listed.
  bool selectRun(qint64 runId);
  // The detail of the selected run: curves shown (empty when it stored none), its label.
  const std::vector<LabelledCurve>& shownCurves() const { return curves_; }
  QChartView* curveView() const { return curveView_; }
  QLabel* detailLabel() const { return detail_; }

 signals:
  void curvesShown(qint64 runId);
  void openRequested(const ps::RunRecord& run);
  void runDeleted(qint64 runId);
  void failed(const QString& reason);

 private:
  const RunRecord* selected() const;
  void showDetail();
  struct CurveLoad {
    qint64 runId = 0;
    std::vector<LabelledCurve> curves;
    QString error;
  };
  void curvesLoaded(CurveLoad load);

  RunTableModel* model_;
  QTableView* table_;
  QPushButton *open_, *delete_, *exportCurves_;
  QLabel* detail_;
  QChartView* curveView_;
  std::vector<LabelledCurve> curves_;
  std::unique_ptr<LatestTask<CurveLoad>> curveTask_;
  QString storePath_;
  std::function<bool(const QString&)> confirm_;
};

}  // namespace ps::ui
