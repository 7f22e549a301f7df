#pragma once
// Table model of a dataset's classes: label, name, train count, test count, share.
#include <QAbstractTableModel>

#include "data/dataset_summary.h"

namespace ps::ui {

class ClassCountModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Label, Name, Train, Test, Share, ColumnCount };
  explicit ClassCountModel(QObject* parent = nullptr);

  void setSummary(const DatasetSummary& summary);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<ClassSummary> classes_;
  size_t totalTrain_ = 0;
};

}  // namespace ps::ui
