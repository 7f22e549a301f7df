#include "gallery_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "data/dataset.h"
#include "example_list_model.h"
#include "prune/subset_export.h"
#include "score/rank_stats.h"
#include "score/score_order.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
QListView* iconList(QWidget* parent, ExampleListModel* model) {
  auto* v = new QListView(parent);
  v->setViewMode(QListView::IconMode);
  v->setResizeMode(QListView::Adjust);
  v->setMovement(QListView::Static);
  v->setUniformItemSizes(true);
  v->setIconSize(QSize(56, 56));
  // Thumbnail and three caption lines; set on the model too, so every item (with or
  // without its thumbnail decoded yet) has this size.
  const QSize item(92, 56 + 3 * v->fontMetrics().lineSpacing() + 10);
  model->setItemSize(item);
  v->setGridSize(item + QSize(4, 4));
  v->setWordWrap(true);
  v->setSelectionMode(QAbstractItemView::ExtendedSelection);
  v->setModel(model);
  return v;
}
}  // namespace

// NOLINTNEXTLINE(readability-function-size): builds the widgets and their connections, one statement each
GalleryView::GalleryView(QWidget* parent)
    : QWidget(parent),
      order_(this, [this](GalleryOrder o) { showOrder(std::move(o)); }),
      marks_(this, [this](GalleryMarks m) { showMarks(std::move(m)); }) {
  score_ = new QComboBox(this);
  class_ = new QComboBox(this);
  policy_ = new QComboBox(this);
  policy_->addItem(tr("keep hardest"), QStringLiteral("hard"));
  policy_->addItem(tr("keep easiest"), QStringLiteral("easy"));
  policy_->addItem(tr("keep random"), QStringLiteral("random"));
  keep_ = new QSlider(Qt::Horizontal, this);
  keep_->setRange(1, 100);
  keep_->setValue(100);
  keep_->setToolTip(tr("Kept fraction f: examples the pruning drops are shown on red"));
  keepLabel_ = new QLabel(this);
  keepLabel_->setMinimumWidth(70);
  balanced_ = new QCheckBox(tr("class-balanced"), this);
  info_ = new QLabel(this);
  easiest_ = new ExampleListModel(this);
  hardest_ = new ExampleListModel(this);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Score"), this));
  top->addWidget(score_, 1);
  top->addWidget(new QLabel(tr("Class"), this));
  top->addWidget(class_);
  auto* pruneRow = new QHBoxLayout;
  pruneRow->addWidget(new QLabel(tr("Pruning"), this));
  pruneRow->addWidget(policy_);
  pruneRow->addWidget(keep_, 1);
  pruneRow->addWidget(keepLabel_);
  pruneRow->addWidget(balanced_);
  pruneRow->addWidget(info_, 1);

  auto* easyBox = new QGroupBox(tr("Easiest"), this);
  auto* hardBox = new QGroupBox(tr("Hardest"), this);
  easyList_ = iconList(easyBox, easiest_);
  hardList_ = iconList(hardBox, hardest_);
  (new QVBoxLayout(easyBox))->addWidget(easyList_);
  (new QVBoxLayout(hardBox))->addWidget(hardList_);

  auto* detail = new QGroupBox(tr("Example"), this);
  detailImage_ = new QLabel(detail);
  detailImage_->setAlignment(Qt::AlignCenter);
  detailImage_->setMinimumSize(168, 168);
  detail->setMinimumWidth(280);
  detailText_ = new QLabel(tr("Click an example to see it here."), detail);
  detailText_->setWordWrap(true);
  detailText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detailScores_ = new QTableWidget(0, 3, detail);
  detailScores_->setHorizontalHeaderLabels({tr("Score"), tr("Value"), tr("Rank")});
  detailScores_->horizontalHeaderItem(2)->setToolTip(tr("Rank by difficulty: 1 is the hardest example"));
  detailScores_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  detailScores_->verticalHeader()->hide();
  detailScores_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* dl = new QVBoxLayout(detail);
  dl->addWidget(detailImage_);
  dl->addWidget(detailText_);
  dl->addWidget(detailScores_, 1);

  auto* split = new QSplitter(this);
  split->addWidget(easyBox);
  split->addWidget(hardBox);
  split->addWidget(detail);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 2);
  split->setStretchFactor(2, 1);
  split->setSizes({380, 380, 300});

  auto* copy = new QPushButton(tr("Copy selection"), this);
  auto* exportSel = new QPushButton(tr("Export selection…"), this);
  auto* exportKeptButton = new QPushButton(tr("Export kept subset…"), this);
  copy->setToolTip(tr("Copies index, class, score and source of the selected examples"));
  exportKeptButton->setToolTip(tr("Writes the training indices the pruning keeps (.txt, .npy or .csv)"));
  auto* bottom = new QHBoxLayout;
  bottom->addStretch(1);
  bottom->addWidget(copy);
  bottom->addWidget(exportSel);
  bottom->addWidget(exportKeptButton);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(pruneRow);
  layout->addWidget(split, 1);
  layout->addLayout(bottom);

  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(class_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(policy_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::updatePruned);
  connect(keep_, &QSlider::valueChanged, this, &GalleryView::updatePruned);
  connect(balanced_, &QCheckBox::toggled, this, &GalleryView::updatePruned);
  for (QListView* list : {easyList_, hardList_})
    connect(list, &QListView::clicked, this,
            [this](const QModelIndex& i) { showDetail(i.data(ExampleListModel::IndexRole).toLongLong()); });
  connect(copy, &QPushButton::clicked, this, &GalleryView::copySelection);
  connect(exportSel, &QPushButton::clicked, this, [this] { exportDialog(true); });
  connect(exportKeptButton, &QPushButton::clicked, this, [this] { exportDialog(false); });
  info_->setText(tr("No scores yet: start a scoring run in the Jobs panel."));
  updatePruned();
}

void GalleryView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  const bool unchanged = dataset == dataset_ && catalog && catalog_ && catalog->sameRuns(*catalog_);
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  if (unchanged) return;  // what is shown stays right (e.g. the store re-read after a study)
  const QSignalBlocker b1(score_), b2(class_);
  fillScoreBox(score_, catalog_.get());
  class_->clear();
  class_->addItem(tr("All classes"));
  if (dataset_)
    for (const auto& c : dataset_->classNames()) class_->addItem(QString::fromStdString(c));
  rebuild();
}

bool GalleryView::hasScore() const {
  const int k = score_->currentIndex();
  return dataset_ && catalog_ && k >= 0 && static_cast<size_t>(k) < catalog_->entries.size();
}

void GalleryView::rebuild() {
  if (!hasScore()) {
    easiest_->setExamples(dataset_, {}, {});
    hardest_->setExamples(dataset_, {}, {});
    updatePruned();
    emit orderUpdated();
    return;
  }
  auto ds = dataset_;
  auto catalog = catalog_;
  const auto k = static_cast<size_t>(score_->currentIndex());
  const int wantClass = class_->currentIndex() - 1;  // -1: all
  order_.run([ds, catalog, k, wantClass] {
    const ScoreRun& run = catalog->run(k);
    GalleryOrder out;
    out.easiest = easiestFirst(run.indices, catalog->difficulty(k), catalog->labels(k), wantClass);
    out.hardest.indices.assign(out.easiest.indices.rbegin(), out.easiest.indices.rend());
    out.hardest.values.assign(out.easiest.values.rbegin(), out.easiest.values.rend());
    return out;
  });
}

void GalleryView::showOrder(GalleryOrder order) {
  easiest_->setExamples(dataset_, std::move(order.easiest.indices), std::move(order.easiest.values));
  hardest_->setExamples(dataset_, std::move(order.hardest.indices), std::move(order.hardest.values));
  updatePruned();
  emit orderUpdated();
}

PruneSpec GalleryView::pruneSpec() const {
  PruneSpec spec;
  spec.policy = parsePrunePolicy(policy_->currentData().toString().toStdString());
  spec.keep = keep_->value() / 100.0;
  spec.classBalanced = balanced_->isChecked();
  return spec;
}

void GalleryView::updatePruned() {
  keepLabel_->setText(tr("f = %1").arg(keep_->value() / 100.0, 0, 'f', 2));
  if (!hasScore()) {
    kept_.clear();
    prunedCount_ = 0;
    easiest_->setPruned(nullptr);
    hardest_->setPruned(nullptr);
    if (catalog_) info_->setText(tr("No scores yet: start a scoring run in the Jobs panel."));
    emit pruningUpdated();
    return;
  }
  auto ds = dataset_;
  auto catalog = catalog_;
  const auto k = static_cast<size_t>(score_->currentIndex());
  const PruneSpec spec = pruneSpec();
  marks_.run([ds, catalog, k, spec] {
    const ScoreRun& run = catalog->run(k);
    GalleryMarks out;
    out.scored = static_cast<int64_t>(run.indices.size());
    try {
      PruneMarks m = pruneMarks(run.indices, catalog->difficulty(k), catalog->labels(k), spec, ds->size(Split::Train));
      out.kept = std::move(m.kept);
      out.pruned = std::make_shared<const std::vector<uint8_t>>(std::move(m.prunedByIndex));
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

void GalleryView::showMarks(GalleryMarks marks) {
  kept_ = std::move(marks.kept);
  prunedCount_ = marks.error.isEmpty() ? marks.scored - static_cast<int64_t>(kept_.size()) : 0;
  if (marks.error.isEmpty())
    info_->setText(
        tr("%1 of %2 scored examples kept, %3 pruned (on red)").arg(kept_.size()).arg(marks.scored).arg(prunedCount_));
  else
    info_->setText(marks.error);
  easiest_->setPruned(marks.pruned);
  hardest_->setPruned(marks.pruned);
  emit pruningUpdated();
}

bool GalleryView::busy() const { return order_.busy() || marks_.busy(); }

void GalleryView::showDetail(int64_t trainIndex) {
  if (!dataset_ || trainIndex < 0 || static_cast<size_t>(trainIndex) >= dataset_->size(Split::Train)) return;
  const auto i = static_cast<size_t>(trainIndex);
  const int label = dataset_->label(Split::Train, i);
  try {
    const QImage img = ExampleListModel::toImage(*dataset_, trainIndex, 1);
    const int side = 168;
    detailImage_->setPixmap(QPixmap::fromImage(img.scaled(
        side, side, Qt::KeepAspectRatio, img.width() < side / 2 ? Qt::FastTransformation : Qt::SmoothTransformation)));
  } catch (const std::exception& e) {
    detailImage_->setText(QString::fromStdString(e.what()));
  }
  detailText_->setText(tr("Training example #%1\nClass: %2 (label %3)\nSource: %4")
                           .arg(trainIndex)
                           .arg(QString::fromStdString(dataset_->classNames()[static_cast<size_t>(label)]))
                           .arg(label)
                           .arg(QString::fromStdString(dataset_->source(Split::Train, i))));
  detailScores_->setRowCount(0);
  for (size_t k = 0; catalog_ && k < catalog_->entries.size(); ++k) {
    const ScoreRun& run = catalog_->run(k);
    const auto at = std::find(run.indices.begin(), run.indices.end(), trainIndex);
    if (at == run.indices.end()) continue;
    const auto p = static_cast<size_t>(at - run.indices.begin());
    const auto& d = catalog_->difficulty(k);
    const auto& raw = run.raw.count(catalog_->name(k)) ? run.raw.at(catalog_->name(k)) : d;
    const int row = detailScores_->rowCount();
    detailScores_->insertRow(row);
    detailScores_->setItem(row, 0, new QTableWidgetItem(catalog_->entryLabel(k)));
    detailScores_->setItem(row, 1, new QTableWidgetItem(QString::number(static_cast<double>(raw[p]), 'g', 4)));
    detailScores_->setItem(row, 2, new QTableWidgetItem(tr("%1 of %2").arg(descendingRank(d, p)).arg(d.size())));
  }
}

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

void GalleryView::copySelection() { QApplication::clipboard()->setText(selectionText()); }

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
  return writeSubset(*dataset_, *catalog_, static_cast<size_t>(score_->currentIndex()), selection(), prov, path, error);
}

bool GalleryView::exportKept(const QString& path, QString* error) const {
  if (!hasScore()) {
    if (error) *error = tr("no score is shown");
    return false;
  }
  SubsetProvenance prov;
  prov.spec = pruneSpec();
  return writeSubset(*dataset_, *catalog_, static_cast<size_t>(score_->currentIndex()), kept_, prov, path, error);
}

void GalleryView::exportDialog(bool selectionOnly) {
  const QString path = QFileDialog::getSaveFileName(
      this, selectionOnly ? tr("Export the selected examples") : tr("Export the kept subset"), QString(),
      tr("Index list (*.txt);;NumPy indices (*.npy);;CSV (*.csv)"));
  if (path.isEmpty()) return;
  QString error;
  if (!(selectionOnly ? exportSelection(path, &error) : exportKept(path, &error))) emit exportFailed(error);
}

}  // namespace ps::ui
