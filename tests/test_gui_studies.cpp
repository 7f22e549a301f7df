// Studies from the main window's forms, offscreen on a small real dataset: a frontier
// started from its form, stored and shown, its models' training curves in the runs
// panel, hover and click on its points opening a fairness audit; a scaling study with its
// fitted exponents; bad study settings reported.
#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
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
#include <nlohmann/json.hpp>

#include "base/form_parts.h"
#include "charts/chart_export.h"
#include "charts/chart_view.h"
#include "data/dataset_opener.h"
#include "jobs/job_panel.h"
#include "jobs/study_forms.h"
#include "jobs/training_fields.h"
#include "prune/prune_settings.h"
#include "score/rank_stats.h"
#include "score/score_engine.h"
#include "score/score_settings.h"
#include "store/store.h"
#include "study/study_settings.h"
#include "support/gui_thread_sql.h"
#include "support/stall_watch.h"
#include "support/test_data.h"
#include "support/views_fixture.h"
#include "train/train_settings.h"
#include "util/text_list.h"
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
#include "window/startup.h"

class TestGuiStudies : public QObject, public pstest::ViewsFixture {
  Q_OBJECT
 private:
  // Runs the frontier form's study (1 epoch, f = 0.5 and 1, by the score "first"): from
  // the store when it was run before. Its run id, 0 when it failed.
  static qint64 frontierFromForm(ps::ui::MainWindow* w);

 private slots:
  void initTestCase() { setUp("PruneScopeStudiesTest"); }
  void frontierFromTheFormIsStoredAndShown();
  void studyDetailDrawsTheCurveOfEveryModel();
  void frontierHoverShowsNumbersAndAClickAuditsThePoint();
  void scalingFromTheFormWithFittedExponents();
  void badStudySettingsAreReported();
  void formFieldsComeFromTheDeclarations();
  void galleryKeepIsAFraction();
};

qint64 TestGuiStudies::frontierFromForm(ps::ui::MainWindow* w) {
  auto* form = w->jobPanel()->frontierForm();
  form->scoreBox()->setCurrentIndex(form->scoreBox()->findText("first", Qt::MatchStartsWith));
  form->keepsEdit()->setText("0.5, 1");
  form->epochsBox()->setValue(1);
  QSignalSpy finished(w->jobPanel(), &ps::ui::JobPanel::jobFinished);
  if (!w->jobPanel()->startFrontier() || !finished.wait(300000)) return 0;
  if (finished.first().at(0).toString() != QString("frontier")) return 0;
  return finished.first().at(1).toLongLong();
}

void TestGuiStudies::frontierFromTheFormIsStoredAndShown() {
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

void TestGuiStudies::studyDetailDrawsTheCurveOfEveryModel() {
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

void TestGuiStudies::frontierHoverShowsNumbersAndAClickAuditsThePoint() {
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

void TestGuiStudies::scalingFromTheFormWithFittedExponents() {
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

void TestGuiStudies::badStudySettingsAreReported() {
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

namespace {
// The field of `form` named after the setting has the declaration's default and range.
void checkField(const QWidget* form, const ps::SettingSpec& s) {
  const QString name = QString::fromLatin1(s.name);
  auto* field = form->findChild<QWidget*>(name);
  QVERIFY2(field, qPrintable(form->objectName() + ": no field for " + name));
  QVERIFY2(!field->toolTip().isEmpty(), qPrintable(name));
  if (auto* box = qobject_cast<QSpinBox*>(field)) {
    QCOMPARE(box->value(), s.intValue());
    QCOMPARE(box->minimum(), static_cast<int>(s.lo));
    QCOMPARE(box->maximum(), static_cast<int>(std::min<double>(s.hi, INT_MAX)));
    QCOMPARE(box->specialValueText().isEmpty(), !*s.lowest);
  } else if (auto* real = qobject_cast<QDoubleSpinBox*>(field)) {
    QCOMPARE(real->value(), s.value);
    QVERIFY2(s.contains(real->minimum()) && s.contains(real->maximum()), qPrintable(name));
    QVERIFY2(real->minimum() - s.lo < 2e-3, qPrintable(name));  // not narrower than declared
    if (!std::isinf(s.hi)) QVERIFY2(s.hi - real->maximum() < 2e-3, qPrintable(name));
  } else if (auto* check = qobject_cast<QCheckBox*>(field)) {
    // A study starts class-balanced in the GUI (form_parts.h says why); all else as declared.
    QCOMPARE(check->isChecked(), &s == &ps::setting::classBalanced ? ps::ui::kClassBalancedByDefault : s.on());
  } else if (auto* combo = qobject_cast<QComboBox*>(field)) {
    QCOMPARE(combo->currentText(), QString::fromLatin1(s.text));
  } else if (auto* edit = qobject_cast<QLineEdit*>(field)) {
    QCOMPARE(edit->text().remove(QLatin1Char(' ')), QString::fromLatin1(s.text));
  } else if (auto* list = qobject_cast<QListWidget*>(field)) {  // the policies, ticked
    QStringList ticked;
    for (int i = 0; i < list->count(); ++i)
      if (list->item(i)->checkState() == Qt::Checked) ticked << list->item(i)->data(Qt::UserRole).toString();
    QCOMPARE(ticked.join(QLatin1Char(',')), QString::fromLatin1(s.text));
  } else {
    QFAIL(qPrintable("no known field type for " + name));
  }
}
}  // namespace

// Every declared setting of the recipe and of each study is a field of the study forms,
// and the recipe's and the scoring run's are fields of the scoring form, each with the
// declaration's default and range (the command line's are checked in test_cli).
void TestGuiStudies::formFieldsComeFromTheDeclarations() {
  ps::ui::JobPanel panel;
  const std::vector<std::pair<QWidget*, std::vector<const ps::SettingSpec*>>> forms = {
      {panel.frontierForm(), ps::setting::frontierSettings()},
      {panel.scalingForm(), ps::setting::scalingSettings()},
      {panel.forms()->widget(0), {&ps::setting::scoreSeeds, &ps::setting::limit, &ps::setting::el2nEpoch}}};
  for (const auto& [form, own] : forms) {
    for (const ps::SettingSpec* s : own) checkField(form, *s);
    for (const ps::SettingSpec* s : ps::setting::trainSettings()) checkField(form, *s);
    if (QTest::currentTestFailed()) return;
  }
  // What the study form gives unchanged is the declaration's recipe (device included).
  const ps::TrainConfig declared;
  ps::TrainConfig t;
  t.epochs = 1;
  t.device = ps::DeviceChoice("cpu");
  panel.frontierForm()->training().fill(t);
  QCOMPARE(t.toJson().dump(), declared.toJson().dump());
  QCOMPARE(t.device.str(), declared.device.str());
}

// --gallery-keep takes a kept fraction, as every other setting; a percent is refused,
// naming the value and what is expected.
void TestGuiStudies::galleryKeepIsAFraction() {
  QCOMPARE(ps::ui::StartupOptions::galleryKeep("0.3"), 0.3);
  QCOMPARE(ps::ui::StartupOptions::galleryKeep("1"), 1.0);
  for (const char* bad : {"30", "0", "-0.5", "half"}) {
    try {
      ps::ui::StartupOptions::galleryKeep(QString::fromLatin1(bad));
      QFAIL(bad);
    } catch (const ps::ConfigError& e) {
      const std::string why = e.what();
      QVERIFY2(why.find(std::string("--gallery-keep ") + bad) != std::string::npos, e.what());
      QVERIFY2(why.find("(0, 1]") != std::string::npos, e.what());
    }
  }
}

QTEST_MAIN(TestGuiStudies)
#include "test_gui_studies.moc"
