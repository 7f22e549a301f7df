#pragma once
// The gallery: the easiest and the hardest examples side by side for a cached score,
// optionally for one class. A kept-fraction slider and a policy mark which examples that
// pruning would drop. Clicking an example shows it large with every cached score and its
// rank; the selection can be copied or exported, and so can the kept subset. Ordering
// and pruning run off the GUI thread (a million examples take a few hundred ms). Where
// the run stored its models' predictions, captions show "given → predicted", the detail
// pane the top classes, and a filter shows only examples whose label the models dispute
// or that look mislabelled (score/predictions.h), with a count per class. Examples can be
// tagged (gallery_tags.h); those tagged "exclude" are left out of the kept subset.
// The two lists share one selection (selecting in one clears the other): a tag, a copy or
// an export of the selection acts on it alone, and a line under the lists says what it is.
// Exports read the tags from the store as they are written, never from what is shown.
// Opening another dataset clears everything shown of the previous one.
// Thumbnails come from ExampleListModel (decoded off the GUI thread, fetched in batches).
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "base/class_picker.h"
#include "base/latest_task.h"
#include "base/score_catalog.h"
#include "prune/prune_policy.h"
#include "score/score_order.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QListView;
class QPushButton;
class QSlider;
class QSplitter;
class QTableWidget;

namespace ps {
class Dataset;
}

namespace ps::ui {

// The filter entries beyond ExampleFilter's: only examples that carry a tag; only those
// the cross-validated label check flags (listed while the store holds one).
inline constexpr int kTaggedFilter = 100;
inline constexpr int kCrossValidatedFilter = 101;
// Pairs of duplicates within training, and leaks (test examples with a copy in training),
// shown side by side in place of the lists (views/duplicate_pairs.h).
inline constexpr int kDuplicatesFilter = 102;
inline constexpr int kLeaksFilter = 103;

class DuplicatePairsPanel;
class ExampleListModel;
class GalleryTags;
struct ExportJob;

struct GalleryOrder {
  std::shared_ptr<const Dataset> dataset;  // ordered for
  ScoreOrder easiest, hardest;
  std::shared_ptr<const ExampleNotes> notes;
  std::shared_ptr<const LabelIssues> issues;  // of the shown run's examples (run order)
  bool hasPredictions = false;
};
struct GalleryMarks {
  std::shared_ptr<const Dataset> dataset;  // computed for
  std::vector<int64_t> kept;
  std::shared_ptr<const std::vector<uint8_t>> pruned;
  int64_t scored = 0;
  int64_t excluded = 0;  // kept by the pruning but tagged 'exclude'
  QString error;
};

// The kept subset of catalogue entry `k` under `spec`, less the examples `excluded` says
// are tagged 'exclude' (counted). ConfigError as pruneMarks.
struct KeptSubset {
  std::vector<int64_t> kept;
  std::vector<uint8_t> prunedByIndex;
  int64_t excluded = 0;
};
// Group-balanced groups the dataset's attributes; robust reads its held-out model (the
// default recipe's, as `prune --policy robust` trains it) from the store at `storePath`.
KeptSubset keptSubset(const Dataset& ds, const ScoreCatalog& catalog, size_t k, const PruneSpec& spec,
                      const std::function<bool(int64_t)>& excluded, const std::string& storePath = {});

class GalleryView : public QWidget {
  Q_OBJECT
 public:
  explicit GalleryView(QWidget* parent = nullptr);

  void setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog);
  // The store the examples' tags are read from and written to.
  void setStorePath(const QString& path);
  GalleryTags* tags() const { return tags_; }
  ExampleListModel* easiestModel() const { return easiest_; }
  ExampleListModel* hardestModel() const { return hardest_; }
  QListView* easiestList() const { return easyList_; }
  QListView* hardestList() const { return hardList_; }
  QComboBox* scoreBox() const { return score_; }
  ClassPicker* classBox() const { return class_; }
  // All examples / label disagrees with the model / likely mislabelled.
  QComboBox* filterBox() const { return filter_; }
  // Starts the cross-validated label check (labelCheckRequested; the window queues the job).
  QPushButton* labelCheckButton() const { return checkLabels_; }
  QLabel* issuesText() const { return issuesText_; }
  QComboBox* policyBox() const { return policy_; }
  QSlider* keepSlider() const { return keep_; }
  // Thumbnail side in pixels; Ctrl+wheel over a list changes it too.
  QSlider* thumbnailSlider() const { return thumbSize_; }
  QTableWidget* detailTable() const { return detailScores_; }
  QLabel* detailText() const { return detailText_; }
  // "3 selected in Hardest": what a tag (M/A/K/X) or Export selection acts on.
  QLabel* selectionLine() const { return selectionLine_; }
  QCheckBox* balancedBox() const { return balanced_; }
  // The pairs the Duplicates and Leaks filters show (visible while one is chosen).
  DuplicatePairsPanel* duplicatePairs() const { return pairs_; }
  // The training example the detail pane shows (-1: none).
  int64_t detailShown() const { return detailShown_; }
  // The kept subset's default file name: dataset, score and the pruning setting
  // ("flipped-el2n-run3-hard-f0.70-balanced-beta0.10.csv").
  QString keptFileName() const;

  // The kept fraction and policy the slider shows (keep = 1: nothing pruned).
  PruneSpec pruneSpec() const;
  int64_t prunedCount() const { return prunedCount_; }
  // True while the order or the pruning marks are being computed (off the GUI thread);
  // orderUpdated / pruningUpdated say when they are shown.
  bool busy() const;  // ordering, pruning marks or tags
  // Shows one training example in the detail pane.
  void showDetail(int64_t trainIndex);
  // Training indices selected, in the list last selected in (the other has none).
  std::vector<int64_t> selection() const;
  // Makes `examples` the selection (made on the embedding map): the lists' own selection
  // is cleared; tags and exports act on these until something is selected in a list.
  void selectExamples(const std::vector<int64_t>& examples);
  // Tab-separated lines (index, class, label, score, source), with a header.
  QString selectionText() const;
  // Writes the selection / the kept subset (.txt, .npy or .csv, with provenance);
  // false with `error` set when it cannot. Both read the tags (and check the score run)
  // in the store as they write: the provenance counts the examples tagged 'exclude' then.
  bool exportSelection(const QString& path, QString* error) const;
  bool exportKept(const QString& path, QString* error) const;

 signals:
  void exportFailed(const QString& reason);
  void tagFailed(const QString& reason);
  void orderUpdated();
  void pruningUpdated();
  void labelCheckRequested();
  void selectionUpdated();  // from a list or selectExamples: selection() says what it is now

 private:
  // The constructor's parts, in its order.
  void buildControls();
  void layOut();
  QSplitter* buildPanes();
  QHBoxLayout* buildBottomRow();
  void connectControls();
  void setUpTags();
  void rebuild();
  bool showPairsIfChosen();  // true while the Duplicates or Leaks filter is chosen
  void resetForDataset();    // another dataset: nothing of the previous one stays
  void selectionChanged(QListView* list);
  void updateSelectionLine();
  void showOrder(GalleryOrder order);
  void updatePruned();
  void showMarks(GalleryMarks marks);
  QString topTieNote() const;  // how many examples share the top difficulty
  void copySelection();
  void exportDialog(bool selectionOnly);
  // What an export writes, copied from the view (nothing with `error` set when no score is shown).
  std::optional<ExportJob> exportJob(bool selectionOnly, const QString& path, QString* error) const;
  bool hasScore() const;
  void showIssues(const GalleryOrder& order);
  void showCrossValidatedEntry();  // the filter entry, while the store holds a label check
  QString crossValidatedText() const;
  void applyThumbnailSide(int side);
  static void fitGrid(QListView* list, QSize item);
  bool eventFilter(QObject* watched, QEvent* event) override;
  QString predictionText(int64_t trainIndex) const;
  void fillDetailScores(int64_t trainIndex);

  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const ScoreCatalog> catalog_;
  QComboBox *score_, *filter_, *policy_;
  ClassPicker* class_;
  QSlider *keep_, *thumbSize_;
  QLabel *keepLabel_, *info_, *issuesText_;
  QCheckBox* balanced_;
  QPushButton* checkLabels_;
  QDoubleSpinBox* beta_;
  ExampleListModel *easiest_, *hardest_;
  QListView *easyList_, *hardList_;
  QLabel *detailImage_, *detailText_, *selectionLine_;
  QListView* selectedIn_ = nullptr;  // the list the selection is in
  std::vector<int64_t> picked_;      // the selection made outside the lists (the map)
  bool clearingOther_ = false;
  QTableWidget* detailScores_;
  QSplitter* panes_ = nullptr;
  DuplicatePairsPanel* pairs_ = nullptr;
  GalleryTags* tags_;
  QString storePath_;
  int64_t detailShown_ = -1;
  std::vector<int64_t> kept_;                  // training indices the slider's pruning keeps
  std::shared_ptr<const LabelIssues> issues_;  // of the run the lists show
  size_t issuesEntry_ = 0;                     // its catalogue entry
  int64_t prunedCount_ = 0;
  int64_t excludedShown_ = 0;
  LatestTask<GalleryOrder> order_;
  LatestTask<GalleryMarks> marks_;
};

}  // namespace ps::ui
