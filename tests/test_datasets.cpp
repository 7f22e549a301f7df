// Dataset readers on real Fashion-MNIST and on small files written in each format.
#include <QTemporaryDir>
#include <QtTest>
#include <array>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_opener.h"
#include "data/dataset_summary.h"
#include "data/exact_duplicates.h"
#include "data/image_file_dataset.h"
#include "support/test_data.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;
using namespace pstest;

namespace {
bool sameImage(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}
std::string str(const QString& s) { return s.toStdString(); }
}  // namespace

class TestDatasets : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return str(tmp_.path()) + "/" + rel; }
  void buildBadCase(const QString& name, std::string& spec);

 private slots:
  void exactDuplicatesAndLeaksArePixelIdentical();
  void builtinFashionMnist();
  void idxRoundTrip_data();
  void idxRoundTrip();
  void cifar10RoundTrip();
  void cifar100RoundTrip();
  void imageFolderTrainTest();
  void imageFolderSeededSplit();
  void imageFolderColourAndResize();
  void imageFolderCacheIsBounded();
  void imageFolderSkipsUnreadableFiles();
  void csvManifest();
  void csvManifestNumericLabelsSeededSplit();
  void csvManifestLabelsAreIntegersOrNames();
  void fingerprintFollowsContent();
  void badInput_data();
  void badInput();
};

void TestDatasets::builtinFashionMnist() {
  auto ds = ps::openDataset("fashion-mnist");
  QCOMPARE(ds->format(), std::string("idx"));
  QCOMPARE(ds->size(ps::Split::Train), size_t(60000));
  QCOMPARE(ds->size(ps::Split::Test), size_t(10000));
  QCOMPARE(ds->numClasses(), size_t(10));
  for (size_t c : ds->classCounts(ps::Split::Train)) QCOMPARE(c, size_t(6000));
  for (size_t c : ds->classCounts(ps::Split::Test)) QCOMPARE(c, size_t(1000));
  QVERIFY(ds->shape() == (ps::ImageShape{28, 28, 1}));
  QCOMPARE(ds->classNames()[9], std::string("Ankle boot"));
  QCOMPARE(ds->label(ps::Split::Train, 0), 9);  // the first Fashion-MNIST training image is an ankle boot
  // Pixels match the raw IDX bytes.
  const auto raw = ps::readMaybeGzipped(ps::builtinFashionMnistDir() + "/train-images-idx3-ubyte.gz", 16,
                                        [](const std::vector<uint8_t>&) { return size_t{16 + 60000 * 784}; });
  cv::Mat img = ds->image(ps::Split::Train, 59999);
  QVERIFY(std::equal(img.data, img.data + 784, raw.begin() + 16 + 59999 * 784));
  QVERIFY(ds->source(ps::Split::Train, 5).find("train-images-idx3-ubyte.gz#5") != std::string::npos);
  const std::string fp = ds->fingerprint();
  QCOMPARE(fp.size(), size_t(16));
  QCOMPARE(ps::openDataset("fashion-mnist")->fingerprint(), fp);
  QVERIFY(ds->skipped().empty());
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ds->image(ps::Split::Test, 10000));
}

void TestDatasets::idxRoundTrip_data() {
  QTest::addColumn<bool>("gz");
  QTest::newRow("plain") << false;
  QTest::newRow("gzipped") << true;
}

void TestDatasets::idxRoundTrip() {
  QFETCH(bool, gz);
  const auto train = fashionSamples(50), test = fashionSamples(20, true);
  const std::string dir = path(gz ? "idx_gz" : "idx_plain");
  writeIdxDataset(dir, train, test, gz);
  auto ds = ps::openDataset(dir);
  QCOMPARE(ds->format(), std::string("idx"));
  QCOMPARE(ds->size(ps::Split::Train), size_t(50));
  QCOMPARE(ds->size(ps::Split::Test), size_t(20));
  for (size_t i = 0; i < 50; ++i) {
    QCOMPARE(ds->label(ps::Split::Train, i), train[i].label);
    QVERIFY(sameImage(ds->image(ps::Split::Train, i), train[i].image));
  }
  QVERIFY(sameImage(ds->image(ps::Split::Test, 19), test[19].image));
  // Without "fashion" in the path and no classes.txt, IDX classes are digits.
  QCOMPARE(ds->classNames()[3], std::string("3"));
  // Batch read agrees with single reads.
  std::vector<uint8_t> buf(3 * 784);
  ds->readImages(ps::Split::Train, {7, 0, 49}, buf.data());
  QVERIFY(std::equal(buf.begin() + 784, buf.begin() + 2 * 784, train[0].image.data));
  QVERIFY(std::equal(buf.begin() + 2 * 784, buf.end(), train[49].image.data));
}

void TestDatasets::cifar10RoundTrip() {
  const auto s = colourSamples(30), t = colourSamples(10, true);
  const std::string dir = path("cifar10/cifar-10-batches-bin");
  writeBytes(dir + "/data_batch_1.bin", cifarRecords({s.begin(), s.begin() + 20}, false));
  writeBytes(dir + "/data_batch_2.bin", cifarRecords({s.begin() + 20, s.end()}, false));
  writeBytes(dir + "/test_batch.bin", cifarRecords(t, false));
  auto ds = ps::openDataset(path("cifar10"));  // the archive's parent folder is accepted
  QCOMPARE(ds->format(), std::string("cifar10"));
  QCOMPARE(ds->size(ps::Split::Train), size_t(30));
  QCOMPARE(ds->size(ps::Split::Test), size_t(10));
  QVERIFY(ds->shape() == (ps::ImageShape{32, 32, 3}));
  QCOMPARE(ds->classNames()[0], std::string("airplane"));
  for (size_t i = 0; i < 30; ++i) {
    QCOMPARE(ds->label(ps::Split::Train, i), s[i].label);
    QVERIFY(sameImage(ds->image(ps::Split::Train, i), s[i].image));  // planar → HWC RGB
  }
  QVERIFY(ds->source(ps::Split::Train, 25).find("data_batch_2.bin#5") != std::string::npos);
}

void TestDatasets::cifar100RoundTrip() {
  const auto s = colourSamples(12), t = colourSamples(4, true);
  const std::string dir = path("cifar100");
  writeBytes(dir + "/train.bin", cifarRecords(s, true));
  writeBytes(dir + "/test.bin", cifarRecords(t, true));
  std::string names;
  for (int c = 0; c < 100; ++c) names += "class_" + std::to_string(c) + "\n";
  writeText(dir + "/fine_label_names.txt", names);
  auto ds = ps::openDataset(dir);
  QCOMPARE(ds->format(), std::string("cifar100"));
  QCOMPARE(ds->numClasses(), size_t(100));
  QCOMPARE(ds->classNames()[42], std::string("class_42"));
  for (size_t i = 0; i < s.size(); ++i) {
    QCOMPARE(ds->label(ps::Split::Train, i), s[i].label);  // the fine label, not the coarse one
    QVERIFY(sameImage(ds->image(ps::Split::Train, i), s[i].image));
  }
}

void TestDatasets::imageFolderTrainTest() {
  const auto s = fashionSamples(40), t = fashionSamples(20, true);
  const auto& names = ps::fashionMnistClassNames();
  std::vector<std::string> folderNames;
  for (const auto& n : names) folderNames.push_back(n == "T-shirt/top" ? "T-shirt" : n);
  const std::string dir = path("folder_tt");
  writeImageFolder(dir, "train", s, folderNames);
  writeImageFolder(dir, "test", t, folderNames);
  auto ds = ps::openDataset(dir);
  QCOMPARE(ds->format(), std::string("folder"));
  QCOMPARE(ds->size(ps::Split::Train), size_t(40));
  QCOMPARE(ds->size(ps::Split::Test), size_t(20));
  // Classes are the sorted folder names, as torchvision numbers them.
  std::vector<std::string> present;
  for (const auto& x : s) present.push_back(folderNames[static_cast<size_t>(x.label)]);
  std::sort(present.begin(), present.end());
  present.erase(std::unique(present.begin(), present.end()), present.end());
  QCOMPARE(ds->classNames(), present);
  QVERIFY(ds->shape() == (ps::ImageShape{28, 28, 1}));
  // Every example's pixels and class match the file it came from.
  for (size_t i = 0; i < ds->size(ps::Split::Train); ++i) {
    const std::string src = ds->source(ps::Split::Train, i);
    const size_t k = std::stoul(fs::path(src).stem().string());
    QCOMPARE(ds->classNames()[static_cast<size_t>(ds->label(ps::Split::Train, i))],
             folderNames[static_cast<size_t>(s[k].label)]);
    QVERIFY(sameImage(ds->image(ps::Split::Train, i), s[k].image));
  }
}

void TestDatasets::imageFolderSeededSplit() {
  const auto s = fashionSamples(80);
  std::vector<std::string> names;
  for (int c = 0; c < 10; ++c) names.push_back("c" + std::to_string(c));
  const std::string dir = path("folder_single");
  writeImageFolder(dir, "", s, names);
  ps::OpenOptions o;
  o.testFraction = 0.25;
  o.splitSeed = 7;
  auto a = ps::openDataset(dir, o), b = ps::openDataset(dir, o);
  QCOMPARE(a->size(ps::Split::Train) + a->size(ps::Split::Test), size_t(80));
  for (size_t i = 0; i < a->size(ps::Split::Test); ++i)
    QCOMPARE(a->source(ps::Split::Test, i), b->source(ps::Split::Test, i));
  // Per class: round(0.25 * n) examples go to test.
  std::vector<size_t> perClass(10, 0);
  for (const auto& x : s) ++perClass[static_cast<size_t>(x.label)];
  const auto testCounts = a->classCounts(ps::Split::Test);
  for (size_t c = 0; c < 10; ++c) QCOMPARE(testCounts[c], size_t(std::llround(0.25 * double(perClass[c]))));
  o.splitSeed = 8;
  auto c = ps::openDataset(dir, o);
  bool differs = false;
  for (size_t i = 0; i < c->size(ps::Split::Test); ++i)
    differs |= c->source(ps::Split::Test, i) != a->source(ps::Split::Test, i);
  QVERIFY2(differs, "another split seed should give another split");
}

void TestDatasets::imageFolderColourAndResize() {
  const auto s = colourSamples(10);
  const std::string dir = path("folder_rgb");
  std::vector<std::string> names;
  for (int c = 0; c < 10; ++c) names.push_back("k" + std::to_string(c));
  writeImageFolder(dir, "train", s, names);
  auto ds = ps::openDataset(dir);
  QVERIFY(ds->shape() == (ps::ImageShape{32, 32, 3}));
  const size_t k = std::stoul(fs::path(ds->source(ps::Split::Train, 0)).stem().string());
  QVERIFY(sameImage(ds->image(ps::Split::Train, 0), s[k].image));  // RGB order kept
  ps::OpenOptions o;
  o.resizeHeight = 16;
  o.resizeWidth = 20;
  auto r = ps::openDataset(dir, o);
  QVERIFY(r->shape() == (ps::ImageShape{16, 20, 3}));
  QCOMPARE(r->image(ps::Split::Train, 3).rows, 16);
  QCOMPARE(r->image(ps::Split::Train, 3).cols, 20);
}

void TestDatasets::imageFolderCacheIsBounded() {
  const auto s = fashionSamples(60);
  std::vector<std::string> names;
  for (int c = 0; c < 10; ++c) names.push_back("c" + std::to_string(c));
  const std::string dir = path("folder_cache");
  writeImageFolder(dir, "train", s, names);
  ps::OpenOptions o;
  o.cacheBytes = 10 * 784;  // room for ten decoded images
  auto ds = ps::openDataset(dir, o);
  auto* files = dynamic_cast<ps::ImageFileDataset*>(ds.get());
  QVERIFY(files);
  QCOMPARE(files->cachedBytes(), size_t(0));  // nothing decoded when opened
  for (size_t i = 0; i < ds->size(ps::Split::Train); ++i) ds->image(ps::Split::Train, i);
  QCOMPARE(files->cachedBytes(), size_t(10 * 784));
  // A cached image is the same as a fresh decode.
  QVERIFY(sameImage(ds->image(ps::Split::Train, 59), ds->image(ps::Split::Train, 59)));
}

void TestDatasets::imageFolderSkipsUnreadableFiles() {
  const auto s = fashionSamples(20);
  std::vector<std::string> names;
  for (int c = 0; c < 10; ++c) names.push_back("c" + std::to_string(c));
  const std::string dir = path("folder_bad_files");
  writeImageFolder(dir, "train", s, names);
  const std::string cls = dir + "/train/c" + std::to_string(s[0].label);
  writeText(cls + "/notes.txt", "not an image");
  writeText(cls + "/fake.png", "this is text, not a PNG");
  auto png = ps::readFileBytes(cls + "/0.png");
  png.resize(png.size() / 2);
  writeBytes(cls + "/truncated.png", png);
  writeBytes(cls + "/empty.jpg", {});
  auto ds = ps::openDataset(dir);
  QCOMPARE(ds->size(ps::Split::Train), size_t(20));
  QCOMPARE(ds->skipped().size(), size_t(4));
  std::map<std::string, std::string> why;
  for (const auto& k : ds->skipped()) why[fs::path(k.path).filename().string()] = k.reason;
  QVERIFY(why.at("notes.txt").find("not an image") != std::string::npos);
  QVERIFY(why.at("fake.png").find("signature") != std::string::npos);
  QVERIFY(why.at("truncated.png").find("truncated") != std::string::npos);
  QVERIFY(why.at("empty.jpg").find("empty") != std::string::npos);
}

void TestDatasets::csvManifest() {
  const auto s = fashionSamples(30);
  const std::string dir = path("csv_named");
  std::string csv = "path,label,split\n";
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string rel = "img/" + std::to_string(i) + ".png";
    fs::create_directories(dir + "/img");
    cv::imwrite(dir + "/" + rel, s[i].image);
    csv += rel + ",\"" + ps::fashionMnistClassNames()[static_cast<size_t>(s[i].label)] + "\"," +
           (i % 3 == 0 ? "test" : "train") + "\n";
  }
  csv += "img/missing.png,Bag,train\n";
  writeText(dir + "/manifest.csv", csv);
  auto ds = ps::openDataset(dir + "/manifest.csv");
  QCOMPARE(ds->format(), std::string("csv"));
  QCOMPARE(ds->size(ps::Split::Test), size_t(10));
  QCOMPARE(ds->size(ps::Split::Train), size_t(20));
  QCOMPARE(ds->skipped().size(), size_t(1));
  QVERIFY(ds->skipped()[0].reason.find("manifest.csv:32") != std::string::npos);
  QVERIFY(std::is_sorted(ds->classNames().begin(), ds->classNames().end()));
  for (size_t i = 0; i < ds->size(ps::Split::Train); ++i) {
    const size_t k = std::stoul(fs::path(ds->source(ps::Split::Train, i)).stem().string());
    QCOMPARE(ds->classNames()[static_cast<size_t>(ds->label(ps::Split::Train, i))],
             ps::fashionMnistClassNames()[static_cast<size_t>(s[k].label)]);
    QVERIFY(sameImage(ds->image(ps::Split::Train, i), s[k].image));
  }
}

void TestDatasets::csvManifestNumericLabelsSeededSplit() {
  const auto s = fashionSamples(40);
  const std::string dir = path("csv_numeric");
  std::string csv;
  for (size_t i = 0; i < s.size(); ++i) {
    cv::imwrite(dir + "/" + std::to_string(i) + ".png", (fs::create_directories(dir), s[i].image));
    csv += dir + "/" + std::to_string(i) + ".png," + std::to_string(s[i].label) + "\n";  // absolute paths
  }
  writeText(dir + "/list.csv", csv);
  auto ds = ps::openDataset(dir + "/list.csv");
  QCOMPARE(ds->numClasses(), size_t(10));
  QCOMPARE(ds->classNames()[7], std::string("7"));
  QCOMPARE(ds->size(ps::Split::Train) + ds->size(ps::Split::Test), size_t(40));
  QVERIFY(ds->size(ps::Split::Test) > 0);
}

// Integer labels stay integers: one negative label among them is refused (naming its row
// and value), not a reason to read every label as a name (label 0 would become class 1).
void TestDatasets::csvManifestLabelsAreIntegersOrNames() {
  const auto s = fashionSamples(6);
  const std::string dir = path("csv_label_kinds");
  fs::create_directories(dir);
  for (size_t i = 0; i < s.size(); ++i) cv::imwrite(dir + "/" + std::to_string(i) + ".png", s[i].image);
  auto manifest = [&](const std::string& name, const std::vector<std::string>& labels) {
    std::string csv = "path,label\n";
    for (size_t i = 0; i < labels.size(); ++i) csv += std::to_string(i) + ".png," + labels[i] + "\n";
    writeText(dir + "/" + name, csv);
    return dir + "/" + name;
  };
  const auto integers = ps::openDataset(manifest("integers.csv", {"0", "1", "2", "0", "1", "2"}));
  QCOMPARE(ps::summarize(*integers).labels, std::string("integers"));
  for (ps::Split split : {ps::Split::Train, ps::Split::Test})
    for (size_t i = 0; i < integers->size(split); ++i) {  // the row labelled k is class k
      const size_t row = std::stoul(fs::path(integers->source(split, i)).stem().string());
      QCOMPARE(integers->label(split, i), static_cast<int>(row % 3));
    }
  for (int c = 0; c < 3; ++c) QCOMPARE(integers->classNames()[static_cast<size_t>(c)], std::to_string(c));
  const auto names = ps::openDataset(manifest("names.csv", {"cat", "dog", "cat", "dog", "cat", "dog"}));
  QCOMPARE(ps::summarize(*names).labels, std::string("names"));
  // Other formats say nothing about their labels.
  writeIdxDataset(path("label_kinds_idx"), fashionSamples(4), fashionSamples(2, true), false);
  QVERIFY(ps::summarize(*ps::openDataset(path("label_kinds_idx"))).labels.empty());
  // One -1 on the fifth row (line 6, after the header).
  const std::string negative = manifest("negative.csv", {"0", "1", "2", "0", "-1", "2"});
  try {
    ps::openDataset(negative);
    QFAIL("a negative integer label should be refused");
  } catch (const ps::DatasetError& e) {
    const std::string msg = e.what();
    QVERIFY2(msg.find("negative.csv:6") != std::string::npos, msg.c_str());
    QVERIFY2(msg.find("label -1 is negative") != std::string::npos, msg.c_str());
  }
}

void TestDatasets::fingerprintFollowsContent() {
  auto train = fashionSamples(10), test = fashionSamples(5, true);
  writeIdxDataset(path("fp_a"), train, test, false);
  writeIdxDataset(path("fp_b"), train, test, true);  // same content, gzipped
  train[3].image.at<uint8_t>(5, 5) ^= 1;
  writeIdxDataset(path("fp_c"), train, test, false);
  train[3].image.at<uint8_t>(5, 5) ^= 1;
  train[4].label = (train[4].label + 1) % 10;
  writeIdxDataset(path("fp_d"), train, test, false);
  const std::string a = ps::openDataset(path("fp_a"))->fingerprint();
  QCOMPARE(ps::openDataset(path("fp_b"))->fingerprint(), a);
  QVERIFY(ps::openDataset(path("fp_c"))->fingerprint() != a);  // one pixel
  QVERIFY(ps::openDataset(path("fp_d"))->fingerprint() != a);  // one label
}

void TestDatasets::buildBadCase(const QString& name, std::string& spec) {
  const auto train = fashionSamples(10), test = fashionSamples(4, true);
  const std::string dir = path("bad_" + str(name));
  spec = dir;
  const std::string n = str(name);
  if (n == "missing_path") {
    spec = dir + "/does-not-exist";
  } else if (n == "idx_missing_labels") {
    writeIdxDataset(dir, train, test, false);
    fs::remove(dir + "/train-labels-idx1-ubyte");
  } else if (n == "idx_truncated_images") {
    writeIdxDataset(dir, train, test, false);
    auto b = idxImages(train);
    b.resize(b.size() - 100);
    writeBytes(dir + "/train-images-idx3-ubyte", b);
  } else if (n == "idx_wrong_magic") {
    writeIdxDataset(dir, train, test, false);
    auto b = idxImages(train);
    b[3] = 0x01;
    writeBytes(dir + "/train-images-idx3-ubyte", b);
  } else if (n == "idx_count_mismatch") {
    writeIdxDataset(dir, train, test, false);
    writeBytes(dir + "/train-labels-idx1-ubyte", idxLabels({train.begin(), train.begin() + 9}));
  } else if (n == "idx_label_out_of_range") {
    auto bad = train;
    bad[2].label = 12;
    writeIdxDataset(dir, bad, test, false);
  } else if (n == "idx_corrupt_gzip") {
    writeIdxDataset(dir, train, test, true);
    auto b = ps::readFileBytes(dir + "/t10k-images-idx3-ubyte.gz");
    for (size_t k = 20; k < b.size() - 8; ++k) b[k] = static_cast<uint8_t>(b[k] * 31 + 7);
    writeBytes(dir + "/t10k-images-idx3-ubyte.gz", b);
  } else if (n == "idx_truncated_gzip") {
    writeIdxDataset(dir, train, test, true);
    auto b = ps::readFileBytes(dir + "/train-images-idx3-ubyte.gz");
    b.resize(b.size() / 2);
    writeBytes(dir + "/train-images-idx3-ubyte.gz", b);
  } else if (n == "cifar_truncated") {
    const auto s = colourSamples(5);
    auto b = cifarRecords(s, false);
    b.resize(b.size() - 10);
    writeBytes(dir + "/data_batch_1.bin", b);
    writeBytes(dir + "/test_batch.bin", cifarRecords(s, false));
  } else if (n == "cifar_label_out_of_range") {
    auto s = colourSamples(5);
    auto b = cifarRecords(s, false);
    b[3073 * 2] = 10;
    writeBytes(dir + "/data_batch_1.bin", b);
    writeBytes(dir + "/test_batch.bin", cifarRecords(s, false));
  } else if (n == "cifar_missing_test") {
    writeBytes(dir + "/data_batch_1.bin", cifarRecords(colourSamples(3), false));
  } else if (n == "folder_empty_dataset") {
    fs::create_directories(dir);
    writeText(dir + "/readme.md", "nothing here");
  } else if (n == "folder_empty_class") {
    writeImageFolder(dir, "train", train, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
    fs::create_directories(dir + "/train/zz_empty");
  } else if (n == "folder_class_all_unreadable") {
    writeImageFolder(dir, "train", train, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
    writeText(dir + "/train/zz_broken/x.png", "garbage");
  } else if (n == "folder_nothing_readable") {
    writeText(dir + "/only/x.png", "garbage");
  } else if (n == "csv_bad_split") {
    writeText(dir + "/m.csv", "a.png,1,holdout\n");
    spec = dir + "/m.csv";
  } else if (n == "csv_wrong_columns") {
    writeText(dir + "/m.csv", "a.png\n");
    spec = dir + "/m.csv";
  } else if (n == "csv_huge_label") {  // would have asked for a billion classes
    writeText(dir + "/m.csv", "a.png,1\nb.png,999999999\n");
    spec = dir + "/m.csv";
  } else if (n == "csv_empty") {
    writeText(dir + "/m.csv", "path,label\n");
    spec = dir + "/m.csv";
  } else if (n == "not_a_dataset_file") {
    writeText(dir + "/data.bin", "xyz");
    spec = dir + "/data.bin";
  } else {
    QFAIL(("unknown case " + n).c_str());
  }
}

void TestDatasets::badInput_data() {
  QTest::addColumn<QString>("name");
  QTest::addColumn<QString>("fileInMessage");
  QTest::addColumn<QString>("problem");
  QTest::newRow("missing path") << "missing_path"
                                << "does-not-exist"
                                << "no such file";
  QTest::newRow("IDX labels missing") << "idx_missing_labels"
                                      << "train-labels-idx1-ubyte"
                                      << "missing IDX file";
  QTest::newRow("IDX truncated") << "idx_truncated_images"
                                 << "train-images-idx3-ubyte"
                                 << "truncated";
  QTest::newRow("IDX wrong magic") << "idx_wrong_magic"
                                   << "train-images-idx3-ubyte"
                                   << "wrong magic number";
  QTest::newRow("IDX count mismatch") << "idx_count_mismatch"
                                      << "train-labels-idx1-ubyte"
                                      << "expected the same count";
  QTest::newRow("IDX label out of range") << "idx_label_out_of_range"
                                          << "train-images-idx3-ubyte"
                                          << "label 12";
  QTest::newRow("IDX corrupt gzip") << "idx_corrupt_gzip"
                                    << "t10k-images-idx3-ubyte.gz"
                                    << "gzip";
  QTest::newRow("IDX truncated gzip") << "idx_truncated_gzip"
                                      << "train-images-idx3-ubyte.gz"
                                      << "truncated";
  QTest::newRow("CIFAR truncated") << "cifar_truncated"
                                   << "data_batch_1.bin"
                                   << "not a multiple";
  QTest::newRow("CIFAR label out of range") << "cifar_label_out_of_range"
                                            << "data_batch_1.bin"
                                            << "label 10";
  QTest::newRow("CIFAR test batch missing") << "cifar_missing_test"
                                            << "test_batch.bin"
                                            << "missing";
  QTest::newRow("folder without classes") << "folder_empty_dataset"
                                          << "bad_folder_empty_dataset"
                                          << "cannot tell";
  QTest::newRow("folder empty class") << "folder_empty_class"
                                      << "zz_empty"
                                      << "empty";
  QTest::newRow("folder class unreadable") << "folder_class_all_unreadable"
                                           << "bad_folder_class_all_unreadable"
                                           << "'zz_broken' has no readable images";
  QTest::newRow("folder nothing readable") << "folder_nothing_readable"
                                           << "bad_folder_nothing_readable"
                                           << "no readable images";
  QTest::newRow("CSV bad split") << "csv_bad_split"
                                 << "m.csv:1"
                                 << "holdout";
  QTest::newRow("CSV huge numeric label") << "csv_huge_label"
                                          << "m.csv:2"
                                          << "label 999999999 is too large";
  QTest::newRow("CSV wrong columns") << "csv_wrong_columns"
                                     << "m.csv:1"
                                     << "expected 2 or 3 columns";
  QTest::newRow("CSV empty") << "csv_empty"
                             << "m.csv"
                             << "empty dataset";
  QTest::newRow("not a dataset file") << "not_a_dataset_file"
                                      << "data.bin"
                                      << "not a .csv manifest";
}

void TestDatasets::badInput() {
  QFETCH(QString, name);
  QFETCH(QString, fileInMessage);
  QFETCH(QString, problem);
  std::string spec;
  buildBadCase(name, spec);
  try {
    auto ds = ps::openDataset(spec);
    QFAIL("opening should have failed");
  } catch (const ps::DatasetError& e) {
    const std::string msg = e.what();
    QVERIFY2(msg.find(str(fileInMessage)) != std::string::npos, msg.c_str());
    QVERIFY2(msg.find(str(problem)) != std::string::npos, msg.c_str());
  }
}

// Planted copies: two copies of one training image and one of another inside training,
// a test image equal to a training image (a leak, also under another label), two equal
// test images, and a training image one grey level off another, which is not a copy.
void TestDatasets::exactDuplicatesAndLeaksArePixelIdentical() {
  std::vector<Sample> train = fashionSamples(120), test = fashionSamples(40, true);
  const ps::ExactDuplicates before = ps::findExactDuplicates(*ps::openDataset([&] {
    writeIdxDataset(path("dups0"), train, test, false);
    return path("dups0");
  }()));
  QCOMPARE(before.groups, int64_t{0});  // the subset itself holds no copies
  train[100].image = train[10].image.clone();
  train[101].image = train[10].image.clone();
  train[102].image = train[20].image.clone();
  train[103].image = train[30].image.clone();
  train[103].image.at<uint8_t>(14, 14) = static_cast<uint8_t>(train[30].image.at<uint8_t>(14, 14) ^ 1);
  test[5].image = train[40].image.clone();
  test[6].image = train[41].image.clone();
  test[6].label = (train[41].label + 1) % 10;
  test[7].image = test[8].image.clone();
  writeIdxDataset(path("dups"), train, test, false);
  const auto ds = ps::openDataset(path("dups"));
  const ps::ExactDuplicates d = ps::findExactDuplicates(*ds);
  using ps::Split;
  const std::vector<std::array<int64_t, 4>> expected = {{0, 10, 0, 100}, {0, 10, 0, 101}, {0, 20, 0, 102},
                                                        {0, 40, 1, 5},   {0, 41, 1, 6},   {1, 7, 1, 8}};
  QCOMPARE(d.pairs.size(), expected.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    const ps::DuplicatePair& p = d.pairs[k];
    QCOMPARE((std::array<int64_t, 4>{static_cast<int64_t>(p.first.split), p.first.index,
                                     static_cast<int64_t>(p.copy.split), p.copy.index}),
             expected[k]);
    QVERIFY(sameImage(ds->image(p.first.split, static_cast<size_t>(p.first.index)),
                      ds->image(p.copy.split, static_cast<size_t>(p.copy.index))));
  }
  QCOMPARE(d.groups, int64_t{5});
  QCOMPARE(d.withinTrain, int64_t{3});
  QCOMPARE(d.withinTest, int64_t{1});
  QCOMPARE(d.leaks, int64_t{2});
  QCOMPARE(d.testExamplesLeaked, int64_t{2});
}

QTEST_GUILESS_MAIN(TestDatasets)
#include "test_datasets.moc"
