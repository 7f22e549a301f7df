#include "dataset_loader.h"

#include <QtConcurrent>

#include "data/dataset_opener.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcher<LoadedDataset>::finished, this, [this] {
    const LoadedDataset r = watcher_.result();
    if (!r.error.isEmpty()) {
      emit failed(pendingSpec_, r.error);
      return;
    }
    emit loaded(pendingSpec_, r.dataset, r.summary);
    if (!r.storeError.isEmpty()) emit storeFailed(r.storeError);
  });
}

DatasetLoader::~DatasetLoader() { watcher_.waitForFinished(); }

void DatasetLoader::load(const QString& spec, const QString& storePath) {
  watcher_.waitForFinished();
  pendingSpec_ = spec;
  const std::string s = spec.toStdString(), db = storePath.toStdString();
  watcher_.setFuture(QtConcurrent::run([s, db]() {
    LoadedDataset r;
    try {
      r.dataset = std::shared_ptr<Dataset>(openDataset(s).release());
      r.summary = summarize(*r.dataset);
    } catch (const std::exception& e) {
      r.error = QString::fromStdString(e.what());
      return r;
    }
    if (!db.empty()) {
      try {
        Store store(db);
        store.registerDataset(*r.dataset);
      } catch (const std::exception& e) {
        r.storeError = QString::fromStdString(e.what());
      }
    }
    return r;
  }));
}

}  // namespace ps::ui
