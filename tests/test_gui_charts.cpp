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
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>
#include <QtTest>
#include <random>
#include <thread>

#include "base/worker_pool.h"
#include "charts/agreement_heatmap.h"
#include "charts/chart_axes.h"
#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "charts/chart_view.h"
#include "charts/density_plot.h"
#include "charts/frontier_chart.h"
#include "data/synthetic_dataset.h"
#include "prune/policy_registry.h"
#include "report/report_sections.h"
#include "report/svg_chart.h"
#include "score/rank_stats.h"
#include "support/stall_watch.h"
#include "views/frontier_view.h"
#include "views/scaling_view.h"
#include "views/score_view.h"

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

// A frontier view showing a study given by hand (no store): the view's own chart,
// tooltip and legend.
struct ShownFrontier : ps::ui::FrontierView {
  using FrontierView::adopt;
  using StudyRunView::redraw;
};

ps::FrontierPoint frontierPoint(const std::string& score, const std::string& policy, double keep,
                                std::vector<double> errors, bool pareto = false) {
  ps::FrontierPoint p;
  p.score = score;
  p.policy = policy;
  p.keep = keep;
  p.kept = static_cast<int64_t>(keep * 1000);
  p.epochs = 3;
  p.errors = std::move(errors);
  double sum = 0, squares = 0;
  for (double e : p.errors) sum += e;
  p.errorMean = sum / static_cast<double>(p.errors.size());
  for (double e : p.errors) squares += (e - p.errorMean) * (e - p.errorMean);
  p.errorStd = p.errors.size() > 1 ? std::sqrt(squares / static_cast<double>(p.errors.size() - 1)) : 0;
  p.pareto = pareto;
  return p;
}

// keep-hard and keep-easy by el2n over two seeds, random over one (on the frontier).
ps::FrontierResult handMadeFrontier() {
  ps::FrontierResult r;
  r.runId = 7;
  r.scoreName = "el2n";
  r.budget = "epochs";
  r.points = {frontierPoint("el2n", "hard", 0.5, {0.30, 0.32}), frontierPoint("el2n", "hard", 1, {0.20, 0.21}),
              frontierPoint("el2n", "easy", 0.5, {0.27, 0.29}), frontierPoint("el2n", "easy", 1, {0.20, 0.21}),
              frontierPoint("", "random", 0.5, {0.25}, true),   frontierPoint("", "random", 1, {0.195}, true)};
  r.pareto = {4, 5};
  return r;
}

// The numeric tick labels drawn beside the plot: below it (`horizontal`) or left of it.
QStringList axisLabels(const QChartView& view, bool horizontal) {
  const QRectF plot = view.chart()->mapToScene(view.chart()->plotArea()).boundingRect();
  std::vector<std::pair<double, QString>> found;
  for (QGraphicsItem* item : view.scene()->items()) {
    QString text;
    if (auto* t = dynamic_cast<QGraphicsTextItem*>(item)) text = t->toPlainText();
    if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item)) text = t->text();
    bool number = false;
    text.toDouble(&number);
    if (!number || !item->isVisible()) continue;
    const QPointF c = item->sceneBoundingRect().center();
    if (horizontal && c.y() > plot.bottom() && c.x() >= plot.left() - 30 && c.x() <= plot.right() + 30)
      found.emplace_back(c.x(), text);
    if (!horizontal && c.x() < plot.left() && c.y() >= plot.top() - 4 && c.y() <= plot.bottom() + 4)
      found.emplace_back(-c.y(), text);
  }
  std::sort(found.begin(), found.end());
  QStringList labels;
  for (const auto& f : found) labels << f.second;
  return labels;
}

// Labels at multiples of one step of 1, 2 or 5 × 10^k, each written once.
void checkRoundDistinct(const QStringList& labels) {
  QVERIFY2(labels.size() >= 2, qPrintable(labels.join(' ')));
  QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
  const double step = labels[1].toDouble() - labels[0].toDouble();
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  QVERIFY2(std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6,
           qPrintable(labels.join(' ')));
  for (int i = 0; i < labels.size(); ++i) {
    const double v = labels[i].toDouble();
    QVERIFY2(std::abs(v / step - std::round(v / step)) < 1e-6, qPrintable(labels.join(' ')));
    if (i > 0) QVERIFY2(std::abs(v - labels[i - 1].toDouble() - step) < step * 1e-6, qPrintable(labels.join(' ')));
  }
}

// The tick labels of an SVG chart's y axis (right-aligned, left of the plot) or x axis.
QStringList svgTickLabels(const std::string& svg, bool horizontal) {
  const QRegularExpression re(horizontal ? "text-anchor='middle' font-size='11'>([^<]+)</text>"
                                         : "text-anchor='end' font-size='11'>([^<]+)</text>");
  QStringList labels;
  for (auto it = re.globalMatch(QString::fromStdString(svg)); it.hasNext();) labels << it.next().captured(1);
  return labels;
}

// `n` runs of `perRun` scores each over the same examples.
std::shared_ptr<ps::ui::ScoreCatalog> catalogOfRuns(int64_t n, int runs, int perRun) {
  auto catalog = std::make_shared<ps::ui::ScoreCatalog>();
  for (int r = 0; r < runs; ++r) {
    const auto one = catalogOf(n, perRun);
    auto run = std::make_shared<ps::ui::CatalogRun>(*one->runs.front());
    run->run.runId = 10 + r;
    for (const auto& e : one->entries) catalog->entries.emplace_back(static_cast<size_t>(r), e.second);
    catalog->runs.push_back(run);
  }
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
  void aFrontierPointsTooltipTellsItsNumbersAndStays();
  void zoomedLinearAxesHaveRoundDistinctLabels();
  void policiesHaveOneColourAndProperNamesInTheReport();
  void theReportsLogAxesAreLabelledAtRoundValues();
  void twentyFiveScoresStayReadableAndOneRunCanBePicked();
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

void TestGuiCharts::aFrontierPointsTooltipTellsItsNumbersAndStays() {
  ShownFrontier view;
  view.adopt(std::make_shared<const ps::FrontierResult>(handMadeFrontier()));
  view.redraw();
  view.resize(1100, 700);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  view.activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(&view));  // Qt asks for tooltips in the active window only
  QTest::qWait(100);
  ps::ui::ChartView* chart = view.chartView();
  auto pointOn = [&](const QString& policy, double keep) {
    for (QAbstractSeries* s : chart->chart()->series()) {
      auto* line = qobject_cast<QLineSeries*>(s);
      if (!line || line->property("ps_policy").toString() != policy || line->property("ps_nohover").toBool()) continue;
      for (int i = 0; i < line->count(); ++i)
        if (line->at(i).x() == keep)
          return chart->mapFromScene(chart->chart()->mapToScene(chart->chart()->mapToPosition(line->at(i), line)));
    }
    return QPoint(-1, -1);
  };
  // keep-hard at f = 0.5, two seeds: its mean ± std, the seeds, what it kept and trained.
  const QPoint hard = pointOn("hard", 0.5);
  QVERIFY(hard.x() >= 0);
  QTest::mouseMove(chart->viewport(), hard + QPoint(1, 0));
  QTest::mouseMove(chart->viewport(), hard);
  QTRY_VERIFY(QToolTip::isVisible());
  // The mouse rests: Qt's own tooltip request (after ~0.7 s) must not take the numbers away.
  QTest::qWait(1500);
  QVERIFY(QToolTip::isVisible());
  const QString text = QToolTip::text();
  for (const char* want :
       {"keep hard (el2n), f = 0.50", "test error 0.3100 ± 0.0141 (std over 2 seeds)", "500 examples kept", "3 epochs"})
    QVERIFY2(text.contains(QString::fromUtf8(want)), qPrintable(text));
  QCOMPARE(text, view.pointText(0));
  // Random at f = 0.5 from one seed: no "± 0.0000", it says so; it is on the frontier.
  QTest::mouseMove(chart->viewport(), pointOn("random", 0.5));
  QTRY_VERIFY(QToolTip::text().startsWith("random, f = 0.50"));
  QTest::qWait(1000);
  QVERIFY(QToolTip::isVisible());
  QVERIFY2(QToolTip::text().contains("test error 0.2500 (1 seed, no spread)"), qPrintable(QToolTip::text()));
  QVERIFY(!QToolTip::text().contains(QString::fromUtf8("±")));
  QVERIFY(QToolTip::text().contains("on the Pareto frontier"));
  // The legend names each line by its policy (and score): no "- / random".
  QStringList names;
  for (QLegendMarker* m : chart->chart()->legend()->markers())
    if (m->isVisible()) names << m->label();
  QCOMPARE(names, QStringList({"keep hard (el2n)", "keep easy (el2n)", "random", "Pareto frontier"}));
}

void TestGuiCharts::zoomedLinearAxesHaveRoundDistinctLabels() {
  QCOMPARE(ps::ui::roundStep(0, 1, 5), 0.2);
  QCOMPARE(ps::ui::roundStep(2.13, 5.87, 8), 0.5);
  QCOMPARE(ps::ui::stepDecimals(0.05), 2);
  QCOMPARE(ps::ui::stepDecimals(5), 0);
  Fixture f;
  f.y->setLabelFormat("%.1f");  // as the frontier's error axis: too few decimals once zoomed in
  const int ownCount = f.x->tickCount();
  // Zoom in about an odd spot, far: the ranges are no longer round.
  for (int i = 0; i < 9; ++i) wheel(f.view.viewport(), f.at(f.a, 3) + QPoint(7, -3), 120);
  QTest::qWait(50);
  QVERIFY(f.x->max() - f.x->min() < 1.5);
  checkRoundDistinct(axisLabels(f.view, true));
  checkRoundDistinct(axisLabels(f.view, false));
  QCOMPARE(f.x->tickType(), QValueAxis::TicksDynamic);
  // Panned: still round.
  QTest::keyClick(&f.view, Qt::Key_Right);
  QTest::qWait(50);
  checkRoundDistinct(axisLabels(f.view, true));
  // The whole chart again: its own ticks.
  QTest::keyClick(&f.view, Qt::Key_0);
  QCOMPARE(f.x->tickType(), QValueAxis::TicksFixed);
  QCOMPARE(f.x->tickCount(), ownCount);
}

void TestGuiCharts::policiesHaveOneColourAndProperNamesInTheReport() {
  // One table: the GUI's colour of each policy is the report's.
  for (const char* policy : {"hard", "easy", "random", "ccs"})
    QCOMPARE(ps::ui::policyColour(policy).name(), QString::fromStdString(ps::policyColour(policy).hex()));
  QVERIFY(ps::policyColour("hard").hex() != ps::policyColour("easy").hex());
  // The report's frontier: lines named as the GUI's legend names them, in the policy's colour.
  const std::string html = ps::frontierSection(handMadeFrontier());
  QVERIFY(html.find("- / random") == std::string::npos);
  QVERIFY(html.find(" / ") == std::string::npos);
  for (const char* name : {">keep hard (el2n)</text>", ">keep easy (el2n)</text>", ">random</text>"})
    QVERIFY2(html.find(name) != std::string::npos, name);
  const auto colourOf = [&html](const std::string& name) {  // the legend's line before the name
    const size_t at = html.find(">" + name + "</text>");
    const size_t stroke = html.rfind("stroke='#", at);
    return at == std::string::npos || stroke == std::string::npos ? std::string() : html.substr(stroke + 8, 7);
  };
  QCOMPARE(colourOf("keep hard (el2n)"), ps::policyColour("hard").hex());
  QCOMPARE(colourOf("random"), ps::policyColour("random").hex());
  // The scaling chart: the policy's colour, lighter at the smaller kept fraction (as in the GUI).
  ps::ScalingResult r;
  r.scoreName = "el2n";
  for (double keep : {0.5, 0.7, 1.0})
    for (const char* policy : {"hard", "random"})
      for (int64_t pool : {500, 1000, 2000}) {
        ps::ScalingPoint p;
        p.policy = policy;
        p.keep = keep;
        p.pool = pool;
        p.kept = static_cast<int64_t>(keep * static_cast<double>(pool));
        p.errorMean = 3.0 / std::sqrt(static_cast<double>(p.kept));
        p.errors = {p.errorMean};
        r.points.push_back(p);
      }
  const std::string scaling = ps::scalingSection(r);
  QVERIFY(scaling.find("keep random") == std::string::npos);
  const auto colourIn = [&scaling](const std::string& name) {
    const size_t at = scaling.find(">" + name + "</text>");
    const size_t stroke = scaling.rfind("stroke='#", at);
    return at == std::string::npos || stroke == std::string::npos ? std::string() : scaling.substr(stroke + 8, 7);
  };
  QCOMPARE(colourIn("keep hard f=0.7"), ps::policyShade("hard", 1).hex());
  QCOMPARE(colourIn("keep hard f=0.5"), ps::policyShade("hard", 2).hex());
  QCOMPARE(colourIn("random f=0.5"), ps::policyShade("random", 2).hex());
  QCOMPARE(ps::ui::policyColour("hard", 2).name(), QString::fromStdString(ps::policyShade("hard", 2).hex()));
}

void TestGuiCharts::theReportsLogAxesAreLabelledAtRoundValues() {
  const auto isRound = [](const QString& label) {  // 1..9 × 10^k, written out
    bool ok = false;
    const double v = label.toDouble(&ok);
    if (!ok || v <= 0 || label.contains('e')) return false;
    const double m = v / std::pow(10.0, std::floor(std::log10(v) + 1e-9));
    return std::abs(m - std::round(m)) < 1e-9;
  };
  // Errors 0.12..0.35 over 300..30000 examples: the x axis at 1-2-5 per decade; the y axis,
  // inside one decade, still gets two labels or more.
  ps::SvgChart c;
  c.logX = c.logY = true;
  ps::SvgSeries s;
  s.colour = "#000000";
  for (double n : {300.0, 1000.0, 3000.0, 10000.0, 30000.0}) {
    s.xs.push_back(n);
    s.ys.push_back(0.12 + 0.23 * (30000 - n) / 29700);
  }
  c.series = {s};
  const std::string svg = ps::renderSvg(c);
  const QStringList xs = svgTickLabels(svg, true), ys = svgTickLabels(svg, false);
  for (const char* want : {"500", "1000", "2000", "5000", "10000", "20000"}) QVERIFY2(xs.contains(want), want);
  QVERIFY2(ys.size() >= 2, qPrintable(ys.join(' ')));
  for (const QString& label : xs + ys) QVERIFY2(isRound(label), qPrintable(label));
  QCOMPARE(QSet<QString>(ys.begin(), ys.end()).size(), ys.size());
  // Many decades: powers of ten only.
  c.series[0].xs = {1, 10, 1e3, 1e6};
  c.series[0].ys = {0.5, 0.3, 0.2, 0.1};
  const QStringList wide = svgTickLabels(ps::renderSvg(c), true);
  QVERIFY2(wide.contains("1000") && wide.contains("1000000") && !wide.contains("2000"), qPrintable(wide.join(' ')));
}

void TestGuiCharts::twentyFiveScoresStayReadableAndOneRunCanBePicked() {
  ps::SyntheticSpec spec;
  spec.train = 100;
  std::shared_ptr<const ps::Dataset> ds = ps::makeSyntheticDataset(spec);
  const auto catalog = catalogOfRuns(2000, 5, 5);  // 25 scores: 5 runs of 5
  ps::ui::ScoreView view;
  view.resize(1400, 800);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
  QSignalSpy agreed(&view, &ps::ui::ScoreView::agreementReady);
  view.setCatalog(ds, catalog);
  QVERIFY(agreed.wait(30000));
  auto* map = view.heatmap();
  QCOMPARE(view.agreement().names.size(), size_t(25));
  // Every cell is big enough for its number and each row for its label; the column numbers
  // fit their columns. What does not fit the box scrolls.
  const QFontMetrics fm = map->fontMetrics();
  const QRect first = map->cellRect(0, 0), next = map->cellRect(1, 1);
  QVERIFY2(first.width() >= std::max(34, fm.horizontalAdvance(QStringLiteral("−0.00")) * 3 / 4) &&
               first.height() >= fm.height(),
           qPrintable(QStringLiteral("%1×%2").arg(first.width()).arg(first.height())));
  QVERIFY(next.top() >= first.bottom() && next.left() >= first.right());  // rows and columns do not overlap
  QVERIFY(first.width() > fm.horizontalAdvance(QStringLiteral("25")));
  QTRY_VERIFY(map->rect().contains(map->cellRect(24, 24)));
  QTRY_VERIFY(map->height() > view.heatmapArea()->viewport()->height());
  QTRY_VERIFY(view.heatmapArea()->verticalScrollBar()->isVisible());
  // Scrolled to the last cell, it hovers like any other.
  view.heatmapArea()->ensureVisible(map->cellRect(24, 23).center().x(), map->cellRect(24, 23).center().y());
  QTest::mouseMove(map, map->cellRect(24, 23).center());
  QTRY_VERIFY(map->hoverText().contains("s4 (run 14) vs s3 (run 14)"));
  // One run picked: its five scores alone, and a click still picks the right pair.
  QCOMPARE(view.agreementRunBox()->count(), 6);
  view.agreementRunBox()->setCurrentIndex(3);  // runs are listed in the catalogue's order: run 12
  QVERIFY(agreed.wait(30000));
  QCOMPARE(view.agreement().names.size(), size_t(5));
  for (const std::string& name : view.agreement().names)
    QVERIFY2(name.find("(run 12)") != std::string::npos, name.c_str());
  QTRY_VERIFY(!view.heatmapArea()->verticalScrollBar()->isVisible());
  QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(1, 4).center());
  QCOMPARE(view.xBox()->currentText(), QStringLiteral("s4 (run 12)"));
  QCOMPARE(view.yBox()->currentText(), QStringLiteral("s1 (run 12)"));
}

QTEST_MAIN(TestGuiCharts)
#include "test_gui_charts.moc"
