#include "views/duplicate_pairs.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "data/dataset.h"
#include "store/embedding_store.h"
#include "store/store.h"

namespace ps::ui {

namespace {

constexpr int kSide = 64;  // each image of a pair, in pixels

QImage exampleImage(const Dataset& ds, const ExampleRef& r) {
  const cv::Mat m = ds.image(r.split, static_cast<size_t>(r.index));
  const QImage::Format f = m.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
  const QImage img(m.data, m.cols, m.rows, static_cast<int>(m.step), f);
  const bool enlarge = img.width() < kSide && img.height() < kSide;
  return img.scaled(kSide, kSide, Qt::KeepAspectRatio, enlarge ? Qt::FastTransformation : Qt::SmoothTransformation);
}

// The two images of a pair side by side.
QImage pairImage(const Dataset& ds, const DuplicateRow& row) {
  QImage out(2 * kSide + 6, kSide, QImage::Format_RGB32);
  out.fill(Qt::white);
  QPainter p(&out);
  p.drawImage(0, 0, exampleImage(ds, row.a));
  p.drawImage(kSide + 6, 0, exampleImage(ds, row.b));
  return out;
}

QString refText(const Dataset& ds, const ExampleRef& r) {
  const int label = ds.label(r.split, static_cast<size_t>(r.index));
  return QStringLiteral("%1 %2 (%3)")
      .arg(QString::fromUtf8(splitName(r.split)))
      .arg(r.index)
      .arg(QString::fromStdString(ds.classNames()[static_cast<size_t>(label)]));
}

bool isLeak(const DuplicateRow& r) { return r.a.split == Split::Train && r.b.split == Split::Test; }
bool inTrain(const DuplicateRow& r) { return r.a.split == Split::Train && r.b.split == Split::Train; }

// The pictures of the first kMaxShown pairs within training and of the first leaks.
void drawPairs(DuplicateFinding& f) {
  f.images.resize(f.rows.size());
  int inTraining = 0, leaks = 0;
  for (size_t i = 0; i < f.rows.size(); ++i) {
    const DuplicateRow& r = f.rows[i];
    int& count = isLeak(r) ? leaks : inTraining;
    if ((isLeak(r) || inTrain(r)) && count++ < DuplicatePairsPanel::kMaxShown) f.images[i] = pairImage(*f.dataset, r);
  }
}

}  // namespace

DuplicateFinding findStoredDuplicates(std::shared_ptr<const Dataset> ds, const QString& storePath, double threshold) {
  DuplicateFinding f;
  f.dataset = ds;
  f.threshold = threshold;
  try {
    Store store(storePath.toStdString());
    std::optional<Embedding> train, test;
    int64_t runId = 0;
    if (const auto rec = store.findDataset(ds->fingerprint()))
      for (const int64_t id : runsWithEmbeddings(store, rec->id))
        if (store.run(id).status == RunStatus::Done) {
          runId = id;
          train = loadEmbedding(store, id, Split::Train);
          test = loadEmbedding(store, id, Split::Test);
          break;
        }
    if (!train || !knnAvailable()) {
      for (const DuplicatePair& p : findExactDuplicates(*ds).pairs) f.rows.push_back({true, p.first, p.copy, 1.0});
      f.about = !knnAvailable() ? QObject::tr("Exact duplicates only: this build has no FAISS for near ones.")
                                : QObject::tr(
                                      "Exact duplicates only: the store holds no embedding of this dataset. "
                                      "Run prunescope-cli duplicates, or a prototype score, for near ones.");
      drawPairs(f);
      return f;
    }
    NearDuplicateOptions o;
    o.threshold = threshold;
    const DuplicateReport r = findDuplicates(*ds, *train, test ? &*test : nullptr, o);
    f.rows = r.rows;
    f.about = QObject::tr("Exact: identical pixels. Near: cosine similarity ≥ %1 in the %2 embedding of run %3 (%4).")
                  .arg(threshold)
                  .arg(QString::fromStdString(r.embeddingSource))
                  .arg(runId)
                  .arg(QString::fromStdString(r.searchMethod));
    drawPairs(f);
  } catch (const std::exception& e) {
    f.error = QString::fromUtf8(e.what());
  }
  return f;
}

DuplicatePairsPanel::DuplicatePairsPanel(QWidget* parent)
    : QWidget(parent), search_(this, [this](DuplicateFinding f) { found(std::move(f)); }) {
  about_ = new QLabel(this);
  about_->setWordWrap(true);
  threshold_ = new QDoubleSpinBox(this);
  threshold_->setRange(0.5, 1.0);
  threshold_->setDecimals(3);
  threshold_->setSingleStep(0.01);
  threshold_->setValue(kDefaultNearThreshold);
  threshold_->setPrefix(tr("near: similarity ≥ "));
  threshold_->setToolTip(tr("Near duplicates: cosine similarity of the two examples' embeddings, at least this"));
  exclude_ = new QPushButton(tr("Tag the copies exclude"), this);
  exclude_->setToolTip(
      tr("Tags 'exclude' the second example of every pair within training (one of each group is kept) and the "
         "training example of every leak; Ctrl+Z undoes it"));
  model_ = new QStandardItemModel(this);
  list_ = new QListView(this);
  list_->setModel(model_);
  list_->setIconSize(QSize(2 * kSide + 6, kSide));
  list_->setUniformItemSizes(true);
  list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  list_->setSelectionMode(QAbstractItemView::NoSelection);
  auto* row = new QHBoxLayout;
  row->addWidget(about_, 1);
  row->addWidget(threshold_);
  row->addWidget(exclude_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(row);
  layout->addWidget(list_, 1);
  connect(threshold_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] { refresh(); });
  connect(exclude_, &QPushButton::clicked, this, [this] {
    const std::vector<int64_t> copies = copiesToExclude(shownPairs());
    if (!copies.empty()) emit excludeRequested(copies);
  });
}

void DuplicatePairsPanel::setSource(std::shared_ptr<const Dataset> dataset, const QString& storePath) {
  if (dataset == dataset_ && storePath == storePath_) return;
  dataset_ = std::move(dataset);
  storePath_ = storePath;
  finding_.reset();
  model_->clear();
}

void DuplicatePairsPanel::showKind(Kind kind) {
  kind_ = kind;
  if (finding_ && finding_->dataset == dataset_ && finding_->threshold == threshold_->value()) return fill();
  refresh();
}

void DuplicatePairsPanel::refresh() {
  if (!dataset_ || storePath_.isEmpty()) return;
  about_->setText(tr("Searching for duplicates…"));
  exclude_->setEnabled(false);
  search_.run(
      [ds = dataset_, path = storePath_, t = threshold_->value()] { return findStoredDuplicates(ds, path, t); });
}

void DuplicatePairsPanel::found(DuplicateFinding f) {
  if (f.dataset != dataset_) return;  // searched for the dataset open before
  finding_ = std::make_shared<const DuplicateFinding>(std::move(f));
  fill();
}

std::vector<DuplicateRow> DuplicatePairsPanel::shownPairs() const {
  std::vector<DuplicateRow> out;
  if (!finding_) return out;
  for (const DuplicateRow& r : finding_->rows)
    if (kind_ == Kind::Leaks ? isLeak(r) : inTrain(r)) out.push_back(r);
  return out;
}

void DuplicatePairsPanel::fill() {
  model_->clear();
  if (!finding_ || !dataset_) return;
  if (!finding_->error.isEmpty()) {
    about_->setText(tr("Duplicates could not be searched: %1").arg(finding_->error));
    exclude_->setEnabled(false);
    emit pairsShown();
    return;
  }
  std::vector<DuplicateRow> pairs;
  int shown = 0;
  for (size_t i = 0; i < finding_->rows.size(); ++i) {
    const DuplicateRow& r = finding_->rows[i];
    if (!(kind_ == Kind::Leaks ? isLeak(r) : inTrain(r))) continue;
    pairs.push_back(r);
    if (shown >= kMaxShown) continue;
    ++shown;
    auto* item = new QStandardItem(QIcon(QPixmap::fromImage(finding_->images[i])),
                                   QStringLiteral("%1 · %2\n%3  ↔  %4")
                                       .arg(r.exact ? tr("exact") : tr("near"))
                                       .arg(r.similarity, 0, 'f', 3)
                                       .arg(refText(*dataset_, r.a), refText(*dataset_, r.b)));
    model_->appendRow(item);
  }
  const QString count =
      kind_ == Kind::Leaks
          ? tr("%n leak(s): a test example with a copy in training", nullptr, static_cast<int>(pairs.size()))
          : tr("%n pair(s) within training", nullptr, static_cast<int>(pairs.size()));
  const QString more = shown < static_cast<int>(pairs.size()) ? tr(" (the first %1 shown)").arg(shown) : QString();
  about_->setText(count + more + QStringLiteral(". ") + finding_->about);
  exclude_->setEnabled(!pairs.empty());
  emit pairsShown();
}

}  // namespace ps::ui
