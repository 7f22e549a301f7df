// The embedding map: the layout of a planted embedding keeps its clusters apart, is
// finite and the same for a seed; the map is cached in the store (a second request is a
// cache hit); a run without an embedding gets a message naming what to run; a lasso or a
// box selects exactly the points inside; the picture and the CLI's CSV are written.
// About 6 s on two cores.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <random>

#include "data/dataset_opener.h"
#include "data/synthetic_dataset.h"
#include "embed/embedding_map.h"
#include "embed/knn.h"
#include "embed/map_selection.h"
#include "store/embedding_store.h"
#include "store/store.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace {

// `n` rows in 3 well-separated clouds of `dims` dimensions; cloud = row % 3.
ps::FloatMatrix planted(int64_t n, int dims, uint64_t seed = 1) {
  std::mt19937 rng(static_cast<unsigned>(seed));
  std::normal_distribution<float> normal;
  std::vector<float> centres(3 * size_t(dims));
  for (float& c : centres) c = 4.0F * normal(rng);
  ps::FloatMatrix m{n, dims, std::vector<float>(size_t(n) * size_t(dims))};
  for (int64_t i = 0; i < n; ++i)
    for (int d = 0; d < dims; ++d)
      m.data[size_t(i * dims + d)] = centres[size_t(i % 3) * size_t(dims) + size_t(d)] + 0.5F * normal(rng);
  return m;
}

ps::NeighbourLists faiss(const ps::FloatMatrix& base, const ps::FloatMatrix* query, int k) {
  ps::KnnOptions o;
  o.k = k;
  const ps::MatrixView b{base.data.data(), base.rows, base.cols};
  return query ? ps::knnQuery({query->data.data(), query->rows, query->cols}, b, o) : ps::knnWithin(b, o);
}

// The share of points whose nearest cloud centre on the map is their own cloud's.
double ownCentreShare(const std::vector<float>& x, const std::vector<float>& y) {
  double cx[3] = {}, cy[3] = {}, cn[3] = {};
  for (size_t i = 0; i < x.size(); ++i) cx[i % 3] += x[i], cy[i % 3] += y[i], cn[i % 3] += 1;
  for (int c = 0; c < 3; ++c) cx[c] /= cn[c], cy[c] /= cn[c];
  size_t own = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    size_t best = 0;
    double bestD = 1e300;
    for (size_t c = 0; c < 3; ++c) {
      const double d = std::hypot(x[i] - cx[c], y[i] - cy[c]);
      if (d < bestD) bestD = d, best = c;
    }
    own += best == i % 3 ? 1 : 0;
  }
  return double(own) / double(x.size());
}

bool allFinite(const std::vector<float>& v) {
  return std::all_of(v.begin(), v.end(), [](float f) { return std::isfinite(f); });
}

}  // namespace

class TestMap : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

 private slots:
  void layoutKeepsPlantedCloudsApartAndIsSeeded();
  void aSampledLayoutPlacesTheRestByTheirNeighbours();
  void theMapIsCachedByRunAndSettings();
  void aRunWithoutAnEmbeddingNamesWhatToRun();
  void aLassoSelectsExactlyThePointsInside();
  void aBoxAndANearestPointSelectExactly();
  void theCliWritesCoordinatesAndAPicture();
};

void TestMap::layoutKeepsPlantedCloudsApartAndIsSeeded() {
  const ps::FloatMatrix m = planted(600, 16);
  ps::MapSettings s;
  s.epochs = 100;
  const ps::MapLayout a = ps::layoutEmbedding(m, s, faiss, nullptr);
  QCOMPARE(a.x.size(), size_t(600));
  QCOMPARE(a.laidOut, int64_t(600));
  QVERIFY(allFinite(a.x) && allFinite(a.y));
  QVERIFY2(ownCentreShare(a.x, a.y) > 0.99, qPrintable(QString::number(ownCentreShare(a.x, a.y))));
  const ps::MapLayout again = ps::layoutEmbedding(m, s, faiss, nullptr);
  QVERIFY(again.x == a.x && again.y == a.y);  // the same seed, the same map
  s.seed = 9;
  const ps::MapLayout other = ps::layoutEmbedding(m, s, faiss, nullptr);
  QVERIFY(other.x != a.x);
}

void TestMap::aSampledLayoutPlacesTheRestByTheirNeighbours() {
  const ps::FloatMatrix m = planted(900, 16, 3);
  ps::MapSettings s;
  s.epochs = 100;
  s.sampleSize = 300;
  s.sampleAbove = 300;
  const ps::MapLayout a = ps::layoutEmbedding(m, s, faiss, nullptr);
  QCOMPARE(a.laidOut, int64_t(300));
  QVERIFY(allFinite(a.x) && allFinite(a.y));
  QVERIFY2(ownCentreShare(a.x, a.y) > 0.99, qPrintable(QString::number(ownCentreShare(a.x, a.y))));
}

void TestMap::theMapIsCachedByRunAndSettings() {
  ps::SyntheticSpec spec;
  spec.classes = 3;
  spec.train = 300;
  spec.test = 30;
  spec.size = 8;
  auto ds = ps::makeSyntheticDataset(spec);
  ps::Store store(tmp_.filePath("cache.sqlite").toStdString());
  const int64_t dataset = store.registerDataset(*ds);
  const int64_t run = store.beginRun(dataset, "score", "{}", "k1", 0, "cpu");
  store.finishRun(run, ps::RunStatus::Done);
  const ps::FloatMatrix m = planted(300, 8);
  ps::saveEmbedding(store, run, ps::Split::Train, ps::Embedding{"classifier", 300, 8, m.data});
  ps::MapSettings s;
  s.epochs = 50;
  const ps::EmbeddingMap first = ps::embeddingMap(store, *ds, 0, s, nullptr);
  QCOMPARE(first.runId, run);
  QVERIFY(!first.fromCache);
  QCOMPARE(first.map.x.size(), size_t(300));
  QVERIFY(allFinite(first.map.x) && allFinite(first.map.y));
  const ps::EmbeddingMap second = ps::embeddingMap(store, *ds, run, s, nullptr);
  QVERIFY(second.fromCache);
  QVERIFY(second.map.x == first.map.x && second.map.y == first.map.y);
  QVERIFY(ps::cachedMap(store, run, s));
  s.seed = 4;  // other settings: another cache entry
  QVERIFY(!ps::cachedMap(store, run, s));
  QCOMPARE(ps::mapSources(store, *ds).size(), size_t(1));
}

void TestMap::aRunWithoutAnEmbeddingNamesWhatToRun() {
  ps::SyntheticSpec spec;
  spec.classes = 2;
  spec.train = 50;
  spec.test = 10;
  spec.size = 8;
  spec.seed = 5;
  auto ds = ps::makeSyntheticDataset(spec);
  ps::Store store(tmp_.filePath("none.sqlite").toStdString());
  const int64_t dataset = store.registerDataset(*ds);
  const int64_t imported = store.beginRun(dataset, "import", "{}", "k2", 0, "cpu");
  store.finishRun(imported, ps::RunStatus::Done);
  for (const int64_t run : {int64_t(0), imported}) {
    try {
      ps::embeddingMap(store, *ds, run, {}, nullptr);
      QFAIL("a map without an embedding");
    } catch (const ps::ConfigError& e) {
      const QString why = QString::fromUtf8(e.what());
      QVERIFY2(why.contains("prunescope-cli score") &&
                   why.contains(run == 0 ? "imported scores have none" : "an import of scores has none"),
               e.what());
    }
  }
}

void TestMap::aLassoSelectsExactlyThePointsInside() {
  // A 10 × 10 grid of points at (i + 0.5, j + 0.5); no point lies on an edge below.
  std::vector<float> x, y;
  for (int j = 0; j < 10; ++j)
    for (int i = 0; i < 10; ++i) x.push_back(float(i) + 0.5F), y.push_back(float(j) + 0.5F);
  // A triangle: the points with i + j <= 8 (45 of them).
  std::vector<int64_t> want;
  for (int j = 0; j < 10; ++j)
    for (int i = 0; i < 10; ++i)
      if (i + j <= 8) want.push_back(j * 10 + i);
  QCOMPARE(ps::pointsInPolygon(x, y, {{0, 0}, {10, 0}, {0, 10}}), want);
  // A concave "C": the square 0..10 less the notch 3..10 × 3..7.
  want.clear();
  for (int j = 0; j < 10; ++j)
    for (int i = 0; i < 10; ++i)
      if (!(i >= 3 && j >= 3 && j <= 6)) want.push_back(j * 10 + i);
  QCOMPARE(ps::pointsInPolygon(x, y, {{0, 0}, {10, 0}, {10, 3}, {3, 3}, {3, 7}, {10, 7}, {10, 10}, {0, 10}}), want);
  // Two vertices are no polygon; a lasso around nothing selects nothing.
  QVERIFY(ps::pointsInPolygon(x, y, {{0, 0}, {10, 10}}).empty());
  QVERIFY(ps::pointsInPolygon(x, y, {{20, 20}, {30, 20}, {30, 30}}).empty());
}

void TestMap::aBoxAndANearestPointSelectExactly() {
  const std::vector<float> x = {0, 1, 2, 3, 4}, y = {0, 1, 0, 1, 0};
  QCOMPARE(ps::pointsInBox(x, y, {3.5, 1.5}, {0.5, -0.5}), (std::vector<int64_t>{1, 2, 3}));
  QCOMPARE(ps::nearestPoint(x, y, {2.2, 0.1}, 0.5), int64_t(2));
  QCOMPARE(ps::nearestPoint(x, y, {2.5, 0.5}, 0.1), int64_t(-1));
}

void TestMap::theCliWritesCoordinatesAndAPicture() {
  const std::string dir = tmp_.filePath("fashion").toStdString(), db = tmp_.filePath("cli.sqlite").toStdString();
  pstest::writeIdxDataset(dir, pstest::fashionSamples(240), pstest::fashionSamples(30, true), false);
  {
    auto ds = ps::openDataset(dir);
    ps::Store store(db);
    const int64_t dataset = store.registerDataset(*ds);
    const int64_t imported = store.beginRun(dataset, "import", "{}", "k0", 0, "cpu");
    store.finishRun(imported, ps::RunStatus::Done);
  }
  const std::string csv = tmp_.filePath("map.csv").toStdString(), png = tmp_.filePath("map.png").toStdString();
  pstest::CliResult r = pstest::cli({"map", dir, "--db", db, "--out", csv, "--quiet"});
  QCOMPARE(r.code, 1);  // imported scores only: no embedding, and the message says what to run
  QVERIFY2(r.err.find("prunescope-cli score") != std::string::npos, r.err.c_str());
  {
    auto ds = ps::openDataset(dir);
    ps::Store store(db);
    const int64_t run = store.beginRun(store.registerDataset(*ds), "score", "{}", "k1", 0, "cpu");
    store.finishRun(run, ps::RunStatus::Done);
    ps::saveEmbedding(store, run, ps::Split::Train, ps::Embedding{"classifier", 240, 8, planted(240, 8).data});
  }
  r = pstest::cli({"map", dir, "--db", db, "--out", csv, "--quiet"});
  QVERIFY2(r.code == 0, r.err.c_str());
  std::ifstream in(csv);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  QCOMPARE(lines.size(), size_t(241));
  QCOMPARE(lines[0], std::string("index,x,y,class,class_name"));
  QVERIFY(lines[1].rfind("0,", 0) == 0);
  r = pstest::cli({"map", dir, "--db", db, "--out", png, "--quiet"});
  QVERIFY2(r.code == 0 && r.out.find("from the store's cache") != std::string::npos, r.out.c_str());
  const cv::Mat img = cv::imread(png);
  QCOMPARE(img.cols, 1600);
  QVERIFY(cv::countNonZero(img.reshape(1) != 255) > 240);  // the dots and the legend are drawn
  r = pstest::cli({"map", dir, "--db", db, "--out", tmp_.filePath("map.txt").toStdString(), "--quiet"});
  QCOMPARE(r.code, 1);
}

QTEST_GUILESS_MAIN(TestMap)
#include "test_map.moc"
