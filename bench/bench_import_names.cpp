// Benchmark: importing scores keyed by file name at ImageNet scale, and reading one back.
//
// The dataset is ImageNet-shaped in its names only: 1 000 classes × 1 281 training
// examples named train/<wnid>/<wnid>_<k>.JPEG (1 281 000, tiny in-memory images), so
// that the import's own work is measured without generating 1.28 M files; the CSV is
// written as published score files are (base names, a shuffled order, one column per
// score). Printed, each with its target: the import of one column and of two, the
// store's growth per example and score, and the read of one stored vector, with the
// import's ratio against a plain read of the CSV's bytes and its lines in the same process.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "score/score_name_import.h"
#include "store/store.h"
#include "util/file_io.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Examples with ImageNet's names and 1×1 grey images; no files behind them.
class NamedDataset : public ps::Dataset {
 public:
  NamedDataset(size_t classes, size_t perClass) {
    for (size_t c = 0; c < classes; ++c) {
      char wnid[16];
      std::snprintf(wnid, sizeof wnid, "n%08zu", 1440764 + c * 1000);
      names_.emplace_back(wnid);
      for (size_t k = 0; k < perClass; ++k) {
        files_.push_back("/data/imagenet/train/" + std::string(wnid) + "/" + wnid + "_" + std::to_string(10026 + k) +
                         ".JPEG");
        labels_.push_back(static_cast<int>(c));
      }
    }
  }
  std::string format() const override { return "bench"; }
  std::string spec() const override { return "/data/imagenet"; }
  size_t size(ps::Split s) const override { return s == ps::Split::Train ? files_.size() : 0; }
  int label(ps::Split, size_t i) const override { return labels_.at(i); }
  cv::Mat image(ps::Split, size_t) const override { return cv::Mat(1, 1, CV_8UC1, cv::Scalar(0)); }
  std::string source(ps::Split, size_t i) const override { return files_.at(i); }
  const std::vector<std::string>& classNames() const override { return names_; }
  ps::ImageShape shape() const override { return {1, 1, 1}; }

 protected:
  std::string computeFingerprint() const override {
    ps::Hasher h;
    for (const auto& f : files_) h.update(f);
    return h.hex();
  }

 private:
  std::vector<std::string> files_, names_;
  std::vector<int> labels_;
};

// filename,el2n,memorization: base names (or paths under the root) in a shuffled order,
// every example once.
void writeReleasedCsv(const NamedDataset& ds, const std::string& path, bool relative) {
  std::vector<size_t> order(ds.size(ps::Split::Train));
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(7);
  std::shuffle(order.begin(), order.end(), rng);
  std::uniform_real_distribution<double> u(0, 1);
  std::string text = "filename,el2n,memorization\n";
  char buf[64];
  for (size_t i : order) {
    const std::string src = ds.source(ps::Split::Train, i);
    std::snprintf(buf, sizeof buf, ",%.6f,%.6f\n", u(rng), u(rng));
    text += (relative ? src.substr(ds.spec().size() + 1) : src.substr(src.rfind('/') + 1)) + buf;
  }
  ps::writeFileAtomically(path, text);
}

uint64_t storeBytes(const std::string& db) {
  uint64_t total = 0;
  for (const char* suffix : {"", "-wal"})
    if (fs::exists(db + suffix)) total += fs::file_size(db + suffix);
  return total;
}

size_t argValue(int argc, char** argv, const char* name, size_t fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], name) == 0) return static_cast<size_t>(std::stoull(argv[i + 1]));
  return fallback;
}

// Imports `columns` into a fresh store; prints the time and the store's growth.
int64_t importInto(const NamedDataset& ds, const std::string& csv, const std::string& db,
                   const std::vector<std::string>& columns, double& seconds) {
  uint64_t before = 0;
  {
    ps::Store store(db);
    store.registerDataset(ds);
    before = storeBytes(db);
  }
  int64_t run = 0;
  const std::clock_t c0 = std::clock();
  const auto t0 = Clock::now();
  {
    ps::Store store(db);
    ps::NameImportRequest req;
    req.columns = columns;
    for (const auto& c : columns) req.names.push_back(c + "_released");  // el2n is a built-in score's name
    const ps::NameImportResult r = ps::importScoresByName(ds, store, csv, req);
    run = r.run.runId;
    if (r.report.matched != ds.size(ps::Split::Train)) std::fprintf(stderr, "matched %zu only\n", r.report.matched);
  }
  seconds = secondsSince(t0);
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  const double perScore = static_cast<double>(storeBytes(db) - before) /
                          static_cast<double>(ds.size(ps::Split::Train)) / static_cast<double>(columns.size());
  std::printf(
      "  %zu column(s): %6.2f s (CPU %.2f s; target <= 10 s)   store growth %.2f bytes per example per score "
      "(target <= 10)\n",
      columns.size(), seconds, cpu, perScore);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t classes = argValue(argc, argv, "--classes", 1000);
  const size_t perClass = argValue(argc, argv, "--per-class", 1281);
  const fs::path dir = fs::temp_directory_path() / ("prunescope_bench_names_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const NamedDataset ds(classes, perClass);
  const std::string csv = (dir / "released.csv").string();
  writeReleasedCsv(ds, csv, false);
  std::printf("import by file name: %zu examples, %zu classes, CSV of %.1f MB (%s)\n", ds.size(ps::Split::Train),
              classes, static_cast<double>(fs::file_size(csv)) / 1e6, csv.c_str());
  ds.fingerprint();  // as an opened dataset has it (the open is measured elsewhere)

  const auto r0 = Clock::now();
  const std::vector<uint8_t> bytes = ps::readFileBytes(csv);
  const size_t lines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), uint8_t('\n')));
  const double reference = secondsSince(r0);
  std::printf("  reference (read the CSV's bytes, count its %zu lines): %.3f s\n", lines, reference);

  double one = 0, two = 0;
  const std::string db1 = (dir / "one.sqlite").string(), db2 = (dir / "two.sqlite").string();
  const int64_t run = importInto(ds, csv, db1, {"el2n"}, one);
  importInto(ds, csv, db2, {"el2n", "memorization"}, two);
  std::printf("  ratio to the reference: %.1fx (one column), %.1fx (two)\n", one / reference, two / reference);
  const std::string byPath = (dir / "by_path.csv").string();
  writeReleasedCsv(ds, byPath, true);
  std::printf("keyed by paths under the root (train/<wnid>/<file>):\n");
  double three = 0;
  importInto(ds, byPath, (dir / "three.sqlite").string(), {"el2n"}, three);

  ps::Store store(db1);
  double best = 1e30;
  std::vector<float> back;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t0 = Clock::now();
    back = store.vector(run, "el2n_released");
    best = std::min(best, secondsSince(t0));
  }
  std::printf("read one stored score vector of %zu values: %.1f ms best of 5 (target <= 200 ms)\n", back.size(),
              best * 1e3);
  const auto t1 = Clock::now();
  const ps::ScoreRun whole = ps::loadScoreRun(store, run);
  std::printf("read the whole import run back (indices, raw, spread derived): %.1f ms\n", secondsSince(t1) * 1e3);
  fs::remove_all(dir);
  return back.size() == ds.size(ps::Split::Train) && whole.indices.size() == back.size() ? 0 : 1;
}
