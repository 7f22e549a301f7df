// Charts are instruments: every chart view zooms with the wheel and a dragged box, pans,
// resets, hides and shows a series from its legend, and tells a hovered point's exact
// numbers — driven here by real mouse, wheel and key events on a shown view. Log axes
// carry labels at round values and can be switched to linear.
#include <QCategoryAxis>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest>

#include "chart_axes.h"
#include "chart_style.h"
#include "chart_view.h"
#include "scaling_view.h"

namespace {

// A shown view with two lines on linear axes 0..10 × 0..100.
struct Fixture {
  ps::ui::ChartView view;
  QLineSeries* a = new QLineSeries;
  QLineSeries* b = new QLineSeries;
  QValueAxis* x = new QValueAxis;
  QValueAxis* y = new QValueAxis;
  Fixture() {
    auto* chart = new QChart;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    a->setName("alpha");
    b->setName("beta");
    for (int i = 0; i <= 10; ++i) {
      a->append(i, 10 * i);
      b->append(i, 100 - 10 * i);
    }
    ps::ui::addToChart(chart, a, x, y);
    ps::ui::addToChart(chart, b, x, y);
    x->setRange(0, 10);
    y->setRange(0, 100);
    view.showChart(chart);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(100);
  }
  QPoint at(QXYSeries* s, int i) const {
    return view.mapFromScene(view.chart()->mapToScene(view.chart()->mapToPosition(s->at(i), s)));
  }
  QPoint plotCentre() const { return view.mapFromScene(view.chart()->mapToScene(view.chart()->plotArea().center())); }
};

void wheel(QWidget* viewport, QPoint at, int delta) {
  QWheelEvent e(QPointF(at), QPointF(viewport->mapToGlobal(at)), QPoint(), QPoint(0, delta), Qt::NoButton,
                Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(viewport, &e);
}

// The legend entry labelled `label`, in view coordinates (its text item in the scene).
QPoint legendEntry(const QChartView& view, const QString& label) {
  for (QGraphicsItem* item : view.scene()->items()) {
    QString text;
    if (auto* t = dynamic_cast<QGraphicsTextItem*>(item)) text = t->toPlainText();
    if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item)) text = t->text();
    if (text == label && item->isVisible()) return view.mapFromScene(item->sceneBoundingRect().center());
  }
  return {-1, -1};
}

}  // namespace

class TestGuiCharts : public QObject {
  Q_OBJECT
 private slots:
  void hoverShowsAPointsNumbersAndAClickReportsIt();
  void wheelZoomsAboutTheMouseAndKeysReset();
  void aDraggedBoxZoomsAndShiftDragPans();
  void aLegendClickHidesAndShowsItsSeries();
  void logAxesHaveRoundLabelsAndCanBeLinear();
};

void TestGuiCharts::hoverShowsAPointsNumbersAndAClickReportsIt() {
  Fixture f;
  QTest::mouseMove(f.view.viewport(), f.at(f.a, 3) + QPoint(2, 1));
  QTRY_VERIFY(f.view.hoverText().contains("alpha"));
  QVERIFY2(f.view.hoverText().contains("x = 3, y = 30"), qPrintable(f.view.hoverText()));
  // A custom text, and a click on the point reports its series and index.
  f.view.setPointText([](const QXYSeries* s, int i) { return QStringLiteral("%1 #%2").arg(s->name()).arg(i); });
  QTest::mouseMove(f.view.viewport(), f.at(f.b, 7));
  QTRY_COMPARE(f.view.hoverText(), QStringLiteral("beta #7"));
  std::vector<std::pair<const QXYSeries*, int>> clicked;
  QObject::connect(&f.view, &ps::ui::ChartView::pointClicked,
                   [&](const QXYSeries* s, int i) { clicked.emplace_back(s, i); });
  QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.at(f.b, 7));
  QCOMPARE(clicked.size(), size_t(1));
  QCOMPARE(clicked[0].first, static_cast<const QXYSeries*>(f.b));
  QCOMPARE(clicked[0].second, 7);
  // Far from every point: no tooltip.
  QTest::mouseMove(f.view.viewport(), f.at(f.a, 5) + QPoint(0, -60));
  QTRY_VERIFY(f.view.hoverText().isEmpty());
}

void TestGuiCharts::wheelZoomsAboutTheMouseAndKeysReset() {
  Fixture f;
  const QPoint p = f.at(f.a, 8);  // x = 8
  wheel(f.view.viewport(), p, 240);
  QVERIFY(f.view.zoomed());
  QVERIFY(f.x->max() - f.x->min() < 10 * 0.7);  // two notches: 1.25² closer
  QVERIFY(f.x->min() < 8 && f.x->max() > 8);    // about the mouse, which stays over x = 8
  QVERIFY(std::abs(f.x->min() - (8 - 8 / 1.5625)) < 0.05);
  wheel(f.view.viewport(), p, -120);
  QVERIFY(f.x->max() - f.x->min() > 10 / 1.5625 + 0.5);  // one notch back out
  QTest::keyClick(&f.view, Qt::Key_Plus);
  QTest::keyClick(&f.view, Qt::Key_0);
  QVERIFY(!f.view.zoomed());
  QCOMPARE(f.x->min(), 0.0);
  QCOMPARE(f.x->max(), 10.0);
  // Arrow keys pan; Home resets.
  QTest::keyClick(&f.view, Qt::Key_Right);
  QVERIFY(f.x->min() > 0.5 && std::abs(f.x->max() - f.x->min() - 10) < 1e-6);
  QTest::keyClick(&f.view, Qt::Key_Home);
  QVERIFY(!f.view.zoomed());
}

void TestGuiCharts::aDraggedBoxZoomsAndShiftDragPans() {
  Fixture f;
  const QPoint from = f.at(f.a, 2), to = f.at(f.a, 5);  // a box from (2, 20) to (5, 50)
  QTest::mousePress(f.view.viewport(), Qt::LeftButton, {}, from);
  QTest::mouseMove(f.view.viewport(), (from + to) / 2);
  QTest::mouseMove(f.view.viewport(), to);
  QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, {}, to);
  QVERIFY(std::abs(f.x->min() - 2) < 0.1 && std::abs(f.x->max() - 5) < 0.1);
  QVERIFY(std::abs(f.y->min() - 20) < 1 && std::abs(f.y->max() - 50) < 1);
  // Double-click: the whole chart again.
  QTest::mouseDClick(f.view.viewport(), Qt::LeftButton, {}, f.plotCentre());
  QVERIFY(!f.view.zoomed());
  // Shift+drag to the left by a tenth of the plot's width: the view moves right by 1.
  const QPoint c = f.plotCentre();
  const int tenth = static_cast<int>(f.view.chart()->plotArea().width() / 10);
  QTest::mousePress(f.view.viewport(), Qt::LeftButton, Qt::ShiftModifier, c);
  QTest::mouseMove(f.view.viewport(), c - QPoint(tenth, 0));
  QTest::mouseRelease(f.view.viewport(), Qt::LeftButton, Qt::ShiftModifier, c - QPoint(tenth, 0));
  QVERIFY2(std::abs(f.x->min() - 1) < 0.05, qPrintable(QString::number(f.x->min())));
  QVERIFY(std::abs(f.x->max() - 11) < 0.05);
  QCOMPARE(f.y->min(), 0.0);
}

void TestGuiCharts::aLegendClickHidesAndShowsItsSeries() {
  Fixture f;
  // A series grouped with alpha (its error bars, say) hides with it and stays out of the legend.
  auto* bars = new QLineSeries;
  bars->append(1, 5);
  bars->append(1, 15);
  f.view.chart()->addSeries(bars);
  bars->attachAxis(f.x);
  bars->attachAxis(f.y);
  for (QLegendMarker* m : f.view.chart()->legend()->markers(bars)) m->setVisible(false);
  bars->setProperty("ps_nolegend", true);
  f.a->setProperty("ps_group", "alpha");
  bars->setProperty("ps_group", "alpha");
  f.view.showChart(f.view.chart());  // connects the legend again (the same chart is kept)
  QTest::qWait(100);
  const QPoint entry = legendEntry(f.view, "alpha");
  QVERIFY(entry.x() >= 0);
  QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, entry);
  QTRY_VERIFY(!f.a->isVisible());
  QVERIFY(!bars->isVisible());
  QVERIFY(f.b->isVisible());
  // Its entry stays (greyed) so it can be clicked back on; the grouped series' stays hidden.
  QVERIFY(f.view.chart()->legend()->markers(f.a).first()->isVisible());
  QVERIFY(!f.view.chart()->legend()->markers(bars).first()->isVisible());
  // A hidden series is not hovered.
  QTest::mouseMove(f.view.viewport(), f.at(f.a, 2));
  QTest::qWait(50);
  QVERIFY(!f.view.hoverText().contains("alpha"));
  QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, legendEntry(f.view, "alpha"));
  QTRY_VERIFY(f.a->isVisible());
  QVERIFY(bars->isVisible());
}

void TestGuiCharts::logAxesHaveRoundLabelsAndCanBeLinear() {
  // Points at 300..30000 examples: labels at 1-2-5 per decade, not only at powers of ten.
  ps::ScalingResult r;
  for (int64_t n : {300, 1000, 3000, 10000, 30000}) {
    ps::ScalingPoint p;
    p.policy = "random";
    p.keep = 1;
    p.pool = p.kept = n;
    p.errorMean = 2.0 / std::sqrt(static_cast<double>(n));
    p.errors = {p.errorMean};
    r.points.push_back(p);
  }
  ps::ui::ChartView view;
  view.showChart(ps::ui::makeScalingChart(r, "t"));
  auto* x = qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).first());
  QVERIFY(x);
  const QStringList labels = x->categoriesLabels();
  for (const char* want : {"500", "1000", "2000", "5000", "10000", "20000"}) QVERIFY2(labels.contains(want), want);
  // Zooming in relabels within the new range, more finely.
  view.resize(900, 600);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  for (int i = 0; i < 6; ++i) QTest::keyClick(&view, Qt::Key_Plus);
  QVERIFY(x->categoriesLabels() != labels);
  QVERIFY(!x->categoriesLabels().isEmpty());
  // Hover shows the data's values, not their logarithms.
  auto* dots = qobject_cast<QXYSeries*>(view.chart()->series().first());
  QTest::keyClick(&view, Qt::Key_0);
  const QPoint p = view.mapFromScene(view.chart()->mapToScene(view.chart()->mapToPosition(dots->at(2), dots)));
  QTest::mouseMove(view.viewport(), p);
  QTRY_VERIFY2(view.hoverText().contains("x = 3000"), qPrintable(view.hoverText()));
  // Linear axes on request.
  view.showChart(ps::ui::makeScalingChart(r, "t", false, false));
  QVERIFY(!qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).first()));
  QVERIFY(qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Horizontal).first())->max() >= 30000);
}

QTEST_MAIN(TestGuiCharts)
#include "test_gui_charts.moc"
