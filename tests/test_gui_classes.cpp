// The views at a thousand classes, on a generated dataset (1 000 classes x 3 examples,
// no store, no training): the class picker filters as one types, by name or id; the
// score view draws a per-class table, ordered by the share a pruning removes, instead of
// a thousand panels; the gallery's thumbnail columns follow its width; large JPEGs are
// decoded at a reduced size for thumbnails.
#include <QAbstractItemModelTester>
#include <QCompleter>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <opencv2/imgcodecs.hpp>

#include "base/class_picker.h"
#include "base/score_catalog.h"
#include "charts/chart_view.h"
#include "data/dataset_opener.h"
#include "data/image_file_dataset.h"
#include "data/in_memory_dataset.h"
#include "score/class_summary.h"
#include "util/errors.h"
#include "views/class_summary_panel.h"
#include "views/example_list_model.h"
#include "views/gallery_view.h"
#include "views/score_view.h"

namespace {
constexpr int kClasses = 1000, kPerClass = 3;

// Class c is named "kind c"; its examples' difficulty is c plus a little, so class 999 is
// the hardest and a keep-hard pruning removes the low classes first.
std::shared_ptr<ps::InMemoryDataset> thousandClasses() {
  ps::InMemorySplit train, test;
  const size_t n = static_cast<size_t>(kClasses) * kPerClass;
  train.pixels.assign(n * 8 * 8, 128);
  for (size_t i = 0; i < n; ++i) train.labels.push_back(static_cast<int>(i % kClasses));
  train.file = test.file = "generated";
  test.labels = {0};
  test.pixels.assign(8 * 8, 0);
  std::vector<std::string> names;
  for (int c = 0; c < kClasses; ++c) names.push_back("kind " + std::to_string(c));
  return std::make_shared<ps::InMemoryDataset>("generated", "generated", ps::ImageShape{8, 8, 1}, names,
                                               std::move(train), std::move(test));
}

std::shared_ptr<const ps::ui::ScoreCatalog> catalogOf(const ps::Dataset& ds) {
  auto run = std::make_shared<ps::ui::CatalogRun>();
  run->run.runId = 1;
  const size_t n = ds.size(ps::Split::Train);
  for (size_t i = 0; i < n; ++i) {
    run->run.indices.push_back(static_cast<int64_t>(i));
    run->run.difficulty["el2n"].push_back(static_cast<float>(ds.label(ps::Split::Train, i)) +
                                          0.001f * static_cast<float>(i / kClasses));
  }
  run->run.names = {"el2n"};
  run->labels = ds.labelsOf(ps::Split::Train, run->run.indices);
  auto catalog = std::make_shared<ps::ui::ScoreCatalog>();
  catalog->runs.push_back(run);
  catalog->entries = {{0, "el2n"}};
  return catalog;
}

QStringList completions(QCompleter* c) {
  QStringList out;
  for (int r = 0; r < c->completionModel()->rowCount(); ++r)
    out << c->completionModel()->index(r, 0).data(Qt::DisplayRole).toString();
  return out;
}
}  // namespace

class TestGuiClasses : public QObject {
  Q_OBJECT

 private slots:
  void classPickerFiltersByNameOrId();
  void scoreViewShowsAnOrderedTableInsteadOfAThousandPanels();
  void galleryColumnsFollowItsWidth();
  void largeJpegThumbnailsAreDecodedReduced();
  void classSummaryByHand();
};

void TestGuiClasses::classPickerFiltersByNameOrId() {
  auto ds = thousandClasses();
  ps::ui::GalleryView g;
  g.resize(1200, 700);
  g.show();
  g.setCatalog(ds, catalogOf(*ds));
  QTRY_VERIFY_WITH_TIMEOUT(!g.busy(), 20000);
  ps::ui::ClassPicker* picker = g.classBox();
  QCOMPARE(picker->count(), kClasses + 1);  // all classes, then one entry per class
  QAbstractItemModelTester tester(picker->model());
  // Typing part of a name lists the classes that contain it.
  picker->lineEdit()->selectAll();  // as a click into the field does
  QTest::keyClicks(picker->lineEdit(), "KIND 12");
  QStringList listed = completions(picker->completer());
  QCOMPARE(listed.size(), 11);  // kind 12 and kind 120 ... 129, case-insensitive
  QVERIFY(listed.contains("kind 12") && listed.contains("kind 129"));
  // Enter picks the exact match; the gallery then shows that class alone.
  QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
  QCOMPARE(picker->currentClass(), 12);
  QTRY_VERIFY_WITH_TIMEOUT(!g.busy(), 20000);
  QCOMPARE(g.hardestModel()->totalCount(), int64_t(kPerClass));
  for (int r = 0; r < g.hardestModel()->rowCount(); ++r)
    QCOMPARE(
        ds->label(ps::Split::Train, g.hardestModel()->index(r).data(ps::ui::ExampleListModel::IndexRole).toULongLong()),
        12);
  // By id: "517" finds the class with id 517 (its name is "kind 517" too, but ids are searched
  // even where the name differs: the search text is "<id> <name>").
  QCOMPARE(picker->itemData(518, ps::ui::ClassPicker::kSearchRole).toString(), QString("517 kind 517"));
  picker->lineEdit()->selectAll();
  QTest::keyClicks(picker->lineEdit(), "517");
  QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
  QCOMPARE(picker->currentClass(), 517);
  // Text that matches nothing changes nothing, and the field shows the class again.
  picker->lineEdit()->selectAll();
  QTest::keyClicks(picker->lineEdit(), "no such class");
  QVERIFY(completions(picker->completer()).isEmpty());
  QTest::keyClick(picker->lineEdit(), Qt::Key_Return);
  QCOMPARE(picker->currentClass(), 517);
  QCOMPARE(picker->lineEdit()->text(), QString("kind 517"));
  // The first entry is every class.
  picker->setCurrentIndex(0);
  QCOMPARE(picker->currentClass(), -1);
}

void TestGuiClasses::scoreViewShowsAnOrderedTableInsteadOfAThousandPanels() {
  auto ds = thousandClasses();
  ps::ui::ScoreView v;
  v.resize(1400, 900);
  v.show();
  v.setCatalog(ds, catalogOf(*ds));
  ps::ui::ClassSummaryPanel* summary = v.classSummary();
  QTRY_VERIFY_WITH_TIMEOUT(!v.histogramBusy() && !summary->busy() && !summary->rows().empty(), 20000);
  QVERIFY(v.showsSummary());
  QVERIFY(summary->isVisible());
  QVERIFY(!v.histogramGrid()->isVisible());  // no thousand small panels
  QTableView* table = summary->table();
  QAbstractItemModelTester tester(table->model());
  QCOMPARE(table->model()->rowCount(), kClasses);
  // Keep hardest at f = 0.7 removes the easiest 30 %: classes 0..299, all of each. The most
  // affected come first: share removed never rises down the table, and among equal shares
  // the highest median first.
  auto share = [&](int row) {
    return table->model()->index(row, ps::ui::ClassSummaryPanel::RemovedColumn).data(Qt::UserRole + 1).toDouble();
  };
  QCOMPARE(share(0), 1.0);
  QCOMPARE(summary->classAtRow(0), 299);
  QCOMPARE(share(kClasses - 1), 0.0);
  for (int r = 1; r < kClasses; ++r) QVERIFY(share(r) <= share(r - 1));
  QCOMPARE(summary->classAtRow(300), 999);  // first of those kept whole: the hardest class
  // The most affected class is drawn below the table; clicking another draws that one.
  QTRY_COMPARE(summary->chartView()->chart()->series().size(), 2);
  QVERIFY(summary->chartView()->chart()->title().contains("kind 299"));
  // Search by name or id.
  summary->searchField()->setText("kind 42");
  QCOMPARE(table->model()->rowCount(), 11);  // 42 and 420 ... 429
  table->selectRow(table->model()->rowCount() - 1);
  QVERIFY(summary->chartView()->chart()->title().contains("kind 4"));
  summary->searchField()->clear();
  QCOMPARE(table->model()->rowCount(), kClasses);
  // Keep easiest removes the hardest classes instead.
  summary->policyBox()->setCurrentIndex(1);
  QTRY_VERIFY_WITH_TIMEOUT(!summary->busy(), 20000);
  QCOMPARE(summary->classAtRow(0), 999);
  // One class on demand through the picker: its chart replaces the table.
  v.classBox()->setCurrentIndex(1 + 5);
  QVERIFY(v.chartView()->isVisible());
  QVERIFY(v.chartView()->chart()->title().contains("kind 5"));
}

void TestGuiClasses::galleryColumnsFollowItsWidth() {
  auto ds = thousandClasses();
  ps::ui::GalleryView g;
  g.resize(1000, 700);
  g.show();
  g.setCatalog(ds, catalogOf(*ds));
  QTRY_VERIFY_WITH_TIMEOUT(!g.busy(), 20000);
  QListView* list = g.hardestList();
  auto columns = [list] { return list->viewport()->width() / list->gridSize().width(); };
  QTRY_VERIFY(list->gridSize().width() > 0);
  const int narrow = columns();
  g.resize(2200, 700);
  QTRY_VERIFY(columns() > narrow);
  // The grid fills the width: the columns share it, with less than one item's width left.
  const int itemWidth = g.hardestModel()->index(0).data(Qt::SizeHintRole).toSize().width();
  QVERIFY(list->viewport()->width() - columns() * list->gridSize().width() < itemWidth);
  QVERIFY(columns() >= 3);
  // The rows a viewport shows are laid out in those columns.
  const QRect first = list->visualRect(g.hardestModel()->index(0));
  const QRect second = list->visualRect(g.hardestModel()->index(1));
  QCOMPARE(first.top(), second.top());
  QVERIFY(second.left() > first.left());
}

void TestGuiClasses::largeJpegThumbnailsAreDecodedReduced() {
  QTemporaryDir dir;
  for (const char* cls : {"a", "b"}) {
    const std::string folder = dir.filePath(cls).toStdString();
    QVERIFY(QDir().mkpath(QString::fromStdString(folder)));
    for (int i = 0; i < 5; ++i) {
      cv::Mat m(480, 640, CV_8UC3, cv::Scalar(40 * i, cls[0] == 'a' ? 200 : 20, 90));
      QVERIFY(cv::imwrite(folder + "/" + std::to_string(i) + ".jpg", m));
    }
  }
  const std::unique_ptr<ps::Dataset> opened = ps::openDataset(dir.path().toStdString());
  const auto* ds = dynamic_cast<const ps::ImageFileDataset*>(opened.get());
  QVERIFY(ds);
  QCOMPARE(ds->shape().width, 640);
  // 56 px: 1/8 of the file (80 x 60) still covers it, then resized to fit 56 x 56.
  const cv::Mat small = ds->preview(ps::Split::Train, 0, 56);
  QCOMPARE(small.cols, 56);
  QCOMPARE(small.rows, 42);
  const cv::Mat full = ds->image(ps::Split::Train, 0);
  QCOMPARE(full.cols, 640);
  // The same picture: the colours agree with the full decode's.
  const cv::Vec3b a = small.at<cv::Vec3b>(20, 28), b = full.at<cv::Vec3b>(240, 320);
  for (int ch = 0; ch < 3; ++ch) QVERIFY(std::abs(int(a[ch]) - int(b[ch])) <= 4);
  // Larger thumbnails decode at 1/2 or 1/4, never smaller than asked.
  QCOMPARE(ds->preview(ps::Split::Train, 0, 224).cols, 224);
  // The gallery's thumbnail goes through it.
  QCOMPARE(ps::ui::ExampleListModel::thumbnail(*ds, 0, 56).width(), 56);
}

void TestGuiClasses::classSummaryByHand() {
  // Class 0: 1, 2, 3, 4; class 1: 10, 20; class 2: none. Keep hardest 3 of 6: 4, 10, 20.
  const std::vector<float> d = {1, 10, 2, 3, 20, 4};
  const std::vector<int> labels = {0, 1, 0, 0, 1, 0};
  ps::PruneSpec spec;
  spec.keep = 0.5;
  const auto rows = ps::classSummary(d, labels, 3, spec);
  QCOMPARE(rows.size(), size_t(3));
  QCOMPARE(rows[0].count, int64_t(4));
  QCOMPARE(rows[0].removed, int64_t(3));
  QCOMPARE(rows[0].removedShare, 0.75);
  QCOMPARE(rows[0].median, 3.0);  // nearest rank of 1, 2, 3, 4
  QCOMPARE(rows[0].p90, 4.0);
  QCOMPARE(rows[1].removed, int64_t(0));
  QCOMPARE(rows[2].count, int64_t(0));
  QVERIFY(std::isnan(rows[2].median));
  QCOMPARE(ps::mostAffectedFirst(rows), (std::vector<int>{0, 1, 2}));  // class 1 before the empty class 2
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::classSummary(d, {0, 1, 0, 0, 1, 3}, 3, spec));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::classSummary(d, {0, 1}, 3, spec));
}

QTEST_MAIN(TestGuiClasses)
#include "test_gui_classes.moc"
