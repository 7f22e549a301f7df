// The main window's views driven offscreen on a small real dataset: runs panel (open,
// delete with confirm), gallery pruning slider, detail pane and exports, score view,
// frontier and scaling studies started from their forms, a click on a frontier point
// opening its fairness audit, chart export and settings.
#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>
#include <fstream>

#include "chart_export.h"
#include "chart_view.h"
#include "data/dataset_opener.h"
#include "example_list_model.h"
#include "fairness_view.h"
#include "frontier_view.h"
#include "gallery_view.h"
#include "job_panel.h"
#include "main_window.h"
#include "report_export.h"
#include "runs_panel.h"
#include "scaling_view.h"
#include "score/rank_stats.h"
#include "score/score_engine.h"
#include "score_view.h"
#include "settings_dialog.h"
#include "store/store.h"
#include "study_forms.h"
#include "support/gui_thread_sql.h"
#include "support/stall_watch.h"
#include "support/test_data.h"
#include "theory_view.h"

class TestGuiViews : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  QString dir_, db_;
  std::vector<float> first_, second_;  // the two imported scores (higher = harder)

  // A window on the test dataset and store, opened and refreshed.
  std::unique_ptr<ps::ui::MainWindow> openWindow();
  static std::vector<std::string> lines(const QString& path);
  static QPushButton* exportButton(QWidget* view);
  // Runs the frontier form's study (1 epoch, f = 0.5 and 1, by the score "first"): from
  // the store when it was run before. Its run id, 0 when it failed.
  static qint64 frontierFromForm(ps::ui::MainWindow* w);

 private slots:
  void initTestCase();
  void runsPanelListsOpensAndDeletesWithConfirm();
  void galleryPruningSliderDetailPaneAndExports();
  void exportIsOfferedOnlyWhenAChartShowsSomething();
  void scoreViewHistogramsAndAgreement();
  void frontierFromTheFormIsStoredAndShown();
  void studyDetailDrawsTheCurveOfEveryModel();
  void frontierHoverShowsNumbersAndAClickAuditsThePoint();
  void scalingFromTheFormWithFittedExponents();
  void importedScoresJoinTheViews();
  void badStudySettingsAreReported();
  void settingsPersistLanguageAndRefuseABadStore();
};

void TestGuiViews::initTestCase() {
  pstest::GuiThreadSql::install();  // before the first connection
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("PruneScopeTest");
  QCoreApplication::setApplicationName("PruneScopeViewsTest");
  QSettings().clear();
  qputenv("PRUNESCOPE_DB", tmp_.filePath("default.sqlite").toUtf8());  // never the user's own store
  dir_ = tmp_.filePath("views_ds");
  pstest::writeIdxDataset(dir_.toStdString(), pstest::fashionSamples(600), pstest::fashionSamples(200, true), false);
  db_ = tmp_.filePath("views.sqlite");
  // Two imported scores: a permutation, and one that agrees with it except for noise.
  std::string a = "score\n", b = "score\n";
  for (int i = 0; i < 600; ++i) {
    first_.push_back(static_cast<float>((i * 37) % 600));
    second_.push_back(first_.back() + static_cast<float>((i * 11) % 97));
    a += std::to_string(first_.back()) + "\n";
    b += std::to_string(second_.back()) + "\n";
  }
  pstest::writeText(tmp_.filePath("a.csv").toStdString(), a);
  pstest::writeText(tmp_.filePath("b.csv").toStdString(), b);
  auto ds = ps::openDataset(dir_.toStdString());
  ps::Store store(db_.toStdString());
  ps::importScores(*ds, store, tmp_.filePath("a.csv").toStdString(), "first", true);
  ps::importScores(*ds, store, tmp_.filePath("b.csv").toStdString(), "second", true);
}

std::unique_ptr<ps::ui::MainWindow> TestGuiViews::openWindow() {
  auto w = std::make_unique<ps::ui::MainWindow>();
  w->setQuietErrors(true);
  w->setStorePath(db_);
  w->show();
  QSignalSpy opened(w.get(), &ps::ui::MainWindow::datasetOpened);
  w->openDataset(dir_);
  if (!opened.wait(30000)) qFatal("the test dataset did not open");
  return w;
}

std::vector<std::string> TestGuiViews::lines(const QString& path) {
  std::ifstream in(path.toStdString());
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

QPushButton* TestGuiViews::exportButton(QWidget* view) {
  for (auto* b : view->findChildren<QPushButton*>())
    if (b->text() == QStringLiteral("Export…")) return b;
  return nullptr;
}

void TestGuiViews::exportIsOfferedOnlyWhenAChartShowsSomething() {
  auto w = openWindow();
  // The store holds scores but no study and no audit: only the score view has something to export.
  QTRY_VERIFY_WITH_TIMEOUT(exportButton(w->scoreView()) && exportButton(w->scoreView())->isEnabled(), 30000);
  for (QWidget* v : std::initializer_list<QWidget*>{w->frontierView(), w->scalingView(), w->fairnessView()}) {
    QVERIFY2(exportButton(v), v->metaObject()->className());
    QVERIFY2(!exportButton(v)->isEnabled(), v->metaObject()->className());
  }
  // The theory view's export waits for its simulation.
  QTRY_VERIFY_WITH_TIMEOUT(exportButton(w->theoryView())->isEnabled(), 60000);
}

void TestGuiViews::runsPanelListsOpensAndDeletesWithConfirm() {
  // A third import, to delete.
  {
    auto ds = ps::openDataset(dir_.toStdString());
    ps::Store store(db_.toStdString());
    ps::importScores(*ds, store, tmp_.filePath("a.csv").toStdString(), "doomed", true);
  }
  auto w = openWindow();
  auto* panel = w->runsPanel();
  auto* model = panel->model();
  QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(model->rowCount(), 3);
  QCOMPARE(model->columnCount(), int(ps::ui::RunTreeModel::ColumnCount));
  QCOMPARE(model->index(0, ps::ui::RunTreeModel::Kind).data().toString(), QString("import"));
  QCOMPARE(model->index(0, ps::ui::RunTreeModel::Status).data().toString(), QString("done"));
  QVERIFY(model->index(0, ps::ui::RunTreeModel::Settings).data().toString().contains("a.csv"));
  QCOMPARE(w->galleryView()->scoreBox()->count(), 3);
  const qint64 doomed = model->runs().back().id;

  // Opening a score run shows it in the gallery.
  w->showView("dataset");
  QVERIFY(panel->selectRun(model->runs()[1].id));
  panel->openSelected();
  QCOMPARE(w->views()->currentWidget(), static_cast<QWidget*>(w->galleryView()));
  QVERIFY(w->galleryView()->scoreBox()->currentText().endsWith(QString("(run %1)").arg(model->runs()[1].id)));

  // Declined: nothing changes. Confirmed: the run and its vectors leave the store.
  QString asked;
  panel->setConfirm([&](const QString& q) {
    asked = q;
    return false;
  });
  QVERIFY(!panel->deleteRun(doomed));
  QVERIFY(asked.contains(QString("run %1").arg(doomed)));
  QCOMPARE(model->rowCount(), 3);
  panel->setConfirm([](const QString&) { return true; });
  pstest::StallWatch stalls;
  pstest::GuiThreadSql sql;
  QVERIFY(panel->deleteRun(doomed));
  QTRY_COMPARE(model->rowCount(), 2);  // deleted and the store re-read off the GUI thread
  qInfo() << "longest event-loop stall while deleting a run:" << stalls.worstMs() << "ms";
  QVERIFY2(sql.statements().isEmpty(), qPrintable(sql.statements().join("; ")));
  QVERIFY2(stalls.worstMs() < 100, qPrintable(QString::number(stalls.worstMs())));
  QCOMPARE(w->galleryView()->scoreBox()->count(), 2);
  ps::Store store(db_.toStdString());
  QVERIFY_THROWS_EXCEPTION(std::exception, store.run(doomed));
  QCOMPARE(store.integrityCheck(), std::string("ok"));
}

void TestGuiViews::galleryPruningSliderDetailPaneAndExports() {
  auto w = openWindow();
  auto* g = w->galleryView();
  w->showView("gallery");
  g->scoreBox()->setCurrentIndex(g->scoreBox()->findText("first", Qt::MatchStartsWith));
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);  // ordering and pruning run off the GUI thread
  QAbstractItemModelTester t1(g->hardestModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QAbstractItemModelTester t2(g->detailTable()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  // Keep the hardest 30 %: 180 kept, the 420 easiest marked pruned.
  g->policyBox()->setCurrentIndex(0);
  g->keepSlider()->setValue(30);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  QCOMPARE(g->prunedCount(), int64_t(420));
  QVERIFY(!g->hardestModel()->index(0).data(ps::ui::ExampleListModel::PrunedRole).toBool());
  QVERIFY(g->easiestModel()->index(0).data(ps::ui::ExampleListModel::PrunedRole).toBool());
  QVERIFY(g->easiestModel()->index(0).data().toString().contains("pruned"));
  // Every item has room for its thumbnail and its three caption lines.
  const int captionHeight = 56 + 3 * g->hardestList()->fontMetrics().lineSpacing();
  QTRY_VERIFY_WITH_TIMEOUT(g->hardestList()->visualRect(g->hardestModel()->index(0)).height() >= captionHeight, 30000);
  QVERIFY(g->easiestList()->visualRect(g->easiestModel()->index(5)).height() >= captionHeight);
  // Keep easiest: the other way round.
  g->policyBox()->setCurrentIndex(1);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  QVERIFY(g->hardestModel()->index(0).data(ps::ui::ExampleListModel::PrunedRole).toBool());
  QVERIFY(!g->easiestModel()->index(0).data(ps::ui::ExampleListModel::PrunedRole).toBool());

  // Detail pane: every cached score and its rank (1 = hardest).
  const qint64 hardest = g->hardestModel()->index(0).data(ps::ui::ExampleListModel::IndexRole).toLongLong();
  g->showDetail(hardest);
  QVERIFY(g->detailText()->text().contains(QString("#%1").arg(hardest)));
  QVERIFY(g->detailText()->text().contains("views_ds"));  // the source path
  QCOMPARE(g->detailTable()->rowCount(), 2);
  bool sawFirst = false;
  for (int r = 0; r < 2; ++r)
    if (g->detailTable()->item(r, 0)->text().startsWith("first")) {
      sawFirst = true;
      QCOMPARE(g->detailTable()->item(r, 2)->text(), QString("1 of 600"));
      QCOMPARE(g->detailTable()->item(r, 1)->text(), QString("599"));
    }
  QVERIFY(sawFirst);
  const auto secondRank = ps::descendingRank(second_, static_cast<size_t>(hardest));
  for (int r = 0; r < 2; ++r)
    if (g->detailTable()->item(r, 0)->text().startsWith("second"))
      QCOMPARE(g->detailTable()->item(r, 2)->text(), QString("%1 of 600").arg(secondRank));

  // Selection: copy as text, export as an index list; the kept subset as .npy.
  auto* sel = g->hardestList()->selectionModel();
  for (int r = 0; r < 3; ++r) sel->select(g->hardestModel()->index(r), QItemSelectionModel::Select);
  const QStringList copied = g->selectionText().trimmed().split('\n');
  QCOMPARE(copied.size(), 4);
  QVERIFY(copied[1].startsWith(QString("%1\t").arg(hardest)));
  const QString txt = tmp_.filePath("picked.txt");
  QString error;
  QVERIFY2(g->exportSelection(txt, &error), qPrintable(error));
  const auto picked = lines(txt);
  QCOMPARE(picked.size(), size_t(4));
  QVERIFY(picked[0].find("picked by hand") != std::string::npos);
  QCOMPARE(picked[1], std::to_string(hardest));
  g->policyBox()->setCurrentIndex(0);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  const QString npy = tmp_.filePath("kept.npy");
  QVERIFY2(g->exportKept(npy, &error), qPrintable(error));
  QCOMPARE(QFileInfo(npy).size(), qint64(128 + 180 * 8));  // header + 180 int64 indices
  QVERIFY(QFile::exists(npy + ".json"));
  QVERIFY(!g->exportKept(tmp_.filePath("kept.xlsx"), &error));
  QVERIFY(error.contains("kept.xlsx"));
}

void TestGuiViews::scoreViewHistogramsAndAgreement() {
  auto w = openWindow();
  auto* v = w->scoreView();
  w->showView("scores");
  QSignalSpy ready(v, &ps::ui::ScoreView::agreementReady);
  if (v->agreementBusy() || v->agreement().names.empty()) QVERIFY(ready.wait(30000));
  // Histograms: one panel per class, counts over all 600 examples (binned off the GUI thread).
  QTRY_VERIFY_WITH_TIMEOUT(!v->histogramBusy() && !v->histograms().counts.empty(), 30000);
  const auto& h = v->histograms();
  QCOMPARE(h.counts.size(), size_t(10));
  int64_t total = 0;
  for (const auto& c : h.counts)
    for (int64_t x : c) total += x;
  QCOMPARE(total, int64_t(600));
  QCOMPARE(v->classBox()->count(), 11);  // every class side by side, or one of ten
  v->classBox()->setCurrentIndex(3);
  QCOMPARE(v->chartView()->chart()->series().size(), 2);  // the class, and all classes scaled to it
  // Agreement: the matrix holds Spearman's rho of the two scores.
  const auto& a = v->agreement();
  QCOMPARE(a.names.size(), size_t(2));
  QCOMPARE(a.common, int64_t(600));
  QCOMPARE(a.k, size_t(60));
  const double rho = ps::spearman(first_, second_);
  QVERIFY(rho > 0.9 && rho < 1.0);
  QCOMPARE(v->heatmap()->cellText(0, 1), QString::number(rho, 'f', 2));
  v->heatmap()->setMeasure(ps::ui::AgreementHeatmap::Measure::TopK);
  QCOMPARE(v->heatmap()->cellText(1, 0), QString::number(ps::topKOverlap(first_, second_, 60), 'f', 2));
  // Export: chart as PNG and SVG, the histogram and the agreement as CSV.
  QString error;
  const QString png = tmp_.filePath("hist.png"), svg = tmp_.filePath("hist.svg"), csv = tmp_.filePath("hist.csv");
  ps::ui::CsvWriter writer = [&](const std::string& p) { ps::writeHistogramCsv(h, p); };
  QVERIFY2(ps::ui::saveChart(v->chartView(), png, writer, &error), qPrintable(error));
  QVERIFY2(ps::ui::saveChart(v->chartView(), svg, writer, &error), qPrintable(error));
  QVERIFY2(ps::ui::saveChart(v->chartView(), csv, writer, &error), qPrintable(error));
  QVERIFY(QImage(png).width() > 100);
  QFile s(svg);
  QVERIFY(s.open(QIODevice::ReadOnly));
  QVERIFY(s.readAll().contains("<svg"));
  QCOMPARE(lines(csv).size(), size_t(41));  // header + 40 bins
  QVERIFY(lines(csv)[0].rfind("bin_lo,bin_hi,", 0) == 0);
  QVERIFY(!ps::ui::saveChart(v->chartView(), tmp_.filePath("hist.bmpx"), writer, &error));
  QVERIFY(error.contains("expected .png, .svg or .csv"));
  const QString agree = tmp_.filePath("agree.csv");
  QVERIFY2(v->exportAgreement(agree, &error), qPrintable(error));
  QCOMPARE(lines(agree).size(), size_t(5));  // header + 2×2
}

qint64 TestGuiViews::frontierFromForm(ps::ui::MainWindow* w) {
  auto* form = w->jobPanel()->frontierForm();
  form->scoreBox()->setCurrentIndex(form->scoreBox()->findText("first", Qt::MatchStartsWith));
  form->keepsEdit()->setText("0.5, 1");
  form->epochsBox()->setValue(1);
  QSignalSpy finished(w->jobPanel(), &ps::ui::JobPanel::jobFinished);
  if (!w->jobPanel()->startFrontier() || !finished.wait(300000)) return 0;
  if (finished.first().at(0).toString() != QString("frontier")) return 0;
  return finished.first().at(1).toLongLong();
}

void TestGuiViews::frontierFromTheFormIsStoredAndShown() {
  auto w = openWindow();
  const qint64 runId = frontierFromForm(w.get());
  QVERIFY(runId > 0);
  auto* f = w->frontierView();
  QTRY_COMPARE(f->result().runId, runId);
  QCOMPARE(f->result().points.size(), size_t(6));  // hard, easy, random at 0.5 and at 1 (trained once)
  QCOMPARE(f->runBox()->count(), 1);
  QVERIFY(!f->result().pareto.empty());
  QVERIFY(exportButton(f)->isEnabled());
  // Its CSV export carries the provenance beside it: the dataset, the run, the settings.
  const QString csv = tmp_.filePath("frontier.csv");
  f->exportCsv(csv.toStdString());
  QCOMPARE(lines(csv).size(), size_t(7));  // header + 6 points
  QFile sidecar(csv + ".json");
  QVERIFY(sidecar.open(QIODevice::ReadOnly));
  const QByteArray json = sidecar.readAll();
  QVERIFY(json.contains("\"dataset_fingerprint\": \"" + QByteArray::fromStdString(w->dataset()->fingerprint()) + "\""));
  QVERIFY(json.contains("\"run\": " + QByteArray::number(runId)));
  QVERIFY(json.contains("\"keeps\""));
  // The runs panel lists the study and the models it trained.
  bool listed = false;
  for (const auto& r : w->runsPanel()->model()->runs()) listed |= r.kind == "frontier" && r.id == runId;
  QVERIFY(listed);
}

void TestGuiViews::studyDetailDrawsTheCurveOfEveryModel() {
  auto w = openWindow();
  const qint64 runId = frontierFromForm(w.get());  // from the store when stored
  QVERIFY(runId > 0);
  // The study's detail draws the curve of every model it trained (test error per epoch).
  auto* runs = w->runsPanel();
  QSignalSpy shown(runs, &ps::ui::RunsPanel::curvesShown);
  pstest::StallWatch stalls;
  pstest::GuiThreadSql sql;  // the study and every model's curve are read off the GUI thread
  QVERIFY(runs->selectRun(runId));
  QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == runId, 30000);
  QSignalSpy opened(w->frontierView(), &ps::ui::StudyRunView::runShown);
  runs->openSelected();
  QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
  qInfo() << "longest event-loop stall while showing a study's curves and opening it:" << stalls.worstMs() << "ms";
  QVERIFY2(sql.statements().isEmpty(), qPrintable(sql.statements().join("; ")));
  QVERIFY2(stalls.worstMs() < 100, qPrintable(QString::number(stalls.worstMs())));
  QCOMPARE(runs->shownCurves().size(), size_t(6));  // a curve per point (f = 1 shared, listed per policy)
  int testErrorSeries = 0;
  for (auto* s : runs->curveView()->chart()->series())
    if (s->name().endsWith(" · test error")) {
      ++testErrorSeries;
      QCOMPARE(qobject_cast<QLineSeries*>(s)->count(), 1);  // one epoch
    }
  QCOMPARE(testErrorSeries, 6);
  // The models it trained are listed under it (a tree), not among the scoring runs.
  const QModelIndex study = runs->model()->indexOf(runId);
  QVERIFY(study.isValid() && !study.parent().isValid());
  QVERIFY(runs->model()->rowCount(study) >= 3);
  for (int i = 0; i < runs->model()->rowCount(study); ++i)
    QCOMPARE(runs->model()->index(i, ps::ui::RunTreeModel::Kind, study).data().toString(), QString("train"));
  QVERIFY(!runs->resumeButton()->isEnabled());  // a finished study has nothing to resume
  // A trained model's own detail draws its curve.
  bool sawModel = false;
  for (const auto& r : runs->model()->runs())
    if (r.kind == "train") {
      shown.clear();
      QVERIFY(runs->selectRun(r.id));
      QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == r.id, 30000);
      QCOMPARE(runs->shownCurves().size(), size_t(1));
      QCOMPARE(runs->shownCurves()[0].label, std::string("model"));
      QVERIFY(std::isfinite(runs->shownCurves()[0].curve.epochs.back().testError));
      sawModel = true;
      break;
    }
  QVERIFY(sawModel);
}

void TestGuiViews::frontierHoverShowsNumbersAndAClickAuditsThePoint() {
  auto w = openWindow();
  const qint64 runId = frontierFromForm(w.get());
  QVERIFY(runId > 0);
  auto* f = w->frontierView();
  QTRY_COMPARE(f->result().runId, runId);
  // Hover text has the exact numbers.
  size_t hardHalf = 0;
  for (size_t i = 0; i < f->result().points.size(); ++i)
    if (f->result().points[i].policy == "hard" && f->result().points[i].keep == 0.5) hardHalf = i;
  const ps::FrontierPoint p = f->result().points[hardHalf];
  QVERIFY(f->pointText(hardHalf).contains(QString::number(p.errorMean, 'f', 4)));
  QVERIFY(f->pointText(hardHalf).contains("f = 0.50"));
  // Hovering the point with the mouse shows that text as a tooltip.
  w->showView("frontier");
  w->resize(1400, 900);
  QTest::qWait(500);  // laid out, and the views refreshed after the job (the chart is redrawn then)
  QLineSeries* hardLine = nullptr;
  for (auto* s : f->chartView()->chart()->series())
    if (s->property("ps_policy").toString() == "hard") hardLine = qobject_cast<QLineSeries*>(s);
  QVERIFY(hardLine);
  const QPointF at = f->chartView()->chart()->mapToPosition(QPointF(p.keep, p.errorMean), hardLine);
  const QPoint onView = f->chartView()->mapFromScene(at);
  QTest::mouseMove(f->chartView()->viewport(), onView + QPoint(1, 0));
  QTest::mouseMove(f->chartView()->viewport(), onView);
  QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible() && QToolTip::text() == f->pointText(hardHalf), 3000);
  // A click on the keep-hard line at f = 0.5 audits that pruning in the fairness view.
  QSignalSpy audited(w->jobPanel(), &ps::ui::JobPanel::auditFinished);
  QTest::mouseClick(f->chartView()->viewport(), Qt::LeftButton, {}, onView);
  QCOMPARE(w->views()->currentWidget(), static_cast<QWidget*>(w->fairnessView()));
  QVERIFY(audited.wait(300000));
  auto* fair = w->fairnessView();
  QAbstractItemModelTester t1(fair->policyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QAbstractItemModelTester t2(fair->balancedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(fair->policyModel()->rowCount(), 10);
  QCOMPARE(fair->balancedModel()->rowCount(), 10);
  QCOMPARE(fair->result().keep, 0.5);
  QVERIFY(fair->result().policy.hasAccuracy);
  // The study (class-balanced, the form's default) trained the balanced subset: the
  // audit's balanced side is answered by that model, so its error is the point's.
  QCOMPARE(fair->result().balanced.errorSubset, p.errorMean);
  QVERIFY2(fair->summary()->text().contains("keep hard at f = 0.5"), qPrintable(fair->summary()->text()));
  // Balanced keeps half of every class (to within the rounding of one example).
  for (const auto& c : fair->result().balanced.classes) {
    QVERIFY(std::abs(2 * c.kept - c.total) <= 1);
    QCOMPARE(fair->balancedModel()->index(c.label, 1).data().toString(), QString("%1/%2").arg(c.kept).arg(c.total));
  }
  QVERIFY(fair->summary()->text().contains("first"));
  QCOMPARE(fair->chartView()->chart()->series().size(), 1);
  QVERIFY(exportButton(fair)->isEnabled());
  QString error;
  const QString svg = tmp_.filePath("frontier.svg"), csv = tmp_.filePath("audit.csv");
  QVERIFY2(ps::ui::saveChart(f->chartView(), svg, nullptr, &error), qPrintable(error));
  QVERIFY2(
      ps::ui::saveChart(
          fair->chartView(), csv, [&](const std::string& path) { ps::writeAuditCsv(fair->result(), path); }, &error),
      qPrintable(error));
  QCOMPARE(lines(csv).size(), size_t(11));
}

void TestGuiViews::scalingFromTheFormWithFittedExponents() {
  auto w = openWindow();
  auto* form = w->jobPanel()->scalingForm();
  form->scoreBox()->setCurrentIndex(form->scoreBox()->findText("first", Qt::MatchStartsWith));
  form->keepsEdit()->setText("0.5, 1");
  form->epochsBox()->setValue(1);
  for (int i = 0; i < form->policyList()->count(); ++i)
    form->policyList()->item(i)->setCheckState(
        form->policyList()->item(i)->data(Qt::UserRole).toString() == "hard" ? Qt::Checked : Qt::Unchecked);
  form->minSizeBox()->setValue(150);  // pools of 150, 238, 378 and 600 examples
  QSignalSpy finished(w->jobPanel(), &ps::ui::JobPanel::jobFinished);
  QVERIFY(w->jobPanel()->startScaling());
  QVERIFY(finished.wait(300000));
  QCOMPARE(finished.first().at(0).toString(), QString("scaling"));
  auto* v = w->scalingView();
  QTRY_COMPARE(v->result().runId, finished.first().at(1).toLongLong());
  QCOMPARE(v->result().points.size(), size_t(8));  // 4 pool sizes × 2 kept fractions
  QVERIFY(exportButton(v)->isEnabled());
  bool exponentInLegend = false;
  for (auto* s : v->chartView()->chart()->series())
    exponentInLegend |= qobject_cast<QScatterSeries*>(s) && s->name().contains("b = ");
  QVERIFY(exponentInLegend);
  // the envelope over the per-f curves, and its verdict in words (computed by core)
  bool envelopeDrawn = false;
  for (auto* s : v->chartView()->chart()->series()) envelopeDrawn |= s->name().startsWith("envelope: best f");
  QVERIFY(envelopeDrawn);
  QString said;
  for (auto* label : v->findChildren<QLabel*>()) said += label->text() + "\n";
  QVERIFY2(said.contains("Envelope (keep-hard): "), qPrintable(said));
  // the planner under the chart: core's answer for the budget asked, which follows the box
  QCOMPARE(v->budgetBox()->value(), 600);  // the largest pool of the study shown
  QVERIFY2(v->planLabel()->text().startsWith("For 600 examples before pruning"), qPrintable(v->planLabel()->text()));
  v->budgetBox()->setValue(5000);
  QVERIFY2(v->planLabel()->text().contains("OUTSIDE the measured pools"), qPrintable(v->planLabel()->text()));
  // the other question: the fewest examples for a target error (the box starts at the best measured)
  ps::ui::PlanPanel* plan = v->planPanel();
  w->views()->setCurrentWidget(v);  // shown: the theory beside the plan starts
  plan->modeBox()->setCurrentIndex(1);
  QTRY_VERIFY(plan->targetBox()->isVisible() && !plan->budgetBox()->isVisible());
  QVERIFY2(plan->planLabel()->text().startsWith("To reach a test error of"), qPrintable(plan->planLabel()->text()));
  QCOMPARE(QSettings().value("plan/mode").toInt(), 1);
  // beside it, labelled as theory: the perceptron's optimal f per alpha_tot, simulated off the GUI thread
  QTRY_VERIFY_WITH_TIMEOUT(!plan->theory().empty(), 60000);
  QVERIFY(plan->theoryChart()->chart()->series().size() >= 2);
  QVERIFY(plan->theoryLabel()->text().contains("says nothing about this dataset"));
  plan->modeBox()->setCurrentIndex(0);
  QString error;
  QVERIFY2(ps::ui::saveChart(v->chartView(), tmp_.filePath("scaling.png"), nullptr, &error), qPrintable(error));
  // File ▸ Export Report's work: the report of this dataset, written off the GUI thread
  bool done = false, ok = false;
  QString message;
  ps::ui::exportReport(w.get(), w->dataset(), w->storePath(), tmp_.filePath("report.html"),
                       [&](bool success, const QString& m) {
                         done = true;
                         ok = success;
                         message = m;
                       });
  QTRY_VERIFY_WITH_TIMEOUT(done, 120000);
  QVERIFY2(ok, qPrintable(message));
  QFile report(tmp_.filePath("report.html"));
  QVERIFY(report.open(QIODevice::ReadOnly));
  QVERIFY(report.readAll().contains("<h2>Scaling study, run"));
}

void TestGuiViews::importedScoresJoinTheViews() {
  auto w = openWindow();
  const int before = w->galleryView()->scoreBox()->count();
  // A .npy written here: float32, higher = easier (as a confidence would be).
  std::vector<float> conf(600);
  for (size_t i = 0; i < conf.size(); ++i) conf[i] = static_cast<float>(i) / 600.0f;
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (600,), }";
  header += std::string(64 - (10 + header.size() + 1) % 64, ' ') + "\n";
  std::string npy = std::string("\x93NUMPY\x01\x00", 8);
  npy += static_cast<char>(header.size() & 0xff);
  npy += static_cast<char>(header.size() >> 8);
  npy += header;
  npy.append(reinterpret_cast<const char*>(conf.data()), conf.size() * sizeof(float));
  const QString file = tmp_.filePath("confidence.npy");
  pstest::writeText(file.toStdString(), npy);
  QSignalSpy finished(w->jobPanel(), &ps::ui::JobPanel::jobFinished);
  QVERIFY(w->jobPanel()->startImport(file, "confidence_ext", false));
  QVERIFY(finished.wait(30000));
  QTRY_COMPARE(w->galleryView()->scoreBox()->count(), before + 1);
  auto* g = w->galleryView();
  g->scoreBox()->setCurrentIndex(g->scoreBox()->findText("confidence_ext", Qt::MatchStartsWith));
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  // Higher = easier: example 0 (value 0) is the hardest.
  QCOMPARE(g->hardestModel()->index(0).data(ps::ui::ExampleListModel::IndexRole).toLongLong(), 0LL);
  // A file of the wrong length: the job fails with the file named, nothing is added.
  pstest::writeText(tmp_.filePath("short.csv").toStdString(), "score\n1\n2\n");
  QSignalSpy failed(w->jobPanel(), &ps::ui::JobPanel::jobFailed);
  QVERIFY(w->jobPanel()->startImport(tmp_.filePath("short.csv"), "short", true));
  QVERIFY(failed.wait(30000));
  QVERIFY2(w->lastError().contains("short.csv") && w->lastError().contains("expected 600"), qPrintable(w->lastError()));
  w->refreshFromStore();
  QTRY_VERIFY_WITH_TIMEOUT(!w->refreshing(), 30000);
  QCOMPARE(w->galleryView()->scoreBox()->count(), before + 1);
}

void TestGuiViews::badStudySettingsAreReported() {
  auto w = openWindow();
  auto* form = w->jobPanel()->frontierForm();
  form->keepsEdit()->setText("0.5, half");
  QVERIFY(!w->jobPanel()->startFrontier());
  QVERIFY2(w->lastError().contains("'half' is not a number"), qPrintable(w->lastError()));
  form->keepsEdit()->setText("0.8, 0.4");
  QVERIFY(!w->jobPanel()->startFrontier());
  QVERIFY2(w->lastError().contains("ascending"), qPrintable(w->lastError()));
  form->keepsEdit()->setText("0.5, 1");
  for (int i = 0; i < form->policyList()->count(); ++i) form->policyList()->item(i)->setCheckState(Qt::Unchecked);
  QVERIFY(!w->jobPanel()->startFrontier());
  QVERIFY(w->lastError().contains("no policy selected"));
  QVERIFY(w->jobPanel()->jobs().empty());
}

void TestGuiViews::settingsPersistLanguageAndRefuseABadStore() {
  ps::ui::SettingsDialog d("/tmp/x.sqlite");
  QCOMPARE(d.storePath(), QString("/tmp/x.sqlite"));
  d.languageBox()->setCurrentIndex(d.languageBox()->findData("zh_CN"));
  ps::ui::SettingsDialog::saveLanguage(d.language());
  QCOMPARE(ps::ui::SettingsDialog::savedLanguage(), QString("zh_CN"));
  ps::ui::SettingsDialog::saveLanguage(QString());
  // The store location persists; a bad one is refused and the previous one kept.
  auto w = openWindow();
  QCOMPARE(QSettings().value("store/path").toString(), db_);
  const QString other = tmp_.filePath("other.sqlite");
  QVERIFY(w->setStorePath(other));
  QCOMPARE(QSettings().value("store/path").toString(), other);
  QTRY_COMPARE(w->runsPanel()->model()->rowCount(), 0);  // a new, empty store
  const QString junk = tmp_.filePath("junk.sqlite");
  pstest::writeText(junk.toStdString(), std::string(8192, 'x'));
  QVERIFY(!w->setStorePath(junk));
  QVERIFY(w->lastError().contains("junk.sqlite"));
  QCOMPARE(w->storePath(), other);
  QCOMPARE(QSettings().value("store/path").toString(), other);
}

QTEST_MAIN(TestGuiViews)
#include "test_gui_views.moc"
