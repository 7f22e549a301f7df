#pragma once
// PruneScope's main window: open a dataset (built-in Fashion-MNIST, an image folder or
// dataset directory, a CSV manifest), see its summary, its stored runs, and every view
// over what the store holds for it: gallery, scores, frontier, scaling, fairness, and
// the perceptron theory. Loading and every computation run off the GUI thread; errors
// show in a dialog and the window keeps working. What other processes commit to the
// store (runs, tags) shows within a few seconds; opening another dataset clears every
// view of the previous one at once.
#include <QMainWindow>
#include <map>
#include <memory>

#include "base/latest_task.h"
#include "data/dataset.h"
#include "store/store.h"

class QMenu;
class QTabWidget;
class QLabel;
class QToolButton;

namespace ps {
struct DatasetSummary;
}

namespace ps::ui {

class DatasetLoader;
class DatasetSummaryWidget;
class JobPanel;
class TheoryView;
class GalleryView;
class MapView;
class ScoreView;
class FrontierView;
class ScalingView;
class FairnessView;
class RunsPanel;
class StoreWatcher;
struct ScoreCatalog;

// What the store holds for the open dataset, read off the GUI thread.
struct StoreSnapshot {
  std::shared_ptr<const Dataset> dataset;  // read for
  std::shared_ptr<const ScoreCatalog> catalog;
  std::vector<RunRecord> runs;
  std::map<int64_t, int64_t> parents;  // model run → the study that trained it
  QString error;
};

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  void openDataset(const QString& spec);
  // Opens the last dataset in the last view, with the gallery as it was left.
  void restoreSession();
  QString storePath() const { return storePath_; }
  // Uses the store at `path` when it opens (created if missing); otherwise shows why
  // (not a database, read-only, newer schema) and keeps the current one. Only a choice
  // made in Settings becomes the store of later launches; a command line's --db is for
  // this launch alone.
  enum class StoreChoice { Default, ThisLaunch };
  bool setStorePath(const QString& path, StoreChoice choice = StoreChoice::Default);
  // Re-reads what the store holds for the open dataset into every view, off the GUI
  // thread; storeRefreshed says when it shows. `kind`/`runId`: a study run to show.
  void refreshFromStore(const QString& kind = {}, qint64 runId = 0);
  bool refreshing() const { return refresh_.busy(); }
  // Polls the store for other processes' commits (every 2 s): the views then refresh.
  StoreWatcher* storeWatcher() const { return watcher_; }
  // Shows the view named `name` (dataset, gallery, scores, frontier, scaling, fairness,
  // theory); false when there is none.
  bool showView(const QString& name);
  void openSettings();

  std::shared_ptr<Dataset> dataset() const { return dataset_; }
  DatasetSummaryWidget* summaryWidget() const { return summary_; }
  DatasetLoader* loader() const { return loader_; }
  JobPanel* jobPanel() const { return jobs_; }
  TheoryView* theoryView() const { return theory_; }
  GalleryView* galleryView() const { return gallery_; }
  MapView* mapView() const { return map_; }
  ScoreView* scoreView() const { return scores_; }
  FrontierView* frontierView() const { return frontier_; }
  ScalingView* scalingView() const { return scaling_; }
  FairnessView* fairnessView() const { return fairness_; }
  RunsPanel* runsPanel() const { return runs_; }
  QTabWidget* views() const { return tabs_; }
  // Suppress modal dialogs (tests read lastError() instead).
  // Quiet windows also start long jobs without asking first.
  void setQuietErrors(bool quiet);
  QString lastError() const { return lastError_; }

 signals:
  void datasetOpened(const QString& spec);
  void datasetFailed(const QString& reason);
  void storeRefreshed();

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  // setStorePath's work without the message: false with the reason in `why`.
  bool useStore(const QString& path, QString* why);
  void buildMenus();
  void buildViews();
  void connectViews();  // what the views and panels ask of the window
  void connectMap();    // the embedding map and the gallery, both ways
  void connectJobs();
  void rebuildRecentMenu();
  void showProgressInTitle();
  void showError(const QString& title, const QString& reason);
  void openDirectoryDialog();
  void openCsvDialog();
  void importScoresDialog();
  void showStore(StoreSnapshot snap);
  void datasetLoaded(const QString& spec, std::shared_ptr<Dataset> ds, const DatasetSummary& summary);

  DatasetLoader* loader_;
  DatasetSummaryWidget* summary_;
  JobPanel* jobs_;
  TheoryView* theory_;
  GalleryView* gallery_;
  MapView* map_;
  ScoreView* scores_;
  FrontierView* frontier_;
  ScalingView* scaling_;
  FairnessView* fairness_;
  RunsPanel* runs_;
  StoreWatcher* watcher_;
  QTabWidget* tabs_;
  QMenu* recentMenu_ = nullptr;
  QLabel* busy_ = nullptr;
  QToolButton* cancelOpen_ = nullptr;  // stops a dataset open under way
  std::shared_ptr<Dataset> dataset_;
  QString storePath_;
  QString baseTitle_;  // "PruneScope — dataset", before any progress
  bool quietErrors_ = false;
  QString lastError_;
  LatestTask<StoreSnapshot> refresh_;
  std::shared_ptr<const ScoreCatalog> catalog_;  // the last one shown, and what it was read for
  std::shared_ptr<const Dataset> catalogDataset_;
  QString catalogStore_;
  std::vector<RunRecord> shownRuns_;  // what the runs panel and the study views show
  std::map<int64_t, int64_t> shownParents_;
  bool runsShown_ = false;
  QString selectKind_;
  qint64 selectRun_ = 0;
};

}  // namespace ps::ui
