#pragma once
// PruneScope's main window: open a dataset (built-in Fashion-MNIST, an image folder or
// dataset directory, a CSV manifest) and see its summary. Loading runs off the GUI
// thread; errors show in a dialog and the window keeps working.
#include <QMainWindow>
#include <memory>

#include "data/dataset.h"

class QMenu;
class QTabWidget;
class QLabel;

namespace ps::ui {

class DatasetLoader;
class DatasetSummaryWidget;
class JobPanel;
class TheoryView;
class GalleryView;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  void openDataset(const QString& spec);
  QString storePath() const { return storePath_; }
  void setStorePath(const QString& path);
  std::shared_ptr<Dataset> dataset() const { return dataset_; }
  DatasetSummaryWidget* summaryWidget() const { return summary_; }
  DatasetLoader* loader() const { return loader_; }
  JobPanel* jobPanel() const { return jobs_; }
  TheoryView* theoryView() const { return theory_; }
  GalleryView* galleryView() const { return gallery_; }
  QTabWidget* views() const { return tabs_; }
  // Suppress modal dialogs (tests read lastError() instead).
  void setQuietErrors(bool quiet) { quietErrors_ = quiet; }
  QString lastError() const { return lastError_; }

 signals:
  void datasetOpened(const QString& spec);
  void datasetFailed(const QString& reason);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void rebuildRecentMenu();
  void showError(const QString& title, const QString& reason);
  void openDirectoryDialog();
  void openCsvDialog();

  DatasetLoader* loader_;
  DatasetSummaryWidget* summary_;
  JobPanel* jobs_;
  TheoryView* theory_;
  GalleryView* gallery_;
  QTabWidget* tabs_;
  QMenu* recentMenu_ = nullptr;
  QLabel* busy_ = nullptr;
  std::shared_ptr<Dataset> dataset_;
  QString storePath_;
  bool quietErrors_ = false;
  QString lastError_;
};

}  // namespace ps::ui
