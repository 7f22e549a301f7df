// The gallery's selection and exports: copying the selected examples, and writing them
// or the kept subset (with provenance; examples tagged 'exclude' are never written).
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QListView>

#include "data/dataset.h"
#include "example_list_model.h"
#include "gallery_tags.h"
#include "gallery_view.h"

#include "chart_export.h"
#include "prune/subset_export.h"
#include "store/example_tags.h"

namespace ps::ui {

std::vector<int64_t> GalleryView::selection() const {
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

namespace {
bool writeSubset(const Dataset& ds, const ScoreCatalog& catalog, size_t k, std::vector<int64_t> indices,
                 SubsetProvenance prov, const QString& path, QString* error) {
  const ScoreRun& run = catalog.run(k);
  const auto& d = catalog.difficulty(k);
  std::vector<float> values;
  for (int64_t idx : indices) {
    const auto at = std::find(run.indices.begin(), run.indices.end(), idx);
    values.push_back(at == run.indices.end() ? std::nanf("") : d[static_cast<size_t>(at - run.indices.begin())]);
  }
  prov.datasetSpec = ds.spec();
  prov.fingerprint = ds.fingerprint();
  prov.scoreRunId = run.runId;
  prov.scoreName = catalog.name(k);
  try {
    exportSubset(ds, indices, values, prov, path.toStdString());
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}
}  // namespace

bool GalleryView::exportSelection(const QString& path, QString* error) const {
  if (!hasScore()) {
    if (error) *error = tr("no score is shown");
    return false;
  }
  SubsetProvenance prov;
  prov.selection = "picked by hand in the gallery";
  std::vector<int64_t> picked;
  for (int64_t i : selection()) {
    if (hasTag(*tags_->tags(), i, kExcludeTag))
      ++prov.excluded;  // an export never holds an example tagged 'exclude'
    else
      picked.push_back(i);
  }
  return writeSubset(*dataset_, *catalog_, static_cast<size_t>(score_->currentIndex()), picked, prov, path, error);
}

bool GalleryView::exportKept(const QString& path, QString* error) const {
  if (!hasScore()) {
    if (error) *error = tr("no score is shown");
    return false;
  }
  SubsetProvenance prov;
  prov.spec = pruneSpec();
  prov.excluded = excludedShown_;
  return writeSubset(*dataset_, *catalog_, static_cast<size_t>(score_->currentIndex()), kept_, prov, path, error);
}

void GalleryView::exportDialog(bool selectionOnly) {
  const QString path = QFileDialog::getSaveFileName(
      this, selectionOnly ? tr("Export the selected examples") : tr("Export the kept subset"), QString(),
      tr("Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!(selectionOnly ? exportSelection(path, &error) : exportKept(path, &error)))
    emit exportFailed(error);
  else
    confirmInStatusBar(this, tr("Saved %1").arg(path));
}

}  // namespace ps::ui
