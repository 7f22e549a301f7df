#include "gallery_view.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>
#include <numeric>

#include "data/dataset.h"
#include "example_list_model.h"
#include "store/store.h"

namespace ps::ui {

namespace {
QListView* iconList(QWidget* parent, ExampleListModel* model) {
  auto* v = new QListView(parent);
  v->setViewMode(QListView::IconMode);
  v->setResizeMode(QListView::Adjust);
  v->setMovement(QListView::Static);
  v->setUniformItemSizes(true);
  v->setIconSize(QSize(56, 56));
  v->setGridSize(QSize(92, 100));
  v->setWordWrap(true);
  v->setSelectionMode(QAbstractItemView::ExtendedSelection);
  v->setModel(model);
  return v;
}
}  // namespace

GalleryView::GalleryView(QWidget* parent) : QWidget(parent) {
  score_ = new QComboBox(this);
  class_ = new QComboBox(this);
  info_ = new QLabel(this);
  easiest_ = new ExampleListModel(this);
  hardest_ = new ExampleListModel(this);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Score"), this));
  top->addWidget(score_, 1);
  top->addWidget(new QLabel(tr("Class"), this));
  top->addWidget(class_);
  top->addWidget(info_, 1);
  auto* easyBox = new QGroupBox(tr("Easiest"), this);
  auto* hardBox = new QGroupBox(tr("Hardest"), this);
  (new QVBoxLayout(easyBox))->addWidget(iconList(easyBox, easiest_));
  (new QVBoxLayout(hardBox))->addWidget(iconList(hardBox, hardest_));
  auto* lists = new QHBoxLayout;
  lists->addWidget(easyBox);
  lists->addWidget(hardBox);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addLayout(lists, 1);
  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  connect(class_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GalleryView::rebuild);
  info_->setText(tr("No scores yet: start a scoring run in the Jobs panel."));
}

void GalleryView::refresh(std::shared_ptr<const Dataset> dataset, const QString& storePath) {
  dataset_ = std::move(dataset);
  runs_.clear();
  entries_.clear();
  try {
    Store store(storePath.toStdString());
    for (const auto& r : listScoreRuns(store, dataset_->fingerprint())) {
      runs_.push_back(loadScoreRun(store, r.runId));
      for (const auto& name : runs_.back().names) entries_.push_back({runs_.size() - 1, name});
    }
  } catch (const std::exception& e) {
    emit loadFailed(QString::fromStdString(e.what()));
  }
  const QSignalBlocker b1(score_), b2(class_);
  score_->clear();
  for (const auto& e : entries_)
    score_->addItem(tr("%1 (run %2)").arg(QString::fromStdString(e.second)).arg(runs_[e.first].runId));
  class_->clear();
  class_->addItem(tr("All classes"));
  for (const auto& c : dataset_->classNames()) class_->addItem(QString::fromStdString(c));
  rebuild();
}

void GalleryView::rebuild() {
  const int k = score_->currentIndex();
  if (!dataset_ || k < 0 || static_cast<size_t>(k) >= entries_.size()) {
    easiest_->setExamples(dataset_, {}, {});
    hardest_->setExamples(dataset_, {}, {});
    return;
  }
  const ScoreRun& run = runs_[entries_[static_cast<size_t>(k)].first];
  const auto& d = run.difficulty.at(entries_[static_cast<size_t>(k)].second);
  const int wantClass = class_->currentIndex() - 1;  // -1: all
  std::vector<size_t> order;
  for (size_t p = 0; p < d.size(); ++p)
    if (wantClass < 0 || dataset_->label(Split::Train, static_cast<size_t>(run.indices[p])) == wantClass)
      order.push_back(p);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return d[a] < d[b]; });
  std::vector<int64_t> easyIdx, hardIdx;
  std::vector<float> easyVal, hardVal;
  for (size_t p : order) {
    easyIdx.push_back(run.indices[p]);
    easyVal.push_back(d[p]);
  }
  hardIdx.assign(easyIdx.rbegin(), easyIdx.rend());
  hardVal.assign(easyVal.rbegin(), easyVal.rend());
  info_->setText(tr("%1 examples").arg(order.size()));
  easiest_->setExamples(dataset_, std::move(easyIdx), std::move(easyVal));
  hardest_->setExamples(dataset_, std::move(hardIdx), std::move(hardVal));
}

}  // namespace ps::ui
