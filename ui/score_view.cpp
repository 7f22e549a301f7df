#include "score_view.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>
#include <cmath>

#include "chart_export.h"
#include "chart_style.h"
#include "data/dataset.h"

namespace ps::ui {

namespace {
QTableView* matrixView(QWidget* parent, QStandardItemModel* model) {
  auto* t = new QTableView(parent);
  t->setModel(model);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  return t;
}

void fillMatrix(QStandardItemModel* m, const std::vector<std::string>& names,
                const std::vector<std::vector<double>>& v) {
  m->clear();
  QStringList labels;
  for (const auto& n : names) labels << QString::fromStdString(n);
  m->setRowCount(static_cast<int>(names.size()));
  m->setColumnCount(static_cast<int>(names.size()));
  m->setHorizontalHeaderLabels(labels);
  m->setVerticalHeaderLabels(labels);
  for (size_t i = 0; i < v.size(); ++i)
    for (size_t j = 0; j < v[i].size(); ++j) {
      const double x = v[i][j];
      auto* item = new QStandardItem(std::isnan(x) ? QStringLiteral("–") : QString::number(x, 'f', 2));
      item->setEditable(false);
      item->setTextAlignment(Qt::AlignCenter);
      if (!std::isnan(x)) {  // blue for agreement, red for disagreement
        const int a = static_cast<int>(std::min(1.0, std::abs(x)) * 150);
        item->setBackground(x >= 0 ? QColor(255 - a, 255 - a / 2, 255) : QColor(255, 255 - a, 255 - a));
      }
      m->setItem(static_cast<int>(i), static_cast<int>(j), item);
    }
}
}  // namespace

// NOLINTNEXTLINE(readability-function-size): builds the widgets and their connections, one statement each
ScoreView::ScoreView(QWidget* parent)
    : QWidget(parent), agreementTask_(this, [this](AgreementOutcome o) { showAgreement(o); }) {
  score_ = new QComboBox(this);
  rememberScoreChoice(score_);
  bins_ = new QSpinBox(this);
  bins_->setRange(5, 200);
  bins_->setValue(40);
  top_ = new QDoubleSpinBox(this);
  top_->setRange(0.01, 1.0);
  top_->setSingleStep(0.05);
  top_->setValue(0.1);
  top_->setToolTip(tr("Top-k overlap: k is this fraction of the examples every score covers"));
  view_ = new QChartView(this);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setChart(new QChart);
  spearman_ = new QStandardItemModel(this);
  overlap_ = new QStandardItemModel(this);
  agreementInfo_ = new QLabel(this);
  agreementInfo_->setWordWrap(true);

  auto* histBox = new QGroupBox(tr("Distribution per class"), this);
  auto* ht = new QHBoxLayout;
  ht->addWidget(new QLabel(tr("Score"), histBox));
  ht->addWidget(score_, 1);
  ht->addWidget(new QLabel(tr("Bins"), histBox));
  ht->addWidget(bins_);
  export_ = makeExportButton(
      histBox, view_, [this](const std::string& path) { writeHistogramCsv(hist_, path); },
      [this](const QString& reason) { emit exportFailed(reason); });
  export_->setEnabled(false);
  ht->addWidget(export_);
  auto* hl = new QVBoxLayout(histBox);
  hl->addLayout(ht);
  hl->addWidget(view_, 1);

  auto* agreeBox = new QGroupBox(tr("Agreement between scores"), this);
  auto* at = new QHBoxLayout;
  at->addWidget(new QLabel(tr("Top fraction"), agreeBox));
  at->addWidget(top_);
  at->addStretch(1);
  auto* exportButton = new QPushButton(tr("Export CSV…"), agreeBox);
  at->addWidget(exportButton);
  auto* matrices = new QHBoxLayout;
  auto* left = new QVBoxLayout;
  left->addWidget(new QLabel(tr("Spearman rank correlation"), agreeBox));
  left->addWidget(matrixView(agreeBox, spearman_));
  auto* right = new QVBoxLayout;
  right->addWidget(new QLabel(tr("Top-k overlap (fraction of the k hardest shared)"), agreeBox));
  right->addWidget(matrixView(agreeBox, overlap_));
  matrices->addLayout(left);
  matrices->addLayout(right);
  auto* al = new QVBoxLayout(agreeBox);
  al->addLayout(at);
  al->addWidget(agreementInfo_);
  al->addLayout(matrices, 1);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(histBox);
  split->addWidget(agreeBox);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  split->setSizes({560, 360});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ScoreView::drawHistogram);
  connect(bins_, qOverload<int>(&QSpinBox::valueChanged), this, &ScoreView::drawHistogram);
  connect(top_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ScoreView::computeAgreement);
  connect(exportButton, &QPushButton::clicked, this, [this] {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the agreement"), QString(), tr("CSV data (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportAgreement(path, &error)) emit exportFailed(error);
  });
  agreementInfo_->setText(tr("Needs at least two cached scores."));
}

void ScoreView::setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog) {
  const bool unchanged = dataset == dataset_ && catalog && catalog_ && catalog->sameRuns(*catalog_);
  dataset_ = std::move(dataset);
  catalog_ = std::move(catalog);
  if (unchanged) return;  // the histogram and the agreement stay right
  {
    const QSignalBlocker block(score_);
    fillScoreBox(score_, catalog_.get());
  }
  drawHistogram();
  computeAgreement();
}

void ScoreView::drawHistogram() {
  QChart* old = view_->chart();
  auto* chart = new QChart;
  hist_ = {};
  const int k = score_->currentIndex();
  if (dataset_ && catalog_ && k >= 0 && static_cast<size_t>(k) < catalog_->entries.size()) {
    hist_ = classHistograms(catalog_->difficulty(static_cast<size_t>(k)), catalog_->labels(static_cast<size_t>(k)),
                            dataset_->classNames(), bins_->value());
    auto* x = new QValueAxis;
    x->setTitleText(
        tr("difficulty (%1, higher = harder)").arg(QString::fromStdString(catalog_->name(static_cast<size_t>(k)))));
    x->setRange(hist_.lo, hist_.hi);
    x->setLabelFormat("%.3g");
    auto* y = new QValueAxis;
    y->setTitleText(tr("examples per bin"));
    y->setLabelFormat("%d");
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    int64_t most = 1;
    for (size_t c = 0; c < hist_.counts.size(); ++c) {
      auto* line = new QLineSeries;
      line->setName(QString::fromStdString(hist_.classNames[c]));
      line->setPen(QPen(paletteColour(c), 2));
      for (int b = 0; b < hist_.bins; ++b) {
        line->append(hist_.binCentre(b), static_cast<double>(hist_.counts[c][static_cast<size_t>(b)]));
        most = std::max(most, hist_.counts[c][static_cast<size_t>(b)]);
      }
      addToChart(chart, line, x, y);
    }
    y->setRange(0, static_cast<double>(most) * 1.05);
    y->applyNiceNumbers();
    x->applyNiceNumbers();
    chart->setTitle(tr("%1 per class").arg(catalog_->entryLabel(static_cast<size_t>(k))));
    chart->legend()->setAlignment(Qt::AlignRight);
  }
  if (export_) export_->setEnabled(hist_.bins > 0);
  view_->setChart(chart);
  delete old;
}

void ScoreView::computeAgreement() {
  if (!catalog_ || catalog_->entries.size() < 2) {  // through the task too, so no older result lands after it
    agreementTask_.run([message = tr("Needs at least two cached scores.")] { return AgreementOutcome{{}, message}; });
    return;
  }
  std::vector<ScoreSeries> series;
  for (size_t k = 0; k < catalog_->entries.size(); ++k)
    series.push_back({catalog_->entryLabel(k).toStdString(), catalog_->run(k).indices, catalog_->difficulty(k)});
  const double top = top_->value();
  agreementInfo_->setText(tr("Computing…"));
  agreementTask_.run([series = std::move(series), top] {
    AgreementOutcome out;
    try {
      out.agreement = scoreAgreement(series, top);
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  });
}

void ScoreView::showAgreement(const AgreementOutcome& outcome) {
  agreement_ = outcome.agreement;
  if (!outcome.error.isEmpty()) {
    spearman_->clear();
    overlap_->clear();
    agreementInfo_->setText(outcome.error);
  } else {
    fillMatrix(spearman_, agreement_.names, agreement_.spearman);
    fillMatrix(overlap_, agreement_.names, agreement_.topK);
    agreementInfo_->setText(tr("On the %1 training examples every score covers; k = %2 (the hardest %3 %).")
                                .arg(agreement_.common)
                                .arg(agreement_.k)
                                .arg(agreement_.topFraction * 100, 0, 'g', 3));
  }
  emit agreementReady();
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
