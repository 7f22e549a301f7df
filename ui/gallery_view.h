#pragma once
// The gallery: the easiest and the hardest examples side by side for a score cached in
// the store, optionally for one class. Thumbnails come from ExampleListModel (decoded
// off the GUI thread, fetched in batches).
#include <QWidget>
#include <memory>

#include "score/score_engine.h"

class QComboBox;
class QLabel;
class QListView;

namespace ps {
class Dataset;
}

namespace ps::ui {

class ExampleListModel;

class GalleryView : public QWidget {
  Q_OBJECT
 public:
  explicit GalleryView(QWidget* parent = nullptr);

  // Reads the finished score runs of `dataset` from the store and shows the newest.
  void refresh(std::shared_ptr<const Dataset> dataset, const QString& storePath);
  ExampleListModel* easiestModel() const { return easiest_; }
  ExampleListModel* hardestModel() const { return hardest_; }
  QComboBox* scoreBox() const { return score_; }
  QComboBox* classBox() const { return class_; }

 signals:
  void loadFailed(const QString& reason);

 private:
  void rebuild();

  std::shared_ptr<const Dataset> dataset_;
  std::vector<ScoreRun> runs_;  // one per entry of the score box (run, name)
  std::vector<std::pair<size_t, std::string>> entries_;
  QComboBox *score_, *class_;
  QLabel* info_;
  ExampleListModel *easiest_, *hardest_;
};

}  // namespace ps::ui
