#include "views/example_list_model.h"

#include <QColor>
#include <QPointer>
#include <QtConcurrent>

#include "base/worker_pool.h"
#include "data/dataset.h"
#include "data/image_file_dataset.h"
#include "score/score_order.h"

namespace ps::ui {

namespace {
constexpr int kBatch = 256;
}  // namespace

ExampleListModel::ExampleListModel(QObject* parent)
    : QAbstractListModel(parent), thumbnails_(20000), generation_(std::make_shared<int>(0)) {}

ExampleListModel::~ExampleListModel() = default;

void ExampleListModel::setExamples(std::shared_ptr<const Dataset> dataset, std::vector<int64_t> indices,
                                   std::vector<float> values) {
  beginResetModel();
  dataset_ = std::move(dataset);
  indices_ = std::move(indices);
  values_ = std::move(values);
  loaded_ = static_cast<int>(std::min<size_t>(indices_.size(), kBatch));
  thumbnails_.clear();
  requested_.clear();
  generation_ = std::make_shared<int>(*generation_ + 1);
  endResetModel();
}

void ExampleListModel::setPruned(std::shared_ptr<const std::vector<uint8_t>> pruned) {
  pruned_ = std::move(pruned);
  if (loaded_ > 0) emit dataChanged(index(0), index(loaded_ - 1), {Qt::DisplayRole, Qt::BackgroundRole, PrunedRole});
}

void ExampleListModel::setNotes(std::shared_ptr<const ExampleNotes> notes) {
  notes_ = std::move(notes);
  if (loaded_ > 0) emit dataChanged(index(0), index(loaded_ - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void ExampleListModel::setTags(std::shared_ptr<const std::map<int64_t, std::vector<std::string>>> tags) {
  tags_ = std::move(tags);
  if (loaded_ > 0) emit dataChanged(index(0), index(loaded_ - 1), {Qt::DisplayRole});
}

QString ExampleListModel::labelLines(int64_t i) const {
  const auto& names = dataset_->classNames();
  const int label = dataset_->label(Split::Train, static_cast<size_t>(i));
  const QString given = QString::fromStdString(names[static_cast<size_t>(label)]);
  const auto at = static_cast<size_t>(i);
  if (!notes_ || at >= notes_->predicted.size() || notes_->predicted[at] < 0 || notes_->predicted[at] == label)
    return given + QStringLiteral("\n\u00a0");
  const auto predicted = static_cast<size_t>(notes_->predicted[at]);
  return QStringLiteral("%1%2\n\u2192 %3 %4")
      .arg(notes_->flagged[at] ? QStringLiteral("\u2691 ") : QString(), given,
           predicted < names.size() ? QString::fromStdString(names[predicted]) : QString())
      .arg(static_cast<double>(notes_->pPredicted[at]), 0, 'f', 2);
}

QString ExampleListModel::lastLine(int64_t i, bool pruned) const {
  QStringList parts;
  if (pruned) parts << tr("pruned");
  if (tags_) {
    const auto it = tags_->find(i);
    if (it != tags_->end())
      for (const auto& t : it->second) parts << QString::fromStdString(t);
  }
  return parts.isEmpty() ? QStringLiteral("\u00a0") : parts.join(QStringLiteral(" · "));
}

int ExampleListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : loaded_; }

bool ExampleListModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && static_cast<size_t>(loaded_) < indices_.size();
}

void ExampleListModel::fetchMore(const QModelIndex& parent) {
  if (parent.isValid()) return;
  const int more = static_cast<int>(std::min<size_t>(kBatch, indices_.size() - static_cast<size_t>(loaded_)));
  if (more <= 0) return;
  beginInsertRows({}, loaded_, loaded_ + more - 1);
  loaded_ += more;
  endInsertRows();
}

namespace {
QImage scaledCopy(const cv::Mat& m, int scale) {
  const QImage::Format f = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
  const QImage img(m.data, m.cols, m.rows, static_cast<int>(m.step), f);
  return img.scaled(m.cols * scale, m.rows * scale, Qt::KeepAspectRatio, Qt::FastTransformation);  // a deep copy
}
}  // namespace

QImage ExampleListModel::toImage(const Dataset& ds, int64_t trainIndex, int scale) {
  return scaledCopy(ds.image(Split::Train, static_cast<size_t>(trainIndex)), scale);
}

QImage ExampleListModel::thumbnail(const Dataset& ds, int64_t trainIndex, int side) {
  // A large JPEG of an image folder is decoded at a reduced size, not in full.
  const auto* files = dynamic_cast<const ImageFileDataset*>(&ds);
  const auto at = static_cast<size_t>(trainIndex);
  const QImage img = scaledCopy(files ? files->preview(Split::Train, at, side) : ds.image(Split::Train, at), 1);
  const bool enlarge = img.width() < side && img.height() < side;
  return img.scaled(side, side, Qt::KeepAspectRatio, enlarge ? Qt::FastTransformation : Qt::SmoothTransformation);
}

void ExampleListModel::setThumbnailSide(int side) {
  if (side == thumbSide_) return;
  thumbSide_ = side;
  thumbnails_.clear();
  requested_.clear();
  generation_ = std::make_shared<int>(*generation_ + 1);  // late thumbnails of the old size are dropped
  if (loaded_ > 0) emit dataChanged(index(0), index(loaded_ - 1), {Qt::DecorationRole, Qt::SizeHintRole});
}

void ExampleListModel::requestThumbnail(int64_t trainIndex) const {
  if (requested_.contains(trainIndex)) return;
  requested_.insert(trainIndex);
  // Decode off the GUI thread; hand the image back through the event loop.
  QPointer<ExampleListModel> self(const_cast<ExampleListModel*>(this));
  auto ds = dataset_;
  auto gen = generation_;
  const int side = thumbSide_;
  (void)QtConcurrent::run(workerPool(), [self, ds, gen, trainIndex, side] {
    QImage img;
    try {
      img = thumbnail(*ds, trainIndex, side);
    } catch (const std::exception&) {
      return;  // an unreadable file keeps the placeholder
    }
    QMetaObject::invokeMethod(
        self.data(),
        [self, gen, trainIndex, img] {
          if (!self || gen != self->generation_) return;
          self->thumbnails_.insert(trainIndex, new QImage(img));
          for (int r = 0; r < self->loaded_; ++r)
            if (self->indices_[static_cast<size_t>(r)] == trainIndex) {
              const QModelIndex i = self->index(r);
              emit self->dataChanged(i, i, {Qt::DecorationRole});
              break;
            }
        },
        Qt::QueuedConnection);
  });
}

QVariant ExampleListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= loaded_ || !dataset_) return {};
  const auto row = static_cast<size_t>(index.row());
  const int64_t i = indices_[row];
  const bool pruned = pruned_ && static_cast<size_t>(i) < pruned_->size() && (*pruned_)[static_cast<size_t>(i)];
  switch (role) {
    case Qt::DisplayRole: {
      // Always four lines, so every item has the same height (uniform sizes scroll fast):
      // index and score, the given label, "→ predicted p" where the models differ, pruned
      // and tags.
      return QStringLiteral("#%1  %2\n%3\n%4")
          .arg(i)
          .arg(static_cast<double>(values_[row]), 0, 'g', 3)
          .arg(labelLines(i))
          .arg(lastLine(i, pruned));
    }
    case Qt::SizeHintRole: return itemSize_.isValid() ? QVariant(itemSize_) : QVariant();
    case Qt::BackgroundRole: return pruned ? QVariant(QColor(255, 205, 205)) : QVariant();
    case PrunedRole: return pruned;
    case Qt::DecorationRole: {
      if (const QImage* img = thumbnails_.object(i)) return *img;
      requestThumbnail(i);
      return {};
    }
    case Qt::ToolTipRole: {
      const int label = dataset_->label(Split::Train, static_cast<size_t>(i));
      QString tip = tr("%1 (label %2)\n%3")
                        .arg(QString::fromStdString(dataset_->classNames()[static_cast<size_t>(label)]))
                        .arg(label)
                        .arg(QString::fromStdString(dataset_->source(Split::Train, static_cast<size_t>(i))));
      const auto at = static_cast<size_t>(i);
      if (notes_ && at < notes_->flagged.size() && notes_->flagged[at])
        tip += QLatin1Char('\n') + tr("Likely mislabelled: the models confidently predict another class");
      return tip;
    }
    case IndexRole: return static_cast<qlonglong>(i);
    case ValueRole: return static_cast<double>(values_[row]);
  }
  return {};
}

}  // namespace ps::ui
