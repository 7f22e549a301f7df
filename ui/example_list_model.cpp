#include "example_list_model.h"

#include <QColor>
#include <QPointer>
#include <QtConcurrent>

#include "data/dataset.h"

namespace ps::ui {

namespace {
constexpr int kBatch = 256;
constexpr int kScale = 2;
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

QImage ExampleListModel::toImage(const Dataset& ds, int64_t trainIndex, int scale) {
  const cv::Mat m = ds.image(Split::Train, static_cast<size_t>(trainIndex));
  const QImage::Format f = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
  const QImage img(m.data, m.cols, m.rows, static_cast<int>(m.step), f);
  return img.scaled(m.cols * scale, m.rows * scale, Qt::KeepAspectRatio, Qt::FastTransformation);  // a deep copy
}

void ExampleListModel::requestThumbnail(int64_t trainIndex) const {
  if (requested_.contains(trainIndex)) return;
  requested_.insert(trainIndex);
  // Decode off the GUI thread; hand the image back through the event loop.
  QPointer<ExampleListModel> self(const_cast<ExampleListModel*>(this));
  auto ds = dataset_;
  auto gen = generation_;
  (void)QtConcurrent::run([self, ds, gen, trainIndex] {
    QImage img;
    try {
      img = toImage(*ds, trainIndex, kScale);
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
      // Always three lines, so every item has the same height (uniform sizes scroll fast).
      return QStringLiteral("#%1\n%2\n%3")
          .arg(i)
          .arg(static_cast<double>(values_[row]), 0, 'g', 3)
          .arg(pruned ? tr("pruned") : QStringLiteral("\u00a0"));
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
      return tr("%1 (label %2)\n%3")
          .arg(QString::fromStdString(dataset_->classNames()[static_cast<size_t>(label)]))
          .arg(label)
          .arg(QString::fromStdString(dataset_->source(Split::Train, static_cast<size_t>(i))));
    }
    case IndexRole: return static_cast<qlonglong>(i);
    case ValueRole: return static_cast<double>(values_[row]);
  }
  return {};
}

}  // namespace ps::ui
