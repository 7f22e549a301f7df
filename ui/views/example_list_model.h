#pragma once
// A list of dataset examples in a given order (e.g. hardest first), for icon views.
// Rows are fetched in batches (canFetchMore/fetchMore) so a million examples scroll
// smoothly; thumbnails are decoded off the GUI thread and kept in a bounded cache.
// Examples a pruning would drop show on a red background with "pruned" in the caption;
// the caption also gives the label, and the model's prediction where it differs.
#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QSet>
#include <QSize>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ps {
class Dataset;
struct ExampleNotes;
}  // namespace ps

namespace ps::ui {

class ExampleListModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Roles { IndexRole = Qt::UserRole + 1, ValueRole, PrunedRole };
  explicit ExampleListModel(QObject* parent = nullptr);
  ~ExampleListModel() override;

  // `indices`: training-split indices in display order; `values`: the score shown under each.
  void setExamples(std::shared_ptr<const Dataset> dataset, std::vector<int64_t> indices, std::vector<float> values);
  // Marks the examples a pruning would drop (one flag per training index; empty: none).
  void setPruned(std::shared_ptr<const std::vector<uint8_t>> pruned);
  std::shared_ptr<const std::vector<uint8_t>> pruned() const { return pruned_; }
  // What the models predicted (by training index): the caption shows the given label, and
  // "given → predicted p" where they differ, flagged ones marked.
  void setNotes(std::shared_ptr<const ExampleNotes> notes);
  // The examples' tags (by training index), shown on the caption's last line.
  void setTags(std::shared_ptr<const std::map<int64_t, std::vector<std::string>>> tags);
  // The size every item reports (views use uniform sizes): thumbnail and four lines.
  void setItemSize(QSize size) { itemSize_ = size; }
  // The side of the square thumbnails, in pixels (they are decoded again at the new size).
  void setThumbnailSide(int side);
  int thumbnailSide() const { return thumbSide_; }
  int64_t totalCount() const { return static_cast<int64_t>(indices_.size()); }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  static QImage toImage(const Dataset& ds, int64_t trainIndex, int scale);
  // The example fitted into a side x side square (pixels kept sharp when enlarged).
  static QImage thumbnail(const Dataset& ds, int64_t trainIndex, int side);

 private:
  void requestThumbnail(int64_t trainIndex) const;
  QString labelLines(int64_t i) const;
  QString lastLine(int64_t i, bool pruned) const;

  std::shared_ptr<const Dataset> dataset_;
  std::vector<int64_t> indices_;
  std::vector<float> values_;
  std::shared_ptr<const std::vector<uint8_t>> pruned_;
  std::shared_ptr<const ExampleNotes> notes_;
  std::shared_ptr<const std::map<int64_t, std::vector<std::string>>> tags_;
  int loaded_ = 0;
  QSize itemSize_;
  int thumbSide_ = 56;
  mutable QCache<qint64, QImage> thumbnails_;
  mutable QSet<qint64> requested_;
  std::shared_ptr<int> generation_;  // tells late thumbnails from a previous list apart
};

}  // namespace ps::ui
