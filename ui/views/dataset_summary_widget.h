#pragma once
// The dataset summary: format, split sizes, image shape, fingerprint, a table of
// classes with their counts, and the files the reader skipped.
#include <QWidget>

#include "data/dataset_summary.h"

class QLabel;
class QListWidget;
class QTableView;
class QGroupBox;

namespace ps::ui {

class ClassCountModel;

class DatasetSummaryWidget : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetSummaryWidget(QWidget* parent = nullptr);
  void setSummary(const DatasetSummary& summary);
  void clear(const QString& message);
  ClassCountModel* classModel() const { return model_; }
  QListWidget* skippedList() const { return skipped_; }

 private:
  QLabel* title_;
  QLabel* details_;
  QTableView* table_;
  ClassCountModel* model_;
  QGroupBox* skippedBox_;
  QListWidget* skipped_;
};

}  // namespace ps::ui
