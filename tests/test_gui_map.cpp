// The embedding map view, offscreen in the main window: a lasso drawn with the mouse
// becomes the gallery's selection (exactly the points inside), the gallery's selection is
// highlighted on the map, a click opens the example in the gallery, hovering shows its
// numbers, the colours follow the picker and the legend hides points; and drawing and
// zooming 400 000 points keeps the GUI thread's steps under 50 ms (drawn on a worker). About 8 s on two cores.
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QTabWidget>
#include <QtTest>
#include <algorithm>
#include <ctime>
#include <random>

#include "charts/map_canvas.h"
#include "embed/embedding_map.h"
#include "embed/map_selection.h"
#include "store/embedding_store.h"
#include "support/views_fixture.h"
#include "views/example_list_model.h"
#include "views/gallery_view.h"
#include "views/map_view.h"

class TestGuiMap : public QObject, pstest::ViewsFixture {
  Q_OBJECT
  int64_t run_ = 0;
  std::unique_ptr<ps::ui::MainWindow> window_;
  ps::ui::MapView* map_ = nullptr;

 private slots:
  void initTestCase();
  void cleanupTestCase() { window_.reset(); }
  void aLassoOnTheMapBecomesTheGallerySelection();
  void aGallerySelectionIsHighlightedOnTheMap();
  void aClickOpensTheExampleInTheGalleryAndHoverShowsIt();
  void coloursFollowThePickerAndTheLegendHidesPoints();
  void drawingAndZoomingManyPointsStaysUnderTheStallBound();
};

void TestGuiMap::initTestCase() {
  setUp("TestGuiMap");
  // A scoring run's embedding of the 600 examples: three clouds by class (0-2, 3-5, 6-9).
  auto ds = ps::openDataset(dir_.toStdString());
  ps::Store store(db_.toStdString());
  // (Kept with the imported "first" run: the catalogue then has one run per score.)
  run_ = store.runs(store.registerDataset(*ds)).front().id;
  std::mt19937 rng(3);
  std::normal_distribution<float> normal;
  ps::Embedding e{"classifier", 600, 8, std::vector<float>(600 * 8)};
  for (size_t i = 0; i < 600; ++i) {
    const int cloud = std::min(2, ds->label(ps::Split::Train, i) / 3);
    for (size_t d = 0; d < 8; ++d) e.values[i * 8 + d] = (int(d) % 3 == cloud ? 5.0F : 0.0F) + normal(rng);
  }
  ps::saveEmbedding(store, run_, ps::Split::Train, e);
  ps::embeddingMap(store, *ds, run_, ps::MapSettings{}, nullptr);  // cached, as the job leaves it
  window_ = openWindow();
  map_ = window_->mapView();
  window_->views()->setCurrentWidget(map_);
  QTRY_VERIFY_WITH_TIMEOUT(map_->hasMap() && !map_->busy(), 20000);
  QCOMPARE(map_->shownRun(), run_);
  QTRY_VERIFY(map_->legend()->count() == 10);  // coloured by class
}

void TestGuiMap::aLassoOnTheMapBecomesTheGallerySelection() {
  ps::ui::MapCanvas* canvas = map_->canvas();
  const QRect r = canvas->rect();
  // A pentagon over the left half of the map, drawn with the mouse.
  const QPolygonF lasso({QPointF(r.width() * 0.05, r.height() * 0.1), QPointF(r.width() * 0.5, r.height() * 0.05),
                         QPointF(r.width() * 0.55, r.height() * 0.6), QPointF(r.width() * 0.3, r.height() * 0.95),
                         QPointF(r.width() * 0.02, r.height() * 0.7)});
  // The vertices the canvas records: the press, then each move 2 pixels or more from the last.
  std::vector<ps::MapPoint> recorded;
  QPoint last = lasso[0].toPoint();
  auto record = [&](QPoint p) {
    const QPointF m = canvas->toMap(p);
    recorded.push_back({m.x(), m.y()});
    last = p;
  };
  record(last);
  QTest::mousePress(canvas, Qt::LeftButton, {}, last);
  for (int k = 1; k <= lasso.size(); ++k) {
    const QPointF from = lasso[k - 1], to = lasso[k % lasso.size()];
    for (int s = 1; s <= 8; ++s) {
      const QPoint p = (from + (to - from) * (s / 8.0)).toPoint();
      QTest::mouseMove(canvas, p);
      if (QLineF(last, p).length() >= 2) record(p);
    }
  }
  QTest::mouseRelease(canvas, Qt::LeftButton, {}, lasso[0].toPoint());
  ps::ui::GalleryView* gallery = window_->galleryView();
  const std::vector<int64_t> picked = gallery->selection();
  QVERIFY(!picked.empty() && picked.size() < 600);
  // Exactly the points inside the polygon the mouse drew, by core's test on the map's coordinates.
  QCOMPARE(picked, ps::pointsInPolygon(*canvas->xValues(), *canvas->yValues(), recorded));
  QVERIFY(gallery->selectionLine()->text().contains("on the map"));
  QCOMPARE(canvas->highlight(), picked);
  QVERIFY(map_->selectionLine()->text().contains("on the map"));
}

void TestGuiMap::aGallerySelectionIsHighlightedOnTheMap() {
  ps::ui::GalleryView* gallery = window_->galleryView();
  QListView* list = gallery->hardestList();
  QTRY_VERIFY(list->model()->rowCount() >= 5);
  list->selectionModel()->select(QItemSelection(list->model()->index(0, 0), list->model()->index(4, 0)),
                                 QItemSelectionModel::ClearAndSelect);
  std::vector<int64_t> want = gallery->selection();
  QCOMPARE(want.size(), size_t(5));
  QCOMPARE(map_->canvas()->highlight(), want);
  QVERIFY(map_->selectionLine()->text().contains("in the gallery"));
  list->selectionModel()->clearSelection();
  QVERIFY(map_->canvas()->highlight().empty());
}

void TestGuiMap::aClickOpensTheExampleInTheGalleryAndHoverShowsIt() {
  window_->views()->setCurrentWidget(map_);
  ps::ui::MapCanvas* canvas = map_->canvas();
  // A pixel with a point under it: scan the canvas until one is found.
  int64_t hit = -1;
  QPoint at;
  for (int py = 5; py < canvas->height() && hit < 0; py += 7)
    for (int px = 5; px < canvas->width() && hit < 0; px += 7)
      if ((hit = canvas->pointAt(QPoint(px, py))) >= 0) at = QPoint(px, py);
  QVERIFY(hit >= 0);
  QTest::mouseMove(canvas, at);
  QTRY_VERIFY(map_->hoverText()->text().contains(QStringLiteral("#%1").arg(hit)));
  QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
  QCOMPARE(window_->views()->currentWidget(), window_->galleryView());
  QCOMPARE(window_->galleryView()->detailShown(), hit);
  window_->views()->setCurrentWidget(map_);
}

void TestGuiMap::coloursFollowThePickerAndTheLegendHidesPoints() {
  QComboBox* colour = map_->colourBox();
  const int score = colour->findText("Score: first", Qt::MatchStartsWith);
  QVERIFY(score >= 0);
  colour->setCurrentIndex(score);
  QTRY_VERIFY(map_->legend()->count() == 11 && !map_->busy());  // ten deciles and "not scored"
  QVERIFY(map_->legend()->item(0)->text().startsWith("decile 1"));
  colour->setCurrentIndex(0);  // by class again
  QTRY_VERIFY(map_->legend()->count() == 10 && !map_->busy());
  // Hiding every class hides every point: nothing can be picked or selected.
  for (int i = 0; i < map_->legend()->count(); ++i) map_->legend()->item(i)->setCheckState(Qt::Unchecked);
  ps::ui::MapCanvas* canvas = map_->canvas();
  for (int py = 5; py < canvas->height(); py += 11)
    for (int px = 5; px < canvas->width(); px += 11) QCOMPARE(canvas->pointAt(QPoint(px, py)), int64_t(-1));
  for (int i = 0; i < map_->legend()->count(); ++i) map_->legend()->item(i)->setCheckState(Qt::Checked);
}

void TestGuiMap::drawingAndZoomingManyPointsStaysUnderTheStallBound() {
  // 400 000 points in 20 clouds, coloured in 20 classes.
  const size_t n = 400000;
  auto x = std::make_shared<std::vector<float>>(n), y = std::make_shared<std::vector<float>>(n);
  auto colours = std::make_shared<ps::ui::MapColours>();
  colours->entry.resize(n);
  for (int c = 0; c < 20; ++c) colours->palette.push_back(QColor::fromHsv(c * 18, 200, 200).rgb());
  colours->names.resize(20);
  std::mt19937 rng(1);
  std::normal_distribution<float> normal;
  for (size_t i = 0; i < n; ++i) {
    (*x)[i] = float(i % 20) * 4 + normal(rng), (*y)[i] = float(i % 7) * 3 + normal(rng);
    colours->entry[i] = uint16_t(i % 20);
  }
  ps::ui::MapCanvas canvas;
  canvas.resize(1200, 800);
  canvas.show();
  canvas.setPoints(x, y);
  canvas.setColours(colours);
  double longest = 0;
  auto step = [&](const std::function<void()>& change) {
    // The GUI thread's CPU time, not the wall clock: a shared CI machine's load does not
    // count, the GUI thread's own work does: the change and a paint (of the last finished
    // drawing moved to the new view); the drawing itself runs on a worker thread.
    timespec a{}, b{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    change();
    canvas.repaint();
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    longest = std::max(longest, double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6);
    QTRY_VERIFY_WITH_TIMEOUT(canvas.upToDate(), 20000);  // the worker's drawing is shown
  };
  step([] {});
  QVERIFY(canvas.binned());  // the whole map: binned into pixels
  const QPointF at = canvas.toPixel(40, 9);
  for (int k = 0; k < 12; ++k) step([&] { canvas.zoomAbout(at, 1.6); });
  QVERIFY(!canvas.binned());  // zoomed in: single points
  for (int k = 0; k < 12; ++k) step([&] { canvas.zoomAbout(at, 1 / 1.6); });
  step([&] { canvas.setHighlight({1, 2, 3, 4000, 399999}); });
  // A zoom shows at once the last drawing scaled about the mouse (before its new drawing
  // arrives): a pixel 2d from the mouse after a 2x zoom is the drawing's pixel d from it.
  const QImage before = canvas.image();
  const QPoint mouse(600, 400);
  canvas.zoomAbout(mouse, 2.0);
  QVERIFY(!canvas.upToDate());
  const QImage preview = canvas.grab().toImage().convertToFormat(QImage::Format_RGB32);
  int same = 0, samples = 0;
  for (int dy = -120; dy <= 120; dy += 24)
    for (int dx = -200; dx <= 200; dx += 40, ++samples)
      same += preview.pixel(mouse + QPoint(2 * dx, 2 * dy)) == before.pixel(mouse + QPoint(dx, dy)) ? 1 : 0;
  QVERIFY2(same >= samples * 9 / 10, qPrintable(QStringLiteral("%1 of %2 pixels").arg(same).arg(samples)));
  QTRY_VERIFY_WITH_TIMEOUT(canvas.upToDate(), 20000);
  // The bench measures the 50 ms target at 1.28 M points; here the same bound on the GUI
  // thread's CPU time, which binning the points on the GUI thread would break.
  QVERIFY2(longest < 50, qPrintable(QStringLiteral("longest GUI-thread step %1 ms of CPU time").arg(longest)));
}

QTEST_MAIN(TestGuiMap)
#include "test_gui_map.moc"
