// Embeddings: stored per run and split (checked on load), and cosine nearest neighbours
// through FAISS, exact and approximate, against a brute-force search.
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <random>

#include "data/dataset_opener.h"
#include "embed/knn.h"
#include "store/embedding_store.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "support/test_data.h"
#include "util/errors.h"

using namespace pstest;

namespace {

std::vector<float> randomRows(int64_t rows, int64_t dims, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> g(0.0F, 1.0F);
  std::vector<float> v(static_cast<size_t>(rows * dims));
  for (float& x : v) x = g(rng);
  return v;
}

double cosine(const float* a, const float* b, int64_t dims) {
  double ab = 0, aa = 0, bb = 0;
  for (int64_t d = 0; d < dims; ++d) {
    ab += double(a[d]) * b[d];
    aa += double(a[d]) * a[d];
    bb += double(b[d]) * b[d];
  }
  return ab / std::sqrt(aa * bb);
}

// The k most similar base rows of one query row by brute force (skipping `self`).
std::vector<int64_t> bruteForce(const float* q, const std::vector<float>& base, int64_t rows, int64_t dims, int k,
                                int64_t self) {
  std::vector<std::pair<double, int64_t>> all;
  for (int64_t r = 0; r < rows; ++r)
    if (r != self) all.emplace_back(cosine(q, base.data() + r * dims, dims), r);
  std::partial_sort(all.begin(), all.begin() + k, all.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<int64_t> out;
  for (int j = 0; j < k; ++j) out.push_back(all[static_cast<size_t>(j)].second);
  return out;
}

}  // namespace

class TestEmbed : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void embeddingRoundTripPerRunAndSplit();
  void damagedEmbeddingIsRefusedWithTheStoreAndRun();
  void badEmbeddingIsRefusedBeforeItIsStored();
  void knnWithinExcludesSelfAndMatchesBruteForce();
  void knnWithinFindsACopyAtAnotherIndex();
  void knnQueryMatchesBruteForceAndChecksDimensions();
  void hnswForLargeBasesFindsMostTrueNeighbours();
};

void TestEmbed::embeddingRoundTripPerRunAndSplit() {
  ps::Store store(path("round.sqlite"));
  writeIdxDataset(path("ds"), fashionSamples(12), fashionSamples(4, true), true);
  const auto ds = ps::openDataset(path("ds"));
  const int64_t dsId = store.registerDataset(*ds);
  const int64_t run = store.beginRun(dsId, "score", "{}", "k1", 0, "cpu");
  const int64_t other = store.beginRun(dsId, "score", "{}", "k2", 0, "cpu");
  QVERIFY(!ps::loadEmbedding(store, run, ps::Split::Train));
  ps::Embedding e{ps::kClassifierEmbedding, 12, 3, randomRows(12, 3, 1)};
  ps::Embedding t{ps::kClassifierEmbedding, 4, 3, randomRows(4, 3, 2)};
  ps::saveEmbedding(store, run, ps::Split::Train, e);
  ps::saveEmbedding(store, run, ps::Split::Test, t);
  const auto back = ps::loadEmbedding(store, run, ps::Split::Train);
  QVERIFY(back);
  QCOMPARE(back->source, std::string("classifier"));
  QCOMPARE(back->rows, int64_t{12});
  QCOMPARE(back->dims, int64_t{3});
  QVERIFY(back->values == e.values);
  QVERIFY(ps::loadEmbedding(store, run, ps::Split::Test)->values == t.values);
  QVERIFY(ps::hasEmbedding(store, run, ps::Split::Test));
  QVERIFY(!ps::hasEmbedding(store, other, ps::Split::Train));
  // Saving again replaces; the list of runs with one is newest first.
  e.source = "torchscript:enc.pt";
  ps::saveEmbedding(store, run, ps::Split::Train, e);
  ps::saveEmbedding(store, other, ps::Split::Train, e);
  QCOMPARE(ps::loadEmbedding(store, run, ps::Split::Train)->source, std::string("torchscript:enc.pt"));
  QCOMPARE(ps::runsWithEmbeddings(store, dsId), (std::vector<int64_t>{other, run}));
  store.deleteRun(run);  // goes with its run
  QCOMPARE(ps::runsWithEmbeddings(store, dsId), (std::vector<int64_t>{other}));
}

void TestEmbed::damagedEmbeddingIsRefusedWithTheStoreAndRun() {
  const std::string file = path("damaged.sqlite");
  int64_t run = 0;
  {
    ps::Store store(file);
    writeIdxDataset(path("ds2"), fashionSamples(6), fashionSamples(2, true), true);
    const int64_t dsId = store.registerDataset(*ps::openDataset(path("ds2")));
    run = store.beginRun(dsId, "score", "{}", "k", 0, "cpu");
    ps::saveEmbedding(store, run, ps::Split::Train, {"classifier", 6, 2, randomRows(6, 2, 3)});
  }
  const auto expectRefusal = [&](const std::string& sql, const std::string& words) {
    {
      ps::SqliteDb db(file);
      db.exec(sql);
    }
    ps::Store store(file);
    try {
      ps::loadEmbedding(store, run, ps::Split::Train);
      QFAIL(("accepted after: " + sql).c_str());
    } catch (const ps::StoreError& err) {
      const std::string m = err.what();
      QVERIFY2(m.find(file) != std::string::npos && m.find("run " + std::to_string(run)) != std::string::npos &&
                   m.find(words) != std::string::npos,
               m.c_str());
    }
  };
  expectRefusal("UPDATE embeddings SET rows = 7", "damaged");
  expectRefusal("UPDATE embeddings SET rows = 6, dims = 0", "damaged");
  expectRefusal("UPDATE embeddings SET rows = 4611686018427387904, dims = 4", "damaged");  // 2^62 × 4 overflows
  // A NaN in the blob (float32 0x7fc00000, little-endian) at the first value.
  expectRefusal("UPDATE embeddings SET rows = 6, dims = 2, data = X'0000c07f' || substr(data, 5)", "not finite");
}

void TestEmbed::badEmbeddingIsRefusedBeforeItIsStored() {
  ps::Store store(path("bad.sqlite"));
  writeIdxDataset(path("ds3"), fashionSamples(4), fashionSamples(2, true), true);
  const int64_t dsId = store.registerDataset(*ps::openDataset(path("ds3")));
  const int64_t run = store.beginRun(dsId, "score", "{}", "k", 0, "cpu");
  std::vector<float> v = randomRows(4, 2, 4);
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::saveEmbedding(store, run, ps::Split::Train, {"", 4, 2, v}));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::saveEmbedding(store, run, ps::Split::Train, {"c", 4, 3, v}));
  v[5] = std::numeric_limits<float>::infinity();
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::saveEmbedding(store, run, ps::Split::Train, {"c", 4, 2, v}));
  QVERIFY(!ps::hasEmbedding(store, run, ps::Split::Train));
}

void TestEmbed::knnWithinExcludesSelfAndMatchesBruteForce() {
  if (!ps::knnAvailable()) QSKIP("this build has no FAISS");
  const int64_t rows = 300, dims = 16;
  const auto v = randomRows(rows, dims, 5);
  ps::KnnOptions o;
  o.k = 5;
  QCOMPARE(ps::knnMethod(rows, o), std::string("exact (FAISS IndexFlatIP)"));
  const auto nb = ps::knnWithin({v.data(), rows, dims}, o);
  QCOMPARE(nb.rows, rows);
  QCOMPARE(nb.k, 5);
  for (int64_t r = 0; r < rows; ++r) {
    const auto truth = bruteForce(v.data() + r * dims, v, rows, dims, 5, r);
    for (int j = 0; j < 5; ++j) {
      QVERIFY(nb.at(r, j) != r);
      QCOMPARE(nb.at(r, j), truth[static_cast<size_t>(j)]);
      QVERIFY(std::abs(nb.simAt(r, j) - cosine(v.data() + r * dims, v.data() + nb.at(r, j) * dims, dims)) < 1e-4);
      if (j > 0) QVERIFY(nb.simAt(r, j) <= nb.simAt(r, j - 1));
    }
  }
}

void TestEmbed::knnWithinFindsACopyAtAnotherIndex() {
  if (!ps::knnAvailable()) QSKIP("this build has no FAISS");
  const int64_t rows = 50, dims = 8;
  auto v = randomRows(rows, dims, 6);
  // Row 40 is row 3 scaled (cosine 1); row 41 a zero row (similarity 0 to everything).
  for (int64_t d = 0; d < dims; ++d) v[static_cast<size_t>(40 * dims + d)] = 2.5F * v[static_cast<size_t>(3 * dims + d)];
  for (int64_t d = 0; d < dims; ++d) v[static_cast<size_t>(41 * dims + d)] = 0.0F;
  ps::KnnOptions o;
  o.k = 1;
  const auto nb = ps::knnWithin({v.data(), rows, dims}, o);
  QCOMPARE(nb.at(3, 0), int64_t{40});
  QCOMPARE(nb.at(40, 0), int64_t{3});
  QVERIFY(nb.simAt(3, 0) > 0.9999F);
  QVERIFY(nb.simAt(41, 0) == 0.0F || nb.at(41, 0) != 41);
  // A set smaller than k: the tail is -1.
  o.k = 3;
  const auto small = ps::knnWithin({v.data(), 2, dims}, o);
  QCOMPARE(small.at(0, 0), int64_t{1});
  QCOMPARE(small.at(0, 1), int64_t{-1});
  o.k = 0;
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::knnWithin({v.data(), rows, dims}, o));
}

void TestEmbed::knnQueryMatchesBruteForceAndChecksDimensions() {
  if (!ps::knnAvailable()) QSKIP("this build has no FAISS");
  const int64_t rows = 200, queries = 40, dims = 12;
  const auto base = randomRows(rows, dims, 7);
  const auto q = randomRows(queries, dims, 8);
  ps::KnnOptions o;
  o.k = 3;
  const auto nb = ps::knnQuery({q.data(), queries, dims}, {base.data(), rows, dims}, o);
  for (int64_t r = 0; r < queries; ++r) {
    const auto truth = bruteForce(q.data() + r * dims, base, rows, dims, 3, -1);
    for (int j = 0; j < 3; ++j) QCOMPARE(nb.at(r, j), truth[static_cast<size_t>(j)]);
  }
  try {
    ps::knnQuery({q.data(), queries, dims - 1}, {base.data(), rows, dims}, o);
    QFAIL("accepted different dimensions");
  } catch (const ps::ConfigError& e) {
    QVERIFY2(std::string(e.what()).find("11 dimensions, the base set 12") != std::string::npos, e.what());
  }
}

void TestEmbed::hnswForLargeBasesFindsMostTrueNeighbours() {
  if (!ps::knnAvailable()) QSKIP("this build has no FAISS");
  const int64_t rows = 2000, dims = 16;
  const auto v = randomRows(rows, dims, 9);
  ps::KnnOptions o;
  o.k = 5;
  o.exactUpTo = 500;  // forces the graph
  QVERIFY(ps::knnMethod(rows, o).find("HNSW") != std::string::npos);
  const auto approx = ps::knnWithin({v.data(), rows, dims}, o);
  o.exactUpTo = rows;
  const auto exact = ps::knnWithin({v.data(), rows, dims}, o);
  int64_t found = 0;
  for (int64_t r = 0; r < rows; ++r)
    for (int j = 0; j < 5; ++j) {
      QVERIFY(approx.at(r, j) != r);
      for (int i = 0; i < 5; ++i) found += approx.at(r, j) == exact.at(r, i) ? 1 : 0;
    }
  const double recall = double(found) / double(rows * 5);
  QVERIFY2(recall > 0.9, std::to_string(recall).c_str());
}

QTEST_GUILESS_MAIN(TestEmbed)
#include "test_embed.moc"
