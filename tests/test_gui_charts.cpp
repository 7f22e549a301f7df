// Charts are instruments: every chart view zooms with the wheel and a dragged box, pans,
// resets, hides and shows a series from its legend, and tells a hovered point's exact
// numbers — driven here by real mouse, wheel and key events on a shown view. Log axes
// carry labels at round values and can be switched to linear.
#include <QCategoryAxis>
#include <QComboBox>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest>
#include <random>
#include <thread>

#include "agreement_heatmap.h"
#include "chart_axes.h"
#include "chart_export.h"
#include "chart_style.h"
#include "chart_view.h"
#include "data/synthetic_dataset.h"
#include "density_plot.h"
#include "scaling_view.h"
#include "score/rank_stats.h"
#include "score_view.h"
#include "support/stall_watch.h"
#include "worker_pool.h"

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

// A catalogue of `scores` scores over n examples in one run: score k is the example's
// index mod 1000 plus k times noise, so neighbouring scores agree most.
std::shared_ptr<ps::ui::ScoreCatalog> catalogOf(int64_t n, int scores) {
  auto run = std::make_shared<ps::ui::CatalogRun>();
  run->run.runId = 1;
  run->finishedAt = "2026-01-01T00:00:00Z";
  std::mt19937 rng(3);
  std::normal_distribution<float> noise(0, 200);
  for (int64_t i = 0; i < n; ++i) {
    run->run.indices.push_back(i);
    run->labels.push_back(static_cast<int>(i % 10));
  }
  auto catalog = std::make_shared<ps::ui::ScoreCatalog>();
  for (int k = 0; k < scores; ++k) {
    const std::string name = "s" + std::to_string(k);
    auto& v = run->run.difficulty[name];
    for (int64_t i = 0; i < n; ++i) v.push_back(static_cast<float>(i % 1000) + static_cast<float>(k) * noise(rng));
    run->run.names.push_back(name);
    catalog->entries.emplace_back(0, name);
  }
  catalog->runs.push_back(run);
  return catalog;
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
  void scoreViewHeatmapShowsEveryScoreAndPicksTheScatter();
  void theDensityScatterOpensTheNearestExample();
  void aPaintNeverWaitsForAViewsComputation();
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
  // A PNG for print: three times the pixels each way, its resolution in the file.
  QTemporaryDir dir;
  QString error;
  QVERIFY2(ps::ui::saveChart(&f.view, dir.filePath("c.png"), nullptr, &error, 300), qPrintable(error));
  const QImage png(dir.filePath("c.png"));
  QVERIFY(std::abs(png.width() - f.view.width() * 300 / 96) <= 1);
  QVERIFY(std::abs(png.dotsPerMeterX() - 11811) <= 1);
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

void TestGuiCharts::scoreViewHeatmapShowsEveryScoreAndPicksTheScatter() {
  ps::SyntheticSpec spec;
  spec.train = 100;
  std::shared_ptr<const ps::Dataset> ds = ps::makeSyntheticDataset(spec);
  const auto catalog = catalogOf(5000, 8);
  ps::ui::ScoreView view;
  view.resize(1400, 800);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QSignalSpy agreed(&view, &ps::ui::ScoreView::agreementReady);
  view.setCatalog(ds, catalog);
  QVERIFY(agreed.wait(30000));
  // Every one of the 8 × 8 cells lies inside the heatmap: nothing to scroll to.
  auto* map = view.heatmap();
  QVERIFY(map->rect().contains(map->cellRect(7, 7)));
  QVERIFY(map->cellRect(0, 0).width() >= 26 && map->cellRect(0, 0).height() >= 11);  // room for its number
  const double rho = ps::spearman(catalog->difficulty(2), catalog->difficulty(5));
  QCOMPARE(map->cellText(2, 5), QString::number(rho, 'f', 2));
  // Hovering a cell tells both scores and both numbers.
  QTest::mouseMove(map, map->cellRect(2, 5).center());
  QTRY_VERIFY(map->hoverText().contains("s2 (run 1) vs s5 (run 1)"));
  QVERIFY(map->hoverText().contains(QString::number(rho, 'f', 4)));
  // Clicking it shows the two against each other.
  QSignalSpy dense(&view, &ps::ui::ScoreView::densityReady);
  QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(2, 5).center());
  QCOMPARE(view.xBox()->currentIndex(), 5);
  QCOMPARE(view.yBox()->currentIndex(), 2);
  QTRY_VERIFY_WITH_TIMEOUT(!view.densityBusy() && view.densityPlot()->data().xName == "s5 (run 1)", 30000);
  QCOMPARE(view.densityPlot()->data().grid.points, uint64_t(5000));
}

void TestGuiCharts::theDensityScatterOpensTheNearestExample() {
  ps::SyntheticSpec spec;
  spec.train = 100;
  std::shared_ptr<const ps::Dataset> ds = ps::makeSyntheticDataset(spec);
  const auto catalog = catalogOf(200000, 2);
  ps::ui::ScoreView view;
  view.resize(1400, 800);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  view.setCatalog(ds, catalog);
  QTRY_VERIFY_WITH_TIMEOUT(!view.densityBusy() && view.densityPlot()->data().grid.points == 200000, 30000);
  auto* plot = view.densityPlot();
  // An outlying example: hover names it, a click opens it.
  const auto& d = plot->data();
  size_t far = 0;
  for (size_t i = 0; i < d.x.size(); ++i)
    if (d.y[i] - d.x[i] > d.y[far] - d.x[far]) far = i;
  const QPoint at = plot->positionOf(d.x[far], d.y[far]);
  QTest::mouseMove(plot, at);
  QTRY_VERIFY2(plot->hoverText().contains(QStringLiteral("#%1").arg(d.indices[far])), qPrintable(plot->hoverText()));
  QSignalSpy opened(&view, &ps::ui::ScoreView::exampleRequested);
  QTest::mouseClick(plot, Qt::LeftButton, {}, at);
  QCOMPARE(opened.count(), 1);
  QCOMPARE(opened[0][0].toLongLong(), d.indices[far]);
  // The density image holds every point once.
  uint64_t sum = 0;
  for (uint32_t c : d.grid.counts) sum += c;
  QCOMPARE(sum, uint64_t(200000));
}

void TestGuiCharts::aPaintNeverWaitsForAViewsComputation() {
  // Every thread the views compute on is busy (a million examples being sorted, say) for
  // 3 s. Qt's raster painting hands parts of large image draws to Qt's own pool and waits
  // for them: were the views' work on that pool, the score view's paints would wait the
  // 3 s out (they did: 200 ms per paint at a million examples).
  ps::SyntheticSpec spec;
  spec.train = 100;
  std::shared_ptr<const ps::Dataset> ds = ps::makeSyntheticDataset(spec);
  ps::ui::ScoreView view;
  view.resize(1400, 800);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QSemaphore release;
  QThreadPool* pool = ps::ui::workerPool();
  const int busy = pool->maxThreadCount();
  for (int i = 0; i < busy; ++i) pool->start([&release] { release.acquire(); });
  std::thread releaser([&release, busy] {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    release.release(busy);
  });
  pstest::StallWatch stalls;
  view.setCatalog(ds, catalogOf(5000, 4));
  for (int i = 0; i < 5; ++i) {
    view.resize(1400 - 40 * i, 800);  // relaid out and painted again
    QTest::qWait(200);
  }
  const qint64 worst = stalls.worstMs();
  releaser.join();
  QVERIFY(pool->waitForDone(30000));  // the blockers are off `release` before it goes
  QTRY_VERIFY_WITH_TIMEOUT(!view.agreementBusy() && !view.densityBusy() && !view.histogramBusy(), 30000);
  QVERIFY2(worst < 1500, qPrintable(QString::number(worst) + " ms"));
}

QTEST_MAIN(TestGuiCharts)
#include "test_gui_charts.moc"
