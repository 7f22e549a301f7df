#include "base/dataset_loader.h"

#include "base/latest_task.h"

#include "data/dataset_opener.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
  task_ = std::make_unique<LatestTask<LoadedDataset>>(this, [this](LoadedDataset r) {
    if (!r.error.isEmpty()) {
      emit failed(r.spec, r.error);
      return;
    }
    emit loaded(r.spec, r.dataset, r.summary);
    if (!r.storeError.isEmpty()) emit storeFailed(r.storeError);
  });
}

// The work holds only copies (no `this`), so a load still running may outlive the loader.
DatasetLoader::~DatasetLoader() = default;

bool DatasetLoader::isBusy() const { return task_->busy(); }

void DatasetLoader::load(const QString& spec, const QString& storePath) {
  const std::string s = spec.toStdString(), db = storePath.toStdString();
  task_->run([spec, s, db]() {
    LoadedDataset r;
    r.spec = spec;
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
  });
}

}  // namespace ps::ui
