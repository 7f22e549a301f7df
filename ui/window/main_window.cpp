#include "window/main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <algorithm>

#include "base/background_job.h"
#include "base/dataset_loader.h"
#include "base/job_queue.h"
#include "base/score_catalog.h"
#include "base/store_watcher.h"
#include "base/ui_wording.h"
#include "data/dataset.h"
#include "jobs/job_panel.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "train/run_curves.h"
#include "util/errors.h"
#include "views/dataset_summary_widget.h"
#include "views/example_list_model.h"
#include "views/fairness_view.h"
#include "views/frontier_view.h"
#include "views/gallery_tags.h"
#include "views/gallery_view.h"
#include "views/map_view.h"
#include "views/report_export.h"
#include "views/runs_panel.h"
#include "views/scaling_view.h"
#include "views/score_view.h"
#include "views/theory_view.h"
#include "window/help_dialog.h"
#include "window/settings_dialog.h"

namespace ps::ui {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), refresh_(this, [this](StoreSnapshot snap) { showStore(std::move(snap)); }) {
  setWindowTitle(tr("PruneScope"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/prunescope.svg")));
  setAcceptDrops(true);  // a dataset folder or CSV manifest dropped on the window opens
  loader_ = new DatasetLoader(this);
  watcher_ = new StoreWatcher(this);
  buildViews();
  connectJobs();
  busy_ = new QLabel(this);
  statusBar()->addPermanentWidget(busy_);
  cancelOpen_ = new QToolButton(this);
  cancelOpen_->setText(tr("Cancel"));
  cancelOpen_->setToolTip(tr("Stop opening the dataset (the files read so far are remembered)"));
  cancelOpen_->hide();
  statusBar()->addPermanentWidget(cancelOpen_);
  connect(cancelOpen_, &QToolButton::clicked, loader_, &DatasetLoader::cancel);

  QSettings settings;
  const QString saved = settings.value("store/path", QString::fromStdString(Store::defaultPath())).toString();
  const QString fallback = QString::fromStdString(Store::defaultPath());
  // A saved store that no longer opens: fall back to the default, and say why once the
  // event loop runs (after the command line's options, e.g. a scripted run's quiet errors).
  QString why;
  if (!useStore(saved, &why)) {
    QString fallbackWhy;
    if (saved == fallback || !useStore(fallback, &fallbackWhy)) storePath_ = saved;
    QTimer::singleShot(0, this, [this, saved, why] { showError(tr("Cannot use the store %1").arg(saved), why); });
  }
  buildMenus();
  restoreGeometry(settings.value("window/geometry").toByteArray());
  restoreState(settings.value("window/state").toByteArray());
  if (!settings.contains("window/geometry")) resize(1500, 920);

  connect(loader_, &DatasetLoader::loaded, this, &MainWindow::datasetLoaded);
  connect(loader_, &DatasetLoader::progress, this, [this](const QString& spec, double fraction, const QString& what) {
    busy_->setText(tr("Opening %1: %2 (%3 %)").arg(spec, what).arg(qRound(100 * fraction)));
    cancelOpen_->show();
  });
  connect(loader_, &DatasetLoader::cancelled, this, [this](const QString& spec) {
    busy_->clear();
    cancelOpen_->hide();
    statusBar()->showMessage(tr("Stopped opening %1").arg(spec), 5000);
  });
  connect(loader_, &DatasetLoader::loaded, cancelOpen_, &QWidget::hide);
  connect(loader_, &DatasetLoader::failed, this, [this](const QString& spec, const QString& reason) {
    busy_->clear();
    cancelOpen_->hide();
    emit datasetFailed(reason);  // before the (modal) message, so scripted runs can end
    showError(tr("Cannot open %1").arg(spec), reason);
  });
  connect(loader_, &DatasetLoader::storeFailed, this,
          [this](const QString& reason) { showError(tr("Cannot record the dataset in the store"), reason); });
}

MainWindow::~MainWindow() = default;

void MainWindow::datasetLoaded(const QString& spec, std::shared_ptr<Dataset> ds, const DatasetSummary& s) {
  dataset_ = std::move(ds);
  runsShown_ = false;
  // Nothing of the previous dataset stays shown while the store is read for this one.
  gallery_->setCatalog(dataset_, nullptr);
  map_->setCatalog(dataset_, nullptr);
  scores_->setCatalog(dataset_, nullptr);
  jobs_->setCatalog(nullptr);
  jobs_->setDataset(dataset_);
  QStringList attributes;  // what the fairness view can group by
  for (const Attribute& a : dataset_->attributes())
    if (a.groupable()) attributes << QString::fromStdString(a.name);
  fairness_->setAttributes(attributes);
  summary_->setSummary(s);
  baseTitle_ = tr("PruneScope — %1").arg(spec);
  showProgressInTitle();
  QSettings st;
  QStringList recent = st.value("datasets/recent").toStringList();
  recent.removeAll(spec);
  recent.prepend(spec);
  while (recent.size() > kMaxRecent) recent.removeLast();
  st.setValue("datasets/recent", recent);
  rebuildRecentMenu();
  // Opened once what the store holds for it is shown too.
  connect(
      this, &MainWindow::storeRefreshed, this,
      [this, spec] {
        busy_->clear();
        statusBar()->showMessage(tr("Opened %1").arg(spec), 5000);
        emit datasetOpened(spec);
      },
      Qt::SingleShotConnection);
  busy_->setText(tr("Reading the store…"));
  refreshFromStore();
}

namespace {
// The dataset a drag carries: one local folder, or one .csv manifest.
QString droppedDataset(const QMimeData* mime) {
  if (!mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile()) return {};
  const QFileInfo info(mime->urls().first().toLocalFile());
  return info.isDir() || info.suffix().compare(QStringLiteral("csv"), Qt::CaseInsensitive) == 0
             ? info.absoluteFilePath()
             : QString();
}
}  // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedDataset(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = droppedDataset(event->mimeData());
  if (path.isEmpty()) return;
  event->acceptProposedAction();
  openDataset(path);
}

void MainWindow::restoreSession() {
  QSettings settings;
  const QString spec = settings.value("datasets/recent").toStringList().value(0);
  if (!spec.isEmpty()) openDataset(spec);
  if (settings.contains("session/view")) showView(settings.value("session/view").toString());
  connect(
      this, &MainWindow::datasetOpened, this,
      [this] {
        QSettings st;
        if (st.contains("session/keep")) gallery_->keepSlider()->setValue(st.value("session/keep").toInt());
        const int cls = gallery_->classBox()->findText(st.value("session/class").toString());
        if (cls >= 0) gallery_->classBox()->setCurrentIndex(cls);
        if (st.contains("session/filter")) gallery_->filterBox()->setCurrentIndex(st.value("session/filter").toInt());
      },
      Qt::SingleShotConnection);
}

void MainWindow::buildViews() {
  tabs_ = new QTabWidget(this);
  summary_ = new DatasetSummaryWidget(this);
  gallery_ = new GalleryView(this);
  map_ = new MapView(this);
  scores_ = new ScoreView(this);
  frontier_ = new FrontierView(this);
  scaling_ = new ScalingView(this);
  fairness_ = new FairnessView(this);
  theory_ = new TheoryView(this);
  const std::pair<QWidget*, QString> views[] = {
      {summary_, QStringLiteral("dataset")},   {gallery_, QStringLiteral("gallery")},
      {map_, QStringLiteral("map")},           {scores_, QStringLiteral("scores")},
      {frontier_, QStringLiteral("frontier")}, {scaling_, QStringLiteral("scaling")},
      {fairness_, QStringLiteral("fairness")}, {theory_, QStringLiteral("theory")}};
  const QString titles[] = {tr("Dataset"),  tr("Gallery"), tr("Map"),      tr("Scores"),
                            tr("Frontier"), tr("Scaling"), tr("Fairness"), tr("Theory")};
  for (size_t i = 0; i < std::size(views); ++i) {
    views[i].first->setObjectName(views[i].second);
    tabs_->addTab(views[i].first, titles[i]);
  }
  setCentralWidget(tabs_);

  jobs_ = new JobPanel(this);
  auto* jobsDock = new QDockWidget(tr("Jobs"), this);
  jobsDock->setObjectName(QStringLiteral("jobsDock"));
  jobsDock->setWidget(jobs_);
  addDockWidget(Qt::RightDockWidgetArea, jobsDock);
  runs_ = new RunsPanel(this);
  auto* runsDock = new QDockWidget(tr("Runs in the store"), this);
  runsDock->setObjectName(QStringLiteral("runsDock"));
  runsDock->setWidget(runs_);
  addDockWidget(Qt::BottomDockWidgetArea, runsDock);
  resizeDocks({runsDock}, {250}, Qt::Vertical);  // the table and the selected run's curves
  connectViews();
  connectMap();
}

void MainWindow::connectMap() {
  connect(map_, &MapView::openInGallery, this, [this](qint64 i) {
    showView(QStringLiteral("gallery"));
    gallery_->showDetail(i);
  });
  connect(map_, &MapView::selectionMade, gallery_, &GalleryView::selectExamples);
  connect(gallery_, &GalleryView::selectionUpdated, map_, [this] { map_->highlight(gallery_->selection()); });
  connect(gallery_, &GalleryView::pruningUpdated, map_,
          [this] { map_->setPruned(gallery_->hardestModel()->pruned()); });
  connect(map_, &MapView::mapRequested, this, [this](qint64 runId) {
    if (BackgroundJob* job = jobs_->startMap(runId)) connect(job, &BackgroundJob::finished, map_, &MapView::reload);
  });
}

// What the views and panels ask for: an error shown, a job started, another view shown.
void MainWindow::connectViews() {
  auto report = [this](const QString& title) {
    return [this, title](const QString& reason) { showError(title, reason); };
  };
  connect(gallery_, &GalleryView::exportFailed, this, report(tr("Export failed")));
  connect(gallery_, &GalleryView::tagFailed, this, report(tr("Cannot tag the examples")));
  connect(gallery_, &GalleryView::labelCheckRequested, this, [this] { jobs_->startLabelCheck(); });
  connect(scores_, &ScoreView::exportFailed, this, report(tr("Export failed")));
  connect(scores_, &ScoreView::exampleRequested, this, [this](qint64 i) {
    showView(QStringLiteral("gallery"));
    gallery_->showDetail(i);
  });
  connect(frontier_, &FrontierView::exportFailed, this, report(tr("Export failed")));
  connect(scaling_, &ScalingView::exportFailed, this, report(tr("Export failed")));
  connect(fairness_, &FairnessView::exportFailed, this, report(tr("Export failed")));
  connect(theory_, &TheoryView::exportFailed, this, report(tr("Export failed")));
  connect(frontier_, &FrontierView::loadFailed, this, report(tr("Cannot show the frontier study")));
  connect(scaling_, &ScalingView::loadFailed, this, report(tr("Cannot show the scaling study")));
  connect(runs_, &RunsPanel::failed, this, report(tr("Runs")));
  connect(runs_, &RunsPanel::runDeleted, this, [this](qint64 id) {
    statusBar()->showMessage(tr("Deleted run %1").arg(id), 5000);
    refreshFromStore();
  });
  connect(runs_, &RunsPanel::resumeRequested, jobs_, &JobPanel::resumeRun);
  connect(runs_, &RunsPanel::openRequested, this, [this](const RunRecord& run) {
    if (run.status != RunStatus::Done) {
      showError(tr("Run %1").arg(run.id),
                tr("The run is %1; only finished runs have results to show. Start the same job again to resume it.")
                    .arg(QString::fromStdString(runStatusName(run.status))));
      return;
    }
    if (isScoreLikeRun(run.kind)) {
      const int i = gallery_->scoreBox()->findText(tr("(run %1)").arg(run.id), Qt::MatchEndsWith);
      if (i >= 0) gallery_->scoreBox()->setCurrentIndex(i);
      showView(QStringLiteral("gallery"));
    } else if (isRunKind(run.kind, RunKind::Frontier)) {
      frontier_->showRun(run.id);
      showView(QStringLiteral("frontier"));
    } else if (isRunKind(run.kind, RunKind::Scaling)) {
      scaling_->showRun(run.id);
      showView(QStringLiteral("scaling"));
    } else {
      statusBar()->showMessage(
          tr("Run %1 is a model trained for a study; its test error shows in that study's view.").arg(run.id), 8000);
    }
  });
  connect(frontier_, &FrontierView::auditRequested, this, [this](const AuditConfig& config, const QString& title) {
    fairness_->setPending(
        tr("Auditing %1… (the Jobs panel shows its progress; models the study trained come from the store)")
            .arg(title));
    showView(QStringLiteral("fairness"));
    fairness_->setAuditConfig(config, title);
    jobs_->startAudit(config, title);
  });
  connect(fairness_, &FairnessView::groupAuditRequested, this,
          [this](const GroupAuditConfig& config, const QString& title) { jobs_->startGroupAudit(config, title); });
}

// "[42%] PruneScope — dataset (2 queued)" while jobs run.
void MainWindow::showProgressInTitle() {
  const JobQueue* q = jobs_->queue();
  const double f = q->progress();
  const int queued = q->count(JobQueue::State::Queued);
  QString title = baseTitle_.isEmpty() ? tr("PruneScope") : baseTitle_;
  if (f >= 0) title = tr("[%1%] %2").arg(static_cast<int>(f * 100)).arg(title);
  if (queued > 0) title += tr(" (%n queued)", nullptr, queued);
  setWindowTitle(title);
}

void MainWindow::connectJobs() {
  connect(jobs_->queue(), &JobQueue::progressChanged, this, &MainWindow::showProgressInTitle);
  // Another process committed to the store: runs, scores and tags are read again.
  connect(watcher_, &StoreWatcher::changed, this, [this] {
    if (!dataset_) return;
    refreshFromStore();
    gallery_->tags()->reload();
  });
  connect(jobs_, &JobPanel::runsChanged, this, [this] { refreshFromStore(); });
  connect(jobs_, &JobPanel::jobFailed, this, [this](const QString& reason) { showError(tr("Job failed"), reason); });
  connect(jobs_, &JobPanel::jobFinished, this, [this](const QString& kind, qint64 runId) {
    if (dataset_) refreshFromStore(kind, runId);  // shows a finished study in its view
  });
  connect(jobs_, &JobPanel::auditFinished, this,
          [this](const AuditResult& result, const QString& title) { fairness_->setResult(result, title); });
  connect(jobs_, &JobPanel::groupAuditFinished, this,
          [this](const GroupAuditResult& result, const QString& title) { fairness_->setGroupResult(result, title); });
}

bool MainWindow::showView(const QString& name) {
  for (int i = 0; i < tabs_->count(); ++i)
    if (tabs_->widget(i)->objectName() == name) {
      tabs_->setCurrentIndex(i);
      return true;
    }
  return false;
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("Open &Fashion-MNIST"), QKeySequence(tr("Ctrl+Shift+F")), this,
                  [this] { openDataset(QStringLiteral("fashion-mnist")); });
  file->addAction(tr("&Open Dataset Folder…"), QKeySequence::Open, this, &MainWindow::openDirectoryDialog);
  file->addAction(tr("Open &CSV Manifest…"), this, &MainWindow::openCsvDialog);
  file->addAction(tr("&Import Scores…"), this, &MainWindow::importScoresDialog);
  file->addAction(tr("&Export Report…"), this, [this] {
    exportReportDialog(this, dataset_, storePath_, [this](bool ok, const QString& message) {
      if (ok)
        statusBar()->showMessage(tr("Report written to %1").arg(message), 8000);
      else
        showError(tr("Export report"), message);
    });
  });
  recentMenu_ = file->addMenu(tr("&Recent Datasets"));
  rebuildRecentMenu();
  file->addSeparator();
  file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

  // View: every view by its key (Ctrl+1…), and the docks, so a closed one comes back.
  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (int i = 0; i < tabs_->count(); ++i)
    view->addAction(tabs_->tabText(i), QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this,
                    [this, i] { tabs_->setCurrentIndex(i); });
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&Scores and Policies"), QKeySequence::HelpContents, this, [this] { showScoresHelp(this); });
  help->addAction(tr("&About PruneScope"), this, [this] { showAbout(this); });
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value("datasets/recent").toStringList();
  for (const QString& spec : recent) recentMenu_->addAction(spec, this, [this, spec] { openDataset(spec); });
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::setQuietErrors(bool quiet) {
  quietErrors_ = quiet;
  jobs_->setAskBeforeLongJobs(!quiet);
}

void MainWindow::openSettings() {
  SettingsDialog dialog(storePath_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  if (dialog.storePath() != storePath_) setStorePath(dialog.storePath());
  if (dialog.language() != SettingsDialog::savedLanguage()) {
    SettingsDialog::saveLanguage(dialog.language());
    if (!SettingsDialog::offerRestart(this, dialog.language()))
      statusBar()->showMessage(tr("The new language applies the next time PruneScope starts."), 8000);
  }
}

void MainWindow::openDataset(const QString& spec) {
  busy_->setText(tr("Opening %1…").arg(spec));
  loader_->load(spec, storePath_);
}

void MainWindow::openDirectoryDialog() {
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Open a dataset folder (IDX, CIFAR binary or class folders)"));
  if (!dir.isEmpty()) openDataset(dir);
}

void MainWindow::openCsvDialog() {
  const QString file =
      QFileDialog::getOpenFileName(this, tr("Open a CSV manifest"), QString(), tr("CSV manifests (*.csv)"));
  if (!file.isEmpty()) openDataset(file);
}

void MainWindow::importScoresDialog() {
  if (!dataset_) {
    showError(tr("Import scores"), tr("Open a dataset first: scores are imported for its training examples."));
    return;
  }
  const QString file = QFileDialog::getOpenFileName(this, tr("Import scores (one value per training example)"),
                                                    QString(), tr("Scores (*.csv *.npy);;CSV (*.csv);;NumPy (*.npy)"));
  if (file.isEmpty()) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Import scores"), tr("Name of the score:"), QLineEdit::Normal,
                                             QFileInfo(file).completeBaseName(), &ok);
  if (!ok || name.trimmed().isEmpty()) return;
  const QStringList directions = {tr("higher = harder"), tr("higher = easier")};
  const QString direction =
      QInputDialog::getItem(this, tr("Import scores"), tr("The file's values:"), directions, 0, false, &ok);
  if (!ok) return;
  jobs_->startImport(file, name.trimmed(), direction == directions.first());
}

void MainWindow::showError(const QString& title, const QString& reason) {
  lastError_ = reason;
  statusBar()->showMessage(title + QStringLiteral(": ") + reason, 10000);
  if (!quietErrors_) QMessageBox::warning(this, title, reason);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  const JobQueue* q = jobs_->queue();
  const int busy = q->count(JobQueue::State::Running) + q->count(JobQueue::State::Queued);
  if (busy > 0 && !quietErrors_) {
    QString text =
        tr("%n job(s) still running or queued. Quit anyway? Running jobs stop at once; what they finished stays in "
           "the store, and starting the same job again resumes them.",
           nullptr, busy);
    const auto& all = q->jobs();
    if (std::any_of(all.begin(), all.end(), [](const BackgroundJob* j) { return j->remote() && j->isRunning(); }))
      text += QLatin1Char(' ') + tr("Slurm arrays keep running on the cluster: their merge jobs bring the results "
                                    "into the store.");
    const auto answer =
        QMessageBox::question(this, tr("Quit PruneScope?"), text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
  }
  QSettings settings;
  // What comes back at the next start (without options): the view, and the gallery's
  // kept fraction, class and filter (the dataset is the first of the recent ones).
  settings.setValue("session/view", tabs_->currentWidget()->objectName());
  settings.setValue("session/keep", gallery_->keepSlider()->value());
  settings.setValue("session/class", gallery_->classBox()->currentText());
  settings.setValue("session/filter", gallery_->filterBox()->currentIndex());
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  QMainWindow::closeEvent(event);
}

}  // namespace ps::ui
