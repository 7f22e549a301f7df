#include "base/score_catalog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSettings>

#include "data/dataset.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

QString ScoreCatalog::entryLabel(size_t k) const {
  return QCoreApplication::translate("ps::ui::ScoreCatalog", "%1 (run %2)")
      .arg(QString::fromStdString(name(k)))
      .arg(run(k).runId);
}

bool ScoreCatalog::sameRuns(const ScoreCatalog& other) const {
  if (runs.size() != other.runs.size()) return false;
  for (size_t i = 0; i < runs.size(); ++i)
    if (runs[i]->run.runId != other.runs[i]->run.runId || runs[i]->finishedAt != other.runs[i]->finishedAt)
      return false;
  const int64_t mine = labelCheck ? labelCheck->runId : 0, theirs = other.labelCheck ? other.labelCheck->runId : 0;
  return mine == theirs;
}

std::shared_ptr<const ScoreCatalog> loadScoreCatalog(const Dataset& dataset, const Store& store,
                                                     const ScoreCatalog* previous) {
  auto c = std::make_shared<ScoreCatalog>();
  for (const auto& r : listScoreRuns(store, dataset.fingerprint())) {
    std::shared_ptr<const CatalogRun> known;
    for (size_t i = 0; previous && !known && i < previous->runs.size(); ++i)
      if (previous->runs[i]->run.runId == r.runId && previous->runs[i]->finishedAt == r.finishedAt)
        known = previous->runs[i];
    if (!known) {
      auto fresh = std::make_shared<CatalogRun>();
      fresh->run = loadScoreRun(store, r.runId);
      fresh->finishedAt = r.finishedAt;
      fresh->labels = dataset.labelsOf(Split::Train, fresh->run.indices);
      if (isRunKind(r.kind, RunKind::Score)) {
        try {
          fresh->epochs = ScoreConfig::fromJson(r.config).train.epochs;
        } catch (const ConfigError&) {
          fresh->epochs = 0;  // settings of an older version: the flag's warning says so
        }
      }
      known = std::move(fresh);
    }
    c->runs.push_back(known);
    for (const auto& name : known->run.names) c->entries.push_back({c->runs.size() - 1, name});
  }
  if (const int64_t check = newestLabelCheck(store, dataset.fingerprint()))
    c->labelCheck = previous && previous->labelCheck && previous->labelCheck->runId == check
                        ? previous->labelCheck
                        : std::make_shared<const LabelCheckRun>(loadLabelCheck(store, check, dataset));
  return c;
}

namespace {
const char* const kLastScoreKey = "scores/last";
}  // namespace

QString ScoreCatalog::seedAgreementText(size_t k) const {
  const auto& rho = run(k).seedSpearman;
  const auto it = rho.find(name(k));
  if (it == rho.end() || !std::isfinite(it->second)) return {};  // one seed, or an import
  return QCoreApplication::translate("ps::ui::ScoreCatalog",
                                     "seed-to-seed rank correlation ρ = %1 (mean over seed pairs)")
      .arg(it->second, 0, 'f', 3);
}

void fillScoreBox(QComboBox* box, const ScoreCatalog* catalog) {
  const QString previous = box->currentText();
  box->clear();
  for (size_t k = 0; catalog && k < catalog->entries.size(); ++k) {
    box->addItem(catalog->entryLabel(k), QString::fromStdString(catalog->name(k)));
    const QString seeds = catalog->seedAgreementText(k);
    if (!seeds.isEmpty()) box->setItemData(static_cast<int>(k), seeds, Qt::ToolTipRole);
  }
  if (box->findText(previous) >= 0) {
    box->setCurrentIndex(box->findText(previous));
    return;
  }
  // Entries are newest run first: the first with the preferred name is its newest.
  for (const std::string& wanted :
       {QSettings().value(kLastScoreKey, QStringLiteral("el2n")).toString().toStdString(), std::string("el2n")})
    for (size_t k = 0; catalog && k < catalog->entries.size(); ++k)
      if (catalog->name(k) == wanted) {
        box->setCurrentIndex(static_cast<int>(k));
        return;
      }
}

void rememberScoreChoice(QComboBox* box) {
  QObject::connect(box, &QComboBox::activated, box,
                   [box](int) { QSettings().setValue(kLastScoreKey, box->currentData().toString()); });
}

}  // namespace ps::ui
