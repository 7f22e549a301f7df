#include "main_window.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

#include "dataset_loader.h"
#include "dataset_summary_widget.h"
#include "job_panel.h"
#include "theory_view.h"
#include "gallery_view.h"

#include <QTabWidget>

#include <QDockWidget>
#include "store/store.h"

namespace ps::ui {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("PruneScope"));
  loader_ = new DatasetLoader(this);
  summary_ = new DatasetSummaryWidget(this);
  theory_ = new TheoryView(this);
  tabs_ = new QTabWidget(this);
  gallery_ = new GalleryView(this);
  tabs_->addTab(summary_, tr("Dataset"));
  tabs_->addTab(gallery_, tr("Gallery"));
  tabs_->addTab(theory_, tr("Theory"));
  setCentralWidget(tabs_);
  jobs_ = new JobPanel(this);
  auto* dock = new QDockWidget(tr("Jobs"), this);
  dock->setObjectName(QStringLiteral("jobsDock"));
  dock->setWidget(jobs_);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  connect(jobs_, &JobPanel::jobFailed, this, [this](const QString& reason) { showError(tr("Scoring run failed"), reason); });
  connect(jobs_, &JobPanel::jobFinished, this, [this] {
    if (dataset_) gallery_->refresh(dataset_, storePath_);
  });
  busy_ = new QLabel(this);
  statusBar()->addPermanentWidget(busy_);

  QSettings settings;
  setStorePath(settings.value("store/path", QString::fromStdString(Store::defaultPath())).toString());
  buildMenus();
  restoreGeometry(settings.value("window/geometry").toByteArray());
  if (!settings.contains("window/geometry")) resize(1200, 700);

  connect(loader_, &DatasetLoader::loaded, this,
          [this](const QString& spec, std::shared_ptr<Dataset> ds, const DatasetSummary& s) {
            dataset_ = std::move(ds);
            jobs_->setDataset(dataset_);
            gallery_->refresh(dataset_, storePath_);
            summary_->setSummary(s);
            busy_->clear();
            statusBar()->showMessage(tr("Opened %1").arg(spec), 5000);
            setWindowTitle(tr("PruneScope — %1").arg(spec));
            QSettings st;
            QStringList recent = st.value("datasets/recent").toStringList();
            recent.removeAll(spec);
            recent.prepend(spec);
            while (recent.size() > kMaxRecent) recent.removeLast();
            st.setValue("datasets/recent", recent);
            rebuildRecentMenu();
            emit datasetOpened(spec);
          });
  connect(loader_, &DatasetLoader::failed, this, [this](const QString& spec, const QString& reason) {
    busy_->clear();
    showError(tr("Cannot open %1").arg(spec), reason);
    emit datasetFailed(reason);
  });
  connect(loader_, &DatasetLoader::storeFailed, this,
          [this](const QString& reason) { showError(tr("Cannot record the dataset in the store"), reason); });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("Open &Fashion-MNIST"), QKeySequence(tr("Ctrl+Shift+F")), this,
                  [this] { openDataset(QStringLiteral("fashion-mnist")); });
  file->addAction(tr("&Open Dataset Folder…"), QKeySequence::Open, this, &MainWindow::openDirectoryDialog);
  file->addAction(tr("Open &CSV Manifest…"), this, &MainWindow::openCsvDialog);
  recentMenu_ = file->addMenu(tr("&Recent Datasets"));
  rebuildRecentMenu();
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value("datasets/recent").toStringList();
  for (const QString& spec : recent) recentMenu_->addAction(spec, this, [this, spec] { openDataset(spec); });
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::setStorePath(const QString& path) {
  storePath_ = path;
  jobs_->setStorePath(path);
}

void MainWindow::openDataset(const QString& spec) {
  busy_->setText(tr("Opening %1…").arg(spec));
  loader_->load(spec, storePath_);
}

void MainWindow::openDirectoryDialog() {
  const QString dir = QFileDialog::getExistingDirectory(
      this, tr("Open a dataset folder (IDX, CIFAR binary or class folders)"));
  if (!dir.isEmpty()) openDataset(dir);
}

void MainWindow::openCsvDialog() {
  const QString file =
      QFileDialog::getOpenFileName(this, tr("Open a CSV manifest"), QString(), tr("CSV manifests (*.csv)"));
  if (!file.isEmpty()) openDataset(file);
}

void MainWindow::showError(const QString& title, const QString& reason) {
  lastError_ = reason;
  statusBar()->showMessage(title + QStringLiteral(": ") + reason, 10000);
  if (!quietErrors_) QMessageBox::warning(this, title, reason);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings().setValue("window/geometry", saveGeometry());
  QMainWindow::closeEvent(event);
}

}  // namespace ps::ui
