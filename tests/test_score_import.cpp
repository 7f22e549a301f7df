// Imported scores (published ones, or one's own from Python): a CSV with an index column,
// a float64 .npy where lower is harder, the cache, and the refused files, which store
// nothing.
#include <QTemporaryDir>
#include <QtTest>
#include <string>

#include "score/score_engine.h"
#include "store/store.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace {
// A .npy header (version 1.0) for `descr` and `shape`, padded as NumPy pads it.
std::string npyHeader(const std::string& descr, const std::string& shape) {
  std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  while ((10 + header.size() + 1) % 64) header += ' ';
  header += '\n';
  return std::string("\x93NUMPY") + '\x01' + '\x00' + static_cast<char>(header.size() & 0xff) +
         static_cast<char>(header.size() >> 8) + header;
}
}  // namespace

class TestScoreImport : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void importCsvAndNpy();
  void importRefusesBadFiles_data();
  void importRefusesBadFiles();
};

void TestScoreImport::importCsvAndNpy() {
  auto ds = pstest::fashionSubset(path("imp"), 50, 100);
  ps::Store store(path("imp.sqlite"));
  std::string csv = "index,score\n";
  for (int i = 49; i >= 0; --i) csv += std::to_string(i) + "," + std::to_string(i * 0.5) + "\n";
  pstest::writeText(path("ext.csv"), csv);
  const ps::ScoreRun a = ps::importScores(*ds, store, path("ext.csv"), "published", true);
  QCOMPARE(a.difficulty.at("published")[10], 5.0f);
  QVERIFY(ps::importScores(*ds, store, path("ext.csv"), "published", true).fromCache);
  // A .npy of float64, lower = harder.
  std::string npy = npyHeader("<f8", "(50,)");
  for (int i = 0; i < 50; ++i) {
    const double v = i;
    npy.append(reinterpret_cast<const char*>(&v), 8);
  }
  pstest::writeText(path("ext.npy"), npy);
  const ps::ScoreRun b = ps::importScores(*ds, store, path("ext.npy"), "margin_ext", false);
  QCOMPARE(b.raw.at("margin_ext")[7], 7.0f);
  QCOMPARE(b.difficulty.at("margin_ext")[7], -7.0f);
  pstest::writeText(path("short.csv"), "1\n2\n3\n");
  try {
    ps::importScores(*ds, store, path("short.csv"), "x", true);
    QFAIL("a file of the wrong length must be refused");
  } catch (const ps::DatasetError& e) {
    QVERIFY(std::string(e.what()).find("short.csv: holds 3 values; expected 50") != std::string::npos);
  }
  pstest::writeText(path("nan.csv"), "score\n" + std::string("1\n") + "abc\n");
  QVERIFY_THROWS_EXCEPTION(ps::DatasetError, ps::importScores(*ds, store, path("nan.csv"), "y", true));
}

void TestScoreImport::importRefusesBadFiles_data() {
  QTest::addColumn<QString>("file");
  QTest::addColumn<QByteArray>("content");
  QTest::addColumn<QString>("name");
  QTest::addColumn<QString>("problem");
  QTest::newRow("trailing garbage") << "g.csv" << QByteArray("score\n1\n2x\n3\n4\n5\n") << "s"
                                    << "g.csv:3: '2x' is not a number";
  QTest::newRow("fractional index") << "f.csv" << QByteArray("index,score\n0,1\n1.5,2\n2,1\n3,1\n4,1\n") << "s"
                                    << "f.csv:3: index '1.5' is not a whole number";
  QTest::newRow("duplicate index") << "d.csv" << QByteArray("index,score\n0,1\n1,2\n0,3\n3,1\n4,1\n") << "s"
                                   << "d.csv:4: index 0 is given twice (first at line 2)";
  QTest::newRow("index out of range") << "r.csv" << QByteArray("index,score\n0,1\n1,2\n2,3\n3,1\n99,1\n") << "s"
                                      << "r.csv:6: index 99 is outside 0..4";
  QTest::newRow("beyond float") << "b.csv" << QByteArray("score\n1\n1e300\n3\n4\n5\n") << "s"
                                << "does not fit the stored type";
  QTest::newRow("npy count past the bytes")
      << "h.npy" << QByteArray::fromStdString(npyHeader("<f4", "(4611686018427387904,)")) << "s"
      << "h.npy: truncated: header declares 4611686018427387904 values";
  QTest::newRow("npy shape not sizes") << "p.npy" << QByteArray::fromStdString(npyHeader("<f4", "(13\n39,,)")) << "s"
                                       << "p.npy: .npy shape";
  QTest::newRow("built-in name") << "ok.csv" << QByteArray("1\n2\n3\n4\n5\n") << "el2n"
                                 << "score name 'el2n' is taken";
  QTest::newRow("reserved name") << "ok.csv" << QByteArray("1\n2\n3\n4\n5\n") << "indices"
                                 << "score name 'indices' is taken";
}

void TestScoreImport::importRefusesBadFiles() {
  QFETCH(QString, file);
  QFETCH(QByteArray, content);
  QFETCH(QString, name);
  QFETCH(QString, problem);
  auto ds = pstest::fashionSubset(path("badimp"), 5, 100);
  ps::Store store(path("badimp.sqlite"));
  const size_t runsBefore = store.runs(store.registerDataset(*ds)).size();
  pstest::writeText(path(file.toStdString()), content.toStdString());
  try {
    ps::importScores(*ds, store, path(file.toStdString()), name.toStdString(), true);
    QFAIL("a bad score file was imported");
  } catch (const ps::Error& e) {
    QVERIFY2(std::string(e.what()).find(problem.toStdString()) != std::string::npos, e.what());
  }
  QCOMPARE(store.runs(store.registerDataset(*ds)).size(), runsBefore);  // nothing stored
}

QTEST_GUILESS_MAIN(TestScoreImport)
#include "test_score_import.moc"
