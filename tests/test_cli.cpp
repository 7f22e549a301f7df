// prunescope-cli, run in-process and as the built executable.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "cli/cli_app.h"
#include "cli/cli_command.h"
#include "data/dataset_opener.h"
#include "prune/policy_registry.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "study/scaling_study.h"
#include "study/study_config.h"
#include "study/study_settings.h"
#include "support/cli_run.h"
#include "support/test_data.h"
#include "util/text_list.h"

namespace {
using pstest::cli;
using pstest::CliResult;

// The option a declared setting gives a command: --name, or --no-name for a switch that
// is on by default; null when the command has none.
const CLI::Option* optionOf(const CLI::App* cmd, const ps::SettingSpec& s, const std::string& prefix = "") {
  const bool negated = s.kind == ps::SettingKind::Switch && s.on();
  return cmd->get_option_no_throw("--" + prefix + (negated ? "no-" : "") + s.name);
}

// A setting's value in a default configuration, as the declaration writes its default.
std::string text(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
std::string joined(const std::vector<double>& v) {
  std::string out;
  for (double x : v) out += (out.empty() ? "" : ",") + text(x);
  return out;
}
std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
  return out;
}
}  // namespace

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir tmp_;

 private slots:
  void duplicatesWritesEveryPairWithItsSources();
  void duplicatesComputesAnEmbeddingAndFindsPlantedNearCopiesAndLeaks();
  void duplicatesRefusesBadInputWithWhatToDoInstead();
  void infoFashionMnist();
  void infoJsonWithStats();
  void infoListsSkippedFiles();
  void errorsAreOneLineAndNonZero();
  void helpOnEveryCommand();
  void builtExecutable();
  void theoryCommandWritesTheDocumentedColumns();
  void importThenPruneExportsASubset();
  void importByFileNameReportsMatches();
  void studyCommandsRejectBadGrids();
  void trainingHealthInTheCli();
  void outputsAreReplacedWholeOrNotAtAll();
  void processesSharingAStoreNeverFailEachOther();
  void tagsFromTheCommandLineAndExcludedFromSubsets();
  void pruneSaysWhichScoresItUsesOrTrains();
  void optionsAndDefaultsComeFromTheDeclarations();
  void badDeviceIsRefusedWithTheOptions();
};

void TestCli::infoFashionMnist() {
  const CliResult r = cli({"info", "fashion-mnist"});
  QCOMPARE(r.code, 0);
  QVERIFY(r.out.find("train:       60000 examples") != std::string::npos);
  QVERIFY(r.out.find("test:        10000 examples") != std::string::npos);
  QVERIFY(r.out.find("classes:     10") != std::string::npos);
  QVERIFY(r.out.find("28x28x1") != std::string::npos);
  QVERIFY(r.out.find("      9   6000   1000  Ankle boot") != std::string::npos);
  QVERIFY(r.out.find("fingerprint: ") != std::string::npos);
  QVERIFY(r.out.find("skipped:     0 files") != std::string::npos);
}

void TestCli::infoJsonWithStats() {
  const CliResult r = cli({"info", "fashion-mnist", "--json", "--stats"});
  QCOMPARE(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  QCOMPARE(j["train"].get<int>(), 60000);
  QCOMPARE(j["test"].get<int>(), 10000);
  QCOMPARE(j["classes"].size(), size_t(10));
  for (const auto& c : j["classes"]) QCOMPARE(c["train"].get<int>(), 6000);
  QCOMPARE(j["fingerprint"].get<std::string>().size(), size_t(16));
  QVERIFY(std::abs(j["pixel_mean"][0].get<double>() - 0.286) < 1e-3);
}

void TestCli::infoListsSkippedFiles() {
  const std::string dir = tmp_.path().toStdString() + "/folder";
  pstest::writeImageFolder(dir, "", pstest::fashionSamples(20), {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
  pstest::writeText(dir + "/a/broken.png", "not really a png");
  pstest::writeText(dir + "/b/readme.txt", "hello");
  const CliResult r = cli({"info", dir, "--test-fraction", "0.5", "--split-seed", "3"});
  QCOMPARE(r.code, 0);
  QVERIFY2(r.out.find("skipped:     2 files") != std::string::npos, r.out.c_str());
  QVERIFY(r.out.find("broken.png") != std::string::npos);
  QVERIFY(r.out.find("readme.txt") != std::string::npos);
  QVERIFY(r.out.find("format:      folder") != std::string::npos);
}

void TestCli::errorsAreOneLineAndNonZero() {
  const CliResult missing = cli({"info", "/no/such/place"});
  QCOMPARE(missing.code, 1);
  QVERIFY(missing.err.find("/no/such/place") != std::string::npos);
  QCOMPARE(std::count(missing.err.begin(), missing.err.end(), '\n'), 1L);
  QVERIFY(missing.out.empty());
  const CliResult noCommand = cli({});
  QCOMPARE(noCommand.code, 2);
  const CliResult badOption = cli({"info", "fashion-mnist", "--test-fraction", "2"});
  QCOMPARE(badOption.code, 2);
  QVERIFY(badOption.err.find("--test-fraction") != std::string::npos);
  const CliResult unknown = cli({"frobnicate"});
  QVERIFY(unknown.code != 0);
}

void TestCli::helpOnEveryCommand() {
  const CliResult top = cli({"--help"});
  QCOMPARE(top.code, 0);
  QVERIFY(top.out.find("info") != std::string::npos);
  const CliResult info = cli({"info", "--help"});
  QCOMPARE(info.code, 0);
  QVERIFY(info.out.find("--json") != std::string::npos);
}

void TestCli::builtExecutable() {
  QProcess p;
  p.start(QStringLiteral(PRUNESCOPE_CLI_PATH), {"info", "fashion-mnist"});
  QVERIFY(p.waitForFinished(60000));
  QCOMPARE(p.exitCode(), 0);
  QVERIFY(p.readAllStandardOutput().contains("60000 examples"));
  p.start(QStringLiteral(PRUNESCOPE_CLI_PATH), {"info", "/nope"});
  QVERIFY(p.waitForFinished(60000));
  QCOMPARE(p.exitCode(), 1);
  QVERIFY(p.readAllStandardError().contains("/nope: no such file or directory"));
}

void TestCli::theoryCommandWritesTheDocumentedColumns() {
  const std::string csv = tmp_.path().toStdString() + "/theory.csv";
  const CliResult r = cli({"theory", "--dim", "50", "--alpha-tot", "1,5", "--keep", "1,0.5", "--policy", "hard",
                           "--theta", "0", "--trials", "3", "--out", csv});
  QCOMPARE(r.code, 0);
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  QCOMPARE(header, std::string("alpha_tot,keep,policy,theta,alpha_prune,error_mean,error_sem,trials,pareto"));
  int rows = 0;
  for (std::string line; std::getline(in, line);) ++rows;
  QCOMPARE(rows, 4);
  QVERIFY(QFile::exists(QString::fromStdString(csv + ".json")));
}

void TestCli::importByFileNameReportsMatches() {
  // A released-style CSV keyed by file name, two score columns (one renamed: el2n is a
  // built-in score's name), two rows naming no file: the counts, the unmatched names and
  // the two scores are reported, and a subset is kept from the scored examples.
  const std::string dir = tmp_.path().toStdString() + "/named";
  const std::vector<std::string> classes = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  pstest::writeImageFolder(dir, "train", pstest::fashionSamples(40), classes);
  pstest::writeImageFolder(dir, "test", pstest::fashionSamples(10, true), classes);
  std::string csv = "filename,el2n,memorization\n";
  for (int i = 0; i < 38; ++i) csv += std::to_string(i) + ".png," + std::to_string(i) + ",0.5\n";
  csv += "lost_1.png,1,1\nlost_2.png,1,1\n";
  pstest::writeText(dir + "/../released.csv", csv);
  const std::string db = tmp_.path().toStdString() + "/named.sqlite";
  const CliResult r = cli({"import-scores", dir, dir + "/../released.csv", "--column", "el2n", "--name", "el2n_ext",
                           "--column", "memorization", "--name", "mem_ext", "--direction", "harder", "--db", db});
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("matched 38 of 40 rows") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("2 unmatched, for example: lost_1.png lost_2.png") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("2 of 40 training examples have no row") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("38 values each of 'el2n_ext' 'mem_ext'") != std::string::npos, r.out.c_str());
  const CliResult noKey = cli({"import-scores", dir, dir + "/../released.csv", "--key-column", "image", "--column",
                               "el2n", "--name", "e", "--direction", "harder", "--db", db});
  QCOMPARE(noKey.code, 1);
  QVERIFY2(noKey.err.find("released.csv: no key column 'image'; the file's columns are: filename, el2n, "
                          "memorization") != std::string::npos,
           noKey.err.c_str());
}

void TestCli::importThenPruneExportsASubset() {
  const std::string dir = tmp_.path().toStdString() + "/idx";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(40), pstest::fashionSamples(10, true), true);
  std::string values;
  for (int i = 0; i < 40; ++i) values += std::to_string(i) + "\n";
  pstest::writeText(dir + "/../ext.csv", values);
  const std::string db = tmp_.path().toStdString() + "/cli.sqlite";
  const CliResult imp =
      cli({"import-scores", dir, dir + "/../ext.csv", "--name", "ext", "--direction", "harder", "--db", db});
  QCOMPARE(imp.code, 0);
  const std::string out = tmp_.path().toStdString() + "/kept.npy";
  const CliResult pr = cli({"prune", dir, "--score", "ext", "--score-run", "1", "--policy", "hard", "--keep", "0.25",
                            "--db", db, "--out", out});
  QVERIFY2(pr.code == 0, pr.err.c_str());
  QVERIFY(pr.out.find("kept 10 of 40") != std::string::npos);
  QVERIFY(QFile::exists(QString::fromStdString(out + ".json")));
  // dedup reads the semdedup score's values, which an import lacks: refused with what to run.
  const CliResult dedup = cli({"prune", dir, "--score", "ext", "--score-run", "1", "--policy", "dedup", "--epsilon",
                               "0.05", "--db", db, "--out", out + ".dedup.txt"});
  QCOMPARE(dedup.code, 1);
  QVERIFY2(dedup.err.find("run 1 (import) has none: compute it with 'prunescope-cli score <dataset> --score "
                          "semdedup'") != std::string::npos,
           dedup.err.c_str());
  for (const char* eps : {"0", "1", "-0.5"}) {
    const CliResult bad =
        cli({"prune", dir, "--score-run", "1", "--policy", "dedup", "--epsilon", eps, "--db", db, "--out", out});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.find(std::string("--epsilon ") + eps + " is outside (0, 1)") != std::string::npos,
             bad.err.c_str());
  }
  const CliResult both = cli({"prune", dir, "--score-run", "1", "--policy", "dedup", "--epsilon", "0.1", "--keep",
                              "0.5", "--db", db, "--out", out});
  QVERIFY2(both.err.find("--keep and --epsilon both say how many examples to keep") != std::string::npos,
           both.err.c_str());
  const CliResult neither = cli({"prune", dir, "--score-run", "1", "--policy", "hard", "--db", db, "--out", out});
  QVERIFY2(neither.err.find("--keep f is required") != std::string::npos, neither.err.c_str());
  const CliResult scores = cli({"scores", dir, "--db", db});
  QVERIFY(scores.out.find("import") != std::string::npos);
}

void TestCli::duplicatesWritesEveryPairWithItsSources() {
  const std::string dir = tmp_.path().toStdString() + "/dups";
  std::vector<pstest::Sample> train = pstest::fashionSamples(30), test = pstest::fashionSamples(10, true);
  train[25].image = train[3].image.clone();
  test[4].image = train[7].image.clone();
  pstest::writeIdxDataset(dir, train, test, false);
  const std::string csv = tmp_.path().toStdString() + "/dups.csv";
  const CliResult r = cli(
      {"duplicates", dir, "--exact-only", "--db", tmp_.path().toStdString() + "/dups.sqlite", "--out", csv, "--quiet"});
  QVERIFY2(r.code == 0, r.err.c_str());
  QVERIFY2(r.out.find("within training: 1 ") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("leaks:           1 test example") != std::string::npos, r.out.c_str());
  std::ifstream in(csv);
  std::stringstream text;
  text << in.rdbuf();
  QCOMPARE(QString::fromStdString(text.str()).split('\n', Qt::SkipEmptyParts),
           QStringList({"kind,split_a,index_a,source_a,split_b,index_b,source_b,similarity",
                        QString::fromStdString("exact,train,3," + dir + "/train-images-idx3-ubyte#3,train,25," + dir +
                                               "/train-images-idx3-ubyte#25,1"),
                        QString::fromStdString("exact,train,7," + dir + "/train-images-idx3-ubyte#7,test,4," + dir +
                                               "/t10k-images-idx3-ubyte#4,1")}));
}

namespace {
cv::Mat withNoise(const cv::Mat& from, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g(0.0, 8.0);
  cv::Mat out = from.clone();
  for (int r = 0; r < out.rows; ++r)
    for (int c = 0; c < out.cols; ++c)
      out.at<uint8_t>(r, c) = cv::saturate_cast<uint8_t>(out.at<uint8_t>(r, c) + g(rng));
  return out;
}
}  // namespace

void TestCli::duplicatesComputesAnEmbeddingAndFindsPlantedNearCopiesAndLeaks() {
  const std::string dir = tmp_.path().toStdString() + "/near", db = tmp_.path().toStdString() + "/near.sqlite";
  std::vector<pstest::Sample> train = pstest::fashionSamples(300), test = pstest::fashionSamples(60, true);
  test[7].image = train[20].image.clone();           // exact leak
  train[250].image = withNoise(train[33].image, 1);  // near copies inside training
  train[251].image = withNoise(train[34].image, 2);
  test[40].image = withNoise(train[90].image, 3);  // a near leak
  pstest::writeIdxDataset(dir, train, test, true);
  const std::string csv = tmp_.path().toStdString() + "/near.csv";
  // Three epochs on 300 images leave a coarse embedding, in which the noisy copies score
  // between 0.95 and 0.99: the threshold is set for it.
  const CliResult r = cli({"duplicates", dir, "--db", db, "--out", csv, "--threshold", "0.95", "--quiet"});
  QVERIFY2(r.code == 0, (r.out + r.err).c_str());
  QVERIFY2(r.out.find("computing one with a scoring run (3 epochs of small_cnn") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("embedding: the classifier embedding of run 1") != std::string::npos, r.out.c_str());
  QVERIFY2(r.out.find("cosine similarity >= 0.95 in the classifier embedding") != std::string::npos, r.out.c_str());
  std::ifstream in(csv);
  std::stringstream text;
  text << in.rdbuf();
  const QStringList lines = QString::fromStdString(text.str()).split('\n', Qt::SkipEmptyParts);
  const auto has = [&](const QString& prefix, const QString& b) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const QString& l) { return l.startsWith(prefix) && l.contains(b); });
  };
  QVERIFY(has("exact,train,20,", ",test,7,"));
  QVERIFY2(has("near,train,33,", ",train,250,"), qPrintable(lines.join('\n')));
  QVERIFY(has("near,train,34,", ",train,251,"));
  QVERIFY(has("near,train,90,", ",test,40,"));
  for (const QString& l : lines.mid(1))  // exact only for the pixel-identical pair
    if (l.startsWith("exact")) QVERIFY2(l.startsWith("exact,train,20,"), qPrintable(l));
  // The embedding was kept: asked again, nothing is trained.
  const CliResult again = cli({"duplicates", dir, "--db", db, "--threshold", "0.9", "--quiet"});
  QVERIFY2(again.code == 0, again.err.c_str());
  QVERIFY2(again.out.find("computing") == std::string::npos, again.out.c_str());
  QVERIFY(again.out.find("cosine similarity >= 0.9 in") != std::string::npos);
}

void TestCli::duplicatesRefusesBadInputWithWhatToDoInstead() {
  const std::string dir = tmp_.path().toStdString() + "/dupbad", db = tmp_.path().toStdString() + "/dupbad.sqlite";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(40), pstest::fashionSamples(10, true), true);
  for (const std::string t : {"0", "1.5", "-0.2"}) {
    const CliResult bad = cli({"duplicates", dir, "--threshold", t, "--db", db});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.find("expected a cosine similarity in (0, 1]") != std::string::npos, bad.err.c_str());
  }
  std::string values;
  for (int i = 0; i < 40; ++i) values += std::to_string(i) + "\n";
  pstest::writeText(dir + "/../dupbad.csv", values);
  QCOMPARE(
      cli({"import-scores", dir, dir + "/../dupbad.csv", "--name", "ext", "--direction", "harder", "--db", db}).code,
      0);
  const CliResult imported = cli({"duplicates", dir, "--run", "1", "--db", db});
  QCOMPARE(imported.code, 1);
  QVERIFY2(imported.err.find("run 1 holds no embedding (it imports scores from a file)") != std::string::npos &&
               imported.err.find("prunescope-cli score " + dir + " --scores prototype") != std::string::npos,
           imported.err.c_str());
  // One class: no classifier learns an embedding from it.
  std::vector<pstest::Sample> one = pstest::fashionSamples(40), oneTest = pstest::fashionSamples(5, true);
  for (auto* split : {&one, &oneTest})
    for (auto& s : *split) s.label = 0;
  const std::string oneDir = tmp_.path().toStdString() + "/oneclass";
  pstest::writeIdxDataset(oneDir, one, oneTest, true);
  const CliResult single = cli({"duplicates", oneDir, "--db", db});
  QCOMPARE(single.code, 1);
  QVERIFY2(single.err.find("has one class in its training split") != std::string::npos &&
               single.err.find("--embedding ssl") != std::string::npos,
           single.err.c_str());
}

void TestCli::studyCommandsRejectBadGrids() {
  const CliResult unsorted = cli({"frontier", "fashion-mnist", "--keeps", "0.5,0.2", "--out", "/tmp/x.csv"});
  QCOMPARE(unsorted.code, 1);
  QVERIFY(unsorted.err.find("not strictly ascending") != std::string::npos);
  const CliResult badKeep =
      cli({"prune", "fashion-mnist", "--keep", "0", "--out", "/tmp/x.txt", "--db", "/nonexistent/dir/x.sqlite"});
  QVERIFY(badKeep.code != 0);
  const CliResult badTheta = cli({"theory", "--theta", "120", "--out", "/tmp/t.csv"});
  QCOMPARE(badTheta.code, 1);
  QVERIFY(badTheta.err.find("theta") != std::string::npos);
}

void TestCli::trainingHealthInTheCli() {
  const std::string dir = tmp_.path().toStdString() + "/health";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(1500), pstest::fashionSamples(100, true), false);
  const std::string db = tmp_.path().toStdString() + "/health.sqlite";
  // A line per epoch with loss and accuracy, on the error stream with the progress (a
  // score of the whole training: EL2N alone would stop after its epoch).
  const CliResult ok = cli({"score", dir, "--score", "el2n,forgetting", "--epochs", "2", "--threads", "2", "--device",
                            "cpu", "--db", db, "--quiet"});
  QVERIFY2(ok.code == 0, ok.err.c_str());
  QVERIFY2(ok.err.find("epoch 1/2: loss ") != std::string::npos, ok.err.c_str());
  QVERIFY(ok.err.find("epoch 2/2: loss ") != std::string::npos);
  QVERIFY(ok.err.find(", train accuracy 0.") != std::string::npos);
  // A diverging learning rate: a clear error and a non-zero exit.
  const CliResult bad = cli({"score", dir, "--score", "el2n", "--epochs", "2", "--lr", "10000", "--threads", "2",
                             "--device", "cpu", "--db", db, "--quiet"});
  QCOMPARE(bad.code, 1);
  QVERIFY2(bad.err.find("error: training diverged at epoch 1, step ") != std::string::npos, bad.err.c_str());
  // The range test prints a suggestion and writes its curve.
  const std::string csv = tmp_.path().toStdString() + "/lr.csv";
  const CliResult lr =
      cli({"lr-range", dir, "--steps", "40", "--threads", "2", "--device", "cpu", "--quiet", "--out", csv});
  QVERIFY2(lr.code == 0, lr.err.c_str());
  const auto at = lr.out.find("suggested learning rate: ");
  QVERIFY2(at != std::string::npos, lr.out.c_str());
  const double suggested = std::stod(lr.out.substr(at + 25));
  QVERIFY(suggested > 1e-5 && suggested < 10);
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  QCOMPARE(line, std::string("step,lr,loss,smoothed_loss"));
  int rows = 0;
  while (std::getline(in, line)) ++rows;
  QVERIFY(rows >= 20 && rows <= 40);
  // Devices and enum settings are checked at the edge, before any run is recorded.
  const std::string db2 = tmp_.path().toStdString() + "/devices.sqlite";
  const CliResult noGpu = cli({"score", dir, "--device", "cuda:7", "--db", db2, "--quiet"});
  QCOMPARE(noGpu.code, 1);
  QVERIFY2(noGpu.err.find("device 'cuda:7' requested but LibTorch sees") != std::string::npos, noGpu.err.c_str());
  const CliResult packNone = cli({"score", dir, "--pack-seeds", "0", "--db", db2, "--quiet"});
  QCOMPARE(packNone.code, 2);
  QVERIFY2(packNone.err.find("--pack-seeds: must be at least 1 (seeds trained together), not 0") != std::string::npos,
           packNone.err.c_str());
  const CliResult packNegative = cli({"score", dir, "--pack-seeds", "-2", "--db", db2, "--quiet"});
  QCOMPARE(packNegative.code, 2);
  QVERIFY2(
      packNegative.err.find("--pack-seeds: must be at least 1 (seeds trained together), not -2") != std::string::npos,
      packNegative.err.c_str());
  const CliResult packLarge = cli({"score", dir, "--seeds", "2", "--pack-seeds", "3", "--db", db2, "--quiet"});
  QCOMPARE(packLarge.code, 1);
  QVERIFY2(packLarge.err.find("pack-seeds 3 is larger than the request's 2 seeds") != std::string::npos,
           packLarge.err.c_str());
  QVERIFY(cli({"scores", dir, "--db", db2}).out.find("no finished scoring runs") != std::string::npos);
  const CliResult badDevice = cli({"score", dir, "--device", "gpu", "--db", db2});
  QCOMPARE(badDevice.code, 2);
  QVERIFY(badDevice.err.find("expected auto, cpu, cuda or cuda:N") != std::string::npos);
  const CliResult badSchedule = cli({"score", dir, "--schedule", "linear", "--db", db2});
  QCOMPARE(badSchedule.code, 2);
  QVERIFY(badSchedule.err.find("'linear': expected cosine, step or constant") != std::string::npos);
  const CliResult badRange = cli({"lr-range", dir, "--min-lr", "1", "--max-lr", "0.1"});
  QCOMPARE(badRange.code, 1);
  QVERIFY(badRange.err.find("expected 0 < minimum < maximum") != std::string::npos);
}

void TestCli::outputsAreReplacedWholeOrNotAtAll() {
  const std::string csv = tmp_.path().toStdString() + "/whole.csv";
  const std::vector<std::string> theory = {"theory",   "--dim",  "20",       "--alpha-tot", "2",     "--keep", "1",
                                           "--policy", "random", "--trials", "1",           "--out", csv};
  QCOMPARE(cli(theory).code, 0);
  std::ifstream first(csv);
  const std::string before((std::istreambuf_iterator<char>(first)), {});
  QVERIFY(before.size() > 50);
  // Block the temporary file the writer needs (a folder in its place): the write fails with
  // the path named and a non-zero exit, and the previous file is untouched.
  QVERIFY(QDir().mkpath(QString::fromStdString(csv + ".tmp" + std::to_string(QCoreApplication::applicationPid()))));
  auto again = theory;
  again[6] = "0.5";  // another kept fraction: other content
  const CliResult blocked = cli(again);
  QCOMPARE(blocked.code, 1);
  QVERIFY2(blocked.err.find(csv + ": cannot write here") != std::string::npos, blocked.err.c_str());
  std::ifstream second(csv);
  QCOMPARE(std::string((std::istreambuf_iterator<char>(second)), {}), before);
  // A montage into a folder that does not exist: the same clear error.
  const std::string dir = tmp_.path().toStdString() + "/montage_ds";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(40), pstest::fashionSamples(10, true), false);
  std::string values;
  for (int i = 0; i < 40; ++i) values += std::to_string(i) + "\n";
  pstest::writeText(dir + "/../montage_scores.csv", values);
  const std::string db = tmp_.path().toStdString() + "/montage.sqlite";
  QCOMPARE(
      cli({"import-scores", dir, dir + "/../montage_scores.csv", "--name", "ext", "--direction", "harder", "--db", db})
          .code,
      0);
  const CliResult ok = cli({"montage", dir, "--score", "ext", "--db", db, "--out", dir + "/hardest.png"});
  QVERIFY2(ok.code == 0, ok.err.c_str());
  QVERIFY(QFile::exists(QString::fromStdString(dir + "/hardest.png")));
  const CliResult nowhere = cli({"montage", dir, "--score", "ext", "--db", db, "--out", dir + "/no/such/dir/m.png"});
  QCOMPARE(nowhere.code, 1);
  QVERIFY2(nowhere.err.find("/no/such/dir/m.png: cannot write here") != std::string::npos, nowhere.err.c_str());
}

void TestCli::tagsFromTheCommandLineAndExcludedFromSubsets() {
  const std::string dir = tmp_.path().toStdString() + "/tagged";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(40), pstest::fashionSamples(10, true), false);
  std::string values;
  for (int i = 0; i < 40; ++i) values += std::to_string(i) + "\n";  // example 39 is the hardest
  pstest::writeText(dir + "/../tagged.csv", values);
  const std::string db = tmp_.path().toStdString() + "/tagged.sqlite";
  QCOMPARE(
      cli({"import-scores", dir, dir + "/../tagged.csv", "--name", "ext", "--direction", "harder", "--db", db}).code,
      0);
  const CliResult tag = cli({"tag", dir, "exclude", "--examples", "39,38", "--db", db});
  QVERIFY2(tag.code == 0, tag.err.c_str());
  QCOMPARE(cli({"tag", dir, "ambiguous", "--examples", "5", "--db", db}).code, 0);
  const CliResult bad = cli({"tag", dir, "no good", "--examples", "1", "--db", db});
  QCOMPARE(bad.code, 1);
  QVERIFY(bad.err.find("tag 'no good': expected") != std::string::npos);
  QCOMPARE(cli({"tag", dir, "keep", "--examples", "40", "--db", db}).code, 1);  // outside the split
  const CliResult list = cli({"tags", dir, "--db", db});
  QCOMPARE(list.out.substr(0, list.out.find('\n')), std::string("index,class_name,tag,source"));
  QVERIFY(list.out.find("\n5,") != std::string::npos && list.out.find(",ambiguous,") != std::string::npos);
  QVERIFY(list.out.find("\n38,") != std::string::npos && list.out.find("\n39,") != std::string::npos);
  // A pruned subset never holds an excluded example, and says how many were left out.
  const std::string out = tmp_.path().toStdString() + "/tagged_kept.txt";
  const CliResult pr = cli({"prune", dir, "--score", "ext", "--score-run", "1", "--policy", "hard", "--keep", "0.25",
                            "--db", db, "--out", out});
  QVERIFY2(pr.code == 0, pr.err.c_str());
  QVERIFY(pr.out.find("left out 2 examples tagged 'exclude'") != std::string::npos);
  QVERIFY(pr.out.find("kept 10 of 38") != std::string::npos);
  std::ifstream in(out);
  std::string header, line;
  std::getline(in, header);
  QVERIFY(header.find("\"excluded_tagged\":2") != std::string::npos);
  std::vector<std::string> kept;
  while (std::getline(in, line)) kept.push_back(line);
  QCOMPARE(kept.front(), std::string("28"));  // 37 .. 28: the hardest that are not excluded
  QVERIFY(std::find(kept.begin(), kept.end(), "39") == kept.end());
  // keep replaces exclude (and the other way round), and says so.
  const CliResult keep = cli({"tag", dir, "keep", "--examples", "39", "--db", db});
  QVERIFY2(keep.code == 0 && keep.out.find("any 'exclude' tag on them was removed") != std::string::npos,
           keep.out.c_str());
  const std::string excludedNow = cli({"tags", dir, "--tag", "exclude", "--db", db}).out;
  QVERIFY2(excludedNow.find("\n38,") != std::string::npos && excludedNow.find("\n39,") == std::string::npos,
           excludedNow.c_str());
  QVERIFY(cli({"tags", dir, "--tag", "keep", "--db", db}).out.find("\n39,") != std::string::npos);
  // Removing the tag brings the example back.
  QCOMPARE(cli({"tag", dir, "exclude", "--examples", "39,38", "--remove", "--db", db}).code, 0);
  QCOMPARE(cli({"tags", dir, "--tag", "exclude", "--db", db}).out, std::string("index,class_name,tag,source\n"));
  // A study with exclusions records them in its settings (and so has another cache key).
  ps::FrontierConfig with;
  with.score.excludeTagged = true;
  QVERIFY(with.toJson().find("\"exclude_tagged\":true") != std::string::npos);
  QVERIFY(ps::parseFrontierConfig(with.toJson()).score.excludeTagged);
  QVERIFY(ps::FrontierConfig().toJson().find("exclude_tagged") == std::string::npos);
}

namespace {
struct Proc {
  std::unique_ptr<QProcess> p = std::make_unique<QProcess>();
  QStringList args;
};
}  // namespace

void TestCli::processesSharingAStoreNeverFailEachOther() {
  const std::string dir = tmp_.path().toStdString() + "/shared";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(600), pstest::fashionSamples(100, true), false);
  const QString ds = QString::fromStdString(dir);
  const QString db = QString::fromStdString(tmp_.path().toStdString() + "/shared.sqlite");
  std::string csv = "score\n";
  for (int i = 0; i < 600; ++i) csv += std::to_string((i * 7) % 600) + "\n";
  pstest::writeText(dir + "/imported.csv", csv);
  const QStringList fast = {"--epochs", "2", "--threads", "1", "--device", "cpu", "--db", db, "--quiet"};
  // Mixed work on one store at once: the same scoring twice (one must be told it is in
  // use, or find it done), another scoring, an import, a frontier that scores first,
  // and readers.
  std::vector<Proc> procs(7);
  procs[0].args = QStringList{"score", ds, "--score", "el2n,forgetting"} + fast;
  procs[1].args = QStringList{"score", ds, "--score", "el2n,forgetting"} + fast;
  procs[2].args = QStringList{"score", ds, "--score", "margin", "--seeds", "2"} + fast;
  procs[3].args =
      QStringList{"import-scores", ds, ds + "/imported.csv", "--name", "ext", "--direction", "harder", "--db", db};
  // (class-balanced: a keep-hard half of 600 examples may otherwise hold no example of a
  // class the test split has, which the study refuses whatever the store does)
  procs[4].args =
      QStringList{"frontier",   ds,     "--score",          "el2n",  "--score-epochs",    "2", "--keeps", "0.5,1",
                  "--policies", "hard", "--class-balanced", "--out", ds + "/frontier.csv"} +
      fast;
  procs[5].args = QStringList{"scores", ds, "--db", db};
  procs[6].args = QStringList{"scores", ds, "--db", db};
  for (auto& pr : procs) pr.p->start(QStringLiteral(PRUNESCOPE_CLI_PATH), pr.args);
  int inUse = 0;
  for (auto& pr : procs) {
    QVERIFY(pr.p->waitForFinished(300000));
    QCOMPARE(pr.p->exitStatus(), QProcess::NormalExit);  // never a signal
    const QString err = QString::fromUtf8(pr.p->readAllStandardError());
    if (pr.p->exitCode() != 0) {
      // The only acceptable failure: a clear "in use" naming the store.
      QVERIFY2(err.contains("is in use") && err.contains(db), qPrintable(pr.args.join(' ') + ": " + err));
      QVERIFY2(err.count('\n') == 1, qPrintable(err));  // one line, no library text
      ++inUse;
    }
  }
  qInfo() << "processes told the run is in use:" << inUse;
  QVERIFY(inUse <= 2);  // the duplicate scoring, and the frontier if it met that scoring live
  ps::Store store(db.toStdString());
  QCOMPARE(store.integrityCheck(), std::string("ok"));
  // Every finished run is whole: its vectors read back, one value per example.
  auto data = ps::openDataset(dir);
  const auto rec = store.findDataset(data->fingerprint());
  QVERIFY(rec);
  int done = 0;
  for (const auto& r : store.runs(rec->id)) {
    QVERIFY2(r.status != ps::RunStatus::Running, qPrintable(QString::number(r.id)));
    if (r.status != ps::RunStatus::Done || (r.kind != "score" && r.kind != "import")) continue;
    const ps::ScoreRun run = ps::loadScoreRun(store, r.id);
    for (const auto& kv : run.difficulty) QCOMPARE(kv.second.size(), run.indices.size());
    ++done;
  }
  QVERIFY(done >= 3);  // el2n+forgetting, margin, the import (and the frontier's own scoring)
  // Asked again, the duplicate is answered from the store.
  QProcess again;
  again.start(QStringLiteral(PRUNESCOPE_CLI_PATH), procs[1].args);
  QVERIFY(again.waitForFinished(300000));
  QVERIFY2(again.exitCode() == 0, again.readAllStandardError().constData());
}

void TestCli::pruneSaysWhichScoresItUsesOrTrains() {
  const std::string dir = tmp_.path().toStdString() + "/which";
  pstest::writeIdxDataset(dir, pstest::fashionSamples(600), pstest::fashionSamples(100, true), false);
  const std::string db = tmp_.path().toStdString() + "/which.sqlite";
  auto out = [&](const std::string& name) { return tmp_.path().toStdString() + "/" + name; };
  auto runs = [&] {
    ps::Store store(db);
    return store.runs(store.findDataset(ps::openDataset(dir)->fingerprint())->id);
  };
  auto with = [&](std::vector<std::string> args) {
    const std::vector<std::string> common = {"--quiet", "--db", db};
    if (args.front() == "score") args.insert(args.end(), {"--threads", "2", "--device", "cpu"});
    args.insert(args.end(), common.begin(), common.end());
    return cli(args);
  };
  // No score in the store: what it will train is said before the training.
  const CliResult first =
      with({"prune", dir, "--score", "el2n", "--score-epochs", "2", "--keep", "0.5", "--out", out("first.txt")});
  QVERIFY2(first.code == 0, first.err.c_str());
  const auto plan = first.out.find("no finished run holds el2n for " + dir +
                                   ": scoring first, 600 examples x 2 "
                                   "epochs x 1 seed (small_cnn, batch 30");
  QVERIFY2(plan != std::string::npos, first.out.c_str());
  QVERIFY2(first.out.find("about ") != std::string::npos, first.out.c_str());  // the estimated time
  QVERIFY(plan < first.out.find("kept 300 of 600"));
  QCOMPARE(runs().size(), size_t(1));
  const int64_t scored = runs().front().id;
  // Without training settings: the newest finished run holding the score, named, and no
  // new scoring (the default recipe's 10 epochs would have made one).
  const CliResult cached = with({"prune", dir, "--score", "el2n", "--keep", "0.5", "--out", out("cached.txt")});
  QVERIFY2(cached.code == 0, cached.err.c_str());
  const std::string using1 = "using run " + std::to_string(scored) + " (score: ";
  QVERIFY2(cached.out.find(using1) != std::string::npos, cached.out.c_str());
  QVERIFY(cached.out.find("the newest finished run holding el2n") != std::string::npos);
  QVERIFY(cached.out.find("2 epochs") != std::string::npos);
  QCOMPARE(runs().size(), size_t(1));
  // --limit: a cached run of the same examples is used (not the run of all 600).
  const CliResult limited =
      with({"score", dir, "--score", "el2n", "--epochs", "2", "--limit", "200", "--out", out("limited.csv")});
  QVERIFY2(limited.code == 0, limited.err.c_str());
  QVERIFY2(limited.out.find("scoring el2n first: 200 examples x 1 of 2 epochs (the scores are read by then) x 1 seed "
                            "(small_cnn, batch 10") != std::string::npos,
           limited.out.c_str());
  QCOMPARE(runs().size(), size_t(2));
  const int64_t limitedRun = runs().back().id;
  const CliResult prunedLimited =
      with({"prune", dir, "--score", "el2n", "--limit", "200", "--keep", "0.5", "--out", out("limited.txt")});
  QVERIFY2(prunedLimited.code == 0, prunedLimited.err.c_str());
  QVERIFY2(prunedLimited.out.find("using run " + std::to_string(limitedRun) + " (") != std::string::npos,
           prunedLimited.out.c_str());
  QVERIFY(prunedLimited.out.find("kept 100 of 200") != std::string::npos);
  QCOMPARE(runs().size(), size_t(2));
  // The same request again is answered from the store, and says so.
  const CliResult again =
      with({"score", dir, "--score", "el2n", "--epochs", "2", "--limit", "200", "--out", out("limited.csv")});
  QVERIFY2(again.out.find("using run " + std::to_string(limitedRun) + " (") != std::string::npos, again.out.c_str());
}

// Every declared setting (the recipe's, the scoring run's, each study's) is an option of
// the commands that take it, with the declaration's default and help; and the
// configurations' defaults are the declaration's, enums and lists included.
void TestCli::optionsAndDefaultsComeFromTheDeclarations() {
  CLI::App app;
  std::ostringstream out, err;
  std::vector<ps::CliCommand> commands;
  ps::addScoreCommands(app, {out, err}, commands);
  ps::addStudyCommands(app, {out, err}, commands);
  auto withTraining = [](std::vector<const ps::SettingSpec*> v) {
    v.insert(v.end(), ps::setting::trainSettings().begin(), ps::setting::trainSettings().end());
    return v;
  };
  const std::vector<std::pair<std::string, std::vector<const ps::SettingSpec*>>> takes = {
      {"score", withTraining(ps::setting::scoreSettings())},
      {"frontier", withTraining(ps::setting::frontierSettings())},
      {"scaling", withTraining(ps::setting::scalingSettings())},
      {"audit", withTraining({&ps::setting::keep, &ps::setting::beta, &ps::setting::strata, &ps::setting::pruneSeed,
                              &ps::setting::testLimit})},
      {"prune", {&ps::setting::keep, &ps::setting::beta, &ps::setting::strata, &ps::setting::pruneSeed}}};
  int checked = 0;
  for (const auto& [command, settings] : takes) {
    const CLI::App* cmd = app.get_subcommand(command);
    for (const ps::SettingSpec* s : settings) {
      const CLI::Option* o = optionOf(cmd, *s);
      QVERIFY2(o, qPrintable(QString::fromStdString(command + " has no option for " + s->name)));
      if (s->kind != ps::SettingKind::Switch) {
        QCOMPARE(o->get_default_str(), s->defaultText());
        QVERIFY2(o->get_description().rfind(s->help, 0) == 0, qPrintable(QString::fromStdString(o->get_description())));
      }
      ++checked;
    }
  }
  QVERIFY(checked > 60);
  // The studies' default policies are the policy registry's study defaults.
  QVERIFY(ps::splitList(ps::setting::policies.text) == ps::defaultStudyPolicyNames());
  // The scoring run a study trains when its score is missing (--score-epochs, ...).
  for (const ps::SettingSpec* s : {&ps::setting::epochs, &ps::setting::scoreSeeds, &ps::setting::model})
    QCOMPARE(optionOf(app.get_subcommand("frontier"), *s, "score-")->get_default_str(), s->defaultText());

  const ps::TrainConfig t;
  const std::vector<std::pair<const ps::SettingSpec*, std::string>> train = {
      {&ps::setting::model, t.model},
      {&ps::setting::epochs, text(t.epochs)},
      {&ps::setting::batchSize, text(t.batchSize)},
      {&ps::setting::lr, text(t.lr)},
      {&ps::setting::momentum, text(t.momentum)},
      {&ps::setting::weightDecay, text(t.weightDecay)},
      {&ps::setting::schedule, ps::enumName(ps::scheduleNames(), t.schedule)},
      {&ps::setting::warmup, text(t.warmup)},
      {&ps::setting::gradClip, text(t.gradClip)},
      {&ps::setting::augment, t.augment ? "on" : "off"},
      {&ps::setting::flip, ps::enumName(ps::flipNames(), t.flip)},
      {&ps::setting::seed, text(static_cast<double>(t.seed))},
      {&ps::setting::healthChecks, t.healthChecks ? "on" : "off"},
      {&ps::setting::threads, text(t.threads)},
      {&ps::setting::device, t.device.str()}};
  QCOMPARE(train.size(), ps::setting::trainSettings().size());  // every one of them
  for (const auto& [s, value] : train) QCOMPARE(value, s->defaultText());
  const ps::ScoreConfig sc;
  QCOMPARE(text(sc.seeds), ps::setting::scoreSeeds.defaultText());
  QCOMPARE(text(static_cast<double>(sc.limit)), ps::setting::limit.defaultText());
  QCOMPARE(text(sc.el2nEpoch), ps::setting::el2nEpoch.defaultText());
  QCOMPARE(text(sc.grandEpoch), ps::setting::grandEpoch.defaultText());
  QCOMPARE(text(sc.prototypeK), ps::setting::prototypeK.defaultText());
  QCOMPARE(text(sc.prototypeKPerClass), ps::setting::prototypeKPerClass.defaultText());
  QCOMPARE(sc.prototypeEmbedding, ps::setting::prototypeEmbedding.defaultText());
  QCOMPARE(text(sc.sslEpochs), ps::setting::sslEpochs.defaultText());
  std::vector<std::string> scores = sc.scores;
  std::sort(scores.begin(), scores.end());  // parseScoreList sorts
  QCOMPARE(scores, ps::parseScoreList(ps::setting::scores.text));
  const ps::FrontierConfig f;
  const ps::ScalingConfig g;
  QCOMPARE(joined(f.keeps), ps::setting::frontierKeeps.defaultText());
  QCOMPARE(joined(g.keeps), ps::setting::scalingKeeps.defaultText());
  for (const ps::StudySettings* c :
       {static_cast<const ps::StudySettings*>(&f), static_cast<const ps::StudySettings*>(&g)}) {
    QCOMPARE(joined(c->policies), ps::setting::policies.defaultText());
    QCOMPARE(c->classBalanced, ps::setting::classBalanced.on());
    QCOMPARE(text(c->beta), ps::setting::beta.defaultText());
    QCOMPARE(text(c->strata), ps::setting::strata.defaultText());
    QCOMPARE(std::string(ps::enumName(ps::budgetNames(), c->budget)), ps::setting::budget.defaultText());
    QCOMPARE(text(c->seeds), ps::setting::studySeeds.defaultText());
    QCOMPARE(text(static_cast<double>(c->testLimit)), ps::setting::testLimit.defaultText());
  }
  QCOMPARE(text(static_cast<double>(g.minSize)), ps::setting::minSize.defaultText());
  QCOMPARE(text(g.steps), ps::setting::steps.defaultText());
  QCOMPARE(ps::PruneSpec{}.strata, ps::setting::strata.intValue());
  // The checks are the declaration's too: one past an end of a range is refused.
  ps::TrainConfig bad;
  bad.epochs = static_cast<int>(ps::setting::epochs.hi) + 1;
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, bad.validate());
  bad = ps::TrainConfig{};
  bad.momentum = ps::setting::momentum.hi;  // [0, 1)
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, bad.validate());
  ps::ScalingConfig strata;
  strata.strata = 0;  // the scaling study takes CCS's strata, checked as the frontier's are
  QVERIFY_THROWS_EXCEPTION(ps::ConfigError, strata.validate());
}

// task run --device is read with the other options: a bad device is a usage error before
// the plan is opened (the plan file here does not exist).
void TestCli::badDeviceIsRefusedWithTheOptions() {
  const CliResult r = cli({"task", "run", "/nonexistent/plan.json", "--index", "0", "--device", "gpu0"});
  QCOMPARE(r.code, 2);
  QVERIFY2(r.err.find("--device") != std::string::npos && r.err.find("gpu0") != std::string::npos,
           qPrintable(QString::fromStdString(r.err)));
  QVERIFY2(r.err.find("plan.json") == std::string::npos, qPrintable(QString::fromStdString(r.err)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
