// The main window and the store: reading its runs and scores off the GUI thread, showing
// them in the views, and choosing another store.
#include "window/main_window.h"

#include <QSettings>
#include <algorithm>

#include "base/score_catalog.h"
#include "base/store_watcher.h"
#include "base/ui_wording.h"
#include "jobs/job_panel.h"
#include "store/store.h"
#include "train/run_curves.h"
#include "util/errors.h"
#include "views/frontier_view.h"
#include "views/gallery_view.h"
#include "views/map_view.h"
#include "views/runs_panel.h"
#include "views/scaling_view.h"
#include "views/score_view.h"

namespace ps::ui {

void MainWindow::refreshFromStore(const QString& kind, qint64 runId) {
  if (!dataset_) return;
  if (!kind.isEmpty()) {
    selectKind_ = kind;
    selectRun_ = runId;
  }
  auto ds = dataset_;
  const QString path = storePath_;
  // Runs already read for this dataset from this store are reused, not read again.
  const auto previous = ds == catalogDataset_ && path == catalogStore_ ? catalog_ : nullptr;
  refresh_.run([ds, path, previous] {
    StoreSnapshot snap;
    snap.dataset = ds;
    try {
      Store store(path.toStdString());
      snap.catalog = loadScoreCatalog(*ds, store, previous.get());
      if (const auto rec = store.findDataset(ds->fingerprint())) {
        snap.runs = store.runs(rec->id);
        snap.parents = studiesOfTrainedModels(store, snap.runs);
      }
    } catch (const std::exception& e) {
      snap.error = QString::fromStdString(e.what());
    }
    if (!snap.catalog) snap.catalog = std::make_shared<ScoreCatalog>();
    return snap;
  });
}

namespace {
// The same runs in the same states: nothing listed needs redoing (a running job commits
// every few seconds; the list and its selection stay as they are).
bool sameRuns(const std::vector<RunRecord>& a, const std::vector<RunRecord>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const RunRecord& x, const RunRecord& y) {
    return x.id == y.id && x.status == y.status && x.finishedAt == y.finishedAt && x.message == y.message &&
           x.startedAt == y.startedAt && x.kind == y.kind;
  });
}
}  // namespace

void MainWindow::showStore(StoreSnapshot snap) {
  if (snap.dataset != dataset_) return;  // read for the dataset open before
  if (!snap.error.isEmpty()) showError(tr("Cannot read the store"), snap.error);
  const bool sameCatalog =
      catalog_ && catalogDataset_ == dataset_ && catalogStore_ == storePath_ && snap.catalog->sameRuns(*catalog_);
  if (!sameCatalog) {
    catalog_ = snap.catalog;
    catalogDataset_ = dataset_;
    catalogStore_ = storePath_;
    gallery_->setCatalog(dataset_, snap.catalog);
    map_->setCatalog(dataset_, snap.catalog);
    scores_->setCatalog(dataset_, snap.catalog);
    jobs_->setCatalog(snap.catalog);
  }
  const bool sameList = runsShown_ && sameRuns(snap.runs, shownRuns_) && snap.parents == shownParents_;
  if (!sameList || !selectKind_.isEmpty()) {
    shownRuns_ = snap.runs;
    shownParents_ = snap.parents;
    runsShown_ = true;
    frontier_->setRuns(snap.runs, storePath_, selectKind_ == runKindId(RunKind::Frontier) ? selectRun_ : 0);
    scaling_->setRuns(snap.runs, storePath_, selectKind_ == runKindId(RunKind::Scaling) ? selectRun_ : 0);
    runs_->setRuns(std::move(snap.runs), storePath_, snap.parents);
  }
  selectKind_.clear();
  selectRun_ = 0;
  emit storeRefreshed();
}

bool MainWindow::setStorePath(const QString& path, StoreChoice choice) {
  QString why;
  if (useStore(path, &why)) {
    if (choice == StoreChoice::Default) QSettings().setValue("store/path", path);
    return true;
  }
  showError(tr("Cannot use the store %1").arg(path), why);
  return false;
}

bool MainWindow::useStore(const QString& path, QString* why) {
  try {
    Store probe(path.toStdString());  // creates, migrates, or refuses (not a database, read-only, newer schema)
  } catch (const std::exception& e) {
    *why = QString::fromStdString(describeError(e));
    return false;
  }
  storePath_ = path;
  runsShown_ = false;  // another store: its runs are shown whatever the last list was
  watcher_->setPath(path);
  jobs_->setStorePath(path);
  gallery_->setStorePath(path);
  map_->setStorePath(path);
  refreshFromStore();
  return true;
}

}  // namespace ps::ui
