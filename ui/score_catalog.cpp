#include "score_catalog.h"

#include <QCoreApplication>

#include "data/dataset.h"
#include "store/store.h"

namespace ps::ui {

QString ScoreCatalog::entryLabel(size_t k) const {
  return QCoreApplication::translate("ps::ui::ScoreCatalog", "%1 (run %2)")
      .arg(QString::fromStdString(name(k)))
      .arg(run(k).runId);
}

std::shared_ptr<const ScoreCatalog> loadScoreCatalog(const Dataset& dataset, const QString& storePath) {
  auto c = std::make_shared<ScoreCatalog>();
  Store store(storePath.toStdString());
  for (const auto& r : listScoreRuns(store, dataset.fingerprint())) {
    c->runs.push_back(loadScoreRun(store, r.runId));
    for (const auto& name : c->runs.back().names) c->entries.push_back({c->runs.size() - 1, name});
  }
  return c;
}

}  // namespace ps::ui
