// Benchmark: PruneScope on an ImageNet-shaped folder. Generates, under a temporary
// folder, train/<wnid>/<wnid>_<k>.JPEG (default 1 000 classes x 1 281 images of 32 px),
// a Kaggle-layout validation split (a flat val/ and LOC_val_solution.csv, 50 per class),
// LOC_synset_mapping.txt and a released-style score CSV (filename,score), then measures:
// - the first and the second open of the folder with a store (its file table), each against a plain
//   `find -printf '%s %T@'` walk of the same folder in the same run;
// - the export of a kept subset;
// - the import of the score CSV by file name, and the read of the stored vector;
// - browsing it (every label and path, 2 000 images decoded);
// - peak resident memory of each step, and per example beyond the decoded-image cache.
// Run on demand (never in ctest): `nice build/bench/bench_scale [--classes N] [--per-class N]`.
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_opener.h"
#include "job/job.h"
#include "prune/subset_export.h"
#include "score/score_name_import.h"
#include "store/file_table_store.h"
#include "store/store.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  int classes = 1000;
  int perClass = 1281;
  int valPerClass = 50;
  int pixels = 32;
  std::string dir;     // where the folder is generated (default: a temporary folder)
  bool keep = false;   // keep the generated folder afterwards
  bool reuse = false;  // use the folder in --dir as it is when it is there
};

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Peak resident memory of this process (VmHWM), in bytes; resetPeakRss() starts a new
// peak from the current resident size (Linux's clear_refs 5).
size_t procStatusBytes(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::stoull(line.substr(std::strlen(key))) * 1024;
  return 0;
}
size_t peakRss() { return procStatusBytes("VmHWM:"); }
size_t currentRss() { return procStatusBytes("VmRSS:"); }
void resetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

std::string wnid(int c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "n%08d", 1440764 + c * 1000);
  return buf;
}

// A pool of distinct small JPEGs; each written file gets a comment segment naming it,
// so that no two files have the same contents.
std::vector<std::vector<uint8_t>> jpegPool(int pixels) {
  std::vector<std::vector<uint8_t>> pool;
  cv::RNG rng(7);
  for (int k = 0; k < 64; ++k) {
    cv::Mat m(pixels, pixels, CV_8UC3);
    rng.fill(m, cv::RNG::UNIFORM, 0, 256);
    std::vector<uint8_t> bytes;
    cv::imencode(".jpg", m, bytes, {cv::IMWRITE_JPEG_QUALITY, 90});
    pool.push_back(std::move(bytes));
  }
  return pool;
}

void writeJpeg(const std::string& path, const std::vector<uint8_t>& jpeg, const std::string& comment) {
  std::vector<uint8_t> out;
  out.reserve(jpeg.size() + comment.size() + 4);
  out.insert(out.end(), jpeg.begin(), jpeg.begin() + 2);  // SOI
  const size_t len = comment.size() + 2;
  out.insert(out.end(), {0xFF, 0xFE, static_cast<uint8_t>(len >> 8), static_cast<uint8_t>(len & 0xFF)});
  out.insert(out.end(), comment.begin(), comment.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || ::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size())) {
    std::perror(path.c_str());
    std::exit(1);
  }
  ::close(fd);
}

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The ImageNet-shaped folder, with the Kaggle validation layout, the synset file and a
// released-style score CSV (base file name, a score per training image).
void generate(const Options& o, const fs::path& root) {
  const auto t0 = Clock::now();
  const auto pool = jpegPool(o.pixels);
  std::string synsets, scores = "filename,score\n";
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int c = 0; c < o.classes; ++c) {
    const std::string id = wnid(c);
    synsets += id + " synthetic class " + std::to_string(c) + ", generated\n";
    const fs::path dir = root / "train" / id;
    fs::create_directories(dir);
    for (int k = 1; k <= o.perClass; ++k) {
      const std::string name = id + "_" + std::to_string(k) + ".JPEG";
      writeJpeg((dir / name).string(), pool[(c * 31 + k) % pool.size()], name);
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", u(rng));
      scores += name + "," + score + "\n";
    }
    if (c % 100 == 99) std::fprintf(stderr, "  generated %d of %d classes (%.0f s)\n", c + 1, o.classes, seconds(t0));
  }
  fs::create_directories(root / "val");
  std::string solution = "ImageId,PredictionString\n";
  const int nVal = o.classes * o.valPerClass;
  for (int i = 1; i <= nVal; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "ILSVRC2012_val_%08d", i);
    writeJpeg((root / "val" / (std::string(name) + ".JPEG")).string(), pool[i % pool.size()], name);
    solution += std::string(name) + "," + wnid((i - 1) % o.classes) + " 1 2 30 31 \n";
  }
  writeText(root / "LOC_synset_mapping.txt", synsets);
  writeText(root / "LOC_val_solution.csv", solution);
  writeText(root / "scores.csv", scores);
  std::printf("generated %d classes x %d train + %d val JPEGs of %d px in %.1f s\n", o.classes, o.perClass, nVal,
              o.pixels, seconds(t0));
}

// A plain walk of the folder listing each file's size and modification time: what a
// second open is compared with.
double findWalk(const fs::path& root) {
  const std::string cmd = "find '" + root.string() + "' -printf '%s %T@\\n' > /dev/null";
  const auto t0 = Clock::now();
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "find failed\n");
  return seconds(t0);
}

struct OpenFigures {
  double seconds = 0;
  size_t peakBytes = 0;  // peak resident growth during the open
  size_t heldBytes = 0;  // resident growth once opened (the dataset held)
};

// Opens the folder with the store's file table (as every command does) and records it.
OpenFigures timedOpen(const fs::path& root, const std::string& db, std::unique_ptr<ps::Dataset>& ds) {
  ds.reset();
  const size_t before = currentRss();
  resetPeakRss();
  const auto t0 = Clock::now();
  {
    ps::Store store(db);
    auto last = Clock::now();
    ps::JobContext ctx(nullptr, [&](const ps::Progress& p) {
      if (seconds(last) < 10) return;
      last = Clock::now();
      std::fprintf(stderr, "  %s: %.0f %%\n", p.message.c_str(), 100 * p.fraction);
    });
    ps::OpenOptions options;
    options.job = &ctx;
    ds = ps::openDatasetWithStore(root.string(), store, options);
    store.registerDataset(*ds);
  }
  OpenFigures f;
  f.seconds = seconds(t0);
  f.peakBytes = peakRss() > before ? peakRss() - before : 0;
  f.heldBytes = currentRss() > before ? currentRss() - before : 0;
  return f;
}

void reportOpen(const char* what, const OpenFigures& f, double find, size_t n) {
  std::printf(
      "  %-12s %8.2f s   find walk %6.2f s   ratio %5.2f   peak RSS +%6.1f MB (%4.0f B/example), held +%6.1f MB "
      "(%4.0f B/example)\n",
      what, f.seconds, find, f.seconds / find, f.peakBytes / 1e6, static_cast<double>(f.peakBytes) / n,
      f.heldBytes / 1e6, static_cast<double>(f.heldBytes) / n);
}

// Browsing: every example's label and source path (what lists and exports ask for), and
// 2 000 images decoded through the cache; the resident growth beyond the cache's bytes.
void measureBrowse(const ps::Dataset& ds, size_t n) {
  const size_t before = currentRss();
  resetPeakRss();
  const auto t0 = Clock::now();
  size_t chars = 0;
  int64_t labelSum = 0;
  for (int s = 0; s < 2; ++s) {
    const auto split = static_cast<ps::Split>(s);
    for (size_t i = 0; i < ds.size(split); ++i) {
      chars += ds.source(split, i).size();
      labelSum += ds.label(split, i);
    }
  }
  const size_t train = ds.size(ps::Split::Train);
  for (size_t k = 0; k < 2000 && k < train; ++k) chars += ds.image(ps::Split::Train, (k * 7919) % train).total();
  const size_t cache = std::min<size_t>(2000, train) * ds.shape().bytes();
  const size_t growth = peakRss() > before + cache ? peakRss() - before - cache : 0;
  std::printf(
      "  browse (every label and path, 2000 images): %.2f s, peak RSS +%.1f MB beyond the %.1f MB of decoded "
      "images (%.0f B/example) [%zu %lld]\n",
      seconds(t0), growth / 1e6, cache / 1e6, static_cast<double>(growth) / n, chars % 10,
      static_cast<long long>(labelSum % 10));
}

// Exports the 70 % hardest training examples by the generated scores as a CSV.
void measureExport(const ps::Dataset& ds, const fs::path& dir) {
  const size_t n = ds.size(ps::Split::Train);
  std::vector<float> score(n);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<float> u(0.f, 1.f);
  for (float& s : score) s = u(rng);
  std::vector<int64_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<int64_t>(i);
  const auto t0 = Clock::now();
  std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return score[a] > score[b]; });
  order.resize(n * 7 / 10);
  std::vector<float> kept;
  kept.reserve(order.size());
  for (int64_t i : order) kept.push_back(score[static_cast<size_t>(i)]);
  ps::SubsetProvenance prov;
  prov.datasetSpec = ds.spec();
  prov.fingerprint = ds.fingerprint();
  ps::exportSubset(ds, order, kept, prov, (dir / "kept.csv").string());
  std::printf("  export of %zu kept examples (CSV): %.2f s\n", order.size(), seconds(t0));
}

uint64_t storeFileBytes(const std::string& db) {
  uint64_t total = 0;
  for (const char* suffix : {"", "-wal"})
    if (fs::exists(db + suffix)) total += fs::file_size(db + suffix);
  return total;
}

// Imports the released-style scores.csv by file name into the store, then reads the
// stored vector back: the time of each and the store's growth per example.
void measureImportByName(const ps::Dataset& ds, const fs::path& root, const std::string& db) {
  const uint64_t before = storeFileBytes(db);
  const auto t0 = Clock::now();
  int64_t run = 0;
  size_t matched = 0;
  {
    ps::Store store(db);
    ps::NameImportRequest req;
    req.columns = {"score"};
    req.names = {"released"};
    const ps::NameImportResult r = ps::importScoresByName(ds, store, (root / "scores.csv").string(), req);
    run = r.run.runId;
    matched = r.report.matched;
  }
  const double import = seconds(t0);
  const double growth =
      static_cast<double>(storeFileBytes(db) - before) / static_cast<double>(ds.size(ps::Split::Train));
  std::printf(
      "  import by file name: %zu rows matched in %.2f s (target <= 10 s); store growth %.2f B/example "
      "(target <= 10)\n",
      matched, import, growth);
  ps::Store store(db);
  double best = 1e30;
  size_t values = 0;
  for (int rep = 0; rep < 5; ++rep) {
    const auto t1 = Clock::now();
    values = store.vector(run, "released").size();
    best = std::min(best, seconds(t1));
  }
  std::printf("  read one stored score vector of %zu values: %.1f ms, best of 5 (target <= 200 ms)\n", values,
              best * 1e3);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--classes")
      o.classes = std::stoi(next());
    else if (a == "--per-class")
      o.perClass = std::stoi(next());
    else if (a == "--val-per-class")
      o.valPerClass = std::stoi(next());
    else if (a == "--pixels")
      o.pixels = std::stoi(next());
    else if (a == "--dir")
      o.dir = next();
    else if (a == "--keep")
      o.keep = true;
    else if (a == "--reuse")
      o.reuse = true;
    else {
      std::fprintf(stderr,
                   "usage: bench_scale [--classes 1000] [--per-class 1281] [--val-per-class 50] [--pixels 32] "
                   "[--dir DIR [--reuse]] [--keep]\n");
      std::exit(2);
    }
  }
  if (o.classes < 1 || o.perClass < 1 || o.valPerClass < 0 || o.pixels < 8) {
    std::fprintf(stderr, "sizes must be positive (pixels at least 8)\n");
    std::exit(2);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const fs::path dir =
      o.dir.empty() ? fs::temp_directory_path() / ("prunescope_scale_" + std::to_string(::getpid())) : fs::path(o.dir);
  const fs::path root = dir / "imagenet";
  if (!(o.reuse && fs::is_directory(root / "train"))) {
    fs::remove_all(root);
    generate(o, root);
  }
  const std::string db = (dir / "bench.sqlite").string();
  fs::remove(db);
  const size_t n = static_cast<size_t>(o.classes) * o.perClass + static_cast<size_t>(o.classes) * o.valPerClass;
  std::printf("%zu files under %s\n", n, root.c_str());

  std::unique_ptr<ps::Dataset> ds;
  const double find1 = findWalk(root);
  const OpenFigures first = timedOpen(root, db, ds);
  const double find2 = findWalk(root);
  const OpenFigures second = timedOpen(root, db, ds);
  std::printf("open (fingerprint %s, %zu train, %zu test, %zu classes)\n", ds->fingerprint().c_str(),
              ds->size(ps::Split::Train), ds->size(ps::Split::Test), ds->numClasses());
  reportOpen("first open", first, find1, n);
  reportOpen("second open", second, find2, n);
  std::printf("  second open target: <= 1.5x the find walk; memory target: <= 200 B/example\n");
  measureBrowse(*ds, n);

  measureExport(*ds, dir);
  measureImportByName(*ds, root, db);

  std::printf("peak RSS of the whole run: %.1f MB\n", [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
  }());
  ds.reset();
  if (!o.keep && o.dir.empty()) fs::remove_all(dir);
  return 0;
}
