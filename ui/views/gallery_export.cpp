// The gallery's selection and exports: copying the selected examples, and writing them
// or the kept subset (with provenance; examples tagged 'exclude' are never written). The
// tags are read from the store when a file is written, so a tag removed elsewhere (the
// CLI, another window) counts at once.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListView>
#include <QtConcurrent>

#include "data/dataset.h"
#include "views/example_list_model.h"
#include "views/gallery_tags.h"
#include "views/gallery_view.h"

#include "base/worker_pool.h"
#include "charts/chart_export.h"
#include "job/job.h"
#include "prune/policy_registry.h"
#include "prune/subset_export.h"
#include "score/prediction_columns.h"
#include "score/score_order.h"
#include "store/example_tags.h"
#include "store/store.h"
#include "study/policy_inputs.h"
#include "util/errors.h"

namespace ps::ui {

std::vector<int64_t> GalleryView::selection() const {
  if (!picked_.empty()) return picked_;  // made on the map; cleared by a selection in a list
  std::vector<int64_t> out;
  for (QListView* list : {easyList_, hardList_}) {
    QModelIndexList rows = list->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& i : rows) {
      const int64_t idx = i.data(ExampleListModel::IndexRole).toLongLong();
      if (std::find(out.begin(), out.end(), idx) == out.end()) out.push_back(idx);
    }
  }
  return out;
}

QString GalleryView::selectionText() const {
  QStringList lines{QStringLiteral("index\tclass\tlabel\tscore\tsource")};
  if (!hasScore()) return lines.join(QLatin1Char('\n'));
  const auto k = static_cast<size_t>(score_->currentIndex());
  const ScoreRun& run = catalog_->run(k);
  const auto& d = catalog_->difficulty(k);
  for (int64_t idx : selection()) {
    const auto at = std::find(run.indices.begin(), run.indices.end(), idx);
    const int label = dataset_->label(Split::Train, static_cast<size_t>(idx));
    lines << QStringLiteral("%1\t%2\t%3\t%4\t%5")
                 .arg(idx)
                 .arg(QString::fromStdString(dataset_->classNames()[static_cast<size_t>(label)]))
                 .arg(label)
                 .arg(at == run.indices.end()
                          ? QString()
                          : QString::number(static_cast<double>(d[static_cast<size_t>(at - run.indices.begin())]), 'g',
                                            6))
                 .arg(QString::fromStdString(dataset_->source(Split::Train, static_cast<size_t>(idx))));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void GalleryView::copySelection() {
  QApplication::clipboard()->setText(selectionText());
  confirmInStatusBar(this, tr("Copied %n example(s) to the clipboard", nullptr, static_cast<int>(selection().size())));
}

KeptSubset keptSubset(const Dataset& ds, const ScoreCatalog& catalog, size_t k, const PruneSpec& spec,
                      const std::function<bool(int64_t)>& excluded, const std::string& storePath) {
  const ScoreRun& run = catalog.run(k);
  const std::vector<float> tieKey = tieBreakKey(run.predictions);
  PolicyInputs inputs;
  if (spec.policy == PrunePolicy::GroupBalanced) inputs.groups = poolGroups(ds, run.indices);
  if (spec.policy == PrunePolicy::Robust) {
    if (storePath.empty()) throw ConfigError("the robust policy needs the store that holds its held-out model");
    Store store(storePath);  // a connection of this worker thread's own
    JobContext ctx;
    inputs.classRecall = heldOutRecall(ds, store, run.indices, TrainConfig{}, ctx, false).recall;
  }
  if (spec.policy.info().needsRedundancy) {
    if (storePath.empty()) throw ConfigError("the dedup policy needs the store that holds the semdedup score");
    inputs.redundancy = poolRedundancy(Store(storePath), run.runId, run.indices);
  }
  PruneMarks m =
      pruneMarks(run.indices, catalog.difficulty(k), catalog.labels(k), spec, ds.size(Split::Train), &tieKey, &inputs);
  KeptSubset out;
  out.kept.reserve(m.kept.size());
  for (int64_t i : m.kept) {
    if (excluded(i)) {  // tagged 'exclude': never kept (shown as pruned)
      m.prunedByIndex[static_cast<size_t>(i)] = 1;
      ++out.excluded;
    } else {
      out.kept.push_back(i);
    }
  }
  out.prunedByIndex = std::move(m.prunedByIndex);
  return out;
}

// Everything an export needs, copied from the view so it can be written off the GUI thread.
struct ExportJob {
  std::shared_ptr<const Dataset> dataset;
  std::shared_ptr<const ScoreCatalog> catalog;
  size_t entry = 0;
  QString storePath, path;
  bool selectionOnly = false;
  std::vector<int64_t> picked;  // the selection (selectionOnly)
  PruneSpec spec;               // the pruning (otherwise)
};

namespace {

void writeSubset(const ExportJob& job, const std::vector<int64_t>& indices, SubsetProvenance prov) {
  const ScoreRun& run = job.catalog->run(job.entry);
  const auto& d = job.catalog->difficulty(job.entry);
  std::vector<float> byIndex(job.dataset->size(Split::Train), std::nanf(""));
  for (size_t p = 0; p < run.indices.size() && p < d.size(); ++p)
    if (run.indices[p] >= 0 && static_cast<size_t>(run.indices[p]) < byIndex.size())
      byIndex[static_cast<size_t>(run.indices[p])] = d[p];
  std::vector<float> values;
  values.reserve(indices.size());
  for (int64_t idx : indices) values.push_back(byIndex[static_cast<size_t>(idx)]);
  prov.datasetSpec = job.dataset->spec();
  prov.fingerprint = job.dataset->fingerprint();
  prov.scoreRunId = run.runId;
  prov.scoreName = job.catalog->name(job.entry);
  // A .csv carries the run's predictions too, when it stored them.
  const Predictions none;
  const bool asCsv = job.path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive);
  const PredictionColumns predictions(asCsv ? run.predictions : none, run.indices,
                                      job.dataset->labelsOf(Split::Train, run.indices), job.dataset->classNames());
  const ExtraCsvColumns extra{PredictionColumns::header(),
                              [&predictions](ps::CsvWriter& csv, int64_t i) { predictions.write(csv, i); }};
  exportSubset(*job.dataset, indices, values, prov, job.path.toStdString(), predictions.empty() ? nullptr : &extra);
}

// Writes the export with the tags the store holds now (after checking the score run is
// still there: another process may have deleted it). Empty, or why it failed.
QString runExport(const ExportJob& job) {
  try {
    if (job.storePath.isEmpty()) throw ConfigError("no store is open");
    std::vector<int64_t> excluded;
    {
      const Store store(job.storePath.toStdString());
      store.run(job.catalog->run(job.entry).runId);      // StoreError when the run is gone
      excluded = excludedExamples(store, *job.dataset);  // sorted
    }
    auto isExcluded = [&](int64_t i) { return std::binary_search(excluded.begin(), excluded.end(), i); };
    SubsetProvenance prov;
    if (job.selectionOnly) {
      prov.selection = "picked by hand in the gallery";
      std::vector<int64_t> kept;
      for (int64_t i : job.picked) {
        if (isExcluded(i))
          ++prov.excluded;  // an export never holds an example tagged 'exclude'
        else
          kept.push_back(i);
      }
      writeSubset(job, kept, prov);
    } else {
      prov.spec = job.spec;
      const KeptSubset subset =
          keptSubset(*job.dataset, *job.catalog, job.entry, job.spec, isExcluded, job.storePath.toStdString());
      prov.excluded = subset.excluded;
      writeSubset(job, subset.kept, prov);
    }
    return {};
  } catch (const std::exception& e) {
    return QString::fromStdString(describeError(e));
  }
}

}  // namespace

std::optional<ExportJob> GalleryView::exportJob(bool selectionOnly, const QString& path, QString* error) const {
  if (!hasScore()) {
    if (error) *error = tr("no score is shown");
    return std::nullopt;
  }
  ExportJob job{dataset_, catalog_,   static_cast<size_t>(score_->currentIndex()), storePath_, path, selectionOnly,
                {},       pruneSpec()};
  if (selectionOnly) job.picked = selection();
  return job;
}

bool GalleryView::exportSelection(const QString& path, QString* error) const {
  const auto job = exportJob(true, path, error);
  const QString failed = job ? runExport(*job) : QString();
  if (error && !failed.isEmpty()) *error = failed;
  return job && failed.isEmpty();
}

bool GalleryView::exportKept(const QString& path, QString* error) const {
  const auto job = exportJob(false, path, error);
  const QString failed = job ? runExport(*job) : QString();
  if (error && !failed.isEmpty()) *error = failed;
  return job && failed.isEmpty();
}

QString GalleryView::keptFileName() const {
  if (!hasScore()) return {};
  const auto k = static_cast<size_t>(score_->currentIndex());
  const PruneSpec spec = pruneSpec();
  QString base = QFileInfo(QString::fromStdString(dataset_->spec())).fileName();
  if (base.isEmpty()) base = QStringLiteral("dataset");
  const QString name = QStringLiteral("%1-%2-run%3-%4-f%5-%6-beta%7.csv")
                           .arg(base, QString::fromStdString(catalog_->name(k)))
                           .arg(catalog_->run(k).runId)
                           .arg(QString::fromLatin1(prunePolicyName(spec.policy)))
                           .arg(spec.keep, 0, 'f', 2)
                           .arg(spec.classBalanced ? QStringLiteral("balanced") : QStringLiteral("unbalanced"))
                           .arg(spec.beta, 0, 'f', 2);
  QString safe;
  for (const QChar c : name) safe += c.isLetterOrNumber() || c == '-' || c == '_' || c == '.' ? c : QChar('_');
  return safe;
}

void GalleryView::exportDialog(bool selectionOnly) {
  const QString path = QFileDialog::getSaveFileName(
      this, selectionOnly ? tr("Export the selected examples") : tr("Export the kept subset"),
      selectionOnly ? QString() : keptFileName(), tr("Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  const auto job = exportJob(selectionOnly, path, &error);
  if (!job) {
    emit exportFailed(error);
    return;
  }
  // Written off the GUI thread: it reads the store and may write a large file.
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
    const QString failed = watcher->result();
    watcher->deleteLater();
    if (!failed.isEmpty())
      emit exportFailed(failed);
    else
      confirmInStatusBar(this, tr("Saved %1").arg(path));
  });
  watcher->setFuture(QtConcurrent::run(workerPool(), [j = *job] { return runExport(j); }));
}

}  // namespace ps::ui
