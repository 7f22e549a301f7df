#include "gallery_view.h"

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

#include "data/dataset.h"
#include "example_list_model.h"
#include "form_parts.h"
#include "gallery_tags.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_order.h"
#include "store/example_tags.h"
#include "ui_wording.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
// The filter entries beyond ExampleFilter's: only examples that carry a tag; only those
// the cross-validated label check flags (listed while the store holds one).
constexpr int kTaggedFilter = 100;
constexpr int kCrossValidatedFilter = 101;

// A flag's warning when it rests on one seed or a short training (score/label_check.h).
QString tentativeText(int seeds, int epochs) {
  if (!labelFlagTentative(seeds, epochs)) return {};
  const QString seedWord = seeds == 1 ? GalleryView::tr("1 seed") : GalleryView::tr("%1 seeds").arg(seeds);
  const QString from = epochs > 0 ? GalleryView::tr("%1, %2 epochs").arg(seedWord).arg(epochs)
                                  : GalleryView::tr("%1, epochs not known").arg(seedWord);
  return GalleryView::tr(
             "\u26a0 tentative (%1): with fewer than %2 seeds or %3 epochs the models take hard examples "
             "for mislabelled ones")
      .arg(from)
      .arg(kSureLabelSeeds)
      .arg(kSureLabelEpochs);
}

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

// "Shirt 12, Pullover 7" for the classes with flagged examples, most first.
QString perClassText(const LabelIssues& li, const std::vector<std::string>& classNames) {
  std::vector<size_t> classes(li.perClass.size());
  std::iota(classes.begin(), classes.end(), 0);
  std::stable_sort(classes.begin(), classes.end(), [&](size_t a, size_t b) { return li.perClass[a] > li.perClass[b]; });
  QStringList per;
  for (size_t c : classes)
    if (li.perClass[c] > 0 && c < classNames.size())
      per << QStringLiteral("%1 %2").arg(QString::fromStdString(classNames[c])).arg(li.perClass[c]);
  return per.isEmpty() ? QString() : QStringLiteral(" (") + per.join(QStringLiteral(", ")) + QStringLiteral(")");
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
  return {std::max(128, side + 16), side + 4 * v->fontMetrics().lineSpacing() + 10};
}
}  // namespace

// NOLINTNEXTLINE(readability-function-size): builds the widgets and their connections, one statement each
GalleryView::GalleryView(QWidget* parent)
    : QWidget(parent),
      order_(this, [this](GalleryOrder o) { showOrder(std::move(o)); }),
      marks_(this, [this](GalleryMarks m) { showMarks(std::move(m)); }) {
  score_ = new QComboBox(this);
  rememberScoreChoice(score_);
  class_ = new QComboBox(this);
  class_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  filter_ = new QComboBox(this);
  filter_->addItem(tr("All examples"), static_cast<int>(ExampleFilter::All));
  filter_->addItem(tr("Label disagrees with the model (in-sample)"), static_cast<int>(ExampleFilter::Disagrees));
  filter_->addItem(tr("Likely mislabelled (in-sample)"), static_cast<int>(ExampleFilter::LikelyMislabelled));
  filter_->addItem(tr("Tagged"), kTaggedFilter);
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
  policy_->addItem(tr("keep hardest"), QStringLiteral("hard"));
  policy_->addItem(tr("keep easiest"), QStringLiteral("easy"));
  policy_->addItem(tr("keep random"), QStringLiteral("random"));
  policy_->addItem(tr("coverage-centric (CCS)"), QStringLiteral("ccs"));
  policy_->setToolTip(
      tr("CCS (Zheng et al. 2023): drops the hardest β first, then samples evenly across the "
         "difficulty range"));
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

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(pruneRow);
  layout->addWidget(issuesText_);
  layout->addWidget(split, 1);
  layout->addLayout(bottom);

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
  tags_ = new GalleryTags(this, [this] { return selection(); });
  tags_->attach(easyList_);
  tags_->attach(hardList_);
  connect(tags_, &GalleryTags::failed, this, &GalleryView::tagFailed);
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
  easyList_->viewport()->installEventFilter(this);
  hardList_->viewport()->installEventFilter(this);
  applyThumbnailSide(thumbSize_->value());
  connect(copy, &QPushButton::clicked, this, &GalleryView::copySelection);
  connect(exportSel, &QPushButton::clicked, this, [this] { exportDialog(true); });
  connect(exportKeptButton, &QPushButton::clicked, this, [this] { exportDialog(false); });
  info_->setText(tr("No scores yet: start a scoring run in the Jobs panel."));
  updatePruned();
  updateSelectionLine();
}

void GalleryView::selectionChanged(QListView* list) {
  if (clearingOther_) return;
  if (list->selectionModel()->hasSelection()) {
    // One selection across the lists: what is selected here is all a tag acts on.
    selectedIn_ = list;
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
    return;
  }
  selectionLine_->setText(selectedIn_ == easyList_ ? tr("<b>%n selected in Easiest</b>", nullptr, n)
                                                   : tr("<b>%n selected in Hardest</b>", nullptr, n));
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
}

void GalleryView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  if (dataset != dataset_) {
    dataset_ = dataset;
    resetForDataset();
  }
  tags_->setSource(storePath_, dataset);
  const bool unchanged = dataset == dataset_ && catalog && catalog_ && catalog->sameRuns(*catalog_);
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  if (unchanged) return;  // what is shown stays right (e.g. the store re-read after a study)
  const QSignalBlocker b1(score_), b2(class_);
  fillScoreBox(score_, catalog_.get());
  showCrossValidatedEntry();
  class_->clear();
  class_->addItem(tr("All classes"));
  if (dataset_)
    for (const auto& c : dataset_->classNames()) class_->addItem(QString::fromStdString(c));
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

void GalleryView::rebuild() {
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
  const int wantClass = class_->currentIndex() - 1;  // -1: all
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
  marks_.run([ds, catalog, k, spec, tags] {
    const ScoreRun& run = catalog->run(k);
    GalleryMarks out;
    out.dataset = ds;
    out.scored = static_cast<int64_t>(run.indices.size());
    try {
      KeptSubset subset =
          keptSubset(*ds, *catalog, k, spec, [&tags](int64_t i) { return hasTag(*tags, i, kExcludeTag); });
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

void GalleryView::showCrossValidatedEntry() {
  const QSignalBlocker block(filter_);
  const int at = filter_->findData(kCrossValidatedFilter);
  const bool has = catalog_ && catalog_->labelCheck;
  if (has && at < 0) filter_->addItem(tr("Likely mislabelled (cross-validated)"), kCrossValidatedFilter);
  if (!has && at >= 0) {
    if (filter_->currentIndex() == at) filter_->setCurrentIndex(0);
    filter_->removeItem(at);
  }
}

QString GalleryView::crossValidatedText() const {
  if (!catalog_ || !catalog_->labelCheck || !dataset_) return {};
  const LabelCheckRun& c = *catalog_->labelCheck;
  QString text = tr("Cross-validated (run %1, %2 folds, out-of-sample probabilities): %3 of %4 examples look "
                    "mislabelled%5")
                     .arg(c.runId)
                     .arg(c.folds)
                     .arg(c.issues.total)
                     .arg(c.indices.size())
                     .arg(perClassText(c.issues, dataset_->classNames()));
  const QString warning = tentativeText(c.seeds, c.epochs);
  return warning.isEmpty() ? text : text + QStringLiteral("  ") + warning;
}

void GalleryView::showIssues(const GalleryOrder& order) {
  const QString crossValidated = crossValidatedText();
  if (!order.hasPredictions) {
    const QString none = filter_->currentIndex() > 0
                             ? tr("This run stored no predictions (an import, or a run without a classifier): "
                                  "nothing to compare the labels with.")
                             : QString();
    issuesText_->setText(crossValidated.isEmpty() || none.isEmpty() ? none + crossValidated
                                                                    : none + QLatin1Char('\n') + crossValidated);
    return;
  }
  const LabelIssues& li = *order.issues;
  int64_t disagreeing = 0;
  for (int64_t d : li.disagreeing) disagreeing += d;
  const auto entry = static_cast<size_t>(std::max(0, score_->currentIndex()));
  const CatalogRun& shown = *catalog_->runs[catalog_->entries[entry].first];
  QString text = tr("In-sample (the scoring run's models trained on these examples): they disagree with the label "
                    "of %1 examples; %2 look mislabelled%3")
                     .arg(disagreeing)
                     .arg(li.total)
                     .arg(perClassText(li, dataset_->classNames()));
  const QString warning = tentativeText(shown.run.predictions.seeds, shown.epochs);
  if (!warning.isEmpty()) text += QStringLiteral("  ") + warning;
  if (!crossValidated.isEmpty()) text += QLatin1Char('\n') + crossValidated;
  issuesText_->setText(text);
}

QString GalleryView::predictionText(int64_t trainIndex) const {
  if (!hasScore() || !issues_ || issuesEntry_ >= catalog_->entries.size()) return {};
  const ScoreRun& run = catalog_->run(issuesEntry_);
  const Predictions& p = run.predictions;
  const auto at = std::find(run.indices.begin(), run.indices.end(), trainIndex);
  if (p.empty() || at == run.indices.end()) return {};
  const auto pos = static_cast<size_t>(at - run.indices.begin());
  const auto& names = dataset_->classNames();
  auto name = [&](int32_t c) {
    return c >= 0 && static_cast<size_t>(c) < names.size() ? QString::fromStdString(names[static_cast<size_t>(c)])
                                                           : QStringLiteral("?");
  };
  QStringList top;
  for (size_t t = 0; t < kTopClasses; ++t)
    if (p.topClass[pos * kTopClasses + t] >= 0)
      top << QStringLiteral("%1 %2")
                 .arg(name(p.topClass[pos * kTopClasses + t]))
                 .arg(static_cast<double>(p.topProb[pos * kTopClasses + t]), 0, 'f', 2);
  QString text = tr("Model predicts: %1 (%2); given label's probability %3\nDisagrees with the label in %4 of %5 "
                    "seeds\nTop classes: %6")
                     .arg(name(p.predicted[pos]))
                     .arg(static_cast<double>(p.pPredicted[pos]), 0, 'f', 2)
                     .arg(static_cast<double>(p.pLabel[pos]), 0, 'f', 2)
                     .arg(std::lround(p.disagree[pos] * static_cast<float>(p.seeds)))
                     .arg(p.seeds)
                     .arg(top.join(QStringLiteral(" · ")));
  if (pos < issues_->flagged.size() && issues_->flagged[pos])
    text += QLatin1Char('\n') + tr("Likely mislabelled, in-sample (the models are confident it is another class)");
  if (catalog_->labelCheck) {
    const LabelCheckRun& c = *catalog_->labelCheck;
    const auto in = std::find(c.indices.begin(), c.indices.end(), trainIndex);
    if (in != c.indices.end()) {
      const auto k = static_cast<size_t>(in - c.indices.begin());
      text += QLatin1Char('\n') + tr("Cross-validated (a model that did not train on it): %1 (%2); given label's "
                                     "probability %3")
                                      .arg(name(c.predictions.predicted[k]))
                                      .arg(static_cast<double>(c.predictions.pPredicted[k]), 0, 'f', 2)
                                      .arg(static_cast<double>(c.predictions.pLabel[k]), 0, 'f', 2);
      if (c.issues.flagged[k]) text += tr(" \u2014 likely mislabelled");
    }
  }
  return text;
}

bool GalleryView::busy() const { return order_.busy() || marks_.busy() || tags_->busy(); }

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
  detailShown_ = trainIndex;
  QString predicted = predictionText(trainIndex);
  const QString tagged = tagText(*tags_->tags(), trainIndex);
  if (!tagged.isEmpty())
    predicted += (predicted.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Tags: %1").arg(tagged);
  detailText_->setText(tr("Training example #%1\nClass: %2 (label %3)\nSource: %4")
                           .arg(trainIndex)
                           .arg(QString::fromStdString(dataset_->classNames()[static_cast<size_t>(label)]))
                           .arg(label)
                           .arg(QString::fromStdString(dataset_->source(Split::Train, i))) +
                       (predicted.isEmpty() ? QString() : QLatin1Char('\n') + predicted));
  fillDetailScores(trainIndex);
}

void GalleryView::fillDetailScores(int64_t trainIndex) {
  detailScores_->setRowCount(0);
  for (size_t k = 0; catalog_ && k < catalog_->entries.size(); ++k) {
    const ScoreRun& run = catalog_->run(k);
    const auto at = std::find(run.indices.begin(), run.indices.end(), trainIndex);
    if (at == run.indices.end()) continue;
    const auto p = static_cast<size_t>(at - run.indices.begin());
    const auto& d = catalog_->difficulty(k);
    const int row = detailScores_->rowCount();
    detailScores_->insertRow(row);
    detailScores_->setItem(row, 0, new QTableWidgetItem(catalog_->entryLabel(k)));
    const auto raw = run.raw.find(catalog_->name(k));
    detailScores_->setItem(row, 2,
                           new QTableWidgetItem(raw != run.raw.end() && p < raw->second.size()
                                                    ? QString::number(static_cast<double>(raw->second[p]), 'g', 4)
                                                    : QStringLiteral("—")));
    QString difficulty = QString::number(static_cast<double>(d[p]), 'g', 4);
    const auto spread = run.spread.find(catalog_->name(k));
    const int seeds = std::max(1, run.predictions.seeds);
    if (seeds > 1 && spread != run.spread.end() && p < spread->second.size())  // one seed has no spread to show
      difficulty = QStringLiteral("%1 ± %2 (%3)")
                       .arg(static_cast<double>(d[p]), 0, 'g', 3)
                       .arg(static_cast<double>(spread->second[p]), 0, 'g', 2)
                       .arg(tr("%1 seeds").arg(seeds));
    detailScores_->setItem(row, 3, new QTableWidgetItem(difficulty));
    detailScores_->setItem(row, 1, new QTableWidgetItem(tr("%1 of %2").arg(descendingRank(d, p)).arg(d.size())));
  }
}

}  // namespace ps::ui
