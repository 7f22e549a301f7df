// Opening image folders with the store's file table: the first open reads the files and
// keeps its fingerprint, a second open of the unchanged folder reads none, a changed
// file is read again and changes the fingerprint (cached results then do not apply);
// ImageNet's layouts (class folders or a flat val/ with LOC_val_solution.csv) and class
// names from LOC_synset_mapping.txt or classes.txt; their bad inputs; info --db.
#include <fcntl.h>
#include <sys/stat.h>

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "store/file_table_store.h"
#include "store/store.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/errors.h"

namespace fs = std::filesystem;
using namespace pstest;

namespace {

std::string str(const QString& s) { return s.toStdString(); }

// What an open read, from the progress it reported.
struct Opened {
  std::unique_ptr<ps::Dataset> ds;
  std::vector<std::string> messages;
  bool read(const std::string& what) const {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.find(what) != std::string::npos; });
  }
};

Opened openWith(ps::Store& store, const std::string& spec, ps::OpenOptions options = {}) {
  Opened o;
  ps::JobContext ctx(
      nullptr, [&](const ps::Progress& p) { o.messages.push_back(p.message); }, nullptr, std::chrono::milliseconds(0));
  options.job = &ctx;
  o.ds = ps::openDatasetWithStore(spec, store, options);
  return o;
}

std::string wnid(int c) { return "n0" + std::to_string(1440764 + c); }

// train/<wnid>/<wnid>_<k>.JPEG for `classes` classes of `perClass` images each.
void writeImagenetTrain(const std::string& root, int classes, int perClass) {
  const auto s = colourSamples(static_cast<size_t>(classes * perClass));
  for (int c = 0; c < classes; ++c) {
    fs::create_directories(root + "/train/" + wnid(c));
    for (int k = 0; k < perClass; ++k)
      cv::imwrite(root + "/train/" + wnid(c) + "/" + wnid(c) + "_" + std::to_string(k) + ".JPEG",
                  s[static_cast<size_t>(c * perClass + k)].image);
  }
}

void setMtime(const std::string& path, int64_t seconds) {
  const timespec times[2] = {{seconds, 0}, {seconds, 0}};
  QVERIFY(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

class TestFileTable : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir tmp_;
  std::string path(const std::string& rel) const { return str(tmp_.path()) + "/" + rel; }
  template <typename F>
  void expectError(const std::string& spec, F&& prepare, const std::string& a, const std::string& b);

 private slots:
  void secondOpenReadsNoFile();
  void changedFileIsReadAgain();
  void manifestUsesTheTableToo();
  void imagenetClassFoldersAndSynsetNames();
  void imagenetKaggleValidation();
  void montageOfAClassByItsFolderId();
  void imagenetBadInputs();
  void infoTakesTheStore();
};

void TestFileTable::secondOpenReadsNoFile() {
  const auto s = colourSamples(60), t = colourSamples(20, true);
  const std::vector<std::string> names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  const std::string dir = path("folder");
  writeImageFolder(dir, "train", s, names);
  writeImageFolder(dir, "test", t, names);
  const std::string plain = ps::openDataset(dir)->fingerprint();  // every file read, no table
  ps::Store store(path("store.sqlite"));
  {  // a first open cancelled while it reads the files
    ps::CancelToken token;
    ps::JobContext ctx(
        &token,
        [&](const ps::Progress& p) {
          if (p.message.find("reading") != std::string::npos && p.fraction > 0.3) token.cancel();
        },
        nullptr, std::chrono::milliseconds(0));
    ps::OpenOptions options;
    options.job = &ctx;
    QVERIFY_THROWS_EXCEPTION(ps::Cancelled, ps::openDatasetWithStore(dir, store, options));
  }
  const Opened first = openWith(store, dir);
  QVERIFY(first.read("reading 80 image files") && !first.read("checking"));  // the checks were kept
  QCOMPARE(first.ds->fingerprint(), plain);                                  // the fingerprint it always had
  const Opened second = openWith(store, dir);
  QVERIFY2(second.messages.empty(), second.messages.empty() ? "" : second.messages.front().c_str());
  QCOMPARE(second.ds->fingerprint(), plain);
  QCOMPARE(second.ds->size(ps::Split::Train), size_t(60));
  QCOMPARE(second.ds->source(ps::Split::Train, 7), first.ds->source(ps::Split::Train, 7));
  // Other options (a resized shape): the fingerprint a table-less open gives them, read once.
  ps::OpenOptions resized;
  resized.resizeHeight = resized.resizeWidth = 16;
  const std::string plainResized = ps::openDataset(dir, resized)->fingerprint();
  QCOMPARE(openWith(store, dir, resized).ds->fingerprint(), plainResized);
  const Opened resizedAgain = openWith(store, dir, resized);
  QVERIFY(resizedAgain.messages.empty());
  QCOMPARE(resizedAgain.ds->fingerprint(), plainResized);
  // The same folder by another spelling is the same table.
  const Opened third = openWith(store, dir + "/./");
  QVERIFY(third.messages.empty());
  QCOMPARE(third.ds->fingerprint(), plain);
}

void TestFileTable::changedFileIsReadAgain() {
  const auto s = colourSamples(30);
  const std::vector<std::string> names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  const std::string dir = path("changing");
  writeImageFolder(dir, "", s, names, ".bmp");  // a changed pixel keeps the size
  ps::Store store(path("changing.sqlite"));
  const Opened first = openWith(store, dir);
  const std::string before = first.ds->fingerprint();
  const int64_t cached = store.registerDataset(*first.ds);
  const std::string victim = first.ds->source(ps::Split::Train, 3);
  struct stat st {};
  QVERIFY(::stat(victim.c_str(), &st) == 0);
  const cv::Mat original = cv::imread(victim, cv::IMREAD_UNCHANGED);

  setMtime(victim, st.st_mtim.tv_sec + 10);  // touched, contents the same
  const Opened touched = openWith(store, dir);
  QVERIFY(touched.read("reading 1 image files"));
  QCOMPARE(touched.ds->fingerprint(), before);

  cv::Mat changed = original.clone();
  changed.at<cv::Vec3b>(2, 2)[0] ^= 0x55;
  QVERIFY(cv::imwrite(victim, changed));
  const Opened edited = openWith(store, dir);
  QVERIFY(edited.read("checking 1 image files") && edited.read("reading 1 image files"));
  QVERIFY(edited.ds->fingerprint() != before);
  QVERIFY(!store.findDataset(edited.ds->fingerprint()));  // results cached for the old contents do not apply

  QVERIFY(cv::imwrite(victim, original));  // back as it was: the fingerprint it had
  const Opened restored = openWith(store, dir);
  QCOMPARE(restored.ds->fingerprint(), before);
  QCOMPARE(store.findDataset(restored.ds->fingerprint())->id, cached);

  fs::remove(victim);  // a file gone: the dataset is another one, the table forgets the file
  const Opened fewer = openWith(store, dir);
  QCOMPARE(fewer.ds->size(ps::Split::Train) + fewer.ds->size(ps::Split::Test), size_t(29));
  QVERIFY(fewer.ds->fingerprint() != before);
  QVERIFY(!fewer.read("reading"));
}

void TestFileTable::manifestUsesTheTableToo() {
  const auto s = colourSamples(20);
  const std::string dir = path("manifest");
  fs::create_directories(dir + "/img");
  std::string csv = "path,label\n";
  for (size_t i = 0; i < s.size(); ++i) {
    cv::imwrite(dir + "/img/" + std::to_string(i) + ".png", s[i].image);
    csv += "img/" + std::to_string(i) + ".png," + std::to_string(s[i].label % 2) + "\n";
  }
  writeText(dir + "/m.csv", csv);
  const std::string plain = ps::openDataset(dir + "/m.csv")->fingerprint();
  ps::Store store(path("manifest.sqlite"));
  QCOMPARE(openWith(store, dir + "/m.csv").ds->fingerprint(), plain);
  const Opened again = openWith(store, dir + "/m.csv");
  QVERIFY(again.messages.empty());
  QCOMPARE(again.ds->fingerprint(), plain);
}

void TestFileTable::imagenetClassFoldersAndSynsetNames() {
  const std::string root = path("inet_folders");
  writeImagenetTrain(root, 3, 4);
  const auto v = colourSamples(6, true);
  for (int c = 0; c < 3; ++c) {
    fs::create_directories(root + "/val/" + wnid(c));
    cv::imwrite(root + "/val/" + wnid(c) + "/ILSVRC2012_val_0000000" + std::to_string(c) + ".JPEG", v[c].image);
  }
  writeText(root + "/LOC_synset_mapping.txt", wnid(0) + " tench, Tinca tinca\n" + wnid(1) +
                                                  " goldfish, Carassius auratus\n" + wnid(2) + " great white shark\n" +
                                                  wnid(7) + " a class with no folder (a subset of ImageNet)\n");
  auto ds = ps::openDataset(root);
  QCOMPARE(ds->size(ps::Split::Train), size_t(12));
  QCOMPARE(ds->size(ps::Split::Test), size_t(3));
  QCOMPARE(ds->classNames(),
           (std::vector<std::string>{wnid(0) + " tench", wnid(1) + " goldfish", wnid(2) + " great white shark"}));
  // Names do not change the fingerprint: it covers the class folders.
  const std::string named = ds->fingerprint();
  fs::remove(root + "/LOC_synset_mapping.txt");
  QCOMPARE(ps::openDataset(root)->classNames()[0], wnid(0));
  QCOMPARE(ps::openDataset(root)->fingerprint(), named);
  writeText(root + "/classes.txt", wnid(0) + " tench\n" + wnid(1) + " goldfish\n" + wnid(2) + " shark\n");
  QCOMPARE(ps::openDataset(root)->classNames()[2], wnid(2) + " shark");
}

// ImageNet's classes are named "<folder id> <name>" (from the synset file): montage --class
// takes the folder id as well as the whole name or the label, and only that class's
// examples are drawn.
void TestFileTable::montageOfAClassByItsFolderId() {
  const std::string root = path("inet_montage");
  writeImagenetTrain(root, 3, 4);
  writeText(root + "/LOC_synset_mapping.txt", wnid(0) + " tench\n" + wnid(1) + " goldfish\n" + wnid(2) + " shark\n");
  std::string values;
  for (int i = 0; i < 12; ++i) values += std::to_string(i) + "\n";
  writeText(path("inet_montage.csv"), values);
  const std::string db = path("inet_montage.sqlite");
  QCOMPARE(
      cli({"import-scores", root, path("inet_montage.csv"), "--name", "ext", "--direction", "harder", "--db", db}).code,
      0);
  for (const std::string& cls : {wnid(1), wnid(1) + " goldfish", std::string("1")}) {
    const CliResult r = cli({"montage", root, "--score", "ext", "--class", cls, "--count", "10", "--db", db, "--out",
                             path("inet_montage.png")});
    QVERIFY2(r.code == 0, (cls + ": " + r.err).c_str());
    QVERIFY2(r.out.find("the 4 hardest examples") != std::string::npos, (cls + ": " + r.out).c_str());
  }
  const CliResult unknown =
      cli({"montage", root, "--score", "ext", "--class", "n09999999", "--db", db, "--out", path("inet_montage.png")});
  QCOMPARE(unknown.code, 1);
  QVERIFY2(unknown.err.find("'n09999999' is not a class name, folder id or label") != std::string::npos,
           unknown.err.c_str());
}

void TestFileTable::imagenetKaggleValidation() {
  const std::string root = path("inet_kaggle");
  writeImagenetTrain(root, 3, 3);
  fs::create_directories(root + "/val");
  const auto v = colourSamples(6, true);
  std::string solution = "ImageId,PredictionString\n";
  for (int i = 1; i <= 6; ++i) {
    const std::string id = "ILSVRC2012_val_0000000" + std::to_string(i);
    cv::imwrite(root + "/val/" + id + ".JPEG", v[static_cast<size_t>(i - 1)].image);
    solution += id + "," + wnid((i * 2) % 3) + " 10 20 30 40 " + wnid((i * 2) % 3) + " 1 2 3 4\n";
  }
  cv::imwrite(root + "/val/unlisted.JPEG", v[0].image);
  writeText(root + "/LOC_val_solution.csv", solution);
  writeText(root + "/LOC_synset_mapping.txt", wnid(0) + " tench\n" + wnid(1) + " goldfish\n" + wnid(2) + " shark\n");
  ps::Store store(path("kaggle.sqlite"));
  const Opened o = openWith(store, root);
  const ps::Dataset& ds = *o.ds;
  QCOMPARE(ds.size(ps::Split::Test), size_t(6));
  for (size_t i = 0; i < 6; ++i) {
    const std::string src = fs::path(ds.source(ps::Split::Test, i)).stem().string();
    const int n = std::stoi(src.substr(src.size() - 1));
    QCOMPARE(ds.label(ps::Split::Test, i), (n * 2) % 3);
  }
  QCOMPARE(ds.skipped().size(), size_t(1));
  QVERIFY(ds.skipped()[0].reason.find("not listed in") != std::string::npos);
  QVERIFY(openWith(store, root).messages.empty());  // the second open reads nothing here too
}

template <typename F>
void TestFileTable::expectError(const std::string& spec, F&& prepare, const std::string& a, const std::string& b) {
  prepare();
  try {
    auto ds = ps::openDataset(spec);
    QFAIL(("opening " + spec + " should have failed").c_str());
  } catch (const ps::DatasetError& e) {
    const std::string msg = e.what();
    QVERIFY2(msg.find(a) != std::string::npos && msg.find(b) != std::string::npos, msg.c_str());
  }
}

void TestFileTable::imagenetBadInputs() {
  const std::string root = path("inet_bad");
  writeImagenetTrain(root, 2, 2);
  fs::create_directories(root + "/val");
  const auto v = colourSamples(2, true);
  cv::imwrite(root + "/val/ILSVRC2012_val_00000001.JPEG", v[0].image);
  const std::string synsets = root + "/LOC_synset_mapping.txt", solution = root + "/LOC_val_solution.csv";
  // A synset file that does not name a class folder.
  expectError(
      root, [&] { writeText(synsets, wnid(0) + " tench\n" + wnid(5) + " other\n"); }, "LOC_synset_mapping.txt",
      "names no class '" + wnid(1) + "'");
  expectError(
      root, [&] { writeText(synsets, wnid(0) + " tench\n" + wnid(1) + " a\n" + wnid(0) + " again\n"); },
      "LOC_synset_mapping.txt:3", "listed again (line 1)");
  writeText(synsets, wnid(0) + " tench\n" + wnid(1) + " goldfish\n");
  // A solution CSV naming a file that is not there, or a class that is not.
  expectError(
      root,
      [&] {
        writeText(solution, "ImageId,PredictionString\nILSVRC2012_val_00000001," + wnid(0) +
                                " 1 2 3 4\nILSVRC2012_val_00000002," + wnid(1) + " 1 2 3 4\n");
      },
      "LOC_val_solution.csv:3", "ImageId 'ILSVRC2012_val_00000002' names no image file in");
  expectError(
      root, [&] { writeText(solution, "ImageId,PredictionString\nILSVRC2012_val_00000001,n99999999 1 2 3 4\n"); },
      "LOC_val_solution.csv:2", "class 'n99999999'");
  expectError(
      root, [&] { writeText(solution, "ImageId,PredictionString\nILSVRC2012_val_00000001\n"); },
      "LOC_val_solution.csv:2", "expected 'ImageId,<class id> ...'");
}

void TestFileTable::infoTakesTheStore() {
  const auto s = colourSamples(20);
  const std::vector<std::string> names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  const std::string dir = path("info_folder"), db = path("info.sqlite");
  writeImageFolder(dir, "", s, names);
  const CliResult first = cli({"info", dir, "--db", db});
  QVERIFY2(first.code == 0, first.err.c_str());
  const CliResult second = cli({"info", dir, "--db", db, "--json"});
  QVERIFY2(second.code == 0, second.err.c_str());
  QVERIFY(second.out.find(ps::openDataset(dir)->fingerprint()) != std::string::npos);
  ps::Store store(db);
  bool any = false;
  ps::StoreFileTable(store).forEachFile(
      ps::fileTableRoot(dir), [&](std::string_view, const ps::FileFacts& f) { any = any || f.hash.has_value(); });
  QVERIFY(any);  // info recorded the files in the store it was given
}

QTEST_GUILESS_MAIN(TestFileTable)
#include "test_file_table.moc"
