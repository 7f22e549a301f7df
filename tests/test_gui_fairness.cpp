// The fairness view on hand-made audits (no training, so it runs in about a second): by
// group at 2 attributes × 10 classes (table, sorting, worst group, make-up bars, the
// request of an audit by group), and by class at 1 000 classes (sortable table, the
// chart of the k most pruned and the k most harmed).
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "charts/chart_view.h"
#include "study/group_audit.h"
#include "views/fairness_view.h"
#include "views/group_fairness.h"

namespace {

// 10 classes × tint (warm, cool) × camera (a, b): 40 pool examples per class, 20 test
// examples per class. The subset's model is wrong on every test example of (class 3,
// cool, b) and on every tenth elsewhere; keep-hard kept few of class 7's warm examples.
struct Case {
  ps::Attribute tint{"tint", {"warm", "cool"}, {}};
  ps::Attribute camera{"camera", {"a", "b"}, {}};
  ps::GroupAuditInputs in;
};

ps::GroupAuditResult handMadeAudit(Case& c) {
  auto& in = c.in;
  for (int k = 0; k < 10; ++k) in.classNames.push_back("class " + std::to_string(k));
  in.attributes = {&c.tint, &c.camera};
  in.poolCodes.resize(2);
  in.testCodes.resize(2);
  for (int k = 0; k < 10; ++k)
    for (int i = 0; i < 40; ++i) {
      const auto tint = static_cast<uint16_t>(i % 2), cam = static_cast<uint16_t>((i / 2) % 2);
      in.poolLabels.push_back(k);
      in.poolCodes[0].push_back(tint);
      in.poolCodes[1].push_back(cam);
      in.kept.push_back(k == 7 && tint == 0 ? (i < 4) : (i % 3 != 0));
    }
  in.subsetPredictions.resize(1);
  in.fullPredictions.resize(1);
  for (int k = 0; k < 10; ++k)
    for (int i = 0; i < 20; ++i) {
      const auto tint = static_cast<uint16_t>(i % 2), cam = static_cast<uint16_t>((i / 2) % 2);
      in.testLabels.push_back(k);
      in.testCodes[0].push_back(tint);
      in.testCodes[1].push_back(cam);
      const bool wrong = (k == 3 && tint == 1 && cam == 1) || i % 10 == 0;
      in.subsetPredictions[0].push_back(wrong ? (k + 1) % 10 : k);
      in.fullPredictions[0].push_back(i % 5 == 0 ? (k + 1) % 10 : k);
    }
  in.bootstrap = 50;
  ps::GroupAuditResult r = ps::tabulateGroups(in);
  r.keep = 0.6;
  r.policy = "hard f=0.6";
  return r;
}

// A per-class audit of 1 000 classes: class k keeps (k * 37 % 1000) / 1000 of its 100
// examples, and its accuracy changes by −(k * 91 % 1000) / 2000.
ps::AuditResult thousandClasses() {
  ps::AuditResult r;
  r.keep = 0.5;
  r.threshold = 0.5;
  r.scoreName = "el2n";
  for (ps::AuditSide* side : {&r.policy, &r.balanced}) {
    side->hasAccuracy = true;
    for (int k = 0; k < 1000; ++k) {
      ps::ClassAudit a;
      a.label = k;
      a.name = "n" + std::to_string(10000 + k);
      a.total = 100;
      a.kept = side == &r.policy ? (k * 37 % 1000) / 10 : 50;
      a.keptFraction = double(a.kept) / 100.0;
      a.accuracyFull = 0.8;
      a.change = side == &r.policy ? -double(k * 91 % 1000) / 2000.0 : 0.0;
      a.accuracySubset = a.accuracyFull + a.change;
      side->kept += a.kept;
      side->classes.push_back(a);
    }
  }
  return r;
}

QStringList categories(ps::ui::ChartView* view) {
  for (auto* axis : view->chart()->axes(Qt::Horizontal))
    if (auto* cat = qobject_cast<QBarCategoryAxis*>(axis)) return cat->categories();
  return {};
}

// With PRUNESCOPE_SHOT_DIR set, the view as drawn, for a look at it.
void shot(QWidget& w, const QString& name) {
  const QString dir = qEnvironmentVariable("PRUNESCOPE_SHOT_DIR");
  if (dir.isEmpty()) return;
  w.show();
  QCoreApplication::processEvents();
  QVERIFY(w.grab().save(dir + "/" + name));
}

QList<QBarSet*> barSets(ps::ui::ChartView* view) {
  const auto series = view->chart()->series();
  if (series.size() != 1) return {};
  return qobject_cast<QBarSeries*>(series.front())->barSets();
}

}  // namespace

class TestGuiFairness : public QObject {
  Q_OBJECT

 private slots:
  void groupViewAtTwoAttributesTenClasses();
  void groupByAsksForTheAuditByGroup();
  void thousandClassesSortableWithTopK();
};

void TestGuiFairness::groupViewAtTwoAttributesTenClasses() {
  Case c;
  const ps::GroupAuditResult r = handMadeAudit(c);
  QVERIFY(r.hasAccuracy);
  ps::ui::FairnessView view;
  view.resize(1400, 900);
  view.setAttributes({"tint", "camera"});
  QCOMPARE(view.groupByBox()->count(), 4);  // class, × tint, × camera, × tint × camera
  view.setGroupResult(r, "keep hard at f = 0.6");
  auto* panel = view.groupPanel();
  QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
  QCOMPARE(panel->model()->rowCount(), int(r.groups.size()));
  QCOMPARE(r.groups.size(), size_t(40 + 4 + 2 + 2));  // class × tint × camera, then the margins
  QCOMPARE(panel->model()->columnCount(), 1 + 2 + 9);
  // The worst group is (class 3, cool, b), the lowest accuracy of all; it is bold.
  QCOMPARE(r.subset.worstGroup.group, std::string("class=class 3, tint=cool, camera=b"));
  QVERIFY(panel->worstRow() >= 0);
  const auto& worst = r.groups[static_cast<size_t>(panel->worstRow())];
  for (const auto& g : r.groups) QVERIFY(std::isnan(g.accSubset) || g.accSubset >= worst.accSubset);
  QVERIFY(panel->model()->item(panel->worstRow(), 0)->font().bold());
  QVERIFY(panel->summary()->text().contains("class=class 3, tint=cool, camera=b"));
  // Sorted by the subset's accuracy (column 8), the worst group comes first; by kept
  // fraction (column 5), class 7's warm groups do.
  panel->table()->sortByColumn(8, Qt::AscendingOrder);
  QCOMPARE(panel->sorted()->index(0, 0).data().toString(), QString("class 3"));
  QCOMPARE(panel->sorted()->index(0, 1).data().toString(), QString("cool"));
  panel->table()->sortByColumn(5, Qt::AscendingOrder);
  QCOMPARE(panel->sorted()->index(0, 0).data().toString(), QString("class 7"));
  QCOMPARE(panel->sorted()->index(0, 1).data().toString(), QString("warm"));
  // 40 groups are more than a chart shows: the 24 most pruned, class 7's warm ones first,
  // each with its share of the full set beside its share of the kept set.
  QCOMPARE(panel->metricBox()->currentIndex(), 0);
  QCOMPARE(panel->chartRows().size(), size_t(ps::ui::GroupFairnessPanel::kMaxBars));
  QVERIFY(categories(panel->chartView()).front().startsWith("class 7 · warm"));
  QCOMPARE(view.groupByBox()->currentData().toStringList(), (QStringList{"tint", "camera"}));
  QVERIFY(panel->chartView()->chart()->title().contains("most pruned of 40 groups"));
  auto sets = barSets(panel->chartView());
  QCOMPARE(sets.size(), 2);
  QCOMPARE(sets[0]->count(), ps::ui::GroupFairnessPanel::kMaxBars);
  const auto& first = r.groups[panel->chartRows().front()];
  QCOMPARE(sets[0]->at(0), first.shareFull);
  QCOMPARE(sets[1]->at(0), first.shareKept);
  QVERIFY(first.shareKept < first.shareFull);  // under-represented after pruning
  // By accuracy, the worst group leads the chart, its bars selected (drawn in red).
  panel->metricBox()->setCurrentIndex(2);
  QCOMPARE(int(panel->chartRows().front()), panel->worstRow());
  QVERIFY(categories(panel->chartView()).front().endsWith("(worst)"));
  sets = barSets(panel->chartView());
  QCOMPARE(sets[0]->selectedBars(), QList<int>{0});
  shot(view, "groups-by-attribute-accuracy.png");
  panel->metricBox()->setCurrentIndex(0);
  panel->table()->sortByColumn(8, Qt::AscendingOrder);
  shot(view, "groups-by-attribute-makeup.png");
}

void TestGuiFairness::groupByAsksForTheAuditByGroup() {
  ps::ui::FairnessView view;
  view.setAttributes({"tint", "camera"});
  QSignalSpy asked(&view, &ps::ui::FairnessView::groupAuditRequested);
  view.groupByBox()->setCurrentIndex(1);  // no pruning audited yet: nothing to ask
  QCOMPARE(asked.count(), 0);
  view.groupByBox()->setCurrentIndex(0);
  ps::AuditConfig config;
  config.spec.keep = 0.3;
  config.trainModels = true;
  view.setAuditConfig(config, "keep hard at f = 0.3");
  view.groupByBox()->setCurrentIndex(3);
  QCOMPARE(asked.count(), 1);
  // Read in place (QVariant::value's default-constructed copy trips GCC's maybe-uninitialized).
  const QVariant& carried = asked.front().at(0);
  QCOMPARE(carried.metaType(), QMetaType::fromType<ps::GroupAuditConfig>());
  const auto& g = *static_cast<const ps::GroupAuditConfig*>(carried.constData());
  QCOMPARE(g.groupBy, (std::vector<std::string>{"tint", "camera"}));
  QCOMPARE(g.audit.spec.keep, 0.3);
  QVERIFY(g.audit.trainModels);
  QVERIFY(view.summary()->text().contains("Auditing"));
  // Its result is shown; choosing the same grouping again asks nothing more.
  Case c;
  view.setGroupResult(handMadeAudit(c), "keep hard at f = 0.3");
  view.groupByBox()->setCurrentIndex(0);
  view.groupByBox()->setCurrentIndex(3);
  QCOMPARE(asked.count(), 1);
}

void TestGuiFairness::thousandClassesSortableWithTopK() {
  const ps::AuditResult r = thousandClasses();
  ps::ui::FairnessView view;
  view.resize(1400, 900);
  view.setResult(r, "keep hard at f = 0.5");
  QCOMPARE(view.policyModel()->rowCount(), 1000);
  // The chart: the 24 most pruned classes, in order of their kept fraction.
  const auto& shown = view.chartClasses();
  QCOMPARE(shown.size(), size_t(ps::ui::FairnessView::kMaxBars));
  std::vector<double> kept;
  for (const auto& c : r.policy.classes) kept.push_back(c.keptFraction);
  std::sort(kept.begin(), kept.end());
  for (size_t k = 0; k < shown.size(); ++k) QCOMPARE(r.policy.classes[shown[k]].keptFraction, kept[k]);
  QCOMPARE(categories(view.chartView()).size(), ps::ui::FairnessView::kMaxBars);
  QVERIFY(view.chartView()->chart()->title().contains("most pruned of 1000 classes"));
  // The k most harmed: the largest drops in accuracy.
  view.metricBox()->setCurrentIndex(2);
  QVERIFY(view.chartView()->chart()->title().contains("most harmed of 1000 classes"));
  double mostHarmed = 0;
  for (const auto& c : r.policy.classes) mostHarmed = std::min(mostHarmed, c.change);
  QCOMPARE(r.policy.classes[view.chartClasses().front()].change, mostHarmed);
  // Make-up: the full set, then each kept set.
  view.metricBox()->setCurrentIndex(3);
  QCOMPARE(barSets(view.chartView()).size(), 3);
  // The table sorts by kept fraction (column 2) and by change (column 5) as numbers.
  QTableView* table = nullptr;
  for (auto* t : view.findChildren<QTableView*>())
    if (t->model() == view.policySorted()) table = t;
  QVERIFY(table);
  table->sortByColumn(2, Qt::AscendingOrder);
  QCOMPARE(view.policySorted()->index(0, 2).data().toString(), QString::number(kept.front(), 'f', 3));
  table->sortByColumn(5, Qt::AscendingOrder);
  QCOMPARE(view.policySorted()->index(0, 5).data().toString(), QString::asprintf("%+.3f", mostHarmed));
  table->sortByColumn(2, Qt::DescendingOrder);
  QCOMPARE(view.policySorted()->index(0, 2).data().toString(), QString::number(kept.back(), 'f', 3));
  table->sortByColumn(2, Qt::AscendingOrder);
  view.metricBox()->setCurrentIndex(0);
  shot(view, "groups-1000-classes-most-pruned.png");
  view.metricBox()->setCurrentIndex(2);
  shot(view, "groups-1000-classes-most-harmed.png");
}

QTEST_MAIN(TestGuiFairness)
#include "test_gui_fairness.moc"
