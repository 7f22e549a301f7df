#include "views/map_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <map>
#include <numeric>

#include "charts/chart_style.h"
#include "data/dataset.h"
#include "embed/embedding_map.h"
#include "score/score_order.h"
#include "store/store.h"
#include "util/errors.h"
#include "views/example_list_model.h"

namespace ps::ui {

namespace {

constexpr int kThumbSide = 96;
constexpr QRgb kGrey = 0xffb4b4b4;
constexpr int kDeciles = 10;

// A colour per category: the charts' ten, then hues spread by the golden ratio.
QRgb categoryColour(size_t i) {
  if (i < 10) return paletteColour(i).rgb();
  return QColor::fromHsvF(std::fmod(0.11 + 0.618034 * double(i), 1.0), 0.65, 0.85).rgb();
}

// A blue-to-red ramp for the deciles of a score (easiest blue, hardest red).
QRgb rampColour(int bin) {
  const double t = bin / double(kDeciles - 1);
  return QColor::fromHsvF((1.0 - t) * 0.62, 0.75, 0.35 + 0.55 * (t < 0.5 ? 1.0 - t : t)).rgb();
}

struct ColourInputs {
  MapView::ColourBy by = MapView::ColourBy::Class;
  std::shared_ptr<const Dataset> dataset;
  std::shared_ptr<const ScoreCatalog> catalog;
  size_t entry = 0;
  std::shared_ptr<const std::vector<uint8_t>> pruned;
  std::string storePath;
  size_t n = 0;
};

std::shared_ptr<MapColours> categories(const std::vector<std::string>& names, size_t n) {
  auto c = std::make_shared<MapColours>();
  c->entry.assign(n, 0);
  for (size_t i = 0; i < names.size(); ++i) {
    c->palette.push_back(categoryColour(i));
    c->names.push_back(QString::fromStdString(names[i]));
  }
  return c;
}

std::shared_ptr<MapColours> byClass(const ColourInputs& in) {
  auto c = categories(in.dataset->classNames(), in.n);
  for (size_t i = 0; i < in.n; ++i) c->entry[i] = static_cast<uint16_t>(in.dataset->label(Split::Train, i));
  return c;
}

// The newest catalogue run with predictions: its notes by training index.
std::shared_ptr<const ExampleNotes> newestNotes(const ColourInputs& in) {
  if (!in.catalog) return nullptr;
  for (const auto& r : in.catalog->runs) {
    if (r->run.predictions.empty()) continue;
    const LabelIssues issues = findLabelIssues(r->run.predictions, r->labels, in.dataset->classNames().size());
    return std::make_shared<ExampleNotes>(notesByIndex(r->run.indices, r->run.predictions, issues, in.n));
  }
  return nullptr;
}

std::shared_ptr<MapColours> byPrediction(const ColourInputs& in, bool flags) {
  const auto notes = newestNotes(in);
  std::vector<std::string> names =
      flags ? std::vector<std::string>{"not flagged", "likely mislabelled"} : in.dataset->classNames();
  names.emplace_back(notes ? "not scored" : "no run with predictions");
  auto c = categories(names, in.n);
  c->palette.back() = kGrey;
  if (flags) c->palette[0] = 0xff9bbbd9, c->palette[1] = 0xffd62728;
  const auto none = static_cast<uint16_t>(names.size() - 1);
  for (size_t i = 0; i < in.n; ++i) {
    const int32_t v = !notes  ? -1
                      : flags ? (i < notes->flagged.size() ? notes->flagged[i] : -1)
                              : (i < notes->predicted.size() ? notes->predicted[i] : -1);
    c->entry[i] = v < 0 || size_t(v) >= names.size() - 1 ? none : static_cast<uint16_t>(v);
  }
  return c;
}

std::shared_ptr<MapColours> byTag(const ColourInputs& in) {
  Store store(in.storePath);
  const auto record = store.findDataset(in.dataset->fingerprint());
  std::vector<std::pair<int64_t, std::string>> tags;
  if (record) tags = store.tags(record->id);
  std::map<std::string, uint16_t> ids;
  for (const auto& t : tags) ids.emplace(t.second, 0);
  std::vector<std::string> names;
  for (auto& [name, id] : ids) id = static_cast<uint16_t>(names.size()), names.push_back(name);
  names.emplace_back("no tag");
  auto c = categories(names, in.n);
  c->palette.back() = kGrey;
  std::fill(c->entry.begin(), c->entry.end(), static_cast<uint16_t>(names.size() - 1));
  for (const auto& [example, tag] : tags)  // an example with several tags shows its first by name
    if (example >= 0 && size_t(example) < in.n && c->entry[size_t(example)] == names.size() - 1)
      c->entry[size_t(example)] = ids[tag];
  return c;
}

std::shared_ptr<MapColours> byKept(const ColourInputs& in) {
  auto c = categories({"kept", "pruned", "no pruning in the gallery"}, in.n);
  c->palette = {0xff2ca02c, 0xffd62728, kGrey};
  for (size_t i = 0; i < in.n; ++i) c->entry[i] = !in.pruned || i >= in.pruned->size() ? 2 : (*in.pruned)[i] ? 1 : 0;
  return c;
}

std::shared_ptr<MapColours> byScore(const ColourInputs& in) {
  auto c = std::make_shared<MapColours>();
  c->ramp = true;
  c->entry.assign(in.n, kDeciles);
  if (!in.catalog || in.entry >= in.catalog->entries.size()) return c;
  const ScoreRun& run = in.catalog->run(in.entry);
  const std::vector<float>& d = in.catalog->difficulty(in.entry);
  std::vector<size_t> order(std::min(d.size(), run.indices.size()));
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&d](size_t a, size_t b) { return d[a] < d[b]; });
  const QLocale locale;
  for (int bin = 0; bin < kDeciles; ++bin) {
    const size_t from = order.size() * size_t(bin) / kDeciles, to = order.size() * size_t(bin + 1) / kDeciles;
    for (size_t r = from; r < to; ++r)
      if (run.indices[order[r]] >= 0 && size_t(run.indices[order[r]]) < in.n)
        c->entry[size_t(run.indices[order[r]])] = static_cast<uint16_t>(bin);
    c->palette.push_back(rampColour(bin));
    c->names.push_back(to > from ? QObject::tr("decile %1: %2 to %3")
                                       .arg(bin + 1)
                                       .arg(locale.toString(d[order[from]], 'g', 3))
                                       .arg(locale.toString(d[order[to - 1]], 'g', 3))
                                 : QObject::tr("decile %1: none").arg(bin + 1));
  }
  c->palette.push_back(kGrey);
  c->names.push_back(QObject::tr("not scored"));
  return c;
}

std::shared_ptr<const MapColours> mapColours(const ColourInputs& in) {
  switch (in.by) {
    case MapView::ColourBy::Class: return byClass(in);
    case MapView::ColourBy::Predicted: return byPrediction(in, false);
    case MapView::ColourBy::Mislabelled: return byPrediction(in, true);
    case MapView::ColourBy::Tag: return byTag(in);
    case MapView::ColourBy::Kept: return byKept(in);
    case MapView::ColourBy::Score: return byScore(in);
  }
  return byClass(in);
}

// The hover panel's numbers: index, class, map position, and every cached score's value.
QString hoverNumbers(const Dataset& ds, const ScoreCatalog* catalog, qint64 index, float x, float y) {
  const auto at = static_cast<size_t>(index);
  const int label = ds.label(Split::Train, at);
  QString text = QObject::tr("<b>#%1</b> · %2<br>map (%3, %4)")
                     .arg(index)
                     .arg(label >= 0 && size_t(label) < ds.classNames().size()
                              ? QString::fromStdString(ds.classNames()[size_t(label)]).toHtmlEscaped()
                              : QString::number(label))
                     .arg(x, 0, 'f', 2)
                     .arg(y, 0, 'f', 2);
  if (!catalog) return text;
  for (size_t k = 0; k < catalog->entries.size(); ++k) {
    const auto& idx = catalog->run(k).indices;
    const auto it = std::find(idx.begin(), idx.end(), index);
    if (it == idx.end()) continue;
    text += QStringLiteral("<br>%1: %2")
                .arg(catalog->entryLabel(k).toHtmlEscaped())
                .arg(double(catalog->difficulty(k)[size_t(it - idx.begin())]), 0, 'g', 4);
  }
  return text;
}

}  // namespace

MapView::MapView(QWidget* parent)
    : QWidget(parent),
      sources_(this, [this](MapSourcesShown s) { showSources(std::move(s)); }),
      map_(this, [this](MapShown m) { showMap(std::move(m)); }),
      colours_(this, [this](std::shared_ptr<const MapColours> c) { showColours(std::move(c)); }),
      hover_(this, [this](const MapHover& h) { showHover(h); }) {
  buildControls();
  layOutWidgets();
  connectControls();
}

void MapView::buildControls() {
  run_ = new QComboBox(this);
  run_->setToolTip(tr("The run whose stored embedding the map lays out"));
  colour_ = new QComboBox(this);
  colour_->addItem(tr("Class"));
  colour_->addItem(tr("Predicted class"));
  colour_->addItem(tr("Mislabel flag"));
  colour_->addItem(tr("Tag"));
  colour_->addItem(tr("Kept / pruned (gallery's policy and fraction)"));
  layOut_ = new QPushButton(tr("Lay out map"), this);
  layOut_->setToolTip(
      tr("PCA to 50 dimensions, then a UMAP-like layout of the k nearest neighbours "
         "(McInnes et al. 2018), as a job; the map is cached in the store"));
  canvas_ = new MapCanvas(this);
  legend_ = new QListWidget(this);
  legend_->setToolTip(tr("Untick an entry to hide its points"));
  info_ = new QLabel(this);
  info_->setWordWrap(true);
  thumb_ = new QLabel(this);
  thumb_->setFixedSize(kThumbSide, kThumbSide);
  thumb_->setAlignment(Qt::AlignCenter);
  hoverText_ = new QLabel(tr("Hover a point to see the example."), this);
  hoverText_->setWordWrap(true);
  hoverText_->setTextFormat(Qt::RichText);
  selectionLine_ = new QLabel(tr("Nothing selected"), this);
}

void MapView::layOutWidgets() {
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Embedding of"), this));
  top->addWidget(run_, 1);
  top->addWidget(new QLabel(tr("Colour by"), this));
  top->addWidget(colour_, 1);
  top->addWidget(layOut_);
  auto* side = new QWidget(this);
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  sideLayout->addWidget(legend_, 1);
  sideLayout->addWidget(thumb_, 0, Qt::AlignHCenter);
  sideLayout->addWidget(hoverText_);
  sideLayout->addWidget(selectionLine_);
  auto* split = new QSplitter(this);
  split->addWidget(canvas_);
  split->addWidget(side);
  split->setStretchFactor(0, 4);
  split->setStretchFactor(1, 1);
  auto* v = new QVBoxLayout(this);
  v->addLayout(top);
  v->addWidget(split, 1);
  v->addWidget(info_);
}

void MapView::connectControls() {
  connect(run_, &QComboBox::currentIndexChanged, this, [this] { loadMap(); });
  connect(colour_, &QComboBox::currentIndexChanged, this, [this] { recolour(); });
  connect(layOut_, &QPushButton::clicked, this, [this] {
    if (run_->currentIndex() >= 0) emit mapRequested(run_->currentData().toLongLong());
  });
  connect(legend_, &QListWidget::itemChanged, this, [this] { legendToggled(); });
  connect(canvas_, &MapCanvas::hovered, this, [this](qint64 i) { hover(i); });
  connect(canvas_, &MapCanvas::clicked, this, [this](qint64 i) { emit openInGallery(i); });
  connect(canvas_, &MapCanvas::selectionMade, this, [this](const std::vector<int64_t>& s) { selected(s); });
}

void MapView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  const bool sameData = dataset == dataset_;
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  // The score entries follow the fixed ones in the colour box.
  const int keep = static_cast<int>(ColourBy::Score);
  const int current = colour_->currentIndex();
  colour_->blockSignals(true);
  while (colour_->count() > keep) colour_->removeItem(keep);
  if (catalog_)
    for (size_t k = 0; k < catalog_->entries.size(); ++k)
      colour_->addItem(tr("Score: %1").arg(catalog_->entryLabel(k)));
  colour_->setCurrentIndex(current < colour_->count() ? current : 0);
  colour_->blockSignals(false);
  if (!sameData) {
    shown_ = MapShown{};
    canvas_->setPoints(nullptr, nullptr);
    reload();
  } else {
    recolour();
  }
}

void MapView::setStorePath(const QString& path) {
  storePath_ = path;
  reload();
}

void MapView::setPruned(std::shared_ptr<const std::vector<uint8_t>> pruned) {
  pruned_ = std::move(pruned);
  if (colour_->currentIndex() == static_cast<int>(ColourBy::Kept)) recolour();
}

void MapView::reload() {
  if (!dataset_ || storePath_.isEmpty()) return;
  const auto ds = dataset_;
  const std::string path = storePath_.toStdString();
  sources_.run([ds, path] {
    MapSourcesShown s{ds, {}, {}};
    try {
      Store store(path);
      for (const MapSource& m : mapSources(store, *ds)) s.runs.emplace_back(m.runId, QString::fromStdString(m.label));
    } catch (const std::exception& e) {
      s.error = QString::fromStdString(describeError(e));
    }
    return s;
  });
}

void MapView::showSources(MapSourcesShown s) {
  if (s.dataset != dataset_) return;
  const qint64 was = run_->currentIndex() >= 0 ? run_->currentData().toLongLong() : 0;
  run_->blockSignals(true);
  run_->clear();
  for (const auto& [id, label] : s.runs) run_->addItem(label, id);
  const int again = run_->findData(was);
  run_->setCurrentIndex(again >= 0 ? again : (run_->count() > 0 ? 0 : -1));
  run_->blockSignals(false);
  layOut_->setEnabled(run_->count() > 0);
  if (!s.error.isEmpty()) info_->setText(s.error);
  if (run_->count() == 0 && s.error.isEmpty())
    info_->setText(
        tr("No run of this dataset stored an embedding. A scoring run stores the embedding it "
           "computed (prunescope-cli score, or the job panel); imported scores have none."));
  loadMap();
}

void MapView::loadMap() {
  if (!dataset_ || run_->currentIndex() < 0) {
    showMap(MapShown{dataset_, 0, nullptr, nullptr, 0, 0, {}});
    return;
  }
  const auto ds = dataset_;
  const qint64 runId = run_->currentData().toLongLong();
  const std::string path = storePath_.toStdString();
  map_.run([ds, runId, path] {
    MapShown m{ds, runId, nullptr, nullptr, 0, 0, {}};
    try {
      Store store(path);
      auto cached = cachedMap(store, runId, MapSettings{});
      if (cached && cached->x.size() == ds->size(Split::Train)) {
        m.x = std::make_shared<const std::vector<float>>(std::move(cached->x));
        m.y = std::make_shared<const std::vector<float>>(std::move(cached->y));
        m.laidOut = cached->laidOut;
        m.seconds = cached->seconds;
      }
    } catch (const std::exception& e) {
      m.error = QString::fromStdString(describeError(e));
    }
    return m;
  });
}

void MapView::showMap(MapShown m) {
  if (m.dataset != dataset_) return;
  shown_ = std::move(m);
  canvas_->setPoints(shown_.x, shown_.y);
  const QLocale locale;
  if (!shown_.error.isEmpty())
    info_->setText(shown_.error);
  else if (!shown_.x)
    info_->setText(run_->count() > 0 ? tr("No map of this run yet: Lay out map computes it.") : info_->text());
  else
    info_->setText(tr("%1 examples · laid out in %2 s%3 · %4")
                       .arg(locale.toString(qint64(shown_.x->size())))
                       .arg(shown_.seconds, 0, 'f', 1)
                       .arg(shown_.laidOut < qint64(shown_.x->size())
                                ? tr(" (a sample of %1, the rest placed at their nearest sampled neighbours)")
                                      .arg(locale.toString(shown_.laidOut))
                                : QString())
                       .arg(tr("wheel: zoom · drag: lasso · Ctrl+drag: box · Shift+drag: pan · double-click: "
                               "whole map")));
  recolour();
  emit mapShown();
}

void MapView::recolour() {
  if (!dataset_ || !shown_.x) return;
  ColourInputs in;
  const int c = colour_->currentIndex();
  in.by = c >= int(ColourBy::Score) ? ColourBy::Score : static_cast<ColourBy>(std::max(0, c));
  in.entry = c >= int(ColourBy::Score) ? size_t(c - int(ColourBy::Score)) : 0;
  in.dataset = dataset_;
  in.catalog = catalog_;
  in.pruned = pruned_;
  in.storePath = storePath_.toStdString();
  in.n = shown_.x->size();
  colours_.run([in] {
    try {
      return mapColours(in);
    } catch (const std::exception&) {
      return std::shared_ptr<const MapColours>();  // the store went away: plain points
    }
  });
}

void MapView::showColours(std::shared_ptr<const MapColours> c) {
  if (c && shown_.x && c->entry.size() != shown_.x->size()) return;  // for another map
  canvas_->setColours(c);
  fillingLegend_ = true;
  legend_->clear();
  if (c) {
    for (size_t i = 0; i < c->names.size(); ++i) {
      auto* item = new QListWidgetItem(c->names[i], legend_);
      QPixmap swatch(12, 12);
      swatch.fill(QColor::fromRgb(c->palette[i]));
      item->setIcon(QIcon(swatch));
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      item->setCheckState(Qt::Checked);
    }
  }
  fillingLegend_ = false;
  emit coloursShown();
}

void MapView::legendToggled() {
  if (fillingLegend_) return;
  std::vector<uint8_t> hidden(static_cast<size_t>(legend_->count()), 0);
  for (int i = 0; i < legend_->count(); ++i) hidden[size_t(i)] = legend_->item(i)->checkState() != Qt::Checked;
  canvas_->setHidden(std::move(hidden));
}

void MapView::hover(qint64 index) {
  if (index < 0 || !dataset_ || !shown_.x) return;
  const auto ds = dataset_;
  const auto catalog = catalog_;
  const float x = (*shown_.x)[size_t(index)], y = (*shown_.y)[size_t(index)];
  hover_.run([ds, catalog, index, x, y] {
    MapHover h;
    h.index = index;
    try {
      h.thumbnail = ExampleListModel::thumbnail(*ds, index, kThumbSide);
      h.text = hoverNumbers(*ds, catalog.get(), index, x, y);
    } catch (const std::exception& e) {
      h.text = QString::fromStdString(describeError(e));
    }
    return h;
  });
}

void MapView::showHover(const MapHover& h) {
  thumb_->setPixmap(QPixmap::fromImage(h.thumbnail));
  hoverText_->setText(h.text);
}

void MapView::selected(const std::vector<int64_t>& examples) {
  selectionLine_->setText(examples.empty() ? tr("Nothing selected")
                                           : tr("<b>%n selected on the map</b> (the gallery's selection)", nullptr,
                                                static_cast<int>(examples.size())));
  canvas_->setHighlight(examples);
  emit selectionMade(examples);
}

void MapView::highlight(const std::vector<int64_t>& examples) {
  if (examples == canvas_->highlight()) return;
  canvas_->setHighlight(examples);
  selectionLine_->setText(examples.empty()
                              ? tr("Nothing selected")
                              : tr("<b>%n selected in the gallery</b>", nullptr, static_cast<int>(examples.size())));
}

}  // namespace ps::ui
