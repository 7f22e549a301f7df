// The real main window, offscreen: open datasets, bad input, and the class model.
#include <QAbstractItemModelTester>
#include <QChart>
#include <QFileInfo>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include "base/background_job.h"
#include "charts/chart_export.h"
#include "data/dataset_opener.h"
#include "jobs/job_estimate.h"
#include "jobs/job_panel.h"
#include "jobs/study_forms.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "support/gui_thread_sql.h"
#include "support/open_window.h"
#include "support/stall_watch.h"
#include "support/test_data.h"
#include "theory/perceptron_theory.h"
#include "views/class_count_model.h"
#include "views/dataset_summary_widget.h"
#include "views/example_list_model.h"
#include "views/gallery_view.h"
#include "views/runs_panel.h"
#include "views/theory_view.h"
#include "window/main_window.h"

class TestGui : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  // A window on a 2 000-example dataset and its own store, opened, scoring form at 3 epochs.
  std::unique_ptr<ps::ui::MainWindow> openJobsWindow();
 private slots:
  void initTestCase();
  void opensFashionMnistAndRecordsItInTheStore();
  void unreadableDatasetShowsReasonAndWindowKeepsWorking();
  void scriptedScreenshotEndsWithAnErrorForABadDataset();
  void helpAndVersionNeedNoDisplay();
  void aCommandLineStoreIsForThisLaunchOnly();
  void folderWithSkippedFilesListsThem();
  void storeThatIsNotADatabaseIsReported();
  void scoringJobsCancelResumeAndNeverBlockTheGuiThread();
  void scoringRunDetailDrawsItsStoredCurve();
  void findLearningRateFillsTheForm();
  void invalidFormValuesAreReported();
  void formsSayHowLongAJobTakes();
  void smallTrainingSetsGetEnoughStepsPerEpoch();
  void theoryViewUpdatesOffTheGuiThread();
  void galleryShowsEasiestAndHardest();
};

void TestGui::initTestCase() {
  pstest::GuiThreadSql::install();  // before the first connection
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("PruneScopeTest");
  QCoreApplication::setApplicationName("PruneScopeTest");
  QSettings().clear();
  qputenv("PRUNESCOPE_DB", tmp_.filePath("default.sqlite").toUtf8());  // never the user's own store
}

void TestGui::opensFashionMnistAndRecordsItInTheStore() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  const QString db = tmp_.filePath("gui.sqlite");
  w.setStorePath(db);
  w.show();
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  w.openDataset("fashion-mnist");
  QVERIFY(opened.wait(30000));
  auto* model = w.summaryWidget()->classModel();
  QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(model->rowCount(), 10);
  QCOMPARE(model->index(9, ps::ui::ClassCountModel::Name).data().toString(), QString("Ankle boot"));
  QCOMPARE(model->index(4, ps::ui::ClassCountModel::Train).data().toULongLong(), 6000ULL);
  QCOMPARE(model->index(4, ps::ui::ClassCountModel::Test).data().toULongLong(), 1000ULL);
  QVERIFY(w.windowTitle().contains("fashion-mnist"));
  QCOMPARE(QSettings().value("datasets/recent").toStringList().value(0), QString("fashion-mnist"));
  ps::Store store(db.toStdString());
  QVERIFY(store.findDataset(w.dataset()->fingerprint()));
}

void TestGui::unreadableDatasetShowsReasonAndWindowKeepsWorking() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.setStorePath(tmp_.filePath("gui2.sqlite"));
  QSignalSpy failed(&w, &ps::ui::MainWindow::datasetFailed);
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  const QString bad = tmp_.filePath("idx_broken");
  pstest::writeIdxDataset(bad.toStdString(), pstest::fashionSamples(5), pstest::fashionSamples(2, true), false);
  pstest::writeBytes(bad.toStdString() + "/train-images-idx3-ubyte", {0, 0, 8, 3, 0});
  w.openDataset(bad);
  QVERIFY(failed.wait(30000));
  QVERIFY(w.lastError().contains("train-images-idx3-ubyte"));
  QVERIFY(!w.dataset());
  w.openDataset("fashion-mnist");  // still usable
  QVERIFY(opened.wait(30000));
  QCOMPARE(w.summaryWidget()->classModel()->rowCount(), 10);
}

void TestGui::scriptedScreenshotEndsWithAnErrorForABadDataset() {
  if (qEnvironmentVariableIsSet("PRUNESCOPE_NO_SUBPROCESS_TESTS"))
    QSKIP("starts processes (not under ThreadSanitizer)");
  // The built application, as a script runs it: it must end (not wait on a message box),
  // exit non-zero with the reason on stderr, and still leave the screenshot it was asked for.
  const QString shot = tmp_.filePath("failed.png");
  QProcess app;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp_.filePath("config"));  // never the user's settings
  app.setProcessEnvironment(env);
  app.start(QStringLiteral(PRUNESCOPE_APP_PATH), {tmp_.filePath("no-such-dataset"), QStringLiteral("--db"),
                                                  tmp_.filePath("shot.sqlite"), QStringLiteral("--screenshot"), shot});
  QVERIFY(app.waitForFinished(60000));
  QCOMPARE(app.exitStatus(), QProcess::NormalExit);
  QCOMPARE(app.exitCode(), 1);
  QVERIFY2(app.readAllStandardError().contains("no-such-dataset: no such file or directory"), "reason on stderr");
  QVERIFY(QImage(shot).width() > 100);
  // A screenshot that cannot be written is an error too.
  app.start(QStringLiteral(PRUNESCOPE_APP_PATH),
            {QStringLiteral("--db"), tmp_.filePath("shot.sqlite"), QStringLiteral("--screenshot"),
             tmp_.filePath("no/such/folder/x.png")});
  QVERIFY(app.waitForFinished(60000));
  QCOMPARE(app.exitCode(), 1);
  QVERIFY(app.readAllStandardError().contains("x.png: cannot write here"));
}

void TestGui::helpAndVersionNeedNoDisplay() {
  if (qEnvironmentVariableIsSet("PRUNESCOPE_NO_SUBPROCESS_TESTS"))
    QSKIP("starts processes (not under ThreadSanitizer)");
  // A terminal without any display: no X, no Wayland, no platform chosen.
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) env.remove(QString::fromLatin1(v));
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp_.filePath("config-help"));
  QProcess app;
  app.setProcessEnvironment(env);
  app.start(QStringLiteral(PRUNESCOPE_APP_PATH), {QStringLiteral("--help")});
  QVERIFY(app.waitForFinished(60000));
  const QString help = QString::fromLocal8Bit(app.readAllStandardOutput());
  QCOMPARE(app.exitStatus(), QProcess::NormalExit);
  QVERIFY2(app.exitCode() == 0, qPrintable(app.readAllStandardError()));
  QVERIFY2(help.contains(QStringLiteral("Usage:")) && help.contains(QStringLiteral("--db <file>")) &&
               help.contains(QStringLiteral("--start-scoring")),
           qPrintable(help));
  app.start(QStringLiteral(PRUNESCOPE_APP_PATH), {QStringLiteral("--version")});
  QVERIFY(app.waitForFinished(60000));
  QCOMPARE(app.exitCode(), 0);
  QVERIFY(app.readAllStandardOutput().startsWith("PruneScope "));
}

void TestGui::aCommandLineStoreIsForThisLaunchOnly() {
  if (qEnvironmentVariableIsSet("PRUNESCOPE_NO_SUBPROCESS_TESTS"))
    QSKIP("starts processes (not under ThreadSanitizer)");
  // The store chosen in Settings, as the application saved it.
  const QString config = tmp_.filePath("config-db");
  const QString chosen = tmp_.filePath("chosen.sqlite"), oneOff = tmp_.filePath("one-off.sqlite");
  {
    QSettings saved(config + QStringLiteral("/PruneScope/PruneScope.conf"), QSettings::IniFormat);
    saved.setValue(QStringLiteral("store/path"), chosen);
  }
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
  QProcess app;
  app.setProcessEnvironment(env);
  app.start(QStringLiteral(PRUNESCOPE_APP_PATH),
            {QStringLiteral("--db"), oneOff, QStringLiteral("--screenshot"), tmp_.filePath("db.png")});
  QVERIFY(app.waitForFinished(60000));
  QVERIFY2(app.exitCode() == 0, qPrintable(app.readAllStandardError()));
  QVERIFY2(QFileInfo::exists(oneOff), "the launch used the store named on its command line");
  const QSettings after(config + QStringLiteral("/PruneScope/PruneScope.conf"), QSettings::IniFormat);
  QCOMPARE(after.value(QStringLiteral("store/path")).toString(), chosen);  // later launches keep Settings' choice
  // In the window: the same, and Settings' own choice is what persists.
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  QVERIFY(w.setStorePath(chosen));
  QVERIFY(w.setStorePath(oneOff, ps::ui::MainWindow::StoreChoice::ThisLaunch));
  QCOMPARE(w.storePath(), oneOff);
  QCOMPARE(QSettings().value(QStringLiteral("store/path")).toString(), chosen);
}

void TestGui::folderWithSkippedFilesListsThem() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.setStorePath(tmp_.filePath("gui3.sqlite"));
  const std::string dir = tmp_.filePath("folder").toStdString();
  pstest::writeImageFolder(dir, "", pstest::fashionSamples(20), {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  pstest::writeText(dir + "/a/oops.png", "not an image");
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  w.openDataset(QString::fromStdString(dir));
  QVERIFY(opened.wait(30000));
  QCOMPARE(w.summaryWidget()->skippedList()->count(), 1);
  QVERIFY(w.summaryWidget()->skippedList()->item(0)->text().contains("oops.png"));
}

void TestGui::storeThatIsNotADatabaseIsReported() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  const QString db = tmp_.filePath("notes.txt");
  pstest::writeText(db.toStdString(), std::string(4096, 'n'));
  const QString before = w.storePath();
  QVERIFY(!w.setStorePath(db));  // refused with the reason; the working store stays
  QVERIFY2(w.lastError().contains("not a database"), qPrintable(w.lastError()));
  QVERIFY(w.lastError().contains("notes.txt"));
  QCOMPARE(w.storePath(), before);
  QVERIFY(!w.setStorePath(tmp_.path()));  // a directory
  QVERIFY(w.lastError().contains("is a directory"));
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  w.openDataset("fashion-mnist");
  QVERIFY(opened.wait(30000));
  QCOMPARE(w.summaryWidget()->classModel()->rowCount(), 10);  // the window keeps working
}

std::unique_ptr<ps::ui::MainWindow> TestGui::openJobsWindow() {
  const std::string dir = tmp_.filePath("jobs_ds").toStdString();
  if (!QFileInfo::exists(QString::fromStdString(dir)))
    pstest::writeIdxDataset(dir, pstest::fashionSamples(2000), pstest::fashionSamples(200, true), false);
  auto w = pstest::openWindowOn(tmp_.filePath("jobs.sqlite"), QString::fromStdString(dir));
  if (!w) qFatal("the jobs dataset did not open");
  w->jobPanel()->epochsBox()->setValue(3);
  return w;
}

void TestGui::scoringJobsCancelResumeAndNeverBlockTheGuiThread() {
  auto w = openJobsWindow();
  w->resize(1400, 700);
  auto* panel = w->jobPanel();
  // The event loop's worst stall while jobs run (generous bound: an epoch on the GUI
  // thread would take seconds).
  pstest::StallWatch stalls;
  pstest::GuiThreadSql sql;  // exact: no store is read or written on the GUI thread

  QSignalSpy cancelled(panel, &ps::ui::JobPanel::jobCancelled);
  QSignalSpy finished(panel, &ps::ui::JobPanel::jobFinished);
  ps::ui::BackgroundJob* job = panel->startJob();
  QVERIFY(job);
  QSignalSpy progress(job, &ps::ui::BackgroundJob::progress);
  QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 3, 30000);
  // Its row shows whole, however short the window: the queue grows and the forms scroll.
  const auto bars = panel->findChildren<QProgressBar*>();
  QVERIFY(!bars.isEmpty());
  QTRY_COMPARE(bars.last()->visibleRegion().boundingRect().size(), bars.last()->size());
  QElapsedTimer c;
  c.start();
  job->cancel();
  QVERIFY(cancelled.wait(5000));
  QVERIFY2(c.elapsed() < 2000, qPrintable(QString::number(c.elapsed())));
  // The cancelled run is listed as interrupted, and the runs panel's Resume restarts it
  // from its stored settings.
  auto* runs = w->runsPanel();
  // (found in the panel, which reads the store off the GUI thread: a store opened here
  // would be a stall of the test's own making)
  qint64 cancelledRun = 0;
  auto listedInterrupted = [&] {
    for (const auto& r : runs->model()->runs())
      if (r.kind == "score" && r.status == ps::RunStatus::Interrupted) cancelledRun = r.id;
    return cancelledRun > 0;
  };
  QTRY_VERIFY_WITH_TIMEOUT(listedInterrupted(), 30000);
  QVERIFY(runs->selectRun(cancelledRun));
  QTRY_VERIFY(runs->resumeButton()->isEnabled());
  QTest::mouseClick(runs->resumeButton(), Qt::LeftButton);
  QVERIFY(finished.wait(120000));
  QCOMPARE(finished.first().at(1).toLongLong(), cancelledRun);  // the same run, continued
  stalls.stop();
  qInfo() << "longest event-loop stall while scoring:" << stalls.worstMs() << "ms";
  QVERIFY2(sql.statements().isEmpty(), qPrintable(sql.statements().join("; ")));
  QVERIFY2(stalls.worstMs() < 250, qPrintable(QString::number(stalls.worstMs())));
  // The finished run is in the store, resumed rather than restarted.
  ps::Store store(tmp_.filePath("jobs.sqlite").toStdString());
  QCOMPARE(finished.first().at(0).toString(), QString("score"));
  const auto run = store.run(finished.first().at(1).toLongLong());
  QCOMPARE(run.status, ps::RunStatus::Done);
  QVERIFY(store.vectorNames(run.id).size() > 3);
  // The gallery fills with the new scores.
  QTRY_VERIFY_WITH_TIMEOUT(w->galleryView()->scoreBox()->count() > 3, 30000);
  QTRY_COMPARE(w->galleryView()->hardestModel()->totalCount(), int64_t(2000));
  // The job's row shows the last epoch's health line.
  QLabel* logLine = nullptr;
  for (auto* l : panel->findChildren<QLabel*>(QStringLiteral("logLine"))) logLine = l;
  QVERIFY(logLine);
  QVERIFY2(logLine->text().startsWith("epoch 3/3: loss "), qPrintable(logLine->text()));
  // Several scores on one frontier: the form offers the chosen run's other scores.
  auto* form = panel->frontierForm();
  form->scoreBox()->setCurrentIndex(form->scoreBox()->findText("el2n", Qt::MatchStartsWith));
  QList<QListWidgetItem*> forgetting;
  QTRY_VERIFY(!(forgetting = form->compareList()->findItems("forgetting", Qt::MatchExactly)).isEmpty());
  QVERIFY(form->compareList()->findItems("el2n", Qt::MatchExactly).isEmpty());  // not itself
  forgetting.front()->setCheckState(Qt::Checked);
  QCOMPARE(form->frontierConfig().moreScores, std::vector<std::string>{"forgetting"});
}

void TestGui::scoringRunDetailDrawsItsStoredCurve() {
  auto w = openJobsWindow();
  QSignalSpy finished(w->jobPanel(), &ps::ui::JobPanel::jobFinished);
  QVERIFY(w->jobPanel()->startJob());  // from the store when the test before ran it
  QVERIFY(finished.wait(120000));
  const qint64 runId = finished.first().at(1).toLongLong();
  auto* runs = w->runsPanel();
  QSignalSpy shown(runs, &ps::ui::RunsPanel::curvesShown);
  QTRY_VERIFY_WITH_TIMEOUT(runs->selectRun(runId), 30000);
  QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == runId, 30000);
  QCOMPARE(runs->shownCurves().size(), size_t(1));
  const auto& curve = runs->shownCurves().front().curve;
  QCOMPARE(curve.epochs.size(), size_t(3));
  QLineSeries* loss = nullptr;
  QLineSeries* accuracy = nullptr;
  for (auto* s : runs->curveView()->chart()->series()) {
    if (s->name() == "seed 1 · loss") loss = qobject_cast<QLineSeries*>(s);
    if (s->name() == "seed 1 · train accuracy") accuracy = qobject_cast<QLineSeries*>(s);
  }
  QVERIFY(loss && accuracy);
  QCOMPARE(loss->count(), 3);
  for (int e = 0; e < 3; ++e) {
    QCOMPARE(loss->at(e).x(), double(e + 1));
    QCOMPARE(loss->at(e).y(), curve.epochs[static_cast<size_t>(e)].loss);
    QCOMPARE(accuracy->at(e).y(), curve.epochs[static_cast<size_t>(e)].accuracy);
  }
  QVERIFY(runs->detailLabel()->text().contains("seed 1 after epoch 3: loss "));
}

void TestGui::formsSayHowLongAJobTakes() {
  auto w = openJobsWindow();
  auto* panel = w->jobPanel();
  ps::ui::JobEstimate* estimate = panel->estimate();
  panel->epochsBox()->setValue(2);
  // The training rate is measured off the GUI thread; the form's work divided by it.
  QTRY_VERIFY_WITH_TIMEOUT(estimate->seconds() > 0, 60000);
  QVERIFY2(estimate->text().contains("images/s"), qPrintable(estimate->text()));
  const double shortJob = estimate->seconds();
  // Ten times the epochs: several times as long (the scores' passes do not grow with them),
  // and past ten minutes it is said so.
  panel->epochsBox()->setValue(panel->epochsBox()->value() * 10);
  QVERIFY2(estimate->seconds() > 4 * shortJob, qPrintable(estimate->text()));  // at once, not polled
  panel->epochsBox()->setValue(1000);
  panel->seedsBox()->setValue(20);
  QTRY_VERIFY2(estimate->text().contains("A long job"), qPrintable(estimate->text()));
  // A job over ten minutes is asked about first, with what it trains and the estimate;
  // cancelled, nothing starts.
  panel->setAskBeforeLongJobs(true);
  auto answer = [](QMessageBox::StandardButton button, QString* said) {
    QTimer::singleShot(50, [button, said] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box || box->objectName() != QStringLiteral("longJobQuestion")) return;
      *said = box->text() + QStringLiteral("\n") + box->informativeText();
      box->button(button)->click();
    });
  };
  QString said;
  answer(QMessageBox::Cancel, &said);
  QVERIFY(!panel->startJob());
  QVERIFY2(said.contains("2000 examples × 1000 epochs × 20 seeds") && said.contains("estimated to take about"),
           qPrintable(said));
  QVERIFY(panel->jobs().empty());
  // Said yes to, it starts (and is cancelled here).
  said.clear();
  answer(QMessageBox::Yes, &said);
  ps::ui::BackgroundJob* job = panel->startJob();
  QVERIFY(job && !said.isEmpty());
  QSignalSpy stopped(panel, &ps::ui::JobPanel::jobCancelled);
  job->cancel();
  QVERIFY(stopped.wait(30000));
  panel->setAskBeforeLongJobs(false);
}

void TestGui::smallTrainingSetsGetEnoughStepsPerEpoch() {
  auto w = openJobsWindow();
  auto* panel = w->jobPanel();
  // 2 000 examples at the default batch of 128 would be 15 steps an epoch: the form lowers
  // the batch and says why; the run's settings hold the value used.
  QCOMPARE(panel->batchBox()->value(), 100);
  QVERIFY(panel->batchNote()->isVisibleTo(panel));
  QVERIFY2(panel->batchNote()->text().contains("2000 examples give at least 20 steps per epoch"),
           qPrintable(panel->batchNote()->text()));
  panel->limitBox()->setValue(400);
  QCOMPARE(panel->batchBox()->value(), 20);
  QCOMPARE(panel->formConfig().train.batchSize, 20);
  // A batch size the user sets stays.
  panel->batchBox()->setValue(64);
  panel->limitBox()->setValue(300);
  QCOMPARE(panel->batchBox()->value(), 64);
}

void TestGui::findLearningRateFillsTheForm() {
  auto w = openJobsWindow();
  auto* panel = w->jobPanel();
  // The training settings fold away; opened, Find… next to the learning rate runs the
  // range test and puts its suggestion there.
  QVERIFY(!panel->findLrButton()->isVisibleTo(panel));
  QToolButton* fold = nullptr;
  for (auto* b : panel->findChildren<QToolButton*>())
    if (b->text() == "Training settings" && b->isVisibleTo(panel) && panel->forms()->currentIndex() == 0 && !fold)
      fold = b;
  QVERIFY(fold);
  QTest::mouseClick(fold, Qt::LeftButton);
  QVERIFY(panel->findLrButton()->isVisibleTo(panel));
  // Opened, the section scrolls into view: Find… can be clicked where it is.
  QTRY_VERIFY(!panel->findLrButton()->visibleRegion().isEmpty());
  const double before = panel->lrBox()->value();
  panel->limitBox()->setValue(1000);
  QSignalSpy lrDone(panel, &ps::ui::JobPanel::jobFinished);
  QTest::mouseClick(panel->findLrButton(), Qt::LeftButton);
  QVERIFY(lrDone.wait(120000));
  QCOMPARE(lrDone.first().at(0).toString(), QString("lr-range"));
  QVERIFY(panel->lrBox()->value() != before);
  QVERIFY(panel->lrBox()->value() > 1e-5 && panel->lrBox()->value() < 10);
  QCOMPARE(panel->formConfig().train.lr, panel->lrBox()->value());
  // What it found and set is said beside the field, which is lit up for a moment.
  QVERIFY(panel->lrFoundLabel()->isVisibleTo(panel));
  QVERIFY2(panel->lrFoundLabel()->text().contains(QString::number(panel->lrBox()->value(), 'g', 3)) &&
               panel->lrFoundLabel()->text().contains(QString::number(before, 'g', 3)),
           qPrintable(panel->lrFoundLabel()->text()));
  QVERIFY(!panel->lrBox()->styleSheet().isEmpty());
  QTRY_VERIFY_WITH_TIMEOUT(panel->lrBox()->styleSheet().isEmpty(), 5000);
}

void TestGui::invalidFormValuesAreReported() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.setStorePath(tmp_.filePath("form.sqlite"));
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  w.openDataset("fashion-mnist");
  QVERIFY(opened.wait(30000));
  auto* panel = w.jobPanel();
  for (int i = 0; i < panel->scoreList()->count(); ++i) panel->scoreList()->item(i)->setCheckState(Qt::Unchecked);
  QVERIFY(!panel->startJob());
  QVERIFY(w.lastError().contains("no score selected"));
  panel->scoreList()->item(0)->setCheckState(Qt::Checked);
  panel->limitBox()->setValue(70000);
  QVERIFY(!panel->startJob());
  QVERIFY(w.lastError().contains("more than the training split holds (60000)"));
}

void TestGui::theoryViewUpdatesOffTheGuiThread() {
  ps::ui::MainWindow w;
  w.show();
  auto* view = w.theoryView();
  w.views()->setCurrentWidget(view);
  QSignalSpy updated(view, &ps::ui::TheoryView::updated);
  QVERIFY(updated.wait(60000));  // the first simulation with the default controls
  QVERIFY(!view->points().empty());
  QVERIFY(view->chartView()->chart()->series().size() > 2);
  // A change of control reruns the simulation: theta = 10° and large alpha_tot.
  view->alphaEdit()->setText("20, 80");
  view->thetaBox()->setValue(10);
  QVERIFY(updated.wait(60000));
  double easySmallF = -1;
  for (const auto& p : view->points()) {
    QCOMPARE(p.thetaDegrees, 10.0);
    if (p.policy == "easy" && p.alphaTot == 80 && p.keep == 0.2) easySmallF = p.errorMean;
  }
  QVERIFY2(easySmallF > 0.04 && easySmallF < 0.09, qPrintable(QString::number(easySmallF)));  // near theta/pi
  // Export: the chart as SVG, the points as CSV (one row per policy × f × alpha).
  QString error;
  const QString csv = tmp_.filePath("theory.csv"), svg = tmp_.filePath("theory.svg");
  QVERIFY2(ps::ui::saveChart(
               view->chartView(), csv, [&](const std::string& p) { ps::writeTheoryCsv(view->points(), p); }, &error),
           qPrintable(error));
  QVERIFY2(ps::ui::saveChart(view->chartView(), svg, nullptr, &error), qPrintable(error));
  QFile f(csv);
  QVERIFY(f.open(QIODevice::ReadOnly));
  QCOMPARE(static_cast<size_t>(f.readAll().count('\n')), view->points().size() + 1);
  QVERIFY(QFileInfo(svg).size() > 1000);
  // Invalid input: a clear message, the last chart stays.
  view->alphaEdit()->setText("1, two");
  QTRY_VERIFY_WITH_TIMEOUT(view->statusLabel()->text().contains("'two' is not a number"), 5000);
  QVERIFY(!view->points().empty());
}

void TestGui::galleryShowsEasiestAndHardest() {
  // A store holding an imported score for a small dataset; the gallery orders by it.
  const std::string dir = tmp_.filePath("gallery_ds").toStdString();
  pstest::writeIdxDataset(dir, pstest::fashionSamples(600), pstest::fashionSamples(20, true), false);
  std::string csv = "score\n";
  for (int i = 0; i < 600; ++i) csv += std::to_string((i * 37) % 600) + "\n";
  pstest::writeText(dir + "/../gallery_scores.csv", csv);
  const QString db = tmp_.filePath("gallery.sqlite");
  {
    auto ds = ps::openDataset(dir);
    ps::Store store(db.toStdString());
    ps::importScores(*ds, store, dir + "/../gallery_scores.csv", "imported", true);
  }
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.setStorePath(db);
  w.show();
  QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
  w.openDataset(QString::fromStdString(dir));
  QVERIFY(opened.wait(30000));
  auto* g = w.galleryView();
  w.views()->setCurrentWidget(g);
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);  // ordered off the GUI thread
  auto* hard = g->hardestModel();
  QAbstractItemModelTester tester(hard, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(g->scoreBox()->count(), 1);
  QCOMPARE(hard->totalCount(), int64_t(600));
  // Rows come in batches of 256 as the view asks for them.
  QVERIFY(hard->rowCount() == 600 || hard->rowCount() % 256 == 0);
  while (hard->canFetchMore({})) hard->fetchMore({});
  QCOMPARE(hard->rowCount(), 600);
  QCOMPARE(hard->index(0).data(ps::ui::ExampleListModel::ValueRole).toDouble(), 599.0);
  QCOMPARE(g->easiestModel()->index(0).data(ps::ui::ExampleListModel::ValueRole).toDouble(), 0.0);
  // Thumbnails arrive from the worker threads.
  hard->index(0).data(Qt::DecorationRole);
  QTRY_VERIFY_WITH_TIMEOUT(!hard->index(0).data(Qt::DecorationRole).value<QImage>().isNull(), 10000);
  QCOMPARE(hard->index(0).data(Qt::DecorationRole).value<QImage>().width(), 56);
  // One class only.
  g->classBox()->setCurrentIndex(2);  // label 1
  QTRY_VERIFY_WITH_TIMEOUT(!g->busy(), 30000);
  for (int r = 0; r < hard->rowCount(); ++r) {
    const auto i = hard->index(r).data(ps::ui::ExampleListModel::IndexRole).toLongLong();
    QCOMPARE(w.dataset()->label(ps::Split::Train, static_cast<size_t>(i)), 1);
  }
  QVERIFY(hard->totalCount() < 600 && hard->totalCount() > 20);
}

QTEST_MAIN(TestGui)
#include "test_gui.moc"
