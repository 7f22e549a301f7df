// The main window's views driven offscreen on a small real dataset: the runs panel (open,
// delete with confirm), the gallery's pruning slider, detail pane and exports, the score
// view, imported scores joining the views, the export buttons, and the settings.
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
#include <numeric>
#include <random>

#include "charts/chart_export.h"
#include "charts/chart_view.h"
#include "data/dataset_opener.h"
#include "jobs/job_panel.h"
#include "jobs/study_forms.h"
#include "prune/policy_registry.h"
#include "score/rank_stats.h"
#include "score/score_engine.h"
#include "score/score_hooks.h"
#include "score/score_registry.h"
#include "store/store.h"
#include "support/cli_run.h"
#include "support/gui_thread_sql.h"
#include "support/stall_watch.h"
#include "support/test_data.h"
#include "support/views_fixture.h"
#include "views/example_list_model.h"
#include "views/fairness_view.h"
#include "views/frontier_view.h"
#include "views/gallery_view.h"
#include "views/report_export.h"
#include "views/runs_panel.h"
#include "views/scaling_view.h"
#include "views/score_view.h"
#include "views/theory_view.h"
#include "window/main_window.h"
#include "window/settings_dialog.h"

class TestGuiViews : public QObject, public pstest::ViewsFixture {
  Q_OBJECT

 private slots:
  void initTestCase() { setUp("PruneScopeViewsTest"); }
  void runsPanelListsOpensAndDeletesWithConfirm();
  void galleryPruningSliderDetailPaneAndExports();
  void exportIsOfferedOnlyWhenAChartShowsSomething();
  void scoreViewHistogramsAndAgreement();
  void importedScoresJoinTheViews();
  void settingsPersistLanguageAndRefuseABadStore();
  void aRegisteredPolicyAndScoreShowUpEverywhere();
};

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
      QCOMPARE(g->detailTable()->item(r, 1)->text(), QString("1 of 600"));
      QCOMPARE(g->detailTable()->item(r, 3)->text(), QString("599"));  // the difficulty
    }
  QVERIFY(sawFirst);
  const auto secondRank = ps::descendingRank(second_, static_cast<size_t>(hardest));
  for (int r = 0; r < 2; ++r)
    if (g->detailTable()->item(r, 0)->text().startsWith("second"))
      QCOMPARE(g->detailTable()->item(r, 1)->text(), QString("%1 of 600").arg(secondRank));

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

// A policy and a score added through the registries alone (no other edit) show up in the
// CLI's help, the scoring and study forms and the gallery's menu, and the policy selects.
void TestGuiViews::aRegisteredPolicyAndScoreShowUpEverywhere() {
  ps::PolicyInfo middle;
  middle.name = "middle";
  middle.term = "middle";
  middle.title = "keep the middle";
  middle.description = "keep the examples nearest the median difficulty";
  middle.reference = "a test of the registry";
  middle.select = ps::pooled(
      [](const ps::PruneInputs& in, std::vector<int64_t> pool, int64_t count, const ps::PruneSpec&, std::mt19937_64&) {
        std::sort(pool.begin(), pool.end(),
                  [&](int64_t a, int64_t b) { return (*in.difficulty)[size_t(a)] < (*in.difficulty)[size_t(b)]; });
        const auto from = (static_cast<int64_t>(pool.size()) - count) / 2;
        return std::vector<int64_t>(pool.begin() + from, pool.begin() + from + count);
      });
  const ps::PrunePolicy policy = ps::registerPolicy(middle);
  ps::ScoreInfo order;
  order.name = "test_order";
  order.description = "the example's position (a test of the registry)";
  order.makeHook = [](const ps::ScoreHookArgs& a) -> std::unique_ptr<ps::TrainHook> {
    const auto n = a.examples;
    return std::make_unique<ps::EpochPassHook>("test_order", a.epochs, [n](ps::EpochServices&) {
      std::vector<float> v(static_cast<size_t>(n));
      std::iota(v.begin(), v.end(), 0.f);
      return v;
    });
  };
  ps::registerScore(order);
  struct Unregister {
    ps::PrunePolicy p;
    ~Unregister() {
      ps::unregisterPolicy(p);
      ps::unregisterScore("test_order");
    }
  } unregister{policy};

  // The policy is one like the others: parsed by name, and its selection is the one used.
  QCOMPARE(ps::parsePrunePolicy("middle"), policy);
  ps::PruneSpec spec;
  spec.policy = policy;
  spec.keep = 0.2;
  const auto kept = ps::selectSubset({5, 1, 3, 2, 4, 0, 9, 8, 7, 6}, std::vector<int>(10, 0), spec);
  QCOMPARE(kept, (std::vector<int64_t>{0, 4}));  // difficulties 4 and 5 sit at the median
  QVERIFY(ps::parseScoreList("all").size() == ps::allScoreNames().size());

  // The CLI's help lists both, with their descriptions.
  for (const char* cmd : {"prune", "frontier", "scaling", "audit"}) {
    const auto help = pstest::cli({cmd, "--help"});
    QVERIFY2(help.out.find("middle: keep the examples nearest the median difficulty") != std::string::npos, cmd);
    QVERIFY2(help.out.find("ccs: ") != std::string::npos, cmd);
  }
  QVERIFY(pstest::cli({"score", "--help"}).out.find("test_order: the example's position") != std::string::npos);

  // The forms: the scoring form's scores, the study forms' policies (CCS and the new one
  // unchecked or checked as registered), the gallery's menu with CCS and the new one.
  ps::ui::JobPanel panel;
  QVERIFY(!panel.scoreList()->findItems(QStringLiteral("test_order"), Qt::MatchExactly).isEmpty());
  for (auto kind : {ps::ui::StudyForm::Kind::Frontier, ps::ui::StudyForm::Kind::Scaling}) {
    ps::ui::StudyForm form(kind);
    QStringList names;
    for (int i = 0; i < form.policyList()->count(); ++i)
      names << form.policyList()->item(i)->data(Qt::UserRole).toString();
    QCOMPARE(names, (QStringList{"hard", "easy", "random", "ccs", "robust", "group-balanced", "dedup", "middle"}));
  }
  ps::ui::GalleryView gallery;
  QStringList menu;
  for (int i = 0; i < gallery.policyBox()->count(); ++i) menu << gallery.policyBox()->itemData(i).toString();
  QCOMPARE(menu, (QStringList{"hard", "easy", "random", "ccs", "robust", "group-balanced", "dedup", "middle"}));
  QCOMPARE(gallery.policyBox()->itemText(6), QStringLiteral("semantic dedup (SemDeDup)"));
  QCOMPARE(gallery.policyBox()->itemText(7), QStringLiteral("keep the middle"));
}

QTEST_MAIN(TestGuiViews)
#include "test_gui_views.moc"
