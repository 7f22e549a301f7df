// The forms' "Run on: this computer | Slurm cluster" and the jobs panel's Slurm arrays:
// the choice is off, saying why, where sbatch is not on the PATH; bad cluster settings are
// marked while typing and refused without a crash; and on a real one-node cluster
// (scripts/slurm-local.sh, as test_slurm starts it) a 2-seed EL2N request submitted from
// the form with clicks is one job with per-task states, a cancelled task is resubmitted
// from its row, the shards are merged into the window's store and the score shows as a
// local one does; Cancel scancels an array; a frontier study runs as an array and shows
// in its view. The cluster tests skip, saying why, without Slurm or root.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "base/background_job.h"
#include "base/form_parts.h"
#include "cluster/slurm_jobs.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "jobs/job_panel.h"
#include "jobs/slurm_array_job.h"
#include "jobs/slurm_form.h"
#include "jobs/study_forms.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "support/open_window.h"
#include "support/slurm_cluster.h"
#include "support/test_data.h"
#include "views/frontier_view.h"
#include "views/gallery_view.h"
#include "window/main_window.h"

using ps::ui::SlurmArrayJob;
using ps::ui::SlurmForm;

namespace {

// The button of `job`'s row with this text or object name (visible or not).
QPushButton* rowButton(ps::ui::JobPanel* panel, const ps::ui::BackgroundJob* job, const QString& textOrName) {
  for (QLabel* label : panel->findChildren<QLabel*>()) {
    if (label->text() != job->title()) continue;
    for (QPushButton* b : label->parentWidget()->findChildren<QPushButton*>())
      if (b->text() == textOrName || b->objectName() == textOrName) return b;
  }
  return nullptr;
}

QLabel* rowLabel(ps::ui::JobPanel* panel, const ps::ui::BackgroundJob* job, const QString& name) {
  for (QLabel* label : panel->findChildren<QLabel*>()) {
    if (label->text() != job->title()) continue;
    return label->parentWidget()->findChild<QLabel*>(name);
  }
  return nullptr;
}

void onlyScore(QListWidget* list, const QString& name) {
  for (int i = 0; i < list->count(); ++i)
    list->item(i)->setCheckState(list->item(i)->text() == name ? Qt::Checked : Qt::Unchecked);
}

}  // namespace

// In a test function: the one-node cluster, started once for the suite, or the test
// skipped where none can run here (failed where one should have started and did not).
#define REQUIRE_CLUSTER()                                               \
  do {                                                                  \
    QString why;                                                        \
    if (!ensureCluster(why)) {                                          \
      if (!clusterFailed_.isEmpty()) QFAIL(qPrintable(clusterFailed_)); \
      QSKIP(qPrintable(why));                                           \
    }                                                                   \
  } while (false)

class TestGuiSlurm : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  pstest::SlurmCluster cluster_;
  bool clusterUp_ = false;
  QString clusterFailed_;  // why the one start tried failed
  QString data_;
  QString db() const { return tmp_.filePath("gui-slurm.sqlite"); }
  // Starts the one-node cluster once; false (the test skips) where none can start.
  bool ensureCluster(QString& why);
  std::unique_ptr<ps::ui::MainWindow> openWindow();

 private slots:
  void initTestCase();
  void cleanupTestCase() { cluster_.stop(); }
  void slurmChoiceIsOffWithoutSbatch();
  void badClusterSettingsAreMarkedWhileTyping();
  void scoringFromTheFormIsMergedIntoTheStore();
  void cancelScancelsTheArray();
  void frontierStudyRunsAsAnArray();
};

void TestGuiSlurm::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("PruneScopeTest");
  QCoreApplication::setApplicationName("PruneScopeSlurmTest");
  QSettings().clear();
  qputenv("PRUNESCOPE_DB", tmp_.filePath("default.sqlite").toUtf8());  // never the user's own store
  data_ = tmp_.filePath("data");
  pstest::fashionSubset(data_.toStdString(), 300, 100);
}

bool TestGuiSlurm::ensureCluster(QString& why) {
  if (clusterUp_) return true;
  why = pstest::SlurmCluster::unavailableReason();
  if (!why.isEmpty()) return false;
  if (!clusterFailed_.isEmpty()) return false;
  QString log;
  if (!cluster_.start(tmp_.filePath("cluster"), 16827, log)) {
    clusterFailed_ = "the one-node cluster did not start: " + log;
    return false;
  }
  clusterUp_ = true;
  QSettings s;
  s.setValue("slurm/pollSeconds", 0.5);
  s.setValue("slurm/folder", tmp_.filePath("plans"));
  return true;
}

std::unique_ptr<ps::ui::MainWindow> TestGuiSlurm::openWindow() {
  return pstest::openWindowOn(db(), data_, QSize(1400, 900));
}

// Restores PATH however the test ends.
struct PathGuard {
  QByteArray saved = qgetenv("PATH");
  ~PathGuard() { qputenv("PATH", saved); }
};

void TestGuiSlurm::slurmChoiceIsOffWithoutSbatch() {
  const PathGuard guard;
  QSettings().setValue("slurm/runOn", "slurm");  // remembered, but not possible here
  qputenv("PATH", tmp_.path().toUtf8());         // no sbatch in it
  {
    ps::ui::JobPanel panel;
    panel.show();
    for (SlurmForm* f : {panel.scoreRunOn(), panel.frontierForm()->runOn(), panel.scalingForm()->runOn()}) {
      QVERIFY(!f->slurmChoice()->isEnabledTo(f));
      QCOMPARE(f->slurmChoice()->toolTip(), QString("sbatch not found on PATH"));
      QCOMPARE(f->reasonLabel()->text(), QString("sbatch not found on PATH"));
      QVERIFY(f->localChoice()->isChecked());
      QVERIFY(!f->slurmChosen());
    }
    QVERIFY(panel.scoreRunOn()->reasonLabel()->isVisible());
    QCOMPARE(panel.startButton()->text(), QString("Start scoring"));
  }
  // A program named sbatch on the PATH makes the choice possible (and the remembered one).
  const QString bin = tmp_.filePath("bin");
  QDir().mkpath(bin);
  pstest::writeText((bin + "/sbatch").toStdString(), "#!/bin/sh\nexit 1\n");
  QVERIFY(QFile(bin + "/sbatch").setPermissions(QFile::ReadOwner | QFile::ExeOwner));
  qputenv("PATH", bin.toUtf8());
  QCOMPARE(QStandardPaths::findExecutable("sbatch"), bin + "/sbatch");
  {
    ps::ui::JobPanel panel;
    panel.show();
    QVERIFY(panel.scoreRunOn()->slurmChoice()->isEnabledTo(panel.scoreRunOn()));
    QVERIFY(panel.scoreRunOn()->slurmChosen());
    QVERIFY(!panel.scoreRunOn()->reasonLabel()->isVisible());
    QCOMPARE(panel.startButton()->text(), QString("Submit scoring to Slurm"));
    QCOMPARE(panel.frontierForm()->startButton()->text(), QString("Submit frontier study to Slurm"));
  }
  QSettings().setValue("slurm/runOn", "local");
}

void TestGuiSlurm::badClusterSettingsAreMarkedWhileTyping() {
  ps::ui::JobPanel panel;
  panel.setStorePath(db());
  std::shared_ptr<const ps::Dataset> ds = ps::openDataset(data_.toStdString());
  panel.setDataset(ds);
  panel.show();
  SlurmForm* on = panel.scoreRunOn();
  if (!on->slurmChoice()->isEnabled()) QSKIP("sbatch is not on the PATH here");
  QTest::mouseClick(on->slurmChoice(), Qt::LeftButton);
  QVERIFY(on->slurmChosen());
  QVERIFY(on->gpusEdit()->isVisible() && on->timeEdit()->isVisible());
  QCOMPARE(QSettings().value("slurm/runOn").toString(), QString("slurm"));

  struct Typed {
    QLineEdit* edit;
    QString text;
    bool valid;
  };
  const Typed typed[] = {
      {on->gpusEdit(), "two", false},      {on->gpusEdit(), "2", true},          {on->gpusEdit(), "-1", false},
      {on->gpusEdit(), "", true},          {on->timeEdit(), "1h", false},        {on->timeEdit(), "01:75:00", false},
      {on->timeEdit(), "01:30:00", true},  {on->timeEdit(), "2-00:00:00", true}, {on->cpusEdit(), "4.5", false},
      {on->cpusEdit(), "4", true},         {on->throttleEdit(), "x", false},     {on->throttleEdit(), "3", true},
      {on->partitionEdit(), "a b", false}, {on->partitionEdit(), "gpu", true},   {on->accountEdit(), "lab;rm", false},
      {on->accountEdit(), "lab", true}};
  for (const Typed& t : typed) {
    t.edit->clear();
    QTest::keyClicks(t.edit, t.text);
    QVERIFY2(ps::ui::fieldValid(t.edit) == t.valid, qPrintable(t.edit->objectName() + " '" + t.text + "'"));
  }
  QCOMPARE(QSettings().value("slurm/partition").toString(), QString("gpu"));  // remembered as typed

  // Started with a bad value: refused with the reason, nothing queued, nothing submitted.
  on->gpusEdit()->clear();
  QTest::keyClicks(on->gpusEdit(), "many");
  QVERIFY(!ps::ui::fieldValid(on->gpusEdit()));
  QVERIFY(!on->gpusEdit()->toolTip().isEmpty());
  QSignalSpy failed(&panel, &ps::ui::JobPanel::jobFailed);
  QTest::mouseClick(panel.startButton(), Qt::LeftButton);
  QCOMPARE(failed.count(), 1);
  QVERIFY2(failed.at(0).at(0).toString().contains("--gpus-per-task 'many'"), qPrintable(failed.at(0).at(0).toString()));
  QVERIFY(panel.jobs().empty());
  for (QLineEdit* e :
       {on->gpusEdit(), on->timeEdit(), on->cpusEdit(), on->throttleEdit(), on->partitionEdit(), on->accountEdit()})
    e->clear();
  QTest::mouseClick(on->localChoice(), Qt::LeftButton);
  QCOMPARE(QSettings().value("slurm/runOn").toString(), QString("local"));
}

void TestGuiSlurm::scoringFromTheFormIsMergedIntoTheStore() {
  REQUIRE_CLUSTER();
  QSettings().setValue("slurm/cli", PRUNESCOPE_CLI_PATH);
  auto w = openWindow();
  QVERIFY(w);
  ps::ui::JobPanel* panel = w->jobPanel();
  onlyScore(panel->scoreList(), "el2n");
  panel->epochsBox()->setValue(1);
  panel->seedsBox()->setValue(2);
  QTest::mouseClick(panel->healthChecksBox(), Qt::LeftButton);  // 300 examples learn little in one epoch
  QVERIFY(!panel->healthChecksBox()->isChecked());
  SlurmForm* on = panel->scoreRunOn();
  QTest::mouseClick(on->slurmChoice(), Qt::LeftButton);
  QVERIFY(on->slurmChosen());
  QCOMPARE(panel->startButton()->text(), QString("Submit scoring to Slurm"));
  QTest::keyClicks(on->cpusEdit(), "1");
  QTest::keyClicks(on->throttleEdit(), "1");  // one at a time: task 1 waits while task 0 runs
  const ps::ScoreConfig cfg = panel->formConfig();

  QSignalSpy finished(panel, &ps::ui::JobPanel::jobFinished);
  QTest::mouseClick(panel->startButton(), Qt::LeftButton);
  QCOMPARE(panel->jobs().size(), size_t(1));  // the whole array is one job
  auto* job = qobject_cast<SlurmArrayJob*>(panel->jobs().front());
  QVERIFY(job);
  QVERIFY(job->title().contains("on Slurm"));
  QSignalSpy polled(job, &SlurmArrayJob::tasksChanged);
  QVERIFY(polled.wait(60000));
  std::vector<ps::TaskState> tasks = job->tasks();
  QCOMPARE(tasks.size(), size_t(2));
  QVERIFY2(!tasks[1].job.empty(), "task 1 submitted");
  QLabel* states = rowLabel(panel, job, "slurmTasks");
  QVERIFY(states);
  QTRY_VERIFY_WITH_TIMEOUT(states->toolTip().contains("task 1 · el2n seed 2/2 ·"), 10000);  // every task

  // Task 1 cancelled behind the panel's back: the row offers to resubmit it.
  QCOMPARE(pstest::runProgram("scancel", {QString::fromStdString(tasks[1].job)}).code, 0);
  QPushButton* resubmit = rowButton(panel, job, "resubmitFailed");
  QVERIFY(resubmit);
  QTRY_VERIFY_WITH_TIMEOUT(resubmit->isVisible(), 60000);
  QVERIFY(states->text().contains(QRegularExpression("task 1 · el2n seed 2/2 · (CANCELLED|gone from the queue)")));
  QTest::mouseClick(resubmit, Qt::LeftButton);

  QSignalSpy refreshed(w.get(), &ps::ui::MainWindow::storeRefreshed);
  QVERIFY(finished.wait(240000));
  QCOMPARE(finished.at(0).at(0).toString(), QString("score"));
  const qint64 runId = finished.at(0).at(1).toLongLong();
  QVERIFY(runId > 0);
  tasks = job->tasks();
  QVERIFY(std::all_of(tasks.begin(), tasks.end(), [](const ps::TaskState& t) { return t.finished; }));
  // (Slurm may still say RUNNING or COMPLETING for a task whose shard holds its result.)
  QCOMPARE(states->text(), QString("finished, result in its shard: tasks 0, 1"));
  QCOMPARE(states->toolTip().count("· result in its shard"), 2);
  QVERIFY(!resubmit->isVisible());
  QCOMPARE(ps::readSubmissions((job->planDir() + "/jobs.json").toStdString()).size(), size_t(2));

  // The merged request, as a local run of the same settings finds it.
  {
    ps::Store store(db().toStdString());
    const auto rec = store.findRun(ps::scoreCacheKey(*w->dataset(), cfg), ps::RunStatus::Done);
    QVERIFY(rec.has_value());
    QCOMPARE(rec->id, runId);
    ps::JobContext ctx;
    const ps::ScoreRun run = ps::scoreDataset(*w->dataset(), store, cfg, ctx);
    QVERIFY(run.fromCache);
    QCOMPARE(run.difficulty.at("el2n").size(), size_t(300));
    QCOMPARE(run.spread.at("el2n").size(), size_t(300));  // the mean of two seeds, and their spread
  }
  // ...and the views show it as they show a local one.
  QVERIFY(refreshed.count() > 0 || refreshed.wait(30000));
  QTRY_VERIFY_WITH_TIMEOUT(
      w->galleryView()->scoreBox()->findText(QString("(run %1)").arg(runId), Qt::MatchEndsWith) >= 0, 30000);
}

void TestGuiSlurm::cancelScancelsTheArray() {
  REQUIRE_CLUSTER();
  auto w = openWindow();
  QVERIFY(w);
  ps::ui::JobPanel* panel = w->jobPanel();
  onlyScore(panel->scoreList(), "el2n");
  panel->epochsBox()->setValue(30);  // long enough to be running when cancelled
  panel->seedsBox()->setValue(2);
  panel->healthChecksBox()->setChecked(false);
  QVERIFY(panel->scoreRunOn()->slurmChosen());  // remembered from the last submission
  QTest::mouseClick(panel->startButton(), Qt::LeftButton);
  auto* job = qobject_cast<SlurmArrayJob*>(panel->jobs().back());
  QVERIFY(job);
  QSignalSpy polled(job, &SlurmArrayJob::tasksChanged);
  QVERIFY(polled.wait(60000));
  QPushButton* cancel = rowButton(panel, job, "Cancel");
  QVERIFY(cancel && cancel->isVisible());
  QSignalSpy cancelled(job, &ps::ui::BackgroundJob::cancelled);
  QTest::mouseClick(cancel, Qt::LeftButton);
  QVERIFY(cancelled.wait(30000));
  const auto submissions = ps::readSubmissions((job->planDir() + "/jobs.json").toStdString());
  QCOMPARE(submissions.size(), size_t(1));
  for (const auto& t : job->tasks()) {
    const QString state = pstest::waitForJob(QString::fromStdString(t.job), 30);
    QVERIFY2(state == "CANCELLED", qPrintable(QString::fromStdString(t.job) + ": " + state));
  }
  QCOMPARE(pstest::waitForJob(QString::fromStdString(submissions[0].mergeJob), 30), QString("CANCELLED"));
  QCOMPARE(cancel->text(), QString("Resume"));
}

void TestGuiSlurm::frontierStudyRunsAsAnArray() {
  REQUIRE_CLUSTER();
  auto w = openWindow();
  QVERIFY(w);
  ps::ui::JobPanel* panel = w->jobPanel();
  ps::ui::StudyForm* form = panel->frontierForm();
  panel->forms()->setCurrentWidget(form);
  QTRY_VERIFY_WITH_TIMEOUT(form->scoreBox()->count() > 0, 30000);  // the EL2N merged before
  for (int i = 0; i < form->policyList()->count(); ++i) {
    const QString p = form->policyList()->item(i)->data(Qt::UserRole).toString();
    form->policyList()->item(i)->setCheckState(p == "hard" || p == "random" ? Qt::Checked : Qt::Unchecked);
  }
  form->keepsEdit()->setText("0.5, 1");
  form->epochsBox()->setValue(3);  // f = 1 must learn (health checks)
  form->testLimitBox()->setValue(100);
  QVERIFY(form->runOn()->slurmChosen());
  form->runOn()->cpusEdit()->setText("1");
  QSignalSpy finished(panel, &ps::ui::JobPanel::jobFinished);
  QTest::mouseClick(form->startButton(), Qt::LeftButton);
  auto* job = qobject_cast<SlurmArrayJob*>(panel->jobs().back());
  QVERIFY(job);
  QCOMPARE(job->kind(), QString("frontier"));
  QVERIFY(finished.wait(240000));
  QCOMPARE(job->tasks().size(), size_t(3));  // hard and random at 0.5, and f = 1 once
  const qint64 runId = finished.at(0).at(1).toLongLong();
  QVERIFY(runId > 0);
  QTRY_COMPARE_WITH_TIMEOUT(w->frontierView()->result().runId, runId, 30000);  // shown as a local study is
  QCOMPARE(w->frontierView()->result().points.size(), size_t(4));              // hard, random at 0.5 and at 1
}

QTEST_MAIN(TestGuiSlurm)
#include "test_gui_slurm.moc"
