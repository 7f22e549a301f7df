// Imported scores (published ones, or one's own from Python): a CSV with an index column,
// a float64 .npy where lower is harder, the cache, and the refused files, which store
// nothing.
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <map>
#include <string>

#include "data/dataset_opener.h"
#include "score/score_engine.h"
#include "score/score_name_import.h"
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
  void importByFileName();
  void importByFileNameRefuses_data();
  void importByFileNameRefuses();
  void importStoresFourBytesPerValue();
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

namespace {
// A PNG folder of 40 training and 10 test examples, files train/<class>/<i>.png, opened.
std::unique_ptr<ps::Dataset> namedFolder(const std::string& dir) {
  const std::vector<std::string> classes = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  if (!QFileInfo::exists(QString::fromStdString(dir))) {
    pstest::writeImageFolder(dir, "train", pstest::fashionSamples(40), classes);
    pstest::writeImageFolder(dir, "test", pstest::fashionSamples(10, true), classes);
  }
  return ps::openDataset(dir);
}

// The training index of the file named <i>.png.
std::map<std::string, int64_t> indexOfFile(const ps::Dataset& ds) {
  std::map<std::string, int64_t> out;
  for (size_t i = 0; i < ds.size(ps::Split::Train); ++i) {
    const std::string s = ds.source(ps::Split::Train, i);
    out[s.substr(s.rfind('/') + 1)] = static_cast<int64_t>(i);
  }
  return out;
}
}  // namespace

void TestScoreImport::importByFileName() {
  auto ds = namedFolder(path("named"));
  const auto at = indexOfFile(*ds);
  ps::Store store(path("named.sqlite"));
  // Rows name files three ways (path under the root, base name, base name without
  // extension); files 0..37 have a row, 38 and 39 none; two rows name nothing (2 of 40:
  // 95 % match). Two score columns.
  std::string csv = "file_name,el2n_20,memorization\n";
  for (int i = 0; i < 38; ++i) {
    const std::string name = "train/" + std::to_string(ds->label(ps::Split::Train, at.at(std::to_string(i) + ".png"))) +
                             "/" + std::to_string(i) + ".png";
    const std::string key = i % 3 == 0 ? name : i % 3 == 1 ? std::to_string(i) + ".png" : std::to_string(i);
    csv += key + "," + std::to_string(i * 0.25) + "," + std::to_string(100 - i) + "\n";
  }
  csv += "ghost_a.png,1,1\nghost_b.png,2,2\n";
  pstest::writeText(path("named.csv"), csv);
  ps::NameImportRequest req;
  req.columns = {"el2n_20", "memorization"};
  req.higherIsHarder = false;
  const ps::NameImportResult r = ps::importScoresByName(*ds, store, path("named.csv"), req);
  QCOMPARE(r.report.rows, size_t(40));
  QCOMPARE(r.report.matched, size_t(38));
  QCOMPARE(r.report.unmatched(), size_t(2));
  QCOMPARE(QString::fromStdString(r.report.unmatchedExamples.at(0)), QString("ghost_a.png"));
  QCOMPARE(r.run.names, (std::vector<std::string>{"el2n_20", "memorization"}));
  QCOMPARE(r.run.indices.size(), size_t(38));  // the examples without a row are not scored
  // Read back from the store: each column its own score, on the right example, lower = harder.
  const ps::ScoreRun back = ps::loadScoreRunFor(store, r.run.runId, *ds);
  for (int i : {0, 1, 2, 37}) {
    const int64_t ex = at.at(std::to_string(i) + ".png");
    const size_t k =
        static_cast<size_t>(std::find(back.indices.begin(), back.indices.end(), ex) - back.indices.begin());
    QVERIFY(k < back.indices.size());
    QCOMPARE(back.raw.at("el2n_20")[k], float(i * 0.25));
    QCOMPARE(back.difficulty.at("el2n_20")[k], -float(i * 0.25));
    QCOMPARE(back.raw.at("memorization")[k], float(100 - i));
  }
  for (int i : {38, 39}) {
    const int64_t ex = at.at(std::to_string(i) + ".png");
    QVERIFY(std::find(back.indices.begin(), back.indices.end(), ex) == back.indices.end());
  }
  QVERIFY(ps::importScoresByName(*ds, store, path("named.csv"), req).run.fromCache);
  // Stored names given one per column.
  req.names = {"el2n_a", "forget_a"};
  QCOMPARE(ps::importScoresByName(*ds, store, path("named.csv"), req).run.names,
           (std::vector<std::string>{"el2n_a", "forget_a"}));
}

void TestScoreImport::importByFileNameRefuses_data() {
  QTest::addColumn<QString>("csv");
  QTest::addColumn<QString>("keyColumn");
  QTest::addColumn<QString>("problem");
  std::string dup = "filename,s\n";
  for (int i = 0; i < 40; ++i) dup += std::to_string(i) + ".png,1\n";
  dup += "7.png,2\n";
  QTest::newRow("name twice") << QString::fromStdString(dup) << ""
                              << "bad.csv:42: name '7.png' appears twice (first at line 9)";
  std::string few = "path,s\n";
  for (int i = 0; i < 40; ++i) few += (i < 30 ? std::to_string(i) : "other/x" + std::to_string(i)) + ".png,1\n";
  QTest::newRow("under 90 % match") << QString::fromStdString(few) << ""
                                    << "only 30 of 40 rows name a training example (75 %; at least 90 % must). "
                                       "Unmatched, for example: other/x30.png";
  QTest::newRow("no key column") << "image,s\n1.png,2\n"
                                 << ""
                                 << "bad.csv: no key column naming the files (expected one of filename, file_name, "
                                    "path, or --key-column); the file's columns are: image, s";
  QTest::newRow("key column not there") << "filename,s\n1.png,2\n"
                                        << "img"
                                        << "bad.csv: no key column 'img'; the file's columns are: filename, s";
  QTest::newRow("score column not there") << "filename,t\n1.png,2\n"
                                          << ""
                                          << "bad.csv: no score column 's'; the file's columns are: filename, t";
  QTest::newRow("not a number") << "filename,s\n1.png,2\n2.png,high\n"
                                << ""
                                << "bad.csv:3: s 'high' is not a finite";
  QTest::newRow("same file twice") << "filename,s\n1.png,2\n1,3\n"
                                   << ""
                                   << "bad.csv:3: '1' names the same training example as '1.png' (line 2)";
}

void TestScoreImport::importByFileNameRefuses() {
  QFETCH(QString, csv);
  QFETCH(QString, keyColumn);
  QFETCH(QString, problem);
  auto ds = namedFolder(path("named"));
  ps::Store store(path("named_bad.sqlite"));
  pstest::writeText(path("bad.csv"), csv.toStdString());
  ps::NameImportRequest req;
  req.keyColumn = keyColumn.toStdString();
  req.columns = {"s"};
  try {
    ps::importScoresByName(*ds, store, path("bad.csv"), req);
    QFAIL("a bad score file was imported");
  } catch (const ps::DatasetError& e) {
    QVERIFY2(std::string(e.what()).find(problem.toStdString()) != std::string::npos, e.what());
  }
  QCOMPARE(store.runs(store.registerDataset(*ds)).size(), size_t(0));  // nothing stored
}

void TestScoreImport::importStoresFourBytesPerValue() {
  // An import covering every example stores its difficulty only: no raw copy, no spread,
  // no index list (0..n-1 is implied), and reads back whole. Index import keeps working.
  auto ds = pstest::fashionSubset(path("compact"), 50, 100);
  ps::Store store(path("compact.sqlite"));
  std::string csv = "score\n";
  for (int i = 0; i < 50; ++i) csv += std::to_string(i) + "\n";
  pstest::writeText(path("compact.csv"), csv);
  const ps::ScoreRun run = ps::importScores(*ds, store, path("compact.csv"), "ext", false);
  QCOMPARE(store.vectorNames(run.runId), (std::vector<std::string>{"ext", "indices"}));
  QCOMPARE(store.indexVector(run.runId, "indices").size(), size_t(0));
  const ps::ScoreRun back = ps::loadScoreRunFor(store, run.runId, *ds);
  QCOMPARE(back.indices.size(), size_t(50));
  QCOMPARE(back.indices[49], int64_t(49));
  QCOMPARE(back.raw.at("ext")[7], 7.0f);
  QCOMPARE(back.difficulty.at("ext")[7], -7.0f);
  QCOMPARE(back.spread.at("ext")[7], 0.0f);
}

QTEST_GUILESS_MAIN(TestScoreImport)
#include "test_score_import.moc"
