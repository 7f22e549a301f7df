// The window: one queue runs every background job (heavy jobs one at a time by default,
// the rest waiting in an order the user changes with the rows' buttons; finished ones
// cleared), the title shows the progress, quitting with jobs running asks; a closed dock
// comes back from the View menu; a dataset folder dropped on the window opens; a plain
// start comes back to the dataset, view and gallery settings left; the zh_CN translation
// is complete and changes the window.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "base/background_job.h"
#include "base/job_queue.h"
#include "base/ui_wording.h"
#include "charts/frontier_chart.h"
#include "job/job.h"
#include "jobs/job_panel.h"
#include "store/run_summary.h"
#include "store/store.h"
#include "study/scaling_study.h"
#include "support/test_data.h"
#include "train/train_health.h"
#include "views/gallery_view.h"
#include "window/main_window.h"
#include "window/settings_dialog.h"
#include "window/startup.h"

using ps::ui::BackgroundJob;
using ps::ui::JobQueue;
using State = ps::ui::JobQueue::State;

namespace {

// A job that reports half its work and then waits until its gate opens or it is cancelled.
struct Gate {
  std::atomic<bool> open{false};
};

BackgroundJob* gatedJob(const QString& title, const QString& db, const std::shared_ptr<Gate>& gate,
                        const QString& kind = QStringLiteral("score")) {
  return new BackgroundJob(kind, title, db, [gate](ps::Store&, ps::JobContext& ctx) {
    ctx.report(1, 2, "half");
    while (!gate->open) {
      ctx.throwIfCancelled();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return ps::ui::JobOutcome{};
  });
}

// The button of `job`'s row in `panel` with this text or tooltip.
template <typename Button>
Button* rowButton(ps::ui::JobPanel* panel, const QString& title, const QString& textOrTip) {
  for (QLabel* label : panel->findChildren<QLabel*>()) {
    if (label->text() != title) continue;
    for (Button* b : label->parentWidget()->findChildren<Button*>())
      if ((b->text() == textOrTip || b->toolTip() == textOrTip) && b->isVisible()) return b;
  }
  return nullptr;
}

}  // namespace

class TestGuiWindow : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  QString db() const { return tmp_.filePath("queue.sqlite"); }

 private slots:
  void initTestCase();
  void heavyJobsRunOneAtATimeInTheOrderChosen();
  void finishedJobsClearAndTheTitleShowsProgress();
  void theJobsListShowsFiveJobsAndScrolls();
  void aModelThatDidNotLearnIsExplainedInTheWindowsWords();
  void quittingWithJobsRunningAsksFirst();
  void theViewMenuBringsBackAClosedDock();
  void aDroppedFolderOpensAndARestartComesBack();
  void chineseTranslationIsCompleteAndLoads();
  void chineseCoversQtsDialogsDurationsAndTheRestartNote();
};

void TestGuiWindow::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName("PruneScopeTest");
  QCoreApplication::setApplicationName("PruneScopeQueueTest");
  QSettings().clear();
  qputenv("PRUNESCOPE_DB", db().toUtf8());
}

void TestGuiWindow::heavyJobsRunOneAtATimeInTheOrderChosen() {
  ps::ui::JobPanel panel;
  panel.resize(400, 800);
  panel.show();
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  JobQueue* q = panel.queue();
  QCOMPARE(q->parallel(), 1);  // by default
  auto ga = std::make_shared<Gate>(), gb = std::make_shared<Gate>(), gc = std::make_shared<Gate>();
  auto* a = gatedJob("job A", db(), ga);
  auto* b = gatedJob("job B", db(), gb);
  auto* c = gatedJob("job C", db(), gc);
  for (auto* j : {a, b, c}) q->add(j);
  QCOMPARE(q->state(a), State::Running);
  QCOMPARE(q->state(b), State::Queued);
  QCOMPARE(q->state(c), State::Queued);
  // An import is light: it does not wait for the trainings.
  auto gi = std::make_shared<Gate>();
  auto* imp = gatedJob("import", db(), gi, QStringLiteral("import"));
  q->add(imp);
  QCOMPARE(q->state(imp), State::Running);
  gi->open = true;
  QTRY_COMPARE(q->state(imp), State::Finished);
  // C moves ahead of B with its row's up button; B's row says where it waits.
  decltype(rowButton<QToolButton>(&panel, "job C", "Run earlier")) up = nullptr;
  QTRY_VERIFY((up = rowButton<QToolButton>(&panel, "job C", "Run earlier")));
  QTest::mouseClick(up, Qt::LeftButton);
  QVERIFY(std::find(q->jobs().begin(), q->jobs().end(), c) < std::find(q->jobs().begin(), q->jobs().end(), b));
  // A finishes: C starts, not B.
  ga->open = true;
  QTRY_COMPARE(q->state(a), State::Finished);
  QTRY_COMPARE(q->state(c), State::Running);
  QCOMPARE(q->state(b), State::Queued);
  // B is removed from the queue with its row's ✕ before it ever runs.
  decltype(rowButton<QToolButton>(&panel, "job B", "Remove from the list")) remove = nullptr;
  QTRY_VERIFY((remove = rowButton<QToolButton>(&panel, "job B", "Remove from the list")));
  QTest::mouseClick(remove, Qt::LeftButton);
  QVERIFY(std::find(q->jobs().begin(), q->jobs().end(), b) == q->jobs().end());
  // Two at once when the setting says so: a new job starts beside C.
  panel.findChild<QSpinBox*>("parallelJobs")->setValue(2);
  auto gd = std::make_shared<Gate>();
  auto* d = gatedJob("job D", db(), gd);
  q->add(d);
  QCOMPARE(q->state(d), State::Running);
  // Cancel from the row; Resume puts it back in the queue and it runs again.
  decltype(rowButton<QPushButton>(&panel, "job D", "Cancel")) cancel = nullptr;
  QTRY_VERIFY((cancel = rowButton<QPushButton>(&panel, "job D", "Cancel")));
  QTest::mouseClick(cancel, Qt::LeftButton);
  QTRY_COMPARE(q->state(d), State::Cancelled);
  decltype(rowButton<QPushButton>(&panel, "job D", "Resume")) resume = nullptr;
  QTRY_VERIFY((resume = rowButton<QPushButton>(&panel, "job D", "Resume")));
  QTest::mouseClick(resume, Qt::LeftButton);
  QCOMPARE(q->state(d), State::Running);
  gc->open = gd->open = true;
  QTRY_COMPARE(q->state(c), State::Finished);
  QTRY_COMPARE(q->state(d), State::Finished);
  panel.findChild<QSpinBox*>("parallelJobs")->setValue(1);
}

void TestGuiWindow::finishedJobsClearAndTheTitleShowsProgress() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  JobQueue* q = w.jobPanel()->queue();
  q->setParallel(1);
  auto gate = std::make_shared<Gate>();
  auto* job = gatedJob("title job", db(), gate);
  auto* next = gatedJob("next job", db(), gate);
  q->add(job);
  q->add(next);
  QTRY_VERIFY2(w.windowTitle().startsWith("[50%]"), qPrintable(w.windowTitle()));
  QVERIFY2(w.windowTitle().contains("1 queued"), qPrintable(w.windowTitle()));
  gate->open = true;
  QTRY_COMPARE(q->count(State::Finished), 2);
  QTRY_VERIFY(!w.windowTitle().startsWith("["));
  QPushButton* clear = nullptr;
  for (auto* b : w.jobPanel()->findChildren<QPushButton*>())
    if (b->text() == "Clear finished") clear = b;
  QVERIFY(clear && clear->isEnabled());
  QTest::mouseClick(clear, Qt::LeftButton);
  QVERIFY(q->jobs().empty());
  QTRY_VERIFY(!rowButton<QToolButton>(w.jobPanel(), "title job", "Remove from the list"));
}

void TestGuiWindow::theJobsListShowsFiveJobsAndScrolls() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.resize(1500, 920);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  JobQueue* q = w.jobPanel()->queue();
  q->setParallel(1);
  auto gate = std::make_shared<Gate>();
  std::vector<BackgroundJob*> jobs;
  for (int i = 0; i < 8; ++i) {
    jobs.push_back(gatedJob(QStringLiteral("Scoring: el2n, forgetting, aum, confidence · small_cnn · epochs: 10 · "
                                           "seeds: 1 · job %1")
                                .arg(i),
                            db(), gate));
    q->add(jobs.back());
  }
  QList<QWidget*> rows;
  QTRY_COMPARE((rows = w.jobPanel()->findChildren<QWidget*>(QStringLiteral("jobRow"))).size(), 8);
  QTest::qWait(100);  // laid out
  auto* area = qobject_cast<QScrollArea*>(rows.first()->parentWidget()->parentWidget()->parentWidget());
  QVERIFY(area);
  // Five rows (and more) show whole at once; the rest are reached by scrolling.
  int whole = 0;
  for (QWidget* row : rows) {
    const QRect inView(row->mapTo(area->viewport(), QPoint(0, 0)), row->size());
    whole += area->viewport()->rect().contains(inView) ? 1 : 0;
  }
  QVERIFY2(whole >= ps::ui::JobPanel::kJobsShown, qPrintable(QString::number(whole)));
  QVERIFY(area->verticalScrollBar()->maximum() > 0);
  gate->open = true;
  QTRY_COMPARE(q->count(State::Finished), 8);
}

void TestGuiWindow::aModelThatDidNotLearnIsExplainedInTheWindowsWords() {
  // 400 images at batch 128: 4 steps an epoch, and a model still at chance.
  ps::EpochHealth h;
  h.epoch = 2;
  h.steps = 4;
  h.balancedAccuracy = 0.11;
  h.chance = 0.1;
  h.learnedAbove = 0.2;
  auto* job =
      new BackgroundJob(QStringLiteral("score"), QStringLiteral("did not learn"), db(),
                        [h](ps::Store&, ps::JobContext&) -> ps::ui::JobOutcome { throw ps::NotLearnedError(h, 0.05); });
  QSignalSpy failed(job, &BackgroundJob::failed);
  job->start();
  QVERIFY(failed.wait(10000));
  const QString why = failed.first().first().toString();
  QVERIFY2(why.contains("too few steps per epoch (4; at least 20 are needed)") &&
               why.contains("“Batch size” (under Training settings)") && why.contains("“Epochs”") &&
               why.contains("Find…") && why.contains("untick"),
           qPrintable(why));
  QVERIFY2(!why.contains("--"), qPrintable(why));  // no command-line options in the window
  // The command line's words are the exception's own.
  const std::string cli = ps::NotLearnedError(h, 0.05).what();
  QVERIFY2(cli.find("lower --batch-size or raise --epochs") != std::string::npos, cli.c_str());
  delete job;
}

void TestGuiWindow::quittingWithJobsRunningAsksFirst() {
  auto w = std::make_unique<ps::ui::MainWindow>();
  w->show();
  QVERIFY(QTest::qWaitForWindowExposed(w.get()));
  auto gate = std::make_shared<Gate>();
  auto* job = gatedJob("long job", db(), gate);
  w->jobPanel()->queue()->add(job);
  // The question comes; "No" keeps the window and the job.
  QString asked;
  auto answer = [&asked](QMessageBox::StandardButton button) {
    QTimer::singleShot(200, [&asked, button] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      asked = box->text();
      box->button(button)->click();
    });
  };
  answer(QMessageBox::No);
  QVERIFY(!w->close());
  QVERIFY(asked.contains("1 job(s) still running"));
  QCOMPARE(w->jobPanel()->queue()->state(job), State::Running);
  // "Yes" quits; the job stops with the window.
  asked.clear();
  answer(QMessageBox::Yes);
  QVERIFY(w->close());
  QVERIFY(!asked.isEmpty());
  w.reset();  // the job is cancelled and joined
}

void TestGuiWindow::theViewMenuBringsBackAClosedDock() {
  ps::ui::MainWindow w;
  w.setQuietErrors(true);
  w.show();
  QVERIFY(QTest::qWaitForWindowExposed(&w));
  QDockWidget* runs = nullptr;
  for (auto* d : w.findChildren<QDockWidget*>())
    if (d->objectName() == "runsDock") runs = d;
  QVERIFY(runs);
  runs->close();
  QVERIFY(!runs->isVisible());
  QAction* bring = nullptr;
  for (QAction* menu : w.menuBar()->actions())
    if (menu->text() == "&View")
      for (QAction* a : menu->menu()->actions())
        if (a->text() == runs->windowTitle()) bring = a;
  QVERIFY(bring);
  bring->trigger();
  QVERIFY(runs->isVisible());
  // Help has the page on scores and policies.
  bool help = false;
  for (QAction* menu : w.menuBar()->actions())
    if (menu->text() == "&Help")
      for (QAction* a : menu->menu()->actions()) help = help || a->text().contains("Scores and Policies");
  QVERIFY(help);
}

void TestGuiWindow::aDroppedFolderOpensAndARestartComesBack() {
  const QString dir = tmp_.filePath("dropped");
  pstest::fashionSubset(dir.toStdString(), 300, 50);
  {
    ps::ui::MainWindow w;
    w.setQuietErrors(true);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QSignalSpy opened(&w, &ps::ui::MainWindow::datasetOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir)});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w, &drop);
    QVERIFY(opened.wait(60000));
    QVERIFY(opened[0][0].toString().endsWith("dropped"));
    // A file that is no dataset is refused at the door.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(tmp_.filePath("notes.txt"))});
    QDragEnterEvent refused(QPoint(300, 300), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&w, &refused);
    QVERIFY(!refused.isAccepted());
    // Left in the scores view with the gallery at 40 %.
    w.galleryView()->keepSlider()->setValue(40);
    w.showView("scores");
    w.close();
  }
  ps::ui::MainWindow again;
  again.setQuietErrors(true);
  QSignalSpy reopened(&again, &ps::ui::MainWindow::datasetOpened);
  again.restoreSession();
  QVERIFY(reopened.wait(60000));
  QVERIFY(reopened[0][0].toString().endsWith("dropped"));
  QCOMPARE(again.views()->currentWidget()->objectName(), QStringLiteral("scores"));
  QCOMPARE(again.galleryView()->keepSlider()->value(), 40);
}

void TestGuiWindow::chineseTranslationIsCompleteAndLoads() {
  // Every message of the zh_CN file is translated.
  QFile ts(QStringLiteral(PRUNESCOPE_SOURCE_DIR "/translations/prunescope_zh_CN.ts"));
  QVERIFY(ts.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(ts.readAll());
  const int messages = static_cast<int>(text.count("<message"));
  QVERIFY(messages > 200);
  QCOMPARE(static_cast<int>(text.count("type=\"unfinished\"")), 0);
  QCOMPARE(static_cast<int>(text.count("<translation></translation>")), 0);
  // The compiled translation is in the program and changes the window.
  QTranslator zh;
  QVERIFY(zh.load(QLocale(QLocale::Chinese, QLocale::China), "prunescope", "_", ":/i18n"));
  QCoreApplication::installTranslator(&zh);
  {
    ps::ui::MainWindow w;
    QCOMPARE(w.views()->tabText(1), QString::fromUtf8("图库"));
    QVERIFY(w.views()->tabText(3) != QString("Frontier"));
  }
  // Core's sentences and the policies' and run kinds' names too (identifiers stay).
  ps::RunRecord run;
  run.kind = "frontier";
  run.config = R"({"score": {"name": "el2n"}, "policies": ["hard", "random"], "keeps": [0.5, 1],
                   "class_balanced": true, "train": {"model": "small_cnn", "epochs": 4}, "seeds": 2})";
  const QString settings = QString::fromStdString(ps::describeRun(run, ps::ui::uiWording()));
  QCOMPARE(settings, QString::fromUtf8("el2n · 困难样本, 随机 · f = 0.5, 1 · 类别均衡 · small_cnn · 4 轮 · 2 个种子"));
  QCOMPARE(ps::ui::runKindWord("scaling"), QString::fromUtf8("规模律"));
  ps::Crossover x;
  x.pool = -1;
  QCOMPARE(QString::fromStdString(ps::describeCrossover(x, 500, 10000, ps::ui::uiWording())),
           QString::fromUtf8("在不超过 10000 的每个规模上，保留简单样本都不差于保留困难样本"));
  QCoreApplication::removeTranslator(&zh);
  QCOMPARE(ps::describeRun(run, ps::ui::uiWording()), ps::describeRun(run));  // English: core's own words
  ps::ui::MainWindow en;
  QCOMPARE(en.views()->tabText(1), QString("Gallery"));
}

void TestGuiWindow::chineseCoversQtsDialogsDurationsAndTheRestartNote() {
  // Chinese saved in Settings: the start loads Qt's own catalogue too (shipped in the
  // program besides Qt's folder), so OK and Cancel are Chinese.
  QVERIFY(QFile::exists(":/i18n/qtbase_zh_CN.qm"));
  ps::ui::SettingsDialog::saveLanguage("zh_CN");
  ps::ui::installTranslations();
  {
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), QString::fromUtf8("确定"));
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QString::fromUtf8("取消"));
    // Durations and the ± sign in the window's words; no stray space in a policy's name.
    QCOMPARE(ps::ui::durationWord(127), QString::fromUtf8("2 分 07 秒"));
    QCOMPARE(ps::ui::durationWord(3725), QString::fromUtf8("1 小时 02 分"));
    QCOMPARE(ps::ui::durationWord(9), QString::fromUtf8("9 秒"));
    QCOMPARE(ps::ui::coreText("b = 0.413 +- 0.055"), QString::fromUtf8("b = 0.413 ± 0.055"));
    ps::FrontierPoint p;
    p.score = "el2n";
    p.policy = "hard";
    QCOMPARE(ps::ui::frontierLineName(p), QString::fromUtf8("保留困难样本（el2n）"));
    // Picking another language says at once that it applies after a restart, in both
    // languages; the language already in use says it plainly.
    ps::ui::SettingsDialog dialog(db());
    const QString here = QString::fromUtf8("新语言将在下次启动 PruneScope 时生效。");
    QCOMPARE(dialog.languageNote()->text(), here);
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(QStringLiteral("en")));
    QVERIFY2(dialog.languageNote()->text().contains(here) &&
                 dialog.languageNote()->text().contains("A new language applies the next time PruneScope starts."),
             qPrintable(dialog.languageNote()->text()));
  }
  ps::ui::SettingsDialog::saveLanguage("en");
  ps::ui::installTranslations();
  QDialogButtonBox box(QDialogButtonBox::Ok);
  QVERIFY(!box.button(QDialogButtonBox::Ok)->text().contains(QString::fromUtf8("确定")));
  QCOMPARE(ps::ui::durationWord(127), QString("2m07s"));
}

QTEST_MAIN(TestGuiWindow)
#include "test_gui_window.moc"
