#pragma once
// Opens a dataset off the GUI thread (QtConcurrent), summarises it and records it in
// the store, then hands the result back by signal. The open uses the store's file table
// (a first open of a large folder reads every file: it reports its progress and can be
// cancelled). A load requested while another runs
// never waits on the GUI thread: it runs once that one ends, and only the newest
// request's result is handed back (LatestTask).
#include <QObject>
#include <QString>
#include <memory>

#include "data/dataset.h"
#include "data/dataset_summary.h"
#include "job/job.h"

namespace ps::ui {

template <typename T>
class LatestTask;

struct LoadedDataset {
  QString spec;
  std::shared_ptr<Dataset> dataset;
  DatasetSummary summary;
  QString error;       // non-empty when opening failed
  QString storeError;  // non-empty when the dataset opened but the store could not record it
  bool cancelled = false;
};

class DatasetLoader : public QObject {
  Q_OBJECT
 public:
  explicit DatasetLoader(QObject* parent = nullptr);
  ~DatasetLoader() override;

  void load(const QString& spec, const QString& storePath);
  bool isBusy() const;
  // Stops the open under way (it ends with `cancelled`); what it learnt about the files
  // it read stays in the store's file table.
  void cancel();

 signals:
  void loaded(const QString& spec, std::shared_ptr<ps::Dataset> dataset, const ps::DatasetSummary& summary);
  void failed(const QString& spec, const QString& reason);
  void storeFailed(const QString& reason);
  void progress(const QString& spec, double fraction, const QString& message);
  void cancelled(const QString& spec);

 private:
  std::unique_ptr<LatestTask<LoadedDataset>> task_;
  std::shared_ptr<CancelToken> token_;  // of the newest load
};

}  // namespace ps::ui
