#include "views/class_count_model.h"

namespace ps::ui {

ClassCountModel::ClassCountModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassCountModel::setSummary(const DatasetSummary& summary) {
  beginResetModel();
  classes_ = summary.classes;
  totalTrain_ = summary.train;
  endResetModel();
}

int ClassCountModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(classes_.size());
}

int ClassCountModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassCountModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const ClassSummary& c = classes_[static_cast<size_t>(index.row())];
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Label: return c.label;
      case Name: return QString::fromStdString(c.name);
      case Train: return static_cast<qulonglong>(c.train);
      case Test: return static_cast<qulonglong>(c.test);
      case Share:
        return totalTrain_ ? QStringLiteral("%1 %").arg(100.0 * double(c.train) / double(totalTrain_), 0, 'f', 1)
                           : QString();
    }
  }
  if (role == Qt::TextAlignmentRole && index.column() != Name)
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  return {};
}

QVariant ClassCountModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Label: return tr("Label");
    case Name: return tr("Class");
    case Train: return tr("Train");
    case Test: return tr("Test");
    case Share: return tr("Share of train");
  }
  return {};
}

}  // namespace ps::ui
