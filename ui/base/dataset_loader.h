#pragma once
// Opens a dataset off the GUI thread (QtConcurrent), summarises it and records it in
// the store, then hands the result back by signal. A load requested while another runs
// never waits on the GUI thread: it runs once that one ends, and only the newest
// request's result is handed back (LatestTask).
#include <QObject>
#include <QString>
#include <memory>

#include "data/dataset.h"
#include "data/dataset_summary.h"

namespace ps::ui {

template <typename T>
class LatestTask;

struct LoadedDataset {
  QString spec;
  std::shared_ptr<Dataset> dataset;
  DatasetSummary summary;
  QString error;       // non-empty when opening failed
  QString storeError;  // non-empty when the dataset opened but the store could not record it
};

class DatasetLoader : public QObject {
  Q_OBJECT
 public:
  explicit DatasetLoader(QObject* parent = nullptr);
  ~DatasetLoader() override;

  void load(const QString& spec, const QString& storePath);
  bool isBusy() const;

 signals:
  void loaded(const QString& spec, std::shared_ptr<ps::Dataset> dataset, const ps::DatasetSummary& summary);
  void failed(const QString& spec, const QString& reason);
  void storeFailed(const QString& reason);

 private:
  std::unique_ptr<LatestTask<LoadedDataset>> task_;
};

}  // namespace ps::ui
