#pragma once
// The gallery's Duplicates and Leaks filters (embed/duplicates.h): each pair of examples
// side by side with its kind (exact: identical pixels; near: embedding cosine similarity
// at least the threshold) and similarity, and one action that tags the copies "exclude"
// (the second of every pair within training, the training member of every leak; undone
// with Ctrl+Z like any tag). The search runs off the GUI thread, on the newest embedding
// the store holds for the dataset; without one only exact pairs are listed, and the line
// over the pairs says how to get near ones (the gallery trains nothing by itself).
#include <QImage>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "base/latest_task.h"
#include "embed/duplicates.h"

class QDoubleSpinBox;
class QLabel;
class QListView;
class QPushButton;
class QStandardItemModel;

namespace ps {
class Dataset;
}

namespace ps::ui {

// What the search found, for the panel.
struct DuplicateFinding {
  std::shared_ptr<const Dataset> dataset;  // searched
  double threshold = kDefaultNearThreshold;
  std::vector<DuplicateRow> rows;
  std::vector<QImage> images;  // per row, the pair side by side (made for the rows the list shows)
  QString about;               // which embedding and search, or why near pairs are missing
  QString error;
};

// Exact duplicates of `ds`, and near ones from the newest finished run of it that stored
// an embedding in the store at `storePath` (opened on the calling thread), with the
// pictures of the first DuplicatePairsPanel::kMaxShown pairs of each kind.
DuplicateFinding findStoredDuplicates(std::shared_ptr<const Dataset> ds, const QString& storePath, double threshold);

class DuplicatePairsPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Kind { Duplicates, Leaks };
  explicit DuplicatePairsPanel(QWidget* parent = nullptr);

  // Another dataset or store: what was found before is dropped.
  void setSource(std::shared_ptr<const Dataset> dataset, const QString& storePath);
  // Shows the pairs of `kind`, searching first when nothing is found yet for this source
  // and threshold.
  void showKind(Kind kind);
  // Searches again (the store may hold a newer embedding).
  void refresh();
  bool busy() const { return search_.busy(); }

  QListView* pairList() const { return list_; }
  QLabel* aboutText() const { return about_; }
  QDoubleSpinBox* thresholdBox() const { return threshold_; }
  QPushButton* excludeButton() const { return exclude_; }
  // The pairs of the shown kind (all of them; the list shows the first kMaxShown).
  std::vector<DuplicateRow> shownPairs() const;
  static constexpr int kMaxShown = 1000;

 signals:
  // "Tag the copies exclude": the training examples to tag.
  void excludeRequested(const std::vector<int64_t>& trainExamples);
  void pairsShown();

 private:
  void found(DuplicateFinding f);
  void fill();

  std::shared_ptr<const Dataset> dataset_;
  QString storePath_;
  Kind kind_ = Kind::Duplicates;
  std::shared_ptr<const DuplicateFinding> finding_;
  QLabel* about_;
  QDoubleSpinBox* threshold_;
  QPushButton* exclude_;
  QListView* list_;
  QStandardItemModel* model_;
  LatestTask<DuplicateFinding> search_;
};

}  // namespace ps::ui
