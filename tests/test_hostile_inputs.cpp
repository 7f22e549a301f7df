// Hostile files and faults: a gzip bomb, names files from other systems, class folders
// linked into loops or onto each other, image headers declaring huge images, a run of one
// dataset applied to another, and a full disk. Each ends in a correct result or a clear
// error naming the culprit, and what was already on disk stays as it was.
#include <sys/resource.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include <zlib.h>

#include "cli/cli_app.h"
#include "data/dataset_opener.h"
#include "store/store.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;
using namespace pstest;

namespace {

using pstest::cli;
using pstest::CliResult;

// The message of the DatasetError that opening `spec` throws ("" when it opens).
std::string openError(const std::string& spec) {
  try {
    (void)ps::openDataset(spec);
  } catch (const ps::DatasetError& e) {
    return e.what();
  }
  return "";
}

// Writes `header` followed by `zeros` zero bytes, gzipped, streaming (never all in memory).
void writeGzippedZeros(const std::string& path, const std::vector<uint8_t>& header, size_t zeros) {
  gzFile f = gzopen(path.c_str(), "wb1");
  QVERIFY(f != nullptr);
  gzwrite(f, header.data(), static_cast<unsigned>(header.size()));
  const std::vector<uint8_t> block(size_t{1} << 20, 0);
  for (size_t done = 0; done < zeros; done += block.size())
    gzwrite(f, block.data(), static_cast<unsigned>(std::min(block.size(), zeros - done)));
  gzclose(f);
}

std::vector<uint8_t> be32(uint32_t v) {
  return {static_cast<uint8_t>(v >> 24), static_cast<uint8_t>(v >> 16), static_cast<uint8_t>(v >> 8),
          static_cast<uint8_t>(v)};
}

long peakResidentMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestHostileInputs : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

 private slots:
  void gzipBombIsNeverInflatedPastItsHeader();
  void namesFilesFromOtherSystemsReadAsTyped();
  void linkedClassFoldersAreRefusedAndBrokenLinksListed();
  void imagesDeclaringHugeSizesAreSkippedUndecoded();
  void aRunOfAnotherDatasetIsRefused();
  void aFullDiskKeepsEveryEarlierFile();
  void libraryErrorsAreTranslated();
  void absurdSettingsAreRefusedBeforeAnythingRuns_data();
  void absurdSettingsAreRefusedBeforeAnythingRuns();
};

void TestHostileInputs::gzipBombIsNeverInflatedPastItsHeader() {
  const auto train = fashionSamples(10), test = fashionSamples(4, true);
  // A header declaring 2^31 images of 28x28 over a small stream of zeros: refused before
  // anything is sized by the declared count.
  const std::string huge = path("bomb_declared");
  writeIdxDataset(huge, train, test, true);
  std::vector<uint8_t> header = {0, 0, 8, 3};
  for (uint32_t v : {0x80000000U, 28U, 28U}) {
    const auto b = be32(v);
    header.insert(header.end(), b.begin(), b.end());
  }
  writeGzippedZeros(huge + "/train-images-idx3-ubyte.gz", header, size_t{4} << 20);
  const std::string e = openError(huge);
  QVERIFY2(mentions(e, "train-images-idx3-ubyte.gz: the header declares ") && mentions(e, "more than a gzip file"),
           e.c_str());
  // A header declaring ten images over 512 MiB of zeros: read up to the declared size and
  // no further, so the dataset opens and memory stays far below the stream's size.
  const std::string tail = path("bomb_tail");
  writeIdxDataset(tail, train, test, true);
  std::vector<uint8_t> ten = idxImages(train);
  writeGzippedZeros(tail + "/train-images-idx3-ubyte.gz", ten, size_t{512} << 20);
  const long before = peakResidentMiB();
  auto ds = ps::openDataset(tail);
  QCOMPARE(ds->size(ps::Split::Train), size_t(10));
  const cv::Mat first = ds->image(ps::Split::Train, 0);
  QCOMPARE(cv::norm(first, train[0].image, cv::NORM_INF), 0.0);
  QVERIFY2(peakResidentMiB() - before < 64, std::to_string(peakResidentMiB() - before).c_str());
}

void TestHostileInputs::namesFilesFromOtherSystemsReadAsTyped() {
  const auto train = fashionSamples(10), test = fashionSamples(4, true);
  // classes.txt saved by a Windows editor: byte-order mark, CRLF, a trailing space.
  const std::string idx = path("names_idx");
  writeIdxDataset(idx, train, test, false);
  std::string names = "\xEF\xBB\xBF";
  for (int c = 0; c < 10; ++c) names += "class " + std::to_string(c) + (c == 3 ? " \r\n" : "\r\n");
  writeText(idx + "/classes.txt", names);
  auto ds = ps::openDataset(idx);
  QCOMPARE(ds->classNames().front(), std::string("class 0"));
  QCOMPARE(ds->classNames()[3], std::string("class 3"));
  QCOMPARE(ds->classNames().back(), std::string("class 9"));
  // A name listed twice: two classes could not be told apart.
  writeText(idx + "/classes.txt", "a\nb\nc\nd\ne\nf\ng\nh\ni\nc\n");
  const std::string dup = openError(idx);
  QVERIFY2(mentions(dup, "classes.txt: line 10 names class 'c' again (line 3)"), dup.c_str());
  // The CIFAR names file, the same way.
  const std::string cifar = path("names_cifar");
  const auto colour = colourSamples(10);
  writeBytes(cifar + "/data_batch_1.bin", cifarRecords(colour, false));
  writeBytes(cifar + "/test_batch.bin", cifarRecords(colourSamples(4, true), false));
  writeText(cifar + "/batches.meta.txt",
            "\xEF\xBB\xBF"
            "plane\r\ncar\r\nbird\r\ncat\r\ndeer\r\ndog\r\nfrog\r\nhorse\r\nship\r\ntruck\r\n\r\n");
  auto c10 = ps::openDataset(cifar);
  QCOMPARE(c10->classNames().front(), std::string("plane"));
  QCOMPARE(c10->classNames().back(), std::string("truck"));
  // A CSV manifest whose header starts with a byte-order mark is still a header.
  const std::string folder = path("names_csv");
  writeImageFolder(folder, "", train, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  std::string rows = "\xEF\xBB\xBFpath,label\r\n";
  for (size_t i = 0; i < train.size(); ++i)
    rows += std::string(1, static_cast<char>('a' + train[i].label)) + "/" + std::to_string(i) + ".png,lbl" +
            std::to_string(train[i].label) + "\r\n";
  writeText(folder + "/m.csv", rows);
  auto csv = ps::openDataset(folder + "/m.csv");
  QCOMPARE(csv->size(ps::Split::Train) + csv->size(ps::Split::Test), train.size());
  QVERIFY(csv->skipped().empty());
  // A listed path the system cannot look up (a name far too long, found by fuzzing): skipped
  // and listed with the line, as a missing file is.
  writeText(folder + "/long.csv", rows + std::string(5000, 'x') + ".png,lbl0\n");
  auto longName = ps::openDataset(folder + "/long.csv");
  QCOMPARE(longName->skipped().size(), size_t(1));
  QVERIFY2(mentions(longName->skipped()[0].reason, "cannot read (File name too long) (listed at"),
           longName->skipped()[0].reason.c_str());
}

void TestHostileInputs::linkedClassFoldersAreRefusedAndBrokenLinksListed() {
  const auto train = fashionSamples(20);
  const std::vector<std::string> classes = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  const std::string root = path("links");
  writeImageFolder(root, "", train, classes);
  const size_t clean = ps::openDataset(root)->size(ps::Split::Train);
  // Broken and self-referring links inside a class: skipped and listed, nothing else changes.
  fs::create_symlink("nowhere.png", root + "/a/dangling.png");
  fs::create_symlink("loop.png", root + "/a/loop.png");
  fs::create_directory_symlink("..", root + "/b/up");  // a folder link inside a class is not followed
  auto ds = ps::openDataset(root);
  QCOMPARE(ds->size(ps::Split::Train), clean);
  std::string skipped;
  for (const auto& s : ds->skipped()) skipped += s.path + ": " + s.reason + "\n";
  QVERIFY2(mentions(skipped, "a/dangling.png: broken link"), skipped.c_str());
  QVERIFY2(mentions(skipped, "a/loop.png: cannot read"), skipped.c_str());
  // A class folder that is another class folder through a link: its images would carry two labels.
  fs::create_directory_symlink(root + "/c", root + "/k");
  const std::string same = openError(root);
  QVERIFY2(mentions(same, root + "/k: class folder is the same folder as " + root + "/c"), same.c_str());
  fs::remove(root + "/k");
  // A class folder linking to the dataset itself.
  fs::create_directory_symlink(".", root + "/self");
  const std::string self = openError(root);
  QVERIFY2(mentions(self, root + "/self: class folder is a link to") && mentions(self, "holds the dataset itself"),
           self.c_str());
}

void TestHostileInputs::imagesDeclaringHugeSizesAreSkippedUndecoded() {
  const auto train = fashionSamples(20);
  const std::string root = path("huge_headers");
  writeImageFolder(root, "", train, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  // A real PNG whose IHDR claims 100000 x 100000 pixels, a JPEG whose frame claims
  // 60000 x 60000 and a BMP claiming 50000 x 50000: each a few hundred bytes.
  std::vector<uint8_t> png;
  cv::imencode(".png", train[0].image, png);
  const auto side = be32(100000);
  std::copy(side.begin(), side.end(), png.begin() + 16);
  std::copy(side.begin(), side.end(), png.begin() + 20);
  writeBytes(root + "/a/huge.png", png);
  std::vector<uint8_t> jpg;
  cv::imencode(".jpg", train[0].image, jpg);
  for (size_t k = 2; k + 8 < jpg.size(); ++k)
    if (jpg[k] == 0xFF && jpg[k + 1] == 0xC0) {
      jpg[k + 5] = jpg[k + 7] = 0xEA;  // 0xEA60 = 60000
      jpg[k + 6] = jpg[k + 8] = 0x60;
      break;
    }
  writeBytes(root + "/b/huge.jpg", jpg);
  std::vector<uint8_t> bmp;
  cv::imencode(".bmp", train[0].image, bmp);
  for (size_t off : {18, 22}) {
    bmp[off] = 0x50;  // 50000 = 0xC350, little-endian
    bmp[off + 1] = 0xC3;
  }
  writeBytes(root + "/c/huge.bmp", bmp);
  auto ds = ps::openDataset(root);
  std::string skipped;
  for (const auto& s : ds->skipped()) skipped += s.path + ": " + s.reason + "\n";
  QVERIFY2(mentions(skipped, "a/huge.png: the image header declares 100000x100000 pixels, more than the 64-megapixel"),
           skipped.c_str());
  QVERIFY2(mentions(skipped, "b/huge.jpg: the image header declares 60000x60000 pixels"), skipped.c_str());
  QVERIFY2(mentions(skipped, "c/huge.bmp: the image header declares 50000x50000 pixels"), skipped.c_str());
  QCOMPARE(ds->size(ps::Split::Train) + ds->size(ps::Split::Test), train.size());
}

void TestHostileInputs::aRunOfAnotherDatasetIsRefused() {
  const std::string a = path("prov_a"), b = path("prov_b"), db = path("prov.sqlite");
  writeIdxDataset(a, fashionSamples(40), fashionSamples(10, true), false);
  writeIdxDataset(b, fashionSamples(30), fashionSamples(10, true), false);
  std::string values;
  for (int i = 0; i < 40; ++i) values += std::to_string(i) + "\n";
  writeText(path("prov_scores.csv"), values);
  QCOMPARE(
      cli({"import-scores", a, path("prov_scores.csv"), "--name", "ext", "--direction", "harder", "--db", db}).code, 0);
  // Run 1 ranks the 40 examples of A; B (30 other examples) must not be pruned by it.
  const CliResult prune = cli({"prune", b, "--score", "ext", "--score-run", "1", "--policy", "hard", "--keep", "0.5",
                               "--db", db, "--out", path("prov_kept.txt")});
  QCOMPARE(prune.code, 1);
  QVERIFY2(mentions(prune.err, "run 1 was made on " + a + " (fingerprint ") && mentions(prune.err, "not on " + b),
           prune.err.c_str());
  QVERIFY(!fs::exists(path("prov_kept.txt")));
  const CliResult montage = cli({"montage", b, "--score", "ext", "--run", "1", "--db", db, "--out", path("m.png")});
  QCOMPARE(montage.code, 1);
  QVERIFY2(mentions(montage.err, "run 1 was made on " + a), montage.err.c_str());
  // The same run on its own dataset works, and the store is intact.
  QCOMPARE(cli({"prune", a, "--score", "ext", "--score-run", "1", "--policy", "hard", "--keep", "0.5", "--db", db,
                "--out", path("prov_kept.txt")})
               .code,
           0);
  QCOMPARE(ps::Store(db).integrityCheck(), std::string("ok"));
}

void TestHostileInputs::aFullDiskKeepsEveryEarlierFile() {
  // The file-size limit stands in for a full disk (writes past it fail with an error, as
  // on a full disk), for the CLI run as its own process.
  const std::string dir = path("full"), db = dir + "/store.sqlite";
  fs::create_directories(dir);
  const std::string csv = dir + "/theory.csv";
  QCOMPARE(cli({"theory", "--dim", "20", "--alpha-tot", "2", "--keep", "1", "--policy", "random", "--trials", "1",
                "--out", csv})
               .code,
           0);
  std::string values;
  for (int i = 0; i < 60000; ++i) values += std::to_string(i % 977) + "\n";
  writeText(dir + "/s.csv", values);
  QCOMPARE(
      cli({"import-scores", "fashion-mnist", dir + "/s.csv", "--name", "first", "--direction", "harder", "--db", db})
          .code,
      0);
  const auto csvBefore = ps::readFileBytes(csv);
  const auto jsonBefore = ps::readFileBytes(csv + ".json");
  const auto storeBefore = ps::readFileBytes(db);
  auto limited = [&](const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(QString::fromStdString(dir));
    const QStringList sh = {QStringLiteral("-c"), QStringLiteral("ulimit -f 16; trap '' XFSZ; exec \"$0\" \"$@\""),
                            QStringLiteral(PRUNESCOPE_CLI_PATH)};
    p.start(QStringLiteral("/bin/bash"), sh + args);
    p.waitForFinished(120000);
    return std::make_pair(p.exitCode(), p.readAllStandardError().toStdString());
  };
  // Outputs larger than the space left: a non-zero exit naming the file; the CSV and its
  // sidecar are both as they were (they change together) and no temporary file is left.
  const auto [outCode, outErr] = limited({"theory", "--dim", "50", "--alpha-tot", "1,2,3,4,5,6,7,8,9,10,11,12",
                                          "--keep", "1,0.9,0.8,0.7,0.6,0.5,0.4,0.3,0.2,0.1", "--policy",
                                          "random,hard,easy", "--trials", "1", "--out", QString::fromStdString(csv)});
  QCOMPARE(outCode, 1);
  QVERIFY2(mentions(outErr, ": write error (is the disk full?)") && mentions(outErr, csv), outErr.c_str());
  QCOMPARE(ps::readFileBytes(csv), csvBefore);
  QCOMPARE(ps::readFileBytes(csv + ".json"), jsonBefore);
  // A store that cannot grow: the import fails whole, the store is unchanged and intact.
  const auto [storeCode, storeErr] =
      limited({"import-scores", "fashion-mnist", QString::fromStdString(dir + "/s.csv"), "--name", "second",
               "--direction", "harder", "--db", QString::fromStdString(db)});
  QCOMPARE(storeCode, 1);
  QVERIFY2(mentions(storeErr, db + ": cannot write the store") && mentions(storeErr, "keeps what it held before"),
           storeErr.c_str());
  QVERIFY(ps::readFileBytes(db) == storeBefore);
  QCOMPARE(ps::Store(db).integrityCheck(), std::string("ok"));
  for (const auto& e : fs::directory_iterator(dir))
    QVERIFY2(e.path().filename().string().find(".tmp") == std::string::npos, e.path().c_str());
}

void TestHostileInputs::libraryErrorsAreTranslated() {
  QCOMPARE(ps::describeError(ps::DatasetError("x.png: truncated")), std::string("x.png: truncated"));
  QVERIFY(mentions(ps::describeError(std::bad_alloc()), "not enough memory"));
  const std::string fsError = ps::describeError(
      fs::filesystem_error("status", "/data/a.png", std::make_error_code(std::errc::too_many_symbolic_link_levels)));
  QVERIFY2(mentions(fsError, "/data/a.png: ") && mentions(fsError, "symbolic links"), fsError.c_str());
  // LibTorch's messages end with a C++ stack: only the first line is shown.
  const std::string torch =
      ps::describeError(std::runtime_error("shape mismatch\nException raised from foo at bar.cpp:12\nframe #0"));
  QCOMPARE(torch, std::string("internal error from a library: shape mismatch"));
  // A whole CLI run: a TorchScript model file that is not one is named, without a stack.
  writeText(path("not_a_model.pt"), "not a model");
  const std::string data = path("model_ds");
  writeIdxDataset(data, fashionSamples(40), fashionSamples(10, true), false);
  const CliResult r = cli({"score", data, "--model", path("not_a_model.pt"), "--db", path("model.sqlite"), "--quiet"});
  QCOMPARE(r.code, 1);
  QVERIFY2(mentions(r.err, "not_a_model.pt") && !mentions(r.err, "frame #") && !mentions(r.err, "unexpected"),
           r.err.c_str());
}

void TestHostileInputs::absurdSettingsAreRefusedBeforeAnythingRuns_data() {
  QTest::addColumn<QString>("args");
  QTest::addColumn<QString>("message");
  QTest::newRow("theory alpha inf") << "theory --alpha-tot inf"
                                    << "alpha_tot inf must be a finite number";
  QTest::newRow("theory huge N") << "theory --dim 100000000"
                                 << "dimension N 100000000 must be in 2..10000";
  QTest::newRow("theory memory") << "theory --dim 10000 --alpha-tot 5"
                                 << "at most 100000000 numbers per trial";
  QTest::newRow("theory trials") << "theory --trials 1000000000"
                                 << "trials 1000000000 must be in 1..100000";
  QTest::newRow("prune strata") << "prune DATA --score el2n --policy ccs --keep 0.5 --strata 0"
                                << "CCS strata 0 must be at least 1";
  QTest::newRow("prune keep nan") << "prune DATA --score el2n --keep nan"
                                  << "kept fraction nan is outside (0, 1]";
  QTest::newRow("prune beta") << "prune DATA --score el2n --keep 0.5 --beta -1"
                              << "beta -1";
  QTest::newRow("score lr nan") << "score DATA --lr nan"
                                << "learning rate nan must be a positive number";
  QTest::newRow("score epochs") << "score DATA --epochs 100000"
                                << "epochs 100000 must be in 1..10000";
  QTest::newRow("score threads") << "score DATA --threads 100000"
                                 << "threads 100000 must be 0 (every core)";
  QTest::newRow("score momentum") << "score DATA --momentum 2"
                                  << "momentum 2 must be in [0, 1)";
  QTest::newRow("cache size") << "info DATA --cache-mb 1e30"
                              << "'1e30': expected a whole number of MiB";
  QTest::newRow("test fraction") << "info DATA --test-fraction nan"
                                 << "'nan': expected a fraction in [0, 1)";
  QTest::newRow("report budget nan") << "report DATA --budget nan"
                                     << "budget 'nan': expected a number of examples from 1 to 1e12";
  QTest::newRow("report budget huge") << "report DATA --budget 1e300"
                                      << "budget '1e300': expected a number of examples from 1 to 1e12";
}

void TestHostileInputs::absurdSettingsAreRefusedBeforeAnythingRuns() {
  QFETCH(QString, args);
  QFETCH(QString, message);
  const std::string data = path("settings_ds"), db = path("settings.sqlite");
  if (!fs::exists(data)) writeIdxDataset(data, fashionSamples(40), fashionSamples(10, true), false);
  std::vector<std::string> argv;
  for (const QString& a : args.split(QLatin1Char(' '))) argv.push_back(a == "DATA" ? data : a.toStdString());
  const bool usesStore = argv[0] != "theory" && argv[0] != "info";
  argv.insert(argv.end(), {"--out", path("settings_out.csv")});
  if (argv[0] == "info") argv.resize(argv.size() - 2);
  if (usesStore) argv.insert(argv.end(), {"--db", db});
  const CliResult r = cli(argv);
  QVERIFY2(r.code != 0, r.out.c_str());
  QVERIFY2(mentions(r.err, message.toStdString()), r.err.c_str());
  QVERIFY(!fs::exists(path("settings_out.csv")));
  if (usesStore && fs::exists(db)) {  // nothing was started: no run recorded
    ps::Store store(db);
    const auto ds = store.findDataset(ps::openDataset(data)->fingerprint());
    QVERIFY(!ds || store.runs(ds->id).empty());
  }
}

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "test_hostile_inputs.moc"
