#include "views/score_view.h"

#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "data/dataset.h"
#include "views/class_summary_panel.h"

namespace ps::ui {

namespace {
constexpr int kDensityColumns = 240, kDensityRows = 180;  // cells of the density scatter
}

ScoreView::ScoreView(QWidget* parent)
    : QWidget(parent),
      agreementTask_(this, [this](AgreementOutcome o) { showAgreement(o); }),
      densityTask_(this, [this](DensityOutcome o) { showDensity(std::move(o)); }),
      histTask_(this, [this](HistogramOutcome o) { showHistogram(std::move(o)); }) {
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(makeAgreementBox());
  right->addWidget(makeDensityBox());
  right->setSizes({420, 380});
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(makeHistogramBox());
  split->addWidget(right);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);
}

QWidget* ScoreView::makeHistogramBox() {
  auto* box = new QGroupBox(tr("Distribution per class"), this);
  score_ = new QComboBox(box);
  rememberScoreChoice(score_);
  bins_ = new QSpinBox(box);
  bins_->setRange(5, 200);
  bins_->setValue(40);
  class_ = new ClassPicker(box);
  class_->setClasses({}, tr("every class, side by side"));
  grid_ = new HistogramGrid(box);
  view_ = new ChartView(box);
  summary_ = new ClassSummaryPanel(box);
  histStack_ = new QStackedWidget(box);
  histStack_->addWidget(grid_);
  histStack_->addWidget(view_);
  histStack_->addWidget(summary_);
  connect(summary_, &ClassSummaryPanel::classChosen, this,
          [this](int c) { summary_->chartView()->showChart(classChart(static_cast<size_t>(c))); });
  export_ = makeExportButton(
      box, histStack_, [this](const std::string& path) { writeHistogramCsv(hist_, path); },
      [this](const QString& reason) { emit exportFailed(reason); });
  export_->setEnabled(false);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Score"), box));
  top->addWidget(score_, 2);
  top->addWidget(new QLabel(tr("Bins"), box));
  top->addWidget(bins_);
  top->addWidget(new QLabel(tr("Class"), box));
  top->addWidget(class_, 1);
  top->addWidget(export_);
  seedAgreement_ = new QLabel(box);
  seedAgreement_->setToolTip(
      tr("How well the seeds' scores agree: the mean Spearman correlation between every two "
         "seeds (the paper averages EL2N over 10 seeds because one model's is noisy)"));
  auto* layout = new QVBoxLayout(box);
  layout->addLayout(top);
  layout->addWidget(seedAgreement_);
  layout->addWidget(histStack_, 1);
  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScoreView::drawHistogram);
  connect(bins_, qOverload<int>(&QSpinBox::valueChanged), this, &ScoreView::drawHistogram);
  connect(class_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScoreView::drawClassChart);
  return box;
}

QWidget* ScoreView::makeAgreementBox() {
  auto* box = new QGroupBox(tr("Agreement between scores"), this);
  measure_ = new QComboBox(box);
  measure_->addItem(tr("Spearman rank correlation"));
  measure_->addItem(tr("top-k overlap (share of the k hardest)"));
  top_ = new QDoubleSpinBox(box);
  top_->setRange(0.01, 1.0);
  top_->setSingleStep(0.05);
  top_->setValue(0.1);
  top_->setToolTip(tr("Top-k overlap: k is this fraction of the examples every score covers"));
  auto* exportButton = new QPushButton(tr("Export CSV…"), box);
  agreementInfo_ = new QLabel(tr("Needs at least two cached scores."), box);
  agreementInfo_->setWordWrap(true);
  heatmap_ = new AgreementHeatmap(box);
  heatmapArea_ = new QScrollArea(box);  // cells keep a readable size: many scores scroll
  heatmapArea_->setWidget(heatmap_);
  heatmapArea_->setWidgetResizable(true);
  heatmapArea_->setFrameShape(QFrame::NoFrame);
  agreementRun_ = new QComboBox(box);
  agreementRun_->setToolTip(tr("Compare every run's scores, or the scores of one run"));
  agreementRun_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  agreementRun_->setMinimumContentsLength(8);  // the popup shows a run's whole label
  auto* top = new QHBoxLayout;
  top->addWidget(agreementRun_, 1);
  top->addWidget(measure_, 1);
  top->addWidget(new QLabel(tr("Top fraction"), box));
  top->addWidget(top_);
  top->addWidget(exportButton);
  auto* layout = new QVBoxLayout(box);
  layout->addLayout(top);
  layout->addWidget(agreementInfo_);
  layout->addWidget(heatmapArea_, 1);
  connect(measure_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    heatmap_->setMeasure(i == 1 ? AgreementHeatmap::Measure::TopK : AgreementHeatmap::Measure::Spearman);
  });
  connect(top_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ScoreView::computeAgreement);
  connect(agreementRun_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScoreView::computeAgreement);
  connect(exportButton, &QPushButton::clicked, this, [this] {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the agreement"), QString(), tr("CSV data (*.csv)"));
    QString error;
    if (path.isEmpty()) return;
    if (exportAgreement(path, &error))
      confirmInStatusBar(this, tr("Saved %1").arg(path));
    else
      emit exportFailed(error);
  });
  connect(heatmap_, &AgreementHeatmap::pairChosen, this, [this](int row, int column) {
    const auto n = static_cast<int>(agreementEntries_.size());
    if (row < 0 || column < 0 || row >= n || column >= n) return;
    const QSignalBlocker bx(xScore_), by(yScore_);
    xScore_->setCurrentIndex(static_cast<int>(agreementEntries_[static_cast<size_t>(column)]));
    yScore_->setCurrentIndex(static_cast<int>(agreementEntries_[static_cast<size_t>(row)]));
    computeDensity();
  });
  return box;
}

QWidget* ScoreView::makeDensityBox() {
  auto* box = new QGroupBox(tr("Two scores against each other"), this);
  xScore_ = new QComboBox(box);
  yScore_ = new QComboBox(box);
  densityInfo_ = new QLabel(box);
  densityInfo_->setWordWrap(true);
  density_ = new DensityPlot(box);
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("x"), box));
  top->addWidget(xScore_, 1);
  top->addWidget(new QLabel(tr("y"), box));
  top->addWidget(yScore_, 1);
  auto* layout = new QVBoxLayout(box);
  layout->addLayout(top);
  layout->addWidget(densityInfo_);
  layout->addWidget(density_, 1);
  for (QComboBox* b : {xScore_, yScore_})
    connect(b, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScoreView::computeDensity);
  connect(density_, &DensityPlot::exampleClicked, this, [this](int64_t i) { emit exampleRequested(i); });
  return box;
}

void ScoreView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  const bool unchanged = dataset == dataset_ && catalog && catalog_ && catalog->sameRuns(*catalog_);
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  if (unchanged) return;  // the histograms, the agreement and the scatter stay right
  {
    const QSignalBlocker block(score_), bx(xScore_), by(yScore_);
    fillScoreBox(score_, catalog_.get());
    xScore_->clear();
    yScore_->clear();
    const size_t n = catalog_ ? catalog_->entries.size() : 0;
    for (size_t k = 0; k < n; ++k) {
      xScore_->addItem(catalog_->entryLabel(k));
      yScore_->addItem(catalog_->entryLabel(k));
    }
    xScore_->setCurrentIndex(n > 0 ? 0 : -1);
    yScore_->setCurrentIndex(n > 1 ? 1 : n > 0 ? 0 : -1);
    fillRunBox();
  }
  drawHistogram();
  computeAgreement();
  computeDensity();
}

void ScoreView::drawHistogram() {
  const int k = score_->currentIndex();
  if (!dataset_ || !catalog_ || k < 0 || static_cast<size_t>(k) >= catalog_->entries.size()) {
    histTask_.run([] { return HistogramOutcome{}; });  // queued after any binning still running
    return;
  }
  histTask_.run(
      [catalog = catalog_, names = dataset_->classNames(), entry = static_cast<size_t>(k), bins = bins_->value()] {
        HistogramOutcome o;
        o.hist = classHistograms(catalog->difficulty(entry), catalog->labels(entry), names, bins);
        o.name = QString::fromStdString(catalog->name(entry));
        return o;
      });
}

void ScoreView::showHistogram(HistogramOutcome o) {
  hist_ = std::move(o.hist);
  const QString name = o.name;
  const int k = score_->currentIndex();
  const bool listed = catalog_ && k >= 0 && static_cast<size_t>(k) < catalog_->entries.size();
  const QString seeds = name.isEmpty() || !listed ? QString() : catalog_->seedAgreementText(static_cast<size_t>(k));
  seedAgreement_->setText(seeds.isEmpty() ? QString() : tr("%1: %2").arg(name, seeds));
  seedAgreement_->setVisible(!seeds.isEmpty());
  const bool many = static_cast<int>(hist_.classNames.size()) > kMaxSmallMultiples;
  const QString every = many ? tr("every class (table)") : tr("every class, side by side");
  const int listedClasses = class_->count() - 1;
  if (listedClasses != static_cast<int>(hist_.classNames.size()) || class_->itemText(0) != every ||
      (listedClasses > 0 && class_->itemText(listedClasses).toStdString() != hist_.classNames.back()))
    class_->setClasses(hist_.classNames, every);
  grid_->setHistograms(many ? ClassHistograms{} : hist_, name);  // a thousand panels would be unreadable
  if (many && listed)
    summary_->setScore(catalog_, static_cast<size_t>(k), hist_.classNames);
  else
    summary_->clear();
  if (export_) export_->setEnabled(hist_.bins > 0);
  drawClassChart();
}

bool ScoreView::showsSummary() const { return static_cast<int>(hist_.classNames.size()) > kMaxSmallMultiples; }

void ScoreView::drawClassChart() {
  const int c = class_->currentClass();
  histStack_->setCurrentIndex(c >= 0 ? 1 : showsSummary() ? 2 : 0);
  if (c >= 0) view_->showChart(classChart(static_cast<size_t>(c)));  // hidden otherwise: no chart built for it
}

// One class on a chart that zooms, against every class's counts scaled to its size
// (an empty chart for a class not binned).
QChart* ScoreView::classChart(size_t cls) const {
  auto* chart = new QChart;
  if (cls < hist_.counts.size()) {
    auto* x = new QValueAxis;
    x->setTitleText(tr("difficulty (%1, higher = harder)").arg(score_->currentText()));
    x->setRange(hist_.lo, hist_.hi);
    x->setLabelFormat("%.3g");
    auto* y = new QValueAxis;
    y->setTitleText(tr("examples per bin"));
    y->setLabelFormat("%d");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double classTotal = 0, total = 0;
    for (size_t k = 0; k < hist_.counts.size(); ++k)
      for (int64_t n : hist_.counts[k]) (k == cls ? classTotal : total) += static_cast<double>(n);
    total += classTotal;
    auto* line = new QLineSeries;
    line->setName(QString::fromStdString(hist_.classNames[cls]));
    styleLine(line, paletteColour(cls), 0);
    auto* all = new QLineSeries;
    all->setName(tr("all classes, scaled to this class's size"));
    styleLine(all, QColor(130, 130, 130), 1, 1.5);
    double most = 1;
    for (int b = 0; b < hist_.bins; ++b) {
      double sum = 0;
      for (const auto& counts : hist_.counts) sum += static_cast<double>(counts[static_cast<size_t>(b)]);
      const double mine = static_cast<double>(hist_.counts[cls][static_cast<size_t>(b)]);
      const double scaled = total > 0 ? sum * classTotal / total : 0;
      line->append(hist_.binCentre(b), mine);
      all->append(hist_.binCentre(b), scaled);
      most = std::max({most, mine, scaled});
    }
    addToChart(chart, all, x, y);
    addToChart(chart, line, x, y);
    y->setRange(0, most * 1.05);
    y->applyNiceNumbers();
    chart->setTitle(tr("%1: %2").arg(score_->currentText(), QString::fromStdString(hist_.classNames[cls])));
    finishLegend(chart);
  }
  return chart;
}

// Every run, then each run by id and finish time; the choice is kept when the run still is.
void ScoreView::fillRunBox() {
  const QSignalBlocker block(agreementRun_);  // setCatalog computes the agreement once after
  const QString previous = agreementRun_->currentText();
  agreementRun_->clear();
  agreementRun_->addItem(tr("every run's scores"));
  for (size_t r = 0; catalog_ && r < catalog_->runs.size(); ++r) {
    const CatalogRun& run = *catalog_->runs[r];
    agreementRun_->addItem(tr("run %1 (%2 scores) · %3")
                               .arg(run.run.runId)
                               .arg(run.run.names.size())
                               .arg(QString::fromStdString(run.finishedAt)));
  }
  agreementRun_->setCurrentIndex(std::max(0, agreementRun_->findText(previous)));
}

void ScoreView::computeAgreement() {
  std::vector<size_t> entries;  // the catalogue entries of the run chosen, or all
  const int chosen = agreementRun_->currentIndex();
  for (size_t k = 0; catalog_ && k < catalog_->entries.size(); ++k)
    if (chosen <= 0 || catalog_->entries[k].first == static_cast<size_t>(chosen - 1)) entries.push_back(k);
  if (entries.size() < 2) {  // through the task too, so no older result lands after it
    agreementTask_.run([message = tr("Needs at least two cached scores.")] {
      return AgreementOutcome{{}, {}, message};
    });
    return;
  }
  const double top = top_->value();
  agreementInfo_->setText(tr("Computing…"));
  agreementTask_.run([catalog = catalog_, top, entries] {
    AgreementOutcome out;
    out.entries = entries;
    try {
      std::vector<ScoreSeries> series;
      series.reserve(entries.size());
      for (size_t k : entries)
        series.push_back({catalog->entryLabel(k).toStdString(), catalog->run(k).indices, catalog->difficulty(k)});
      out.agreement = scoreAgreement(series, top);
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

void ScoreView::showAgreement(const AgreementOutcome& outcome) {
  agreement_ = outcome.agreement;
  agreementEntries_ = outcome.entries;
  heatmap_->setAgreement(agreement_);
  QString text = outcome.error;
  if (text.isEmpty())
    text = tr("On the %1 training examples every score covers; k = %2 (the hardest %3 %). Hover a cell for both "
              "numbers; click it for the scatter of the two.")
               .arg(agreement_.common)
               .arg(agreement_.k)
               .arg(agreement_.topFraction * 100, 0, 'g', 3);
  agreementInfo_->setText(text);
  emit agreementReady();
}

void ScoreView::computeDensity() {
  const int kx = xScore_->currentIndex(), ky = yScore_->currentIndex();
  if (!catalog_ || kx < 0 || ky < 0) {
    densityTask_.run([] { return DensityOutcome{}; });
    return;
  }
  densityInfo_->setText(tr("Computing…"));
  densityTask_.run([catalog = catalog_, kx = static_cast<size_t>(kx), ky = static_cast<size_t>(ky)] {
    DensityOutcome out;
    try {
      const AlignedScores a = alignScores({{"x", catalog->run(kx).indices, catalog->difficulty(kx)},
                                           {"y", catalog->run(ky).indices, catalog->difficulty(ky)}});
      out.data.xName = catalog->entryLabel(kx);
      out.data.yName = catalog->entryLabel(ky);
      out.data.indices = a.indices;
      out.data.x = a.values[0];
      out.data.y = a.values[1];
      out.data.grid = densityGrid(out.data.x, out.data.y, kDensityColumns, kDensityRows);
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

void ScoreView::showDensity(DensityOutcome outcome) {
  const size_t points = outcome.data.grid.points;
  const bool empty = outcome.data.x.empty();
  density_->setData(std::move(outcome.data));  // a million points: moved, not copied
  densityInfo_->setText(
      !outcome.error.isEmpty() ? outcome.error
      : empty                  ? tr("Needs a cached score.")
              : tr("%1 examples both scores cover; darker cells hold more (log scale). Click a point to open the "
                   "example.")
                    .arg(points));
  emit densityReady();
}

bool ScoreView::exportAgreement(const QString& path, QString* error) const {
  if (agreement_.names.empty()) {
    if (error) *error = tr("no agreement to export: it needs at least two cached scores");
    return false;
  }
  try {
    writeAgreementCsv(agreement_, path.toStdString());
    return true;
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
}

}  // namespace ps::ui
