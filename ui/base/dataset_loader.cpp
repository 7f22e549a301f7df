#include "base/dataset_loader.h"

#include "base/latest_task.h"

#include <QPointer>

#include "data/dataset_opener.h"
#include "store/file_table_store.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent) {
  task_ = std::make_unique<LatestTask<LoadedDataset>>(this, [this](LoadedDataset r) {
    if (r.cancelled) {
      emit cancelled(r.spec);
      return;
    }
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

void DatasetLoader::cancel() {
  if (token_) token_->cancel();
}

namespace {

// Opens with the store's file table when the store opens, else without (the store's
// error is reported once the dataset is open).
std::shared_ptr<Dataset> openForGui(const std::string& spec, const std::string& db, JobContext& ctx, LoadedDataset& r) {
  OpenOptions options;
  options.job = &ctx;
  std::unique_ptr<Store> store;
  if (!db.empty()) {
    try {
      store = std::make_unique<Store>(db);
    } catch (const std::exception& e) {
      r.storeError = QString::fromStdString(e.what());
    }
  }
  std::shared_ptr<Dataset> ds(store ? openDatasetWithStore(spec, *store, options).release()
                                    : openDataset(spec, options).release());
  if (store) {
    try {
      store->registerDataset(*ds);
    } catch (const std::exception& e) {
      r.storeError = QString::fromStdString(e.what());
    }
  }
  return ds;
}

}  // namespace

void DatasetLoader::load(const QString& spec, const QString& storePath) {
  const std::string s = spec.toStdString(), db = storePath.toStdString();
  token_ = std::make_shared<CancelToken>();
  // Progress is handed to this thread through a relay object living here; the loader is
  // only looked at there, through a guard, so a load outliving it reports to nobody.
  std::shared_ptr<QObject> relay(new QObject, [](QObject* o) { o->deleteLater(); });
  QPointer<DatasetLoader> self(this);
  task_->run([spec, s, db, token = token_, relay, self]() {
    LoadedDataset r;
    r.spec = spec;
    JobContext ctx(token.get(), [relay, self, spec](const Progress& p) {
      const QString message = QString::fromStdString(p.message);
      const double fraction = p.fraction;
      QMetaObject::invokeMethod(
          relay.get(),
          [self, spec, fraction, message] {
            if (self) emit self->progress(spec, fraction, message);
          },
          Qt::QueuedConnection);
    });
    try {
      r.dataset = openForGui(s, db, ctx, r);
      r.summary = summarize(*r.dataset);
    } catch (const Cancelled&) {
      r.cancelled = true;
    } catch (const std::exception& e) {
      r.error = QString::fromStdString(e.what());
    }
    return r;
  });
}

}  // namespace ps::ui
