// The gallery answers "why is this example hard?": captions with the models' prediction,
// a detail pane with the top classes, filters for disputed and likely mislabelled labels
// with counts per class, and a detail pane that follows the keyboard.
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <memory>
#include <numeric>
#include <random>
#include <set>

#include "base/background_job.h"
#include "base/job_queue.h"
#include "base/score_catalog.h"
#include "data/dataset_opener.h"
#include "embed/knn.h"
#include "job/job.h"
#include "jobs/job_panel.h"
#include "jobs/study_forms.h"
#include "score/label_check.h"
#include "score/score_engine.h"
#include "store/embedding_store.h"
#include "store/example_tags.h"
#include "store/store.h"
#include "support/open_window.h"
#include "support/test_data.h"
#include "views/duplicate_pairs.h"
#include "views/example_list_model.h"
#include "views/gallery_tags.h"
#include "views/gallery_view.h"
#include "views/runs_panel.h"
#include "views/score_view.h"
#include "window/main_window.h"

class TestGuiGallery : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString db_, dir_;
  std::map<size_t, int> flipped_;
  double seedRho_ = 0;  // the run's mean seed-to-seed rank correlation of EL2N
  std::unique_ptr<ps::ui::MainWindow> openWindow();

 private slots:
  void initTestCase();
  void captionsAndDetailShowWhatTheModelsPredicted();
  void filtersShowOnlyDisputedOrMislabelledLabels();
  void theDetailFollowsTheKeyboard();
  void thumbnailsFollowTheSliderAndCtrlWheel();
  void tagsFromKeysAreStoredShownAndExcludeLeavesTheSubset();
  void scorePickersDefaultToTheLastUsedScore();
  void multiSeedEl2nIsOneClickAndShowsItsSeedAgreement();
  void aTagHitsOnlyTheLastSelectionAndCtrlZUndoesIt();
  void anExportReadsTheTagsTheStoreHoldsNow();
  void anotherDatasetClearsTheGalleryAndChecksTheForms();
  void crossValidatedFlagsAreAFilterOfTheirOwn();
  void aCsvExportCarriesThePredictions();
  void duplicatesAndLeaksShowPairsAndTagTheCopiesExclude();
};

void TestGuiGallery::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("PruneScopeTest");
  QCoreApplication::setApplicationName("PruneScopeTest");
  QSettings().clear();
  qputenv("PRUNESCOPE_DB", tmp_.filePath("default.sqlite").toUtf8());
  // 1500 Fashion-MNIST examples, every 25th given the next class; one scoring run (2 seeds).
  dir_ = tmp_.filePath("flipped");
  db_ = tmp_.filePath("gallery.sqlite");
  const auto samples = pstest::fashionSamples(1500);
  for (size_t i = 3; i < samples.size(); i += 25) flipped_[i] = (samples[i].label + 1) % 10;
  auto ds = pstest::fashionSubset(dir_.toStdString(), 1500, 50, flipped_);
  ps::Store store(db_.toStdString());
  ps::ScoreConfig cfg = pstest::quickScoreConfig({"el2n"}, 5);
  cfg.seeds = 2;
  cfg.wholeSchedule = true;  // the final model's predictions: EL2N alone would stop at its epoch
  ps::JobContext ctx;
  const ps::ScoreRun run = ps::scoreDataset(*ds, store, cfg, ctx);
  QVERIFY(!run.predictions.empty());
  seedRho_ = run.seedSpearman.at("el2n");
}

std::unique_ptr<ps::ui::MainWindow> TestGuiGallery::openWindow() {
  auto w = pstest::openWindowOn(db_, dir_);
  if (!w) qFatal("the test dataset did not open");
  w->showView(QStringLiteral("gallery"));
  QElapsedTimer waited;  // the order is computed off the GUI thread
  waited.start();
  while ((w->galleryView()->busy() || w->galleryView()->hardestModel()->rowCount() == 0) && waited.elapsed() < 30000)
    QTest::qWait(20);
  return w;
}

void TestGuiGallery::captionsAndDetailShowWhatTheModelsPredicted() {
  auto w = openWindow();
  auto* g = w->galleryView();
  // Among the hardest, a flipped example whose caption names its label and the prediction.
  auto* model = g->hardestModel();
  int withArrow = 0;
  for (int r = 0; r < model->rowCount(); ++r) {
    const QString caption = model->index(r).data().toString();
    const qint64 i = model->index(r).data(ps::ui::ExampleListModel::IndexRole).toLongLong();
    const QStringList lines = caption.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);  // index and score, label, prediction (or blank), pruned (or blank)
    const int label = w->dataset()->label(ps::Split::Train, static_cast<size_t>(i));
    QVERIFY2(lines[1].endsWith(QString::fromStdString(w->dataset()->classNames()[static_cast<size_t>(label)])),
             qPrintable(caption));
    if (lines[2].startsWith(QStringLiteral("\u2192 "))) ++withArrow;
  }
  QVERIFY2(withArrow > 10, qPrintable(QString::number(withArrow)));  // the hardest are mostly disputed
  // Click the hardest example: the detail names the prediction and the top classes.
  auto* list = g->hardestList();
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model->index(0)).center());
  const QString detail = g->detailText()->text();
  QVERIFY2(detail.contains(QStringLiteral("Model predicts: ")), qPrintable(detail));
  QVERIFY(detail.contains(QStringLiteral("of 2 seeds")));
  QVERIFY(detail.contains(QStringLiteral("Top classes: ")));
  // The scores table gives each score's mean and spread across the seeds.
  QVERIFY(g->detailTable()->item(0, 3)->text().contains(QStringLiteral("2 seeds")));
  // Raw value and difficulty are told apart; the difficulty says which way is harder.
  QVERIFY(g->detailTable()->horizontalHeaderItem(2)->text().startsWith(QStringLiteral("Raw")));
  QVERIFY(g->detailTable()->horizontalHeaderItem(3)->text().contains(QStringLiteral("higher = harder")));
}

void TestGuiGallery::filtersShowOnlyDisputedOrMislabelledLabels() {
  auto w = openWindow();
  auto* g = w->galleryView();
  const int all = static_cast<int>(g->hardestModel()->totalCount());
  QCOMPARE(all, 1500);
  QVERIFY2(g->issuesText()->text().contains(QStringLiteral("look mislabelled")), qPrintable(g->issuesText()->text()));
  g->filterBox()->setCurrentIndex(2);  // likely mislabelled
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  auto* model = g->hardestModel();
  const auto flagged = model->totalCount();
  QVERIFY(flagged > 0 && flagged < all);
  int flippedShown = 0;
  for (int r = 0; r < model->rowCount(); ++r) {
    const auto i = static_cast<size_t>(model->index(r).data(ps::ui::ExampleListModel::IndexRole).toLongLong());
    QVERIFY(model->index(r).data().toString().contains(QStringLiteral("\u2691")));  // every one marked
    flippedShown += static_cast<int>(flipped_.count(i));
  }
  // Most flipped labels are among the flagged ones.
  QVERIFY2(flippedShown * 2 >= static_cast<int>(flipped_.size()), qPrintable(QString::number(flippedShown)));
  // The count per class sums to the number shown.
  const QString text = g->issuesText()->text();
  QVERIFY2(text.contains(QStringLiteral("%1 look mislabelled").arg(flagged)), qPrintable(text));
  // Disputed labels are a superset of the flagged ones.
  g->filterBox()->setCurrentIndex(1);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  QVERIFY(g->hardestModel()->totalCount() >= flagged);
  for (int r = 0; r < g->hardestModel()->rowCount(); ++r)
    QVERIFY(g->hardestModel()->index(r).data().toString().contains(QStringLiteral("\u2192")));
}

void TestGuiGallery::theDetailFollowsTheKeyboard() {
  auto w = openWindow();
  auto* g = w->galleryView();
  auto* list = g->hardestList();
  auto* model = g->hardestModel();
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model->index(0)).center());
  const QString first = QStringLiteral("Training example #%1\n")
                            .arg(model->index(0).data(ps::ui::ExampleListModel::IndexRole).toLongLong());
  QVERIFY(g->detailText()->text().startsWith(first));
  list->setFocus();
  QTest::keyClick(list, Qt::Key_Right);
  const qint64 current = list->currentIndex().data(ps::ui::ExampleListModel::IndexRole).toLongLong();
  QVERIFY(list->currentIndex().row() != 0);
  QVERIFY2(g->detailText()->text().startsWith(QStringLiteral("Training example #%1\n").arg(current)),
           qPrintable(g->detailText()->text()));
  QTest::keyClick(list, Qt::Key_End);
  const qint64 last = list->currentIndex().data(ps::ui::ExampleListModel::IndexRole).toLongLong();
  QVERIFY(list->currentIndex().row() > 1);
  QVERIFY(g->detailText()->text().startsWith(QStringLiteral("Training example #%1\n").arg(last)));
}

void TestGuiGallery::thumbnailsFollowTheSliderAndCtrlWheel() {
  auto w = openWindow();
  auto* g = w->galleryView();
  auto* list = g->hardestList();
  auto* model = g->hardestModel();
  g->thumbnailSlider()->setValue(120);
  QCOMPARE(list->iconSize(), QSize(120, 120));
  QVERIFY(list->gridSize().height() > 120);
  // The thumbnails are decoded again at the new size (off the GUI thread).
  QTRY_VERIFY_WITH_TIMEOUT(model->index(0).data(Qt::DecorationRole).value<QImage>().width() == 120, 30000);
  // Ctrl+wheel over the list zooms instead of scrolling.
  const QPoint at = list->viewport()->rect().center();
  QWheelEvent zoomIn(at, list->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                     Qt::NoScrollPhase, false);
  QApplication::sendEvent(list->viewport(), &zoomIn);
  QCOMPARE(g->thumbnailSlider()->value(), 128);
  QCOMPARE(list->iconSize(), QSize(128, 128));
  // The columns share the list's whole width, at any window size.
  for (const int width : {1200, 1700}) {
    w->resize(width, 900);
    QTRY_VERIFY_WITH_TIMEOUT(list->gridSize().width() > 0, 5000);
    QCoreApplication::processEvents();
    const int viewport = list->viewport()->width(), cell = list->gridSize().width();
    const int columns = viewport / cell;
    QVERIFY2(columns >= 1 && viewport - columns * cell < columns + 8,
             qPrintable(QStringLiteral("%1 px, cells of %2").arg(viewport).arg(cell)));
  }
}

void TestGuiGallery::tagsFromKeysAreStoredShownAndExcludeLeavesTheSubset() {
  auto w = openWindow();
  auto* g = w->galleryView();
  auto* list = g->hardestList();
  auto* model = g->hardestModel();
  const qint64 hardest = model->index(0).data(ps::ui::ExampleListModel::IndexRole).toLongLong();
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model->index(0)).center());
  list->setFocus();
  QTest::keyClick(list, Qt::Key_X);  // exclude
  QTest::keyClick(list, Qt::Key_M);  // mislabelled
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && model->index(0).data().toString().contains(QStringLiteral("exclude")), 30000);
  QVERIFY(model->index(0).data().toString().contains(QStringLiteral("mislabelled")));
  QVERIFY2(g->detailText()->text().contains(QStringLiteral("Tags: exclude, mislabelled")),
           qPrintable(g->detailText()->text()));
  {  // in the store, for this dataset
    ps::Store store(db_.toStdString());
    const auto tags = ps::loadTags(store, *w->dataset());
    QCOMPARE(tags.size(), size_t(1));
    QCOMPARE(tags.at(hardest), (std::vector<std::string>{"exclude", "mislabelled"}));
  }
  // The Tagged filter lists it alone.
  g->filterBox()->setCurrentIndex(3);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && g->hardestModel()->totalCount() == 1, 30000);
  g->filterBox()->setCurrentIndex(0);
  // Keeping the hardest half would keep it: it is left out of the kept subset and its export.
  g->keepSlider()->setValue(50);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  const QString out = tmp_.filePath("kept.txt");
  QString error;
  QVERIFY2(g->exportKept(out, &error), qPrintable(error));
  QFile f(out);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(f.readAll());
  QVERIFY(text.contains(QStringLiteral("\"excluded_tagged\":1")));
  QVERIFY(!text.split(QLatin1Char('\n')).contains(QString::number(hardest)));
  QCOMPARE(text.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() - 1, 749);  // 750 kept, less the excluded one
  // Pressing the key again on it takes the tag off.
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(model->index(0)).center());
  QTest::keyClick(list, Qt::Key_X);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && !model->index(0).data().toString().contains(QStringLiteral("exclude")), 30000);
}

void TestGuiGallery::scorePickersDefaultToTheLastUsedScore() {
  // A run with three scores, listed alphabetically: the picker starts on EL2N, not AUM.
  auto run = std::make_shared<ps::ui::CatalogRun>();
  run->run.runId = 4;
  ps::ui::ScoreCatalog catalog;
  catalog.runs = {run};
  catalog.entries = {{0, "aum"}, {0, "el2n"}, {0, "forgetting"}};
  QSettings().remove(QStringLiteral("scores/last"));
  QComboBox box;
  ps::ui::rememberScoreChoice(&box);
  ps::ui::fillScoreBox(&box, &catalog);
  QCOMPARE(box.currentText(), QStringLiteral("el2n (run 4)"));
  // The user picks another with the keyboard: remembered for every picker filled later.
  box.setFocus();
  QTest::keyClick(&box, Qt::Key_Down);
  QCOMPARE(box.currentText(), QStringLiteral("forgetting (run 4)"));
  QCOMPARE(QSettings().value(QStringLiteral("scores/last")).toString(), QStringLiteral("forgetting"));
  QComboBox other;
  ps::ui::fillScoreBox(&other, &catalog);
  QCOMPARE(other.currentText(), QStringLiteral("forgetting (run 4)"));
  // A choice still listed is kept when the catalogue is refreshed.
  other.setCurrentIndex(0);
  ps::ui::fillScoreBox(&other, &catalog);
  QCOMPARE(other.currentText(), QStringLiteral("aum (run 4)"));
  QSettings().remove(QStringLiteral("scores/last"));
}

void TestGuiGallery::multiSeedEl2nIsOneClickAndShowsItsSeedAgreement() {
  auto w = openWindow();
  // The two-seed run's EL2N: the score view says how well its seeds agree.
  w->showView(QStringLiteral("scores"));
  auto* label = w->scoreView()->seedAgreementLabel();
  QTRY_VERIFY(label->isVisible());
  QVERIFY2(label->text().contains(QString::number(seedRho_, 'f', 3)), qPrintable(label->text()));
  QVERIFY(seedRho_ > 0.3 && seedRho_ < 1.0);
  // One click: EL2N alone over ten seeds, read early, queued at once.
  auto* panel = w->jobPanel();
  QTest::mouseClick(panel->paperEl2nButton(), Qt::LeftButton);
  const ps::ScoreConfig c = panel->formConfig();
  QCOMPARE(c.scores, std::vector<std::string>{"el2n"});
  QCOMPARE(c.seeds, 10);
  QCOMPARE(c.el2nEpoch, -1);
  QCOMPARE(panel->jobs().size(), size_t(1));
  panel->queue()->cancel(panel->jobs().front());
  QTRY_VERIFY(panel->queue()->state(panel->jobs().front()) == ps::ui::JobQueue::State::Cancelled);
}

namespace {
qint64 indexAt(ps::ui::ExampleListModel* model, int row) {
  return model->index(row).data(ps::ui::ExampleListModel::IndexRole).toLongLong();
}
void clickRow(QListView* list, int row) {
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(row, 0)).center());
}
std::vector<std::string> storedTags(const QString& db, const ps::Dataset& ds, qint64 example) {
  ps::Store store(db.toStdString());
  const auto tags = ps::loadTags(store, ds);
  return tags.count(example) ? tags.at(example) : std::vector<std::string>{};
}
}  // namespace

void TestGuiGallery::aTagHitsOnlyTheLastSelectionAndCtrlZUndoesIt() {
  auto w = openWindow();
  auto* g = w->galleryView();
  const qint64 hard = indexAt(g->hardestModel(), 0), easy = indexAt(g->easiestModel(), 0);
  const auto hardTags = storedTags(db_, *w->dataset(), hard);
  // Select in Hardest, then in Easiest: the Hardest selection goes, and the line says so.
  clickRow(g->hardestList(), 0);
  QCOMPARE(g->selectionLine()->text(), QStringLiteral("<b>1 selected in Hardest</b>"));
  clickRow(g->easiestList(), 0);
  QVERIFY(!g->hardestList()->selectionModel()->hasSelection());
  QCOMPARE(g->selectionLine()->text(), QStringLiteral("<b>1 selected in Easiest</b>"));
  QCOMPARE(g->selection(), std::vector<int64_t>{easy});
  // X tags the easiest example alone.
  g->easiestList()->setFocus();
  QTest::keyClick(g->easiestList(), Qt::Key_X);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && storedTags(db_, *w->dataset(), easy) == std::vector<std::string>{"exclude"},
                           30000);
  QCOMPARE(storedTags(db_, *w->dataset(), hard), hardTags);  // untouched
  // K keeps it: the exclude goes (an example is kept or excluded, never both).
  QTest::keyClick(g->easiestList(), Qt::Key_K);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && storedTags(db_, *w->dataset(), easy) == std::vector<std::string>{"keep"},
                           30000);
  QVERIFY(!g->easiestModel()->index(0).data().toString().contains(QStringLiteral("exclude")));
  // Ctrl+Z brings back exactly the tags before: first the exclude, then none.
  QTest::keyClick(g->easiestList(), Qt::Key_Z, Qt::ControlModifier);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && storedTags(db_, *w->dataset(), easy) == std::vector<std::string>{"exclude"},
                           30000);
  QTRY_VERIFY_WITH_TIMEOUT(g->easiestModel()->index(0).data().toString().contains(QStringLiteral("exclude")), 30000);
  if (qEnvironmentVariableIsSet("PRUNESCOPE_SHOT_DIR"))  // a picture of the state, for people
    w->grab().save(qEnvironmentVariable("PRUNESCOPE_SHOT_DIR") + QStringLiteral("/curation-after-tagging.png"));
  QTest::keyClick(g->easiestList(), Qt::Key_Z, Qt::ControlModifier);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && storedTags(db_, *w->dataset(), easy).empty(), 30000);
  QVERIFY(!g->tags()->undoStack()->canUndo());
  QCOMPARE(storedTags(db_, *w->dataset(), hard), hardTags);
}

void TestGuiGallery::anExportReadsTheTagsTheStoreHoldsNow() {
  auto w = openWindow();
  auto* g = w->galleryView();
  auto* list = g->hardestList();
  const qint64 first = indexAt(g->hardestModel(), 0), second = indexAt(g->hardestModel(), 1);
  // The two hardest tagged 'exclude' here.
  clickRow(list, 0);
  QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                    list->visualRect(g->hardestModel()->index(1)).center());
  QCOMPARE(g->selection().size(), size_t(2));
  list->setFocus();
  QTest::keyClick(list, Qt::Key_X);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && storedTags(db_, *w->dataset(), second) == std::vector<std::string>{"exclude"},
                           30000);
  g->keepSlider()->setValue(50);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  {  // Another process takes one exclude off.
    ps::Store other(db_.toStdString());
    ps::tagExamples(other, *w->dataset(), {first}, "exclude", false);
  }
  // An export made at once (before the window noticed) holds it, and counts one exclusion.
  const QString out = tmp_.filePath("kept_now.txt");
  QString error;
  QVERIFY2(g->exportKept(out, &error), qPrintable(error));
  QFile f(out);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  QVERIFY2(lines[0].contains(QStringLiteral("\"excluded_tagged\":1")), qPrintable(lines[0]));
  QVERIFY(lines.contains(QString::number(first)));
  QVERIFY(!lines.contains(QString::number(second)));
  // The export's setting is in its default file name and provenance: balanced by default, as the studies.
  QVERIFY(g->balancedBox()->isChecked());
  QVERIFY2(g->keptFileName().contains(QStringLiteral("-hard-f0.50-balanced-beta0.00")), qPrintable(g->keptFileName()));
  QVERIFY(lines[0].contains(QStringLiteral("\"class_balanced\":true")));
  // The window notices the change within a few seconds (it looks every 2 s; the timeouts
  // leave room for a loaded machine): the caption loses the tag.
  QTRY_VERIFY_WITH_TIMEOUT(!g->hardestModel()->index(0).data().toString().contains(QStringLiteral("exclude")), 15000);
  QVERIFY(g->hardestModel()->index(1).data().toString().contains(QStringLiteral("exclude")));
  // A run another connection adds shows in the runs panel within a few seconds.
  qint64 added = 0;
  {
    ps::Store other(db_.toStdString());
    added = other.beginRun(other.registerDataset(*w->dataset()), "frontier", "{}", "elsewhere", 0, "cpu");
    other.finishRun(added, ps::RunStatus::Failed, "made elsewhere");
    ps::tagExamples(other, *w->dataset(), {second}, "exclude", false);  // and the tags are as before
  }
  QElapsedTimer noticed;
  noticed.start();
  QTRY_VERIFY_WITH_TIMEOUT(w->runsPanel()->model()->indexOf(added).isValid(), 15000);
  qInfo() << "a run added by another connection was listed after" << noticed.elapsed() << "ms";
  ps::Store(db_.toStdString()).deleteRun(added);
  QTRY_VERIFY_WITH_TIMEOUT(!w->runsPanel()->model()->indexOf(added).isValid(), 15000);
}

void TestGuiGallery::anotherDatasetClearsTheGalleryAndChecksTheForms() {
  auto w = openWindow();
  auto* g = w->galleryView();
  clickRow(g->hardestList(), 0);
  QVERIFY(g->detailShown() >= 0);
  // Another dataset, of 400 training examples and no scores.
  const QString other = tmp_.filePath("small");
  pstest::fashionSubset(other.toStdString(), 400, 50);
  QSignalSpy opened(w.get(), &ps::ui::MainWindow::datasetOpened);
  w->openDataset(other);
  QVERIFY(opened.wait(30000));
  QCOMPARE(g->detailShown(), qint64(-1));
  QVERIFY(g->detailText()->text().startsWith(QStringLiteral("Click an example")));
  QCOMPARE(g->detailTable()->rowCount(), 0);
  QCOMPARE(g->hardestModel()->rowCount(), 0);
  QVERIFY(g->selection().empty());
  QCOMPARE(g->selectionLine()->text(), QStringLiteral("Nothing selected"));
  // The examples limit is checked against this dataset as it is typed.
  auto* panel = w->jobPanel();
  auto* limit = panel->limitBox();
  QVERIFY(panel->startButton()->isEnabled());
  limit->setFocus();
  limit->selectAll();
  QTest::keyClicks(limit, QStringLiteral("5000"));
  QCOMPARE(limit->value(), 5000);
  QVERIFY(limit->property("ps_invalid").toBool());
  QVERIFY(!panel->startButton()->isEnabled());
  auto* reason = limit->parentWidget()->findChild<QLabel*>();
  QVERIFY(reason && reason->isVisibleTo(limit->parentWidget()));
  QCOMPARE(reason->text(), QStringLiteral("at most 400 training examples"));
  if (qEnvironmentVariableIsSet("PRUNESCOPE_SHOT_DIR"))
    panel->grab().save(qEnvironmentVariable("PRUNESCOPE_SHOT_DIR") +
                       QStringLiteral("/curation-after-examples-field.png"));
  limit->selectAll();
  QTest::keyClicks(limit, QStringLiteral("300"));
  QVERIFY(!limit->property("ps_invalid").toBool());
  QVERIFY(panel->startButton()->isEnabled());
  QVERIFY(!reason->isVisibleTo(limit->parentWidget()));
  // The scaling form's smallest pool (1000 by default) is more than this dataset holds.
  auto* scaling = panel->scalingForm();
  QVERIFY(!scaling->startButton()->isEnabled());
  scaling->minSizeBox()->setValue(100);
  QVERIFY(scaling->startButton()->isEnabled());
}

void TestGuiGallery::crossValidatedFlagsAreAFilterOfTheirOwn() {
  // A label check stored beside the scoring run (its probabilities written here: the
  // scoring run's, with every other flagged example's prediction turned to its label).
  auto ds = ps::openDataset(dir_.toStdString());
  int64_t checkId = 0;
  std::set<int64_t> expected;
  {
    ps::Store store(db_.toStdString());
    const auto runs = ps::listScoreRuns(store, ds->fingerprint());
    QVERIFY(!runs.empty());
    const ps::ScoreRun scored = ps::loadScoreRun(store, runs.front().runId);
    const std::vector<int> labels = ds->labelsOf(ps::Split::Train, scored.indices);
    ps::Predictions p = scored.predictions;
    const ps::LabelIssues inSample = ps::findLabelIssues(p, labels, ds->numClasses());
    bool drop = false;
    for (size_t i = 0; i < p.size(); ++i)
      if (inSample.flagged[i] && (drop = !drop)) {
        p.predicted[i] = labels[i];
        p.disagree[i] = 0;
      }
    const ps::LabelIssues crossValidated = ps::findLabelIssues(p, labels, ds->numClasses());
    for (size_t i = 0; i < p.size(); ++i)
      if (crossValidated.flagged[i]) expected.insert(scored.indices[i]);
    QVERIFY(!expected.empty() && static_cast<int64_t>(expected.size()) < inSample.total);
    ps::LabelCheckConfig cfg;
    cfg.train.epochs = 3;
    checkId =
        store.beginRun(store.registerDataset(*ds), ps::kLabelCheckKind, cfg.toJson(), "test-label-check", 0, "cpu");
    store.putIndexVector(checkId, "indices", scored.indices);
    ps::putPredictions(store, checkId, p);
    store.finishRun(checkId, ps::RunStatus::Done);
  }
  auto w = openWindow();
  auto* g = w->galleryView();
  QTRY_VERIFY_WITH_TIMEOUT(g->filterBox()->findData(101) >= 0, 30000);
  const int at = g->filterBox()->findData(101);
  QCOMPARE(g->filterBox()->itemText(at), QStringLiteral("Likely mislabelled (cross-validated)"));
  QCOMPARE(g->filterBox()->itemText(2), QStringLiteral("Likely mislabelled (in-sample)"));
  QTRY_VERIFY_WITH_TIMEOUT(g->issuesText()->text().contains(QStringLiteral("Cross-validated")), 30000);
  const QString text = g->issuesText()->text();
  // Both counts, each with its warning: one seed and 3 epochs / two seeds and 5 epochs.
  QVERIFY2(text.contains(QStringLiteral("%1 of 1500 examples look mislabelled").arg(expected.size())),
           qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("tentative (1 seed, 3 epochs)")), qPrintable(text));
  QVERIFY2(text.count(QStringLiteral("tentative")) == 1, qPrintable(text));  // the in-sample run: 2 seeds, 5 epochs
  g->filterBox()->setCurrentIndex(at);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  auto* model = g->hardestModel();
  QCOMPARE(static_cast<size_t>(model->totalCount()), expected.size());
  for (int r = 0; r < model->rowCount(); ++r)
    QVERIFY(expected.count(model->index(r).data(ps::ui::ExampleListModel::IndexRole).toLongLong()));
  // The button queues the check as a job with the scoring form's recipe.
  QCOMPARE(g->labelCheckButton()->text(), QStringLiteral("Check labels (4-fold)…"));
  const size_t before = w->jobPanel()->jobs().size();
  w->jobPanel()->queue()->setParallel(1);
  g->labelCheckButton()->click();
  QCOMPARE(w->jobPanel()->jobs().size(), before + 1);
  QCOMPARE(w->jobPanel()->jobs().back()->kind(), QStringLiteral("label_check"));
  w->jobPanel()->queue()->cancel(w->jobPanel()->jobs().back());
}

// The gallery's .csv export (selection or kept subset) carries the run's predictions in
// named columns after the score.
void TestGuiGallery::aCsvExportCarriesThePredictions() {
  auto w = openWindow();
  auto* g = w->galleryView();
  const QRegularExpressionMatch m =
      QRegularExpression(QStringLiteral("\\(run (\\d+)\\)")).match(g->scoreBox()->currentText());
  QVERIFY2(m.hasMatch(), qPrintable(g->scoreBox()->currentText()));
  const ps::ScoreRun run = ps::loadScoreRun(ps::Store(db_.toStdString()), m.captured(1).toLongLong());
  QVERIFY(!run.predictions.empty());
  auto* list = g->hardestList();
  clickRow(list, 0);
  QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                    list->visualRect(g->hardestModel()->index(4)).center());
  const std::vector<int64_t> picked = g->selection();
  QCOMPARE(picked.size(), size_t(5));
  const QString out = tmp_.filePath("picked.csv");
  QString error;
  QVERIFY2(g->exportSelection(out, &error), qPrintable(error));
  QFile f(out);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  QCOMPARE(lines.size(), 6);
  QCOMPARE(lines[0], QStringLiteral("index,source,label,class_name,score,predicted,predicted_class,p_predicted,p_label,"
                                    "disagreeing_seeds,seeds,likely_mislabelled"));
  const auto issues = ps::findLabelIssues(run.predictions, w->dataset()->labelsOf(ps::Split::Train, run.indices),
                                          w->dataset()->numClasses());
  for (int r = 1; r < lines.size(); ++r) {
    const QStringList cells = lines[r].split(QLatin1Char(','));
    QCOMPARE(cells.size(), 12);
    const auto at = std::find(run.indices.begin(), run.indices.end(), cells[0].toLongLong());
    QVERIFY(at != run.indices.end());
    const auto k = static_cast<size_t>(at - run.indices.begin());
    QCOMPARE(cells[5].toInt(), run.predictions.predicted[k]);
    QCOMPARE(cells[6].toStdString(), w->dataset()->classNames()[static_cast<size_t>(run.predictions.predicted[k])]);
    QVERIFY(std::abs(cells[8].toDouble() - run.predictions.pLabel[k]) < 1e-5);
    QCOMPARE(cells[10], QStringLiteral("2"));
    QCOMPARE(cells[11].toInt(), static_cast<int>(issues.flagged[k]));
  }
}

namespace {

// A near copy: the image with Gaussian noise of σ = 8 grey levels.
cv::Mat noisyCopy(const cv::Mat& from, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0.0, 8.0);
  cv::Mat out = from.clone();
  for (int r = 0; r < out.rows; ++r)
    for (int c = 0; c < out.cols; ++c)
      out.at<uint8_t>(r, c) = cv::saturate_cast<uint8_t>(out.at<uint8_t>(r, c) + g(rng));
  return out;
}

// A split's pixels less the training mean image, as an embedding.
ps::Embedding pixelRows(const ps::Dataset& ds, ps::Split split, const std::vector<float>& mean) {
  const auto n = static_cast<int64_t>(ds.size(split)), d = static_cast<int64_t>(mean.size());
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), int64_t{0});
  std::vector<uint8_t> px(static_cast<size_t>(n * d));
  ds.readImages(split, idx, px.data());
  ps::Embedding e{"pixels", n, d, std::vector<float>(px.size())};
  for (size_t i = 0; i < px.size(); ++i) e.values[i] = float(px[i]) - mean[i % mean.size()];
  return e;
}

}  // namespace

void TestGuiGallery::duplicatesAndLeaksShowPairsAndTagTheCopiesExclude() {
  if (!ps::knnAvailable()) QSKIP("this build has no FAISS");
  // Planted: train 199 = train 198 and test 5 = train 10 (exact); train 150 ≈ train 12 and
  // test 30 ≈ train 70 (noisy copies).
  std::vector<pstest::Sample> train = pstest::fashionSamples(200), test = pstest::fashionSamples(40, true);
  train[199].image = train[198].image.clone();
  test[5].image = train[10].image.clone();
  train[150].image = noisyCopy(train[12].image, 1);
  test[30].image = noisyCopy(train[70].image, 2);
  const QString dir = tmp_.filePath("planted"), db = tmp_.filePath("planted.sqlite");
  pstest::writeIdxDataset(dir.toStdString(), train, test, true);
  {  // a finished run holding a pixel embedding of both splits (and a score, so the gallery lists it)
    const auto ds = ps::openDataset(dir.toStdString());
    ps::Store store(db.toStdString());
    const int64_t run = store.beginRun(store.registerDataset(*ds), "score", "{}", "planted", 0, "cpu");
    std::vector<int64_t> all(200);
    std::iota(all.begin(), all.end(), int64_t{0});
    store.putIndexVector(run, "indices", all);
    store.putVector(run, "random", std::vector<float>(all.begin(), all.end()));
    std::vector<float> mean(28 * 28, 0.0F);
    const ps::Embedding raw = pixelRows(*ds, ps::Split::Train, mean);
    for (size_t i = 0; i < raw.values.size(); ++i) mean[i % mean.size()] += raw.values[i] / 200.0F;
    ps::saveEmbedding(store, run, ps::Split::Train, pixelRows(*ds, ps::Split::Train, mean));
    ps::saveEmbedding(store, run, ps::Split::Test, pixelRows(*ds, ps::Split::Test, mean));
    store.finishRun(run, ps::RunStatus::Done);
  }
  auto w = pstest::openWindowOn(db, dir);
  QVERIFY(w);
  auto* g = w->galleryView();
  auto* pairs = g->duplicatePairs();
  QVERIFY(!pairs->isVisibleTo(g));
  pairs->thresholdBox()->setValue(0.95);  // for this pixel embedding (the default suits the classifier's)
  g->filterBox()->setCurrentIndex(g->filterBox()->findData(ps::ui::kDuplicatesFilter));
  QVERIFY(pairs->isVisibleTo(g) && !g->hardestList()->isVisibleTo(g));
  QTRY_VERIFY_WITH_TIMEOUT(!pairs->busy() && pairs->pairList()->model()->rowCount() == 2, 30000);
  const auto* m = pairs->pairList()->model();
  QVERIFY2(m->index(0, 0).data().toString().startsWith(QStringLiteral("exact")),
           qPrintable(m->index(0, 0).data().toString()));
  QVERIFY(m->index(0, 0).data().toString().contains(QStringLiteral("train 198")));
  QVERIFY(m->index(1, 0).data().toString().startsWith(QStringLiteral("near")));
  QVERIFY(m->index(1, 0).data().toString().contains(QStringLiteral("train 150")));
  QVERIFY(pairs->aboutText()->text().contains(QStringLiteral("pixels embedding")));
  QVERIFY(!m->index(0, 0).data(Qt::DecorationRole).isNull());
  if (qEnvironmentVariableIsSet("PRUNESCOPE_SHOT_DIR")) {  // a look at it, when asked
    g->resize(1300, 700);
    g->grab().save(qEnvironmentVariable("PRUNESCOPE_SHOT_DIR") + QStringLiteral("/duplicates.png"));
  }
  pairs->excludeButton()->click();
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && ps::excludedExamples(ps::Store(db.toStdString()), *w->dataset()).size() == 2,
                           30000);
  QCOMPARE(ps::excludedExamples(ps::Store(db.toStdString()), *w->dataset()), (std::vector<int64_t>{150, 199}));
  // Leaks: the training member of each goes.
  g->filterBox()->setCurrentIndex(g->filterBox()->findData(ps::ui::kLeaksFilter));
  QTRY_VERIFY_WITH_TIMEOUT(!pairs->busy() && pairs->pairList()->model()->rowCount() == 2, 30000);
  QVERIFY(pairs->aboutText()->text().startsWith(QStringLiteral("2 leak")));
  if (qEnvironmentVariableIsSet("PRUNESCOPE_SHOT_DIR"))
    g->grab().save(qEnvironmentVariable("PRUNESCOPE_SHOT_DIR") + QStringLiteral("/leaks.png"));
  pairs->excludeButton()->click();
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && ps::excludedExamples(ps::Store(db.toStdString()), *w->dataset()).size() == 4,
                           30000);
  QCOMPARE(ps::excludedExamples(ps::Store(db.toStdString()), *w->dataset()), (std::vector<int64_t>{10, 70, 150, 199}));
  // One Ctrl+Z takes the last action back whole.
  g->tags()->undo();
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy() && ps::excludedExamples(ps::Store(db.toStdString()), *w->dataset()).size() == 2,
                           30000);
  // Back to the lists.
  g->filterBox()->setCurrentIndex(0);
  QVERIFY(!pairs->isVisibleTo(g) && g->hardestList()->isVisibleTo(g));
}
QTEST_MAIN(TestGuiGallery)
#include "test_gui_gallery.moc"
