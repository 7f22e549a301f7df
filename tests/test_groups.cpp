// Attributes of the examples (a CSV manifest's extra columns, a metadata.csv beside an
// image folder) and the fairness audit by group, on a spurious-correlation dataset built
// from Fashion-MNIST: a background tint that agrees with the class for most training
// examples and is balanced in test.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_opener.h"
#include "data/readers.h"
#include "job/job.h"
#include "prune/robust_pruning.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "study/group_audit.h"
#include "study/group_error.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace fs = std::filesystem;

namespace {

// A grey Fashion-MNIST image on a warm or cool background tint, as BGR for imwrite.
cv::Mat tinted(const cv::Mat& grey, bool warm) {
  cv::Mat bgr(grey.rows, grey.cols, CV_8UC3);
  const cv::Vec3b tint = warm ? cv::Vec3b(40, 90, 200) : cv::Vec3b(200, 90, 40);
  for (int y = 0; y < grey.rows; ++y)
    for (int x = 0; x < grey.cols; ++x) {
      const int g = grey.at<uint8_t>(y, x);
      for (int c = 0; c < 3; ++c)
        bgr.at<cv::Vec3b>(y, x)[c] = static_cast<uint8_t>(std::max(g, int(tint[c]) * (255 - g) / 255));
    }
  return bgr;
}

// Classes 0-4 of Fashion-MNIST are mostly on a warm tint in the spurious dataset.
bool warmClass(const std::string& name) {
  const auto& n = ps::fashionMnistClassNames();
  return std::find(n.begin(), n.begin() + 5, name) != n.begin() + 5;
}

// Rows of CSV text split into cells (no quoting in what the audit writes here).
std::vector<std::vector<std::string>> readCsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    std::string c;
    while (std::getline(s, c, ',')) cells.push_back(c);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

class TestGroups : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return tmp_.path().toStdString() + "/" + rel; }

  // The spurious-correlation dataset: `train` and `test` Fashion-MNIST images as PNGs,
  // tint "warm" for classes 0-4 and "cool" for 5-9 on 90 % of the training examples (the
  // rest the other way), alternating in test; a "camera" attribute that is "a" or "b",
  // empty for every 7th training example, and "c" only in train. Returns the manifest.
  std::string spuriousManifest(size_t train, size_t test) {
    const std::string dir = path("spurious");
    const std::string manifest = dir + "/manifest.csv";
    if (fs::exists(manifest)) return manifest;
    fs::create_directories(dir + "/img");
    std::string csv = "path,label,split,tint,camera\n";
    auto add = [&](const std::vector<pstest::Sample>& s, bool isTest) {
      for (size_t i = 0; i < s.size(); ++i) {
        const bool majority = s[i].label < 5;
        const bool warm = isTest ? i % 2 == 0 : (i % 10 == 3 ? !majority : majority);
        const std::string file = std::string("img/") + (isTest ? "t" : "r") + std::to_string(i) + ".png";
        cv::imwrite(dir + "/" + file, tinted(s[i].image, warm));
        const std::string camera = isTest ? (i % 2 ? "a" : "b")
                                          : (i % 7 == 0    ? ""
                                             : i % 11 == 0 ? "c"
                                             : i % 2       ? "a"
                                                           : "b");
        csv += file + "," + ps::fashionMnistClassNames()[static_cast<size_t>(s[i].label)] + "," +
               (isTest ? "test" : "train") + "," + (warm ? "warm" : "cool") + "," + camera + "\n";
      }
    };
    add(pstest::fashionSamples(train), false);
    add(pstest::fashionSamples(test, true), true);
    pstest::writeText(manifest, csv);
    return manifest;
  }

 private slots:
  void manifestColumnsBecomeAttributes();
  void metadataCsvGivesAFolderAttributes();
  void badAttributeColumnsAreRefused_data();
  void badAttributeColumnsAreRefused();
  void tooWideAttributeCannotBeGrouped();
  void tabulationOnAHandMadeCase();
  void auditByGroupOnSpuriousData();
  void badGroupByNameListsTheAttributes();
  void dropQuotasOnHandMadeCases();
  void groupBalancedKeepsEveryGroupsFraction();
  void protectivePoliciesThroughThePolicyPath();
  void robustAndGroupBalancedInPrune();
  void frontierMetricChoice();
  void frontierWorstGroupThroughTheCli();
};

void TestGroups::manifestColumnsBecomeAttributes() {
  auto ds = ps::openDataset(spuriousManifest(300, 100));
  const auto& attrs = ds->attributes();
  QCOMPARE(attrs.size(), size_t(2));
  QCOMPARE(attrs[0].name, std::string("tint"));
  QCOMPARE(attrs[1].name, std::string("camera"));
  for (const auto& a : attrs) {
    QCOMPARE(a.codes[0].size(), ds->size(ps::Split::Train));
    QCOMPARE(a.codes[1].size(), ds->size(ps::Split::Test));
  }
  // Each example's values are those its manifest row gives (the dataset orders examples by path).
  std::map<std::string, std::pair<std::string, std::string>> byFile;
  for (const auto& row : readCsv(path("spurious/manifest.csv")))
    if (row[0] != "path") byFile[fs::path(row[0]).filename().string()] = {row[3], row.size() > 4 ? row[4] : ""};
  size_t unknown = 0;
  for (int s = 0; s < 2; ++s)
    for (size_t i = 0; i < ds->size(ps::Split(s)); ++i) {
      const auto& want = byFile.at(fs::path(ds->source(ps::Split(s), i)).filename().string());
      QCOMPARE(attrs[0].values[attrs[0].codes[s][i]], want.first);
      QCOMPARE(attrs[1].values[attrs[1].codes[s][i]], want.second);
      if (want.second.empty()) {
        QCOMPARE(attrs[1].valueLabel(attrs[1].codes[s][i]), std::string("unknown"));  // empty cells: their own group
        ++unknown;
      }
    }
  QCOMPARE(unknown, size_t(43));  // every 7th of 300 training rows
  // info shows them with their counts.
  const auto info = pstest::cli({"info", path("spurious/manifest.csv")});
  QCOMPARE(info.code, 0);
  QVERIFY2(info.out.find("attributes:  2") != std::string::npos, info.out.c_str());
  QVERIFY2(info.out.find("camera: 4 values") != std::string::npos, info.out.c_str());
  QVERIFY2(info.out.find("unknown") != std::string::npos, info.out.c_str());
  const auto json = nlohmann::json::parse(pstest::cli({"info", path("spurious/manifest.csv"), "--json"}).out);
  QCOMPARE(json["attributes"][0]["name"].get<std::string>(), std::string("tint"));
  size_t warm = 0;
  for (size_t v = 0; v < json["attributes"][0]["values"].size(); ++v)
    if (json["attributes"][0]["values"][v] == "warm") warm = json["attributes"][0]["test"][v].get<size_t>();
  QCOMPARE(warm, size_t(50));  // balanced in test
}

void TestGroups::metadataCsvGivesAFolderAttributes() {
  const std::string dir = path("folder");
  auto train = pstest::fashionSamples(40), test = pstest::fashionSamples(20, true);
  for (auto& s : test) s.label = train[static_cast<size_t>(s.label) % 4].label;  // only classes train has
  const std::vector<std::string> names = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"};
  pstest::writeImageFolder(dir, "train", train, names);
  pstest::writeImageFolder(dir, "test", test, names);
  // Hugging Face's convention: file_name relative to the metadata file; one at the root
  // (train images, one left out) and one in test/.
  std::string root = "file_name,place\n", inTest = "file_name,place\n";
  for (size_t i = 1; i < train.size(); ++i)
    root += "train/" + names[static_cast<size_t>(train[i].label)] + "/" + std::to_string(i) + ".png," +
            (i % 3 ? "land" : "\"water\"") + "\n";
  for (size_t i = 0; i < test.size(); ++i)
    inTest += names[static_cast<size_t>(test[i].label)] + "/" + std::to_string(i) + ".png,sea\n";
  pstest::writeText(dir + "/metadata.csv", root);
  pstest::writeText(dir + "/test/metadata.csv", inTest);
  auto ds = ps::openDataset(dir);
  QVERIFY(ds->skipped().empty());  // the metadata files are no stray files
  QCOMPARE(ds->attributes().size(), size_t(1));
  const ps::Attribute& place = ds->attributes()[0];
  QCOMPARE(place.name, std::string("place"));
  std::map<std::string, size_t> count;
  for (int s = 0; s < 2; ++s)
    for (uint16_t c : place.codes[s]) ++count[place.valueLabel(c)];
  QCOMPARE(count["unknown"], size_t(1));  // train/<class>/0.png is not listed
  QCOMPARE(count["water"], size_t(13));   // i = 3, 6, ..., 39
  QCOMPARE(count["land"], size_t(26));
  QCOMPARE(count["sea"], size_t(20));
  for (size_t i = 0; i < ds->size(ps::Split::Test); ++i)
    QCOMPARE(place.valueLabel(place.codes[1][i]), std::string("sea"));
  // A metadata row naming a file twice is refused, naming the file and row.
  const size_t first = inTest.find('\n') + 1, second = inTest.find('\n', first) + 1;
  pstest::writeText(dir + "/test/metadata.csv", inTest + inTest.substr(first, second - first));
  try {
    ps::openDataset(dir);
    QFAIL("a file listed twice was accepted");
  } catch (const ps::DatasetError& e) {
    QVERIFY2(std::string(e.what()).find("test/metadata.csv:22: file_name") != std::string::npos, e.what());
  }
}

void TestGroups::badAttributeColumnsAreRefused_data() {
  QTest::addColumn<QString>("csv");
  QTest::addColumn<QString>("message");
  const QString rows = "a.png,shirt,train,x\nb.png,bag,test,y\n";
  QTest::newRow("clash") << "path,label,split,Label\n" + rows
                         << "m.csv: column 4 'Label' clashes with the column 'label'";
  QTest::newRow("clash split") << "path,label,group,split\na.png,shirt,x,train\n"
                               << "m.csv: column 4 'split' clashes with the column 'split'";
  QTest::newRow("repeated") << "path,label,bg,bg\na.png,shirt,x,y\n"
                            << "m.csv: column 4 'bg' repeats the name of column 3";
  QTest::newRow("empty name") << "path,label,split,\n" + rows << "m.csv: column 4 has an empty header";
  QTest::newRow("short row") << "path,label,split,bg\na.png,shirt,train\n"
                             << "m.csv:2: expected 4 columns";
  QTest::newRow("long row") << "path,label,split,bg\na.png,shirt,train,x,y\n"
                            << "m.csv:2: expected 4 columns";
  QTest::newRow("no header") << "a.png,shirt,train,x\n"
                             << "attribute columns need a header row";
  QTest::newRow("control") << "path,label,split,bg\na.png,shirt,train,x\nb.png,bag,test,\x01y\n"
                           << "m.csv:3: column 4 ('bg'): value '?y' holds a control character";
  QTest::newRow("long value") << "path,label,bg\na.png,shirt," + QString(300, 'v') + "\n"
                              << "m.csv:2: column 3 ('bg'): value '" + QString(40, 'v') + "...' 300 bytes long";
  QString wide = "path,label";
  for (int k = 0; k < 33; ++k) wide += ",c" + QString::number(k);
  QTest::newRow("too many") << wide + "\n"
                            << "m.csv: 33 attribute columns; at most 32";
}

void TestGroups::badAttributeColumnsAreRefused() {
  QFETCH(QString, csv);
  QFETCH(QString, message);
  const std::string dir = path("bad");
  fs::create_directories(dir);
  cv::imwrite(dir + "/a.png", cv::Mat(8, 8, CV_8UC1, cv::Scalar(10)));
  cv::imwrite(dir + "/b.png", cv::Mat(8, 8, CV_8UC1, cv::Scalar(200)));
  pstest::writeText(dir + "/m.csv", csv.toStdString());
  try {
    ps::openDataset(dir + "/m.csv");
    QFAIL("the manifest was accepted");
  } catch (const ps::DatasetError& e) {
    QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
  }
}

void TestGroups::tooWideAttributeCannotBeGrouped() {
  const std::string dir = path("wide");
  fs::create_directories(dir);
  std::string csv = "path,label,split,id,bg\n";
  const auto s = pstest::fashionSamples(120);
  for (size_t i = 0; i < s.size(); ++i) {
    cv::imwrite(dir + "/" + std::to_string(i) + ".png", s[i].image);
    csv += std::to_string(i) + ".png," + std::to_string(s[i].label) + "," + (i % 4 ? "train" : "test") + ",id" +
           std::to_string(i) + "," + (i % 2 ? "warm" : "cool") + "\n";
  }
  pstest::writeText(dir + "/m.csv", csv);
  auto ds = ps::openDataset(dir + "/m.csv");  // a wide attribute is kept and shown ...
  QCOMPARE(ds->attributes()[0].values.size(), size_t(120));
  const auto info = pstest::cli({"info", dir + "/m.csv"});
  QVERIFY2(info.out.find("id: 120 values (more than 100: cannot be grouped by)") != std::string::npos,
           info.out.c_str());
  QVERIFY2(info.out.find("... and 100 more values") != std::string::npos, info.out.c_str());
  // ... but cannot be grouped by; the audit says so before it scores or trains anything.
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::findAttribute(ds->attributes(), "id", true));
  QCOMPARE(&ps::findAttribute(ds->attributes(), "bg", true), &ds->attributes()[1]);
  const auto r = pstest::cli({"audit", dir + "/m.csv", "--db", path("wide.sqlite"), "--out", path("wide.csv"), "--keep",
                              "0.5", "--group-by", "bg,id", "--quiet"});
  QCOMPARE(r.code, 1);
  QVERIFY2(
      r.err.find("attribute 'id' has 120 distinct values: too many to group by (at most 100)") != std::string::npos,
      r.err.c_str());
  QVERIFY(!fs::exists(path("wide.csv")));
}

void TestGroups::tabulationOnAHandMadeCase() {
  // Two classes × a two-valued attribute; four pool examples per class, six test examples.
  ps::Attribute bg{"bg", {"warm", "cool"}, {}};
  ps::GroupAuditInputs in;
  in.classNames = {"cat", "dog"};
  in.attributes = {&bg};
  in.poolLabels = {0, 0, 0, 0, 1, 1, 1, 1};
  in.poolCodes = {{0, 0, 0, 1, 1, 1, 1, 0}};
  in.kept = {1, 1, 0, 0, 1, 0, 1, 1};
  in.testLabels = {0, 0, 0, 1, 1, 1};
  in.testCodes = {{0, 0, 1, 1, 1, 1}};  // no test example of (dog, warm)
  in.subsetPredictions = {{0, 0, 1, 1, 0, 1}, {0, 1, 1, 1, 1, 1}};
  in.fullPredictions = {{0, 0, 0, 1, 1, 1}, {0, 0, 0, 1, 1, 0}};
  in.bootstrap = 200;
  in.bootstrapSeed = 7;
  const ps::GroupAuditResult r = ps::tabulateGroups(in);
  // cat×warm, cat×cool, dog×cool, dog×warm, then the margins warm and cool.
  QCOMPARE(r.groups.size(), size_t(6));
  auto find = [&](const std::string& cls, const std::string& v) -> const ps::GroupRow& {
    for (const auto& g : r.groups)
      if (g.className == cls && g.values[0] == v) return g;
    throw std::runtime_error("no group " + cls + "/" + v);
  };
  QCOMPARE(find("cat", "warm").total, int64_t(3));
  QCOMPARE(find("cat", "warm").kept, int64_t(2));
  QCOMPARE(find("*", "cool").total, int64_t(4));
  QCOMPARE(find("*", "cool").kept, int64_t(2));
  QCOMPARE(find("*", "cool").shareKept, 2.0 / 5.0);
  QCOMPARE(find("dog", "warm").shareFull, 1.0 / 8.0);
  // (dog, warm) has no test example: n/a, never 0.
  QCOMPARE(find("dog", "warm").test, int64_t(0));
  QVERIFY(std::isnan(find("dog", "warm").accSubset) && std::isnan(find("dog", "warm").change));
  // cat×warm: seed 0 right 2/2, seed 1 right 1/2 -> 0.75 ± 0.354; cat×cool: 0/1 both seeds.
  QCOMPARE(find("cat", "warm").accSubset, 0.75);
  QVERIFY(std::abs(find("cat", "warm").accSubsetSpread - std::sqrt(0.125)) < 1e-12);
  QCOMPARE(find("cat", "cool").accSubset, 0.0);
  QCOMPARE(find("cat", "cool").accFull, 1.0);
  QCOMPARE(find("cat", "cool").change, -1.0);
  // The worst group is the least of the per-group accuracies (margins aside).
  double least = 2;
  for (const auto& g : r.groups)
    if (!g.margin() && g.test > 0) least = std::min(least, g.accSubset);
  QCOMPARE(r.subset.worstGroup.value, least);
  QCOMPARE(r.subset.worstGroup.group, std::string("class=cat, bg=cool"));
  QVERIFY(std::abs(r.subset.average.value - 4.0 / 6) < 1e-12);
  QVERIFY(std::abs(r.subset.gap.value - (r.subset.average.value - least)) < 1e-12);
  QCOMPARE(r.subset.worstClass.group, std::string("cat"));
  QVERIFY(std::abs(r.subset.worstClass.value - 0.5) < 1e-12);  // (2/3 + 1/3) / 2
  QCOMPARE(r.full.worstGroup.group, std::string("class=dog, bg=cool"));
  QVERIFY(r.subset.average.low <= r.subset.average.high && r.subset.average.high <= 1.0);
  QVERIFY(r.subset.worstGroup.low <= r.subset.worstGroup.high);
  // The bootstrap is seeded: the same seed gives the same interval.
  QCOMPARE(ps::tabulateGroups(in).subset.gap.high, r.subset.gap.high);
  QCOMPARE(ps::worstGroupLine(r),
           std::string("worst-group accuracy: subset 0.0000 (class=cat, bg=cool), full 0.8333 (class=dog, bg=cool)"));
}

void TestGroups::auditByGroupOnSpuriousData() {
  const std::string manifest = spuriousManifest(300, 100);
  auto ds = ps::openDataset(manifest);
  ps::Store store(path("spurious.sqlite"));
  // A score that calls the minority-tint examples hardest: keep-easy drops them first.
  const ps::Attribute& tint = ds->attributes()[0];
  std::string scores = "score\n";
  for (size_t i = 0; i < ds->size(ps::Split::Train); ++i) {
    const bool warm = tint.values[tint.codes[0][i]] == "warm";
    const bool minority = warm != warmClass(ds->classNames()[static_cast<size_t>(ds->label(ps::Split::Train, i))]);
    scores += std::to_string((minority ? 10.0 : 0.0) + double(i % 5)) + "\n";
  }
  pstest::writeText(path("tint_scores.csv"), scores);
  const auto run = ps::importScores(*ds, store, path("tint_scores.csv"), "tint_hard", true);
  const auto r = pstest::cli({"audit",       manifest,
                              "--db",        path("spurious.sqlite"),
                              "--out",       path("groups.csv"),
                              "--score-run", std::to_string(run.runId),
                              "--score",     "tint_hard",
                              "--policy",    "easy",
                              "--keep",      "0.7",
                              "--group-by",  "tint,camera",
                              "--train",     "--epochs",
                              "3",           "--seeds",
                              "2",           "--threads",
                              "2",           "--device",
                              "cpu",         "--bootstrap",
                              "200",         "--quiet"});
  QVERIFY2(r.code == 0, (r.out + r.err).c_str());
  const auto rows = readCsv(path("groups.csv"));
  QCOMPARE(rows[0],
           (std::vector<std::string>{"class_name", "tint", "camera", "total", "kept", "kept_fraction", "share_full",
                                     "share_kept", "acc_subset", "acc_full", "change", "acc_subset_spread",
                                     "acc_full_spread", "change_spread", "test_examples"}));
  // Group counts are the manifest's.
  std::map<std::string, int64_t> manifestCount;
  for (const auto& row : readCsv(manifest))
    if (row[2] == "train")
      ++manifestCount[row[1] + "/" + row[3] + "/" + (row.size() > 4 && !row[4].empty() ? row[4] : "unknown")];
  int64_t sum = 0, keptMinority = 0;
  double least = 2;
  std::string worst;
  bool sawNa = false;
  for (size_t k = 1; k < rows.size(); ++k) {
    const auto& g = rows[k];
    if (g[0] == "*") continue;  // margins
    QCOMPARE(std::stoll(g[3]), manifestCount[g[0] + "/" + g[1] + "/" + g[2]]);
    sum += std::stoll(g[3]);
    if ((g[1] == "warm") != warmClass(g[0])) keptMinority += std::stoll(g[4]);
    if (g[14] == "0") {  // no test example (camera "c" and unknown are train-only)
      QCOMPARE(g[8], std::string("n/a"));
      QCOMPARE(g[10], std::string("n/a"));
      sawNa = true;
    } else if (std::stod(g[8]) < least) {
      least = std::stod(g[8]);
      worst = "class=" + g[0] + ", tint=" + g[1] + ", camera=" + g[2];
    }
  }
  QCOMPARE(sum, int64_t(300));
  QCOMPARE(keptMinority, int64_t(0));  // keep-easy at 0.7 drops every minority-tint example (30 of 300)
  QVERIFY(sawNa);
  // The JSON sidecar holds the summary; its worst group is the least per-group accuracy.
  std::ifstream jf(path("groups.csv.json"));
  const auto j = nlohmann::json::parse(jf);
  QCOMPARE(j["seeds"].get<int>(), 2);
  QCOMPARE(j["bootstrap"]["resamples"].get<int>(), 200);
  QVERIFY(std::abs(j["subset"]["worst_group_accuracy"]["value"].get<double>() - least) < 1e-6);
  QCOMPARE(j["subset"]["worst_group_accuracy"]["group"].get<std::string>(), worst);
  QVERIFY(j["subset"]["average_accuracy"]["interval"][0].is_number());
  QVERIFY2(
      r.out.find("worst-group accuracy: subset ") != std::string::npos && r.out.find("), full ") != std::string::npos,
      r.out.c_str());
  QVERIFY2(r.out.find("(" + worst + ")") != std::string::npos, r.out.c_str());
}

void TestGroups::badGroupByNameListsTheAttributes() {
  const auto r = pstest::cli({"audit", spuriousManifest(300, 100), "--db", path("bad.sqlite"), "--out", path("bad.csv"),
                              "--keep", "0.5", "--group-by", "tint,colour", "--quiet"});
  QCOMPARE(r.code, 1);
  QVERIFY2(r.err.find("no attribute 'colour' in the dataset (its attributes: tint, camera)") != std::string::npos,
           r.err.c_str());
  const auto none = pstest::cli({"audit", "fashion-mnist", "--db", path("bad.sqlite"), "--out", path("bad.csv"),
                                 "--keep", "0.5", "--group-by", "tint", "--quiet"});
  QCOMPARE(none.code, 1);
  QVERIFY2(none.err.find("(its attributes: none)") != std::string::npos, none.err.c_str());
}

void TestGroups::dropQuotasOnHandMadeCases() {
  // Two classes of 100, recall 0.9 and 0.7 (errors 0.1 and 0.3), f = 0.5: the budget 100
  // is spread in proportion to N_k (1 - r_k) = 10 and 30, densities 0.25 and 0.75.
  auto d = ps::dropDensities({100, 100}, {0.9, 0.7}, 0.5);
  QVERIFY(std::abs(d[0] - 0.25) < 1e-12 && std::abs(d[1] - 0.75) < 1e-12);
  QCOMPARE(ps::dropQuotas({100, 100}, {0.9, 0.7}, 0.5), (std::vector<int64_t>{25, 75}));
  // Saturation (Algorithm 1's second pass): errors 0.1 and 0.9 at f = 0.8 give class 1 a
  // density of 1.44, capped at 1; its excess 44 goes to class 0: 16 + 44 = 60 kept.
  QCOMPARE(ps::dropQuotas({100, 100}, {0.9, 0.1}, 0.8), (std::vector<int64_t>{60, 100}));
  // Sizes count: 300 and 100 examples, equal error: equal densities, 150 and 50 at f = 0.5.
  QCOMPARE(ps::dropQuotas({300, 100}, {0.8, 0.8}, 0.5), (std::vector<int64_t>{150, 50}));
  // A perfect class keeps nothing while others have error; with none left, size decides.
  QCOMPARE(ps::dropQuotas({10, 10, 10}, {1.0, 0.5, 0.5}, 0.5), (std::vector<int64_t>{0, 8, 7}));
  QCOMPARE(ps::dropQuotas({10, 10}, {1.0, 1.0}, 0.3), (std::vector<int64_t>{3, 3}));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::dropQuotas({10, 10}, {0.5, 1.5}, 0.5));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::dropQuotas({10, 10}, {0.5, std::nan("")}, 0.5));
  // Random within class, seeded: the quotas hold, and the same seed keeps the same examples.
  std::vector<int> labels;
  for (int i = 0; i < 200; ++i) labels.push_back(i % 2);
  const auto kept = ps::selectRobust(labels, {0.9, 0.7}, 0.5, 3);
  int64_t ones = 0;
  for (int64_t p : kept) ones += labels[static_cast<size_t>(p)];
  QCOMPARE(kept.size(), size_t(100));
  QCOMPARE(ones, int64_t(75));
  QCOMPARE(ps::selectRobust(labels, {0.9, 0.7}, 0.5, 3), kept);
  QVERIFY(ps::selectRobust(labels, {0.9, 0.7}, 0.5, 4) != kept);
}

void TestGroups::groupBalancedKeepsEveryGroupsFraction() {
  // Class × tint with a 9:1 majority tint in each class: keep-hard by a score that calls
  // the majority hardest would drop the minority entirely; group-balanced keeps 40 % of each.
  std::vector<int> labels;
  std::vector<std::vector<uint16_t>> codes(1);
  std::vector<float> difficulty;
  for (int i = 0; i < 400; ++i) {
    labels.push_back(i % 2);
    const bool minority = i % 10 == 3 || i % 10 == 4;
    codes[0].push_back(minority ? 1 : 0);
    difficulty.push_back(minority ? 0.0f : 1.0f + float(i % 7));
  }
  const auto groups = ps::groupIds(labels, codes);
  QCOMPARE(*std::max_element(groups.begin(), groups.end()), 3);
  const auto kept = ps::selectGroupBalanced(difficulty, groups, pstest::pruneSpec(ps::PrunePolicy::KeepHard, 0.4));
  std::map<int, int64_t> perGroup, total;
  for (int g : groups) ++total[g];
  for (int64_t p : kept) ++perGroup[groups[static_cast<size_t>(p)]];
  QCOMPARE(kept.size(), size_t(160));
  for (const auto& [g, n] : total) QCOMPARE(perGroup[g], int64_t(std::llround(0.4 * double(n))));
}

void TestGroups::protectivePoliciesThroughThePolicyPath() {
  QCOMPARE(ps::parsePrunePolicy("robust"), ps::PrunePolicy::Robust);
  QCOMPARE(std::string(ps::prunePolicyName(ps::PrunePolicy::GroupBalanced)), std::string("group-balanced"));
  QVERIFY(!ps::policyUsesScore(ps::PrunePolicy::Robust));
  QVERIFY(ps::policyUsesScore(ps::PrunePolicy::GroupBalanced));
  // Robust through selectSubset: DRoP's quotas on {100, 100} with recall {0.9, 0.7} at
  // f = 0.5 are {25, 75}, whatever the score says.
  std::vector<int> labels;
  std::vector<float> d;
  for (int i = 0; i < 200; ++i) {
    labels.push_back(i % 2);
    d.push_back(float(i));
  }
  ps::PolicyInputs in;
  in.classRecall = {0.9, 0.7};
  const auto spec = pstest::pruneSpec(ps::PrunePolicy::Robust, 0.5, false, 0, 3);
  const auto kept = ps::selectSubset(d, labels, spec, {}, &in);
  int64_t perClass[2] = {0, 0};
  for (int64_t p : kept) ++perClass[labels[static_cast<size_t>(p)]];
  QCOMPARE(perClass[0], int64_t(25));
  QCOMPARE(perClass[1], int64_t(75));
  QCOMPARE(ps::selectSubset(d, labels, spec, {}, &in), kept);  // seeded
  QVERIFY(ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::Robust, 0.5, false, 0, 4), {}, &in) != kept);
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::selectSubset(d, labels, spec));  // no recall measured
  // Group-balanced: class × a 9:1 attribute; every group keeps 40 %, its hardest.
  in.groups.clear();
  for (int i = 0; i < 200; ++i) in.groups.push_back(labels[static_cast<size_t>(i)] * 2 + (i % 10 == 3 ? 1 : 0));
  const auto gb = ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::GroupBalanced, 0.4), {}, &in);
  std::map<int, int64_t> keptIn, total;
  for (int g : in.groups) ++total[g];
  for (int64_t p : gb) ++keptIn[in.groups[static_cast<size_t>(p)]];
  for (const auto& [g, n] : total) QCOMPARE(keptIn[g], int64_t(std::llround(0.4 * double(n))));
  for (int64_t p : gb)  // the hardest of its group: no dropped example of the group is harder
    for (size_t q = 0; q < d.size(); ++q)
      if (in.groups[q] == in.groups[static_cast<size_t>(p)] && !std::binary_search(gb.begin(), gb.end(), int64_t(q)))
        QVERIFY(d[q] < d[static_cast<size_t>(p)]);
  ps::PolicyInputs none;
  QVERIFY_THROWS_EXCEPTION(
      ps::ConfigError, ps::selectSubset(d, labels, pstest::pruneSpec(ps::PrunePolicy::GroupBalanced, 0.4), {}, &none));
}

void TestGroups::robustAndGroupBalancedInPrune() {
  const std::string manifest = spuriousManifest(300, 100);
  const std::vector<std::string> common = {"--db",           path("prune.sqlite"),
                                           "--score",        "el2n",
                                           "--score-epochs", "1",
                                           "--score-seeds",  "1",
                                           "--epochs",       "1",
                                           "--threads",      "2",
                                           "--device",       "cpu",
                                           "--quiet"};
  auto run = [&](const std::string& policy, const std::string& out) {
    std::vector<std::string> args = {"prune", manifest, "--policy", policy, "--keep", "0.5", "--out", path(out)};
    args.insert(args.end(), common.begin(), common.end());
    return pstest::cli(args);
  };
  // Group-balanced: every class × tint × camera group keeps half (to within one example).
  const auto gb = run("group-balanced", "gb.txt");
  QVERIFY2(gb.code == 0, (gb.out + gb.err).c_str());
  auto ds = ps::openDataset(manifest);
  std::vector<int64_t> kept;
  {
    std::ifstream in(path("gb.txt"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') kept.push_back(std::stoll(line));
  }
  QCOMPARE(kept.size(), size_t(150));
  std::map<std::tuple<int, int, int>, int64_t> total, keptIn;
  const auto& attrs = ds->attributes();
  auto key = [&](size_t i) {
    return std::make_tuple(ds->label(ps::Split::Train, i), int(attrs[0].codes[0][i]), int(attrs[1].codes[0][i]));
  };
  for (size_t i = 0; i < ds->size(ps::Split::Train); ++i) ++total[key(i)];
  for (int64_t i : kept) ++keptIn[key(static_cast<size_t>(i))];
  for (const auto& [k, n] : total) QVERIFY(std::abs(2 * keptIn[k] - n) <= 1);
  // Robust: trains the held-out model (said, with its fraction and seed), keeps round(f·N).
  const auto robust = run("robust", "robust.txt");
  QVERIFY2(robust.code == 0, (robust.out + robust.err).c_str());
  QVERIFY2(robust.out.find("kept 150 of 300") != std::string::npos, robust.out.c_str());
  // On a dataset without attributes, group-balanced says what it needs.
  pstest::writeText(
      path("plain.csv"), "path,label\n" + [&] {
        std::string rows;
        for (size_t i = 0; i < 40; ++i) rows += ds->source(ps::Split::Train, i) + "," + std::to_string(i % 2) + "\n";
        return rows;
      }());
  const auto bad = pstest::cli({"prune", path("plain.csv"), "--policy", "group-balanced", "--keep", "0.5", "--out",
                                path("bad.txt"), "--db", path("prune.sqlite"), "--quiet"});
  QCOMPARE(bad.code, 1);
  QVERIFY2(bad.err.find("needs an attribute to group by") != std::string::npos, bad.err.c_str());
}

void TestGroups::frontierMetricChoice() {
  // Two policies at f = 0.5 and 1: keep-hard has the lower test error at 0.5, random the
  // lower worst-group error, so the Pareto front changes with the metric.
  ps::FrontierResult r;
  r.groupNames = {"class=a, tint=warm", "class=a, tint=cool"};
  auto point = [](const std::string& policy, double keep, std::vector<double> err, std::vector<double> worst) {
    ps::FrontierPoint p;
    p.policy = policy;
    p.keep = keep;
    p.errors = err;
    p.errorMean = (err[0] + err[1]) / 2;
    p.worstGroupErrors = worst;
    p.worstClassErrors = {0.3, 0.3};
    p.perClassAccuracy = {0.7};
    return p;
  };
  r.points = {point("hard", 0.5, {0.10, 0.12}, {0.60, 0.64}), point("random", 0.5, {0.20, 0.22}, {0.30, 0.34}),
              point("hard", 1.0, {0.05, 0.05}, {0.20, 0.20})};
  r.pareto = {0, 2};
  QVERIFY(ps::hasMetric(r, ps::FrontierMetric::WorstGroup));
  QCOMPARE(ps::paretoByMetric(r, ps::FrontierMetric::Error), (std::vector<size_t>{0, 2}));
  QCOMPARE(ps::paretoByMetric(r, ps::FrontierMetric::WorstGroup), (std::vector<size_t>{1, 2}));
  const ps::FrontierResult byGroup = ps::frontierByMetric(r, ps::FrontierMetric::WorstGroup);
  QVERIFY(std::abs(byGroup.points[1].errorMean - 0.32) < 1e-12);
  QVERIFY(byGroup.points[1].pareto && !byGroup.points[0].pareto);
  QCOMPARE(ps::parseEnum(ps::frontierMetricNames(), "worst-class", "metric"), ps::FrontierMetric::WorstClass);
  // A study stored before per-group error: readable, worst class from the per-class
  // accuracies, no worst group (a clear error when asked for it).
  pstest::writeText(path("old_frontier.json"),
                    R"({"score":"el2n","classes":["a","b"],"points":[{"policy":"hard","keep":0.5,"kept":5,)"
                    R"("epochs":1,"errors":[0.2],"error_mean":0.2,"error_std":0,"per_class_accuracy":[0.9,0.6],)"
                    R"("pareto":true}],"pareto":[0]})");
  const ps::FrontierResult old = ps::readFrontierJson(path("old_frontier.json"));
  QVERIFY(ps::hasMetric(old, ps::FrontierMetric::WorstClass));
  QVERIFY(std::abs(ps::metricErrors(old.points[0], ps::FrontierMetric::WorstClass).at(0) - 0.4) < 1e-12);
  QVERIFY(!ps::hasMetric(old, ps::FrontierMetric::WorstGroup));
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, ps::paretoByMetric(old, ps::FrontierMetric::WorstGroup));
  // Per-group accuracy and the worst group's error from predictions.
  auto ds = ps::openDataset(spuriousManifest(300, 100));
  const ps::TestGroups groups = ps::testGroups(*ds);
  QCOMPARE(groups.ofTest.size(), ds->size(ps::Split::Test));
  const std::vector<int> labels = ds->labels(ps::Split::Test);
  std::vector<int32_t> perfect(labels.begin(), labels.end());
  perfect[0] = (perfect[0] + 1) % 10;  // one mistake: its group (and only it) loses accuracy
  const auto acc = ps::groupAccuracy(groups, labels, perfect);
  QCOMPARE(acc.size(), groups.names.size());
  const auto g0 = static_cast<size_t>(groups.ofTest[0]);
  const auto inG0 = std::count(groups.ofTest.begin(), groups.ofTest.end(), groups.ofTest[0]);
  QVERIFY(std::abs(acc[g0] - (1.0 - 1.0 / double(inG0))) < 1e-12);
  QVERIFY(std::abs(ps::worstError(acc) - 1.0 / double(inG0)) < 1e-12);
}

void TestGroups::frontierWorstGroupThroughTheCli() {
  const std::string manifest = spuriousManifest(300, 100);
  const auto r = pstest::cli({"frontier",
                              manifest,
                              "--db",
                              path("frontier.sqlite"),
                              "--out",
                              path("frontier.csv"),
                              "--score",
                              "el2n",
                              "--score-epochs",
                              "1",
                              "--score-seeds",
                              "1",
                              "--policies",
                              "hard,random",
                              "--keeps",
                              "0.5,1",
                              "--epochs",
                              "1",
                              "--seeds",
                              "2",
                              "--threads",
                              "2",
                              "--device",
                              "cpu",
                              "--no-health-checks",
                              "--metric",
                              "worst-group",
                              "--quiet"});
  QVERIFY2(r.code == 0, (r.out + r.err).c_str());
  QVERIFY2(r.out.find("worst-group error (mean +- std)") != std::string::npos, r.out.c_str());
  const auto j = nlohmann::json::parse(std::ifstream(path("frontier.csv.json")));
  const auto& groupNames = j["groups"];
  // class × tint × camera groups with test examples (tint and camera go together in test)
  QCOMPARE(groupNames.size(), ps::testGroups(*ps::openDataset(manifest)).names.size());
  QVERIFY(groupNames.size() > 10);
  for (const auto& p : j["points"]) {
    QCOMPARE(p["worst_group_errors"].size(), size_t(2));  // one per seed
    QCOMPARE(p["per_group_accuracy"].size(), groupNames.size());
    double worst = 0;  // the worst group's error is at least the overall error
    for (double e : p["worst_group_errors"]) worst = std::max(worst, e);
    QVERIFY(worst >= p["errors"][0].get<double>() - 1e-12);
  }
  // The CSV has the metric's columns; the Pareto stars follow the chosen metric.
  const auto rows = readCsv(path("frontier.csv"));
  QCOMPARE(rows[0][10], std::string("worst_group_error"));
  // Asked of a dataset without attributes, worst-group is refused before any work.
  const auto bad = pstest::cli({"frontier", "fashion-mnist", "--db", path("frontier.sqlite"), "--out", path("f2.csv"),
                                "--score", "el2n", "--metric", "worst-group", "--quiet"});
  QCOMPARE(bad.code, 1);
  QVERIFY2(bad.err.find("no attribute to group by") != std::string::npos, bad.err.c_str());
}

QTEST_GUILESS_MAIN(TestGroups)
#include "test_groups.moc"
