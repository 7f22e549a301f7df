#include "views/gallery_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
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
#include <QWheelEvent>
#include <map>
#include <numeric>

#include "base/form_parts.h"
#include "base/registry_lists.h"
#include "base/ui_wording.h"
#include "data/dataset.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_order.h"
#include "store/example_tags.h"
#include "util/errors.h"
#include "views/duplicate_pairs.h"
#include "views/example_list_model.h"
#include "views/gallery_tags.h"

namespace ps::ui {

namespace {

// The scored positions the cross-validated check flags (by training index: the check may
// cover other examples than the score's run).
std::vector<uint8_t> crossValidatedPositions(const std::vector<int64_t>& indices, const LabelCheckRun* check) {
  std::vector<uint8_t> out(indices.size(), 0);
  if (!check) return out;
  std::map<int64_t, uint8_t> flagged;
  for (size_t k = 0; k < check->indices.size() && k < check->issues.flagged.size(); ++k)
    if (check->issues.flagged[k]) flagged[check->indices[k]] = 1;
  for (size_t p = 0; p < indices.size(); ++p) out[p] = flagged.count(indices[p]) ? 1 : 0;
  return out;
}

QListView* iconList(QWidget* parent, ExampleListModel* model) {
  auto* v = new QListView(parent);
  v->setViewMode(QListView::IconMode);
  v->setResizeMode(QListView::Adjust);
  v->setMovement(QListView::Static);
  v->setUniformItemSizes(true);
  v->setTextElideMode(Qt::ElideRight);
  v->setWordWrap(false);
  v->setSelectionMode(QAbstractItemView::ExtendedSelection);
  v->setModel(model);
  return v;
}

// Thumbnail and four caption lines (long ones elided), for thumbnails of `side` pixels.
QSize itemSizeFor(const QListView* v, int side) {
  // Captions are elided, so small thumbnails pack several to a row (the class name in full on hover).
  return {std::max(104, side + 16), side + 4 * v->fontMetrics().lineSpacing() + 10};
}
}  // namespace

GalleryView::GalleryView(QWidget* parent)
    : QWidget(parent),
      order_(this, [this](GalleryOrder o) { showOrder(std::move(o)); }),
      marks_(this, [this](GalleryMarks m) { showMarks(std::move(m)); }) {
  buildControls();
  layOut();
  connectControls();
  setUpTags();
  easyList_->viewport()->installEventFilter(this);
  hardList_->viewport()->installEventFilter(this);
  applyThumbnailSide(thumbSize_->value());
  info_->setText(tr("No scores yet: start a scoring run in the Jobs panel."));
  updatePruned();
  updateSelectionLine();
}

// The pickers, the pruning controls, the thumbnail size and the lists' models.
void GalleryView::buildControls() {
  score_ = new QComboBox(this);
  rememberScoreChoice(score_);
  class_ = new ClassPicker(this);
  filter_ = new QComboBox(this);
  filter_->addItem(tr("All examples"), static_cast<int>(ExampleFilter::All));
  filter_->addItem(tr("Label disagrees with the model (in-sample)"), static_cast<int>(ExampleFilter::Disagrees));
  filter_->addItem(tr("Likely mislabelled (in-sample)"), static_cast<int>(ExampleFilter::LikelyMislabelled));
  filter_->addItem(tr("Tagged"), kTaggedFilter);
  filter_->addItem(tr("Duplicates (pairs within training)"), kDuplicatesFilter);
  filter_->addItem(tr("Leaks (test examples with a copy in training)"), kLeaksFilter);
  filter_->setToolTip(
      tr("Likely mislabelled: the models confidently predict another class (confident learning, "
         "Northcutt et al. 2021) in at least half of the seeds. In-sample: the scoring run's models, which "
         "trained on these examples. Cross-validated: each example predicted by a model trained on the other "
         "folds (Check labels)"));
  checkLabels_ = new QPushButton(tr("Check labels (%1-fold)…").arg(kDefaultLabelCheckFolds), this);
  checkLabels_->setToolTip(
      tr("Starts a job: the scoring form's recipe trains %1 models, each on all but one fold, and each "
         "fold's labels are checked against the model that did not train on it")
          .arg(kDefaultLabelCheckFolds));
  connect(checkLabels_, &QPushButton::clicked, this, &GalleryView::labelCheckRequested);
  issuesText_ = new QLabel(this);
  issuesText_->setWordWrap(true);
  policy_ = new QComboBox(this);
  fillPolicyCombo(policy_);
  beta_ = new QDoubleSpinBox(this);
  beta_->setRange(0, 0.9);
  beta_->setSingleStep(0.05);
  beta_->setDecimals(2);
  beta_->setPrefix(QStringLiteral("β = "));
  beta_->setToolTip(tr("Keep hardest and CCS first drop this fraction of the hardest examples (often mislabelled)"));
  keep_ = new QSlider(Qt::Horizontal, this);
  keep_->setRange(1, 100);
  keep_->setValue(100);
  keep_->setToolTip(tr("Kept fraction f: examples the pruning drops are shown on red"));
  keepLabel_ = new QLabel(this);
  keepLabel_->setMinimumWidth(70);
  balanced_ = new QCheckBox(tr("class-balanced"), this);
  balanced_->setChecked(kClassBalancedByDefault);  // as the studies prune, so an export is what they evaluated
  balanced_->setToolTip(tr("Every class keeps the same fraction f (the studies' default too)"));
  thumbSize_ = new QSlider(Qt::Horizontal, this);
  thumbSize_->setRange(24, 224);
  thumbSize_->setSingleStep(8);
  thumbSize_->setValue(56);
  thumbSize_->setMaximumWidth(160);
  thumbSize_->setToolTip(tr("Thumbnail size (Ctrl+wheel over a list)"));
  info_ = new QLabel(this);
  easiest_ = new ExampleListModel(this);
  hardest_ = new ExampleListModel(this);
}

// The picker and pruning rows over the panes, the selection and export row under them.
void GalleryView::layOut() {
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Score"), this));
  top->addWidget(score_, 1);
  top->addWidget(new QLabel(tr("Class"), this));
  top->addWidget(class_);
  top->addWidget(new QLabel(tr("Show"), this));
  top->addWidget(filter_);
  top->addWidget(checkLabels_);
  auto* pruneRow = new QHBoxLayout;
  pruneRow->addWidget(new QLabel(tr("Pruning"), this));
  pruneRow->addWidget(policy_);
  pruneRow->addWidget(beta_);
  pruneRow->addWidget(keep_, 1);
  pruneRow->addWidget(keepLabel_);
  pruneRow->addWidget(balanced_);
  pruneRow->addWidget(info_, 1);
  QSplitter* split = buildPanes();
  panes_ = split;
  pairs_ = new DuplicatePairsPanel(this);
  pairs_->hide();
  QHBoxLayout* bottom = buildBottomRow();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(pruneRow);
  layout->addWidget(issuesText_);
  layout->addWidget(split, 1);
  layout->addWidget(pairs_, 1);
  layout->addLayout(bottom);
}

// The easiest and hardest examples side by side, and the example shown in detail.
QSplitter* GalleryView::buildPanes() {
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
  detail->setMinimumWidth(330);  // the scores table's four columns fit
  detailText_ = new QLabel(tr("Click an example to see it here."), detail);
  detailText_->setWordWrap(true);
  detailText_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detailScores_ = new QTableWidget(0, 4, detail);
  detailScores_->setHorizontalHeaderLabels({tr("Score"), tr("Rank"), tr("Raw"), tr("Difficulty\n(higher = harder)")});
  detailScores_->horizontalHeaderItem(2)->setToolTip(
      tr("The score as its method defines it (e.g. AUM's margin: higher = easier); — where the run stored only the "
         "difficulty"));
  detailScores_->horizontalHeaderItem(3)->setToolTip(
      tr("The value the gallery orders and prunes by, always higher = harder; with the mean ± standard deviation "
         "over the run's seeds"));
  detailScores_->horizontalHeaderItem(1)->setToolTip(tr("Rank by difficulty: 1 is the hardest example"));
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
  split->setSizes({360, 360, 350});
  return split;
}

// The selection line, the thumbnail size, and copy and export of the examples.
QHBoxLayout* GalleryView::buildBottomRow() {
  auto* copy = new QPushButton(tr("Copy selection"), this);
  auto* exportSel = new QPushButton(tr("Export selection…"), this);
  auto* exportKeptButton = new QPushButton(tr("Export kept subset…"), this);
  copy->setToolTip(tr("Copies index, class, score and source of the selected examples"));
  exportKeptButton->setToolTip(tr("Writes the training indices the pruning keeps (.txt, .npy or .csv)"));
  selectionLine_ = new QLabel(this);
  selectionLine_->setToolTip(
      tr("Tags (M mislabelled, A ambiguous, K keep, X exclude, or the context menu) and Export selection act on "
         "these examples only; Ctrl+Z undoes a tag"));
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(selectionLine_);
  bottom->addSpacing(12);
  bottom->addWidget(new QLabel(tr("Thumbnails"), this));
  bottom->addWidget(thumbSize_);
  bottom->addStretch(1);
  bottom->addWidget(copy);
  bottom->addWidget(exportSel);
  bottom->addWidget(exportKeptButton);
  connect(copy, &QPushButton::clicked, this, &GalleryView::copySelection);
  connect(exportSel, &QPushButton::clicked, this, [this] { exportDialog(true); });
  connect(exportKeptButton, &QPushButton::clicked, this, [this] { exportDialog(false); });
  return bottom;
}

// The pickers and pruning controls redo what they change; the lists' selection and
// current item show in the detail.
void GalleryView::connectControls() {
  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(class_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(filter_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(policy_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::updatePruned);
  connect(beta_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &GalleryView::updatePruned);
  connect(keep_, &QSlider::valueChanged, this, &GalleryView::updatePruned);
  connect(balanced_, &QCheckBox::toggled, this, &GalleryView::updatePruned);
  for (QListView* list : {easyList_, hardList_}) {
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this, list] { selectionChanged(list); });
    connect(list->model(), &QAbstractItemModel::modelReset, this, [this] { updateSelectionLine(); });
    connect(list, &QListView::clicked, this,
            [this](const QModelIndex& i) { showDetail(i.data(ExampleListModel::IndexRole).toLongLong()); });
    // Keys (arrows, Page Up/Down, Home/End) move the current item: the detail follows it.
    connect(list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& i) {
      if (i.isValid()) showDetail(i.data(ExampleListModel::IndexRole).toLongLong());
    });
  }
  connect(thumbSize_, &QSlider::valueChanged, this, &GalleryView::applyThumbnailSide);
}

// Tags on the lists' selection, with undo and redo.
void GalleryView::setUpTags() {
  tags_ = new GalleryTags(this, [this] { return selection(); });
  tags_->attach(easyList_);
  tags_->attach(hardList_);
  connect(tags_, &GalleryTags::failed, this, &GalleryView::tagFailed);
  connect(pairs_, &DuplicatePairsPanel::excludeRequested, this,
          [this](const std::vector<int64_t>& copies) { tags_->add(copies, kExcludeTag); });
  // Ctrl+Z / Ctrl+Shift+Z anywhere in the gallery undo and redo the last tag change.
  auto* undo = new QAction(tr("Undo tag"), this);
  auto* redo = new QAction(tr("Redo tag"), this);
  undo->setShortcut(QKeySequence::Undo);
  redo->setShortcut(QKeySequence::Redo);
  connect(undo, &QAction::triggered, tags_, &GalleryTags::undo);
  connect(redo, &QAction::triggered, tags_, &GalleryTags::redo);
  for (QAction* a : {undo, redo}) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
  }
  connect(tags_, &GalleryTags::changed, this, [this] {
    easiest_->setTags(tags_->tags());
    hardest_->setTags(tags_->tags());
    if (filter_->currentData().toInt() == kTaggedFilter) rebuild();
    updatePruned();
    if (detailShown_ >= 0) showDetail(detailShown_);
  });
}

void GalleryView::selectionChanged(QListView* list) {
  if (clearingOther_) return;
  if (list->selectionModel()->hasSelection()) {
    // One selection across the lists: what is selected here is all a tag acts on.
    selectedIn_ = list;
    picked_.clear();
    QListView* other = list == easyList_ ? hardList_ : easyList_;
    clearingOther_ = true;
    other->selectionModel()->clearSelection();
    clearingOther_ = false;
  }
  updateSelectionLine();
}

void GalleryView::updateSelectionLine() {
  const auto n = static_cast<int>(selection().size());
  if (n == 0) {
    selectionLine_->setText(tr("Nothing selected"));
  } else if (!picked_.empty()) {
    selectionLine_->setText(tr("<b>%n selected on the map</b>", nullptr, n));
  } else {
    selectionLine_->setText(selectedIn_ == easyList_ ? tr("<b>%n selected in Easiest</b>", nullptr, n)
                                                     : tr("<b>%n selected in Hardest</b>", nullptr, n));
  }
  emit selectionUpdated();
}

void GalleryView::selectExamples(const std::vector<int64_t>& examples) {
  clearingOther_ = true;
  for (QListView* list : {easyList_, hardList_}) list->selectionModel()->clearSelection();
  clearingOther_ = false;
  selectedIn_ = nullptr;
  picked_ = examples;
  updateSelectionLine();
}

void GalleryView::applyThumbnailSide(int side) {
  for (auto [list, model] : {std::pair{easyList_, easiest_}, std::pair{hardList_, hardest_}}) {
    const QSize item = itemSizeFor(list, side);
    model->setItemSize(item);  // every item has this size, with or without its thumbnail yet
    model->setThumbnailSide(side);
    list->setIconSize(QSize(side, side));
    fitGrid(list, item);
  }
}

void GalleryView::fitGrid(QListView* list, QSize item) {
  // As many columns as fit, widened to share the whole width (no empty strip on the right).
  // A few pixels are kept back: the view lays out a row only when it fits with room to spare.
  const int width = list->viewport()->width() - 6;
  const int columns = std::max(1, width / (item.width() + 4));
  list->setGridSize(QSize(std::max(item.width() + 4, width / columns), item.height() + 4));
}

bool GalleryView::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Resize)
    for (QListView* list : {easyList_, hardList_})
      if (watched == list->viewport()) fitGrid(list, itemSizeFor(list, thumbSize_->value()));
  if (event->type() == QEvent::Wheel && (watched == easyList_->viewport() || watched == hardList_->viewport())) {
    const auto* wheel = static_cast<QWheelEvent*>(event);
    if (wheel->modifiers() & Qt::ControlModifier) {
      const int delta = wheel->angleDelta().y();
      const int steps = (delta > 0) - (delta < 0);
      thumbSize_->setValue(thumbSize_->value() + steps * thumbSize_->singleStep());
      return true;  // zooms instead of scrolling
    }
  }
  return QWidget::eventFilter(watched, event);
}

void GalleryView::setStorePath(const QString& path) {
  storePath_ = path;
  tags_->setSource(storePath_, dataset_);
  pairs_->setSource(dataset_, storePath_);
}

void GalleryView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  if (dataset != dataset_) {
    dataset_ = dataset;
    resetForDataset();
  }
  tags_->setSource(storePath_, dataset);
  pairs_->setSource(dataset, storePath_);
  const bool unchanged = dataset == dataset_ && catalog && catalog_ && catalog->sameRuns(*catalog_);
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  if (unchanged) return;  // what is shown stays right (e.g. the store re-read after a study)
  const QSignalBlocker b1(score_), b2(class_);
  fillScoreBox(score_, catalog_.get());
  showCrossValidatedEntry();
  class_->setClasses(dataset_ ? dataset_->classNames() : std::vector<std::string>{}, tr("All classes"));
  rebuild();
}

void GalleryView::resetForDataset() {
  // Nothing of the previous dataset stays: its indices mean other examples here.
  detailShown_ = -1;
  detailImage_->clear();
  detailText_->setText(tr("Click an example to see it here."));
  detailScores_->setRowCount(0);
  for (ExampleListModel* m : {easiest_, hardest_}) {
    m->setExamples(dataset_, {}, {});
    m->setPruned(nullptr);
    m->setNotes(nullptr);
    m->setTags(nullptr);
  }
  selectedIn_ = nullptr;
  picked_.clear();
  kept_.clear();
  issues_.reset();
  issuesText_->clear();
  prunedCount_ = 0;
  excludedShown_ = 0;
  catalog_.reset();
  updateSelectionLine();
}

bool GalleryView::hasScore() const {
  const int k = score_->currentIndex();
  return dataset_ && catalog_ && k >= 0 && static_cast<size_t>(k) < catalog_->entries.size();
}

bool GalleryView::showPairsIfChosen() {
  const int choice = filter_->currentData().toInt();
  const bool pairs = choice == kDuplicatesFilter || choice == kLeaksFilter;
  panes_->setVisible(!pairs);
  pairs_->setVisible(pairs);
  if (pairs && dataset_)
    pairs_->showKind(choice == kLeaksFilter ? DuplicatePairsPanel::Kind::Leaks : DuplicatePairsPanel::Kind::Duplicates);
  return pairs;
}

void GalleryView::rebuild() {
  if (showPairsIfChosen()) return;
  if (!hasScore()) {
    easiest_->setExamples(dataset_, {}, {});
    hardest_->setExamples(dataset_, {}, {});
    issues_.reset();
    issuesText_->clear();
    updatePruned();
    emit orderUpdated();
    return;
  }
  auto ds = dataset_;
  auto catalog = catalog_;
  const auto k = static_cast<size_t>(score_->currentIndex());
  const int wantClass = class_->currentClass();  // -1: all
  const int filterChoice = filter_->currentData().toInt();
  const bool crossValidated = filterChoice == kCrossValidatedFilter;
  const auto filter =
      filterChoice == kTaggedFilter || crossValidated ? ExampleFilter::All : static_cast<ExampleFilter>(filterChoice);
  const auto tagged = filterChoice == kTaggedFilter ? tags_->tags() : nullptr;
  order_.run([ds, catalog, k, wantClass, filter, tagged, crossValidated] {
    const ScoreRun& run = catalog->run(k);
    GalleryOrder out;
    out.dataset = ds;
    auto issues = std::make_shared<LabelIssues>(findLabelIssues(run.predictions, catalog->labels(k), ds->numClasses()));
    out.hasPredictions = !run.predictions.empty();
    out.notes = std::make_shared<const ExampleNotes>(
        notesByIndex(run.indices, run.predictions, *issues, ds->size(Split::Train)));
    std::vector<uint8_t> positions = filterPositions(filter, run.predictions, *issues, catalog->labels(k));
    if (tagged)
      for (size_t p = 0; p < positions.size(); ++p) positions[p] = tagged->count(run.indices[p]) ? 1 : 0;
    if (crossValidated) positions = crossValidatedPositions(run.indices, catalog->labelCheck.get());
    out.issues = std::move(issues);
    const std::vector<float> tieKey = tieBreakKey(run.predictions);  // ties: see score/score_order.h
    out.easiest = easiestFirst(run.indices, catalog->difficulty(k), catalog->labels(k), wantClass, &positions, &tieKey);
    out.hardest.indices.assign(out.easiest.indices.rbegin(), out.easiest.indices.rend());
    out.hardest.values.assign(out.easiest.values.rbegin(), out.easiest.values.rend());
    return out;
  });
}

void GalleryView::showOrder(GalleryOrder order) {
  if (order.dataset != dataset_) return;  // ordered for the dataset open before
  easiest_->setExamples(dataset_, std::move(order.easiest.indices), std::move(order.easiest.values));
  hardest_->setExamples(dataset_, std::move(order.hardest.indices), std::move(order.hardest.values));
  easiest_->setNotes(order.notes);
  hardest_->setNotes(order.notes);
  issues_ = order.issues;
  issuesEntry_ = static_cast<size_t>(std::max(0, score_->currentIndex()));
  showIssues(order);
  updatePruned();
  emit orderUpdated();
}

PruneSpec GalleryView::pruneSpec() const {
  PruneSpec spec;
  spec.policy = parsePrunePolicy(policy_->currentData().toString().toStdString());
  spec.keep = keep_->value() / 100.0;
  spec.classBalanced = balanced_->isChecked();
  if (spec.policy == PrunePolicy::KeepHard || spec.policy == PrunePolicy::Ccs) spec.beta = beta_->value();
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
  const auto tags = tags_->tags();
  const std::string store = storePath_.toStdString();
  marks_.run([ds, catalog, k, spec, tags, store] {
    const ScoreRun& run = catalog->run(k);
    GalleryMarks out;
    out.dataset = ds;
    out.scored = static_cast<int64_t>(run.indices.size());
    try {
      KeptSubset subset = keptSubset(
          *ds, *catalog, k, spec, [&tags](int64_t i) { return hasTag(*tags, i, kExcludeTag); }, store);
      out.kept = std::move(subset.kept);
      out.excluded = subset.excluded;
      out.pruned = std::make_shared<const std::vector<uint8_t>>(std::move(subset.prunedByIndex));
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

// "; 1204 examples tie at the maximum 1.4142, ranked among themselves by ..." (EL2N saturates).
QString GalleryView::topTieNote() const {
  if (!hasScore()) return {};
  const auto k = static_cast<size_t>(score_->currentIndex());
  const TopTie top = topTie(catalog_->difficulty(k));
  // the whole sentence (how ties are ranked) on hover; the line itself stays short
  info_->setToolTip(QString::fromStdString(describeTopTie(top, !catalog_->run(k).predictions.empty(), uiWording())));
  return tr("; %1 at the maximum %2 (%3 show as %4)")
      .arg(top.count)
      .arg(static_cast<double>(top.value), 0, 'g', 5)
      .arg(top.lookAlike)
      .arg(static_cast<double>(top.value), 0, 'g', 3);
}

void GalleryView::showMarks(GalleryMarks marks) {
  if (marks.dataset != dataset_) return;
  kept_ = std::move(marks.kept);
  excludedShown_ = marks.excluded;
  prunedCount_ = marks.error.isEmpty() ? marks.scored - static_cast<int64_t>(kept_.size()) : 0;
  if (marks.error.isEmpty())
    info_->setText(
        tr("%1 of %2 scored examples kept, %3 pruned (on red)").arg(kept_.size()).arg(marks.scored).arg(prunedCount_) +
        (marks.excluded > 0 ? tr("; %1 of them tagged 'exclude'").arg(marks.excluded) : QString()) + topTieNote());
  else
    info_->setText(marks.error);
  easiest_->setPruned(marks.pruned);
  hardest_->setPruned(marks.pruned);
  emit pruningUpdated();
}

bool GalleryView::busy() const { return order_.busy() || marks_.busy() || tags_->busy(); }

}  // namespace ps::ui
