// GalleryView's label-issue lines and its detail pane: the in-sample and cross-validated
// flag counts with their warnings, and one example shown large with every cached score.
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <algorithm>
#include <map>
#include <numeric>

#include "base/ui_wording.h"
#include "data/dataset.h"
#include "score/predictions.h"
#include "score/rank_stats.h"
#include "score/score_order.h"
#include "store/example_tags.h"
#include "util/errors.h"
#include "views/example_list_model.h"
#include "views/gallery_tags.h"
#include "views/gallery_view.h"

namespace ps::ui {

namespace {
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

}  // namespace

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
