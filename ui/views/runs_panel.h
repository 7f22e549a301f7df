#pragma once
// The runs panel: what the store holds for the open dataset (scoring runs, imports,
// studies with the models they trained under them) with status, settings, seed and time
// taken. Opening a run shows its results in the matching view; Resume starts an
// interrupted or failed run again from its stored settings; deleting one asks first and
// happens off the GUI thread. The selected run's
// detail below the table: its status and message (why it failed), and its training
// curves (per seed, or per model a study trained), read off the GUI thread.
#include <QWidget>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "store/store.h"
#include "train/run_curves.h"
#include "views/run_tree_model.h"

class QChartView;
class QLabel;
class QPushButton;
class QTreeView;

namespace ps::ui {

template <typename T>
class LatestTask;

class RunsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPanel(QWidget* parent = nullptr);
  ~RunsPanel() override;
  // `parents`: model run id → the study that trained it (listed under it).
  void setRuns(std::vector<RunRecord> runs, const QString& storePath, const std::map<int64_t, int64_t>& parents = {});
  RunTreeModel* model() const { return model_; }
  QTreeView* tree() const { return tree_; }
  QPushButton* resumeButton() const { return resume_; }
  // Asks the user before deleting (replaced in tests).
  void setConfirm(std::function<bool(const QString&)> confirm) { confirm_ = std::move(confirm); }
  // Deletes run `runId` from the store (after confirmation) on a worker thread: runDeleted
  // or failed follows; false when declined or not possible (not listed, running).
  bool deleteRun(qint64 runId);
  void openSelected();
  void resumeSelected();  // resumeRequested for the selected run when it can be resumed
  // Selects run `runId` (its detail is read and shown); false when it is not listed.
  bool selectRun(qint64 runId);
  // The detail of the selected run: curves shown (empty when it stored none), its label.
  const std::vector<LabelledCurve>& shownCurves() const { return curves_; }
  QChartView* curveView() const { return curveView_; }
  QLabel* detailLabel() const { return detail_; }

 signals:
  void curvesShown(qint64 runId);
  void openRequested(const ps::RunRecord& run);
  void resumeRequested(const ps::RunRecord& run);  // an interrupted or failed score or study run
  void runDeleted(qint64 runId);
  void failed(const QString& reason);

 private:
  QWidget* buildRunList();
  QWidget* buildDetail();
  void layOut(QWidget* top, QWidget* detail);
  void connectControls();
  const RunRecord* selected() const;
  const RunRecord* resumable() const;  // what Resume restarts for the selection, or nullptr
  void showDetail();
  struct CurveLoad {
    qint64 runId = 0;
    std::vector<LabelledCurve> curves;
    QString error;
  };
  void curvesLoaded(CurveLoad load);

  RunTreeModel* model_;
  QTreeView* tree_;
  QPushButton *open_, *resume_, *delete_, *exportCurves_;
  QLabel* detail_;
  QChartView* curveView_;
  std::vector<LabelledCurve> curves_;
  std::unique_ptr<LatestTask<CurveLoad>> curveTask_;
  QString storePath_;
  std::function<bool(const QString&)> confirm_;
};

}  // namespace ps::ui
