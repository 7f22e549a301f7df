// Benchmark of the input pipeline on image files: images/s of decode + augment (random
// crop with padding, horizontal flip) + normalise + batch for one epoch over an image
// folder (half JPEG, half PNG, ten classes), PruneScope's workers (train/batch_source)
// side by side with torchvision's ImageFolder + DataLoader (bench/reference_decode.py,
// num_workers = the same worker count) in the same run, at each image size asked for.
// The folders are generated once and kept under --cache; the files are read once before
// timing so both sides find them in the page cache. Each side runs --reps times,
// alternating; the best of each is compared.
//
//   bench_decode [--images 20000] [--sizes 32,224] [--batch 256] [--workers 0 (cores)]
//                [--reps 2] [--cache DIR] [--python /usr/bin/python3] [--reference FILE.py]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <torch/torch.h>

#include "data/dataset_opener.h"
#include "train/batch_source.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/text_list.h"
#include "util/worker_pool.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// A photo-like image: a colour gradient, a few filled shapes and mild noise, so JPEG and
// PNG sizes (and decode costs) are those of natural images rather than of flat colour
// or pure noise.
cv::Mat syntheticImage(int side, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> byte(0, 255), pos(0, side - 1), radius(side / 16 + 1, side / 4 + 1);
  cv::Mat img(side, side, CV_8UC3);
  const cv::Vec3b a(byte(rng), byte(rng), byte(rng)), b(byte(rng), byte(rng), byte(rng));
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const double t = double(x + y) / (2.0 * side);
      for (int c = 0; c < 3; ++c) img.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uint8_t>(a[c] * (1 - t) + b[c] * t);
    }
  for (int k = 0; k < 6; ++k) {
    const cv::Scalar colour(byte(rng), byte(rng), byte(rng));
    if (k % 2)
      cv::circle(img, {pos(rng), pos(rng)}, radius(rng), colour, cv::FILLED, cv::LINE_AA);
    else
      cv::rectangle(img, cv::Rect(pos(rng), pos(rng), radius(rng), radius(rng)), colour, cv::FILLED);
  }
  cv::Mat noise(side, side, CV_8UC3);
  cv::randn(noise, cv::Scalar::all(0), cv::Scalar::all(6));
  cv::Mat out;
  cv::add(img, noise, out, cv::noArray(), CV_8UC3);
  return out;
}

// <cache>/<side>px/train/class_<k>/<i>.{jpg,png}, written once (a marker file says complete).
std::string imageFolder(const std::string& cache, int side, int images) {
  const fs::path root = fs::path(cache) / (std::to_string(side) + "px-" + std::to_string(images));
  const fs::path marker = root / "complete";
  if (fs::exists(marker)) return root.string();
  std::printf("generating %d images of %dx%d under %s (once)\n", images, side, side, root.c_str());
  std::fflush(stdout);
  fs::remove_all(root);
  for (int c = 0; c < 10; ++c) fs::create_directories(root / "train" / ("class_" + std::to_string(c)));
  ps::WorkerPool pool;
  pool.submit(static_cast<size_t>(images), 64,
              [&](size_t i) {
                const fs::path dir = root / "train" / ("class_" + std::to_string(i % 10));
                const std::string file = (dir / (std::to_string(i) + (i % 2 ? ".png" : ".jpg"))).string();
                if (!cv::imwrite(file, syntheticImage(side, i))) throw ps::IoError(file + ": could not be written");
              })
      ->wait();
  std::ofstream(marker) << images << "\n";
  return root.string();
}

// Reads every file once so that both sides find them in the page cache.
void warmPageCache(const std::string& root) {
  size_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) bytes += ps::readFileBytes(e.path().string()).size();
  std::printf("  folder: %.1f MB\n", double(bytes) / 1e6);
}

// One epoch through PruneScope's pipeline; images/s.
double ours(const ps::BatchSource& data, int batch, uint64_t seed) {
  std::vector<int64_t> order(static_cast<size_t>(data.size()));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  int64_t n = 0;
  double checksum = 0;
  const auto t0 = Clock::now();
  data.forEachBatch(
      order, batch,
      [&](const std::vector<int64_t>& pos, const at::Tensor& x) {
        n += static_cast<int64_t>(pos.size());
        checksum += x[0][0][0][0].item<double>();
      },
      ps::BatchAugmentation{&rng, true});
  const double s = seconds(t0);
  if (n != data.size() || !std::isfinite(checksum)) throw ps::Error("the pipeline lost images");
  return double(n) / s;
}

std::map<std::string, double> runPython(const std::string& cmd) {
  std::map<std::string, double> out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char line[512];
  while (std::fgets(line, sizeof line, p)) {
    const std::string s(line);
    const auto eq = s.find('=');
    if (eq != std::string::npos) out[s.substr(0, eq)] = std::atof(s.c_str() + eq + 1);
  }
  if (pclose(p) != 0) out.clear();
  return out;
}

// Single-threaded cost per image of imread alone and of the pipeline's per-image work,
// over the first `count` files: where the time goes.
void breakdown(const ps::Dataset& ds, size_t count) {
  count = std::min(count, ds.size(ps::Split::Train));
  auto t0 = Clock::now();
  for (size_t i = 0; i < count; ++i) (void)cv::imread(ds.source(ps::Split::Train, i), cv::IMREAD_COLOR);
  const double imread = seconds(t0) / double(count);
  t0 = Clock::now();
  for (size_t i = 0; i < count; ++i) (void)ds.image(ps::Split::Train, i);
  const double image = seconds(t0) / double(count);
  std::printf("  one thread: imread %.1f us/image, decode to RGB at the dataset's shape %.1f us/image\n", imread * 1e6,
              image * 1e6);
}

struct Options {
  int images = 20000, batch = 256, workers = 0, reps = 2;
  std::vector<int> sizes{32, 224};
  std::string cache = (fs::temp_directory_path() / "prunescope-bench-decode").string();
  std::string python = "/usr/bin/python3";
  std::string reference = std::string(PRUNESCOPE_SOURCE_DIR) + "/bench/reference_decode.py";
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--images") o.images = std::stoi(v);
    if (k == "--batch") o.batch = std::stoi(v);
    if (k == "--workers") o.workers = std::stoi(v);
    if (k == "--reps") o.reps = std::stoi(v);
    if (k == "--cache") o.cache = v;
    if (k == "--python") o.python = v;
    if (k == "--reference") o.reference = v;
    if (k == "--sizes") {
      o.sizes.clear();
      for (double s : ps::parseDoubles(v, "size")) o.sizes.push_back(static_cast<int>(s));
    }
  }
  if (o.workers <= 0) o.workers = ps::defaultWorkerCount();
  return o;
}

void benchSize(const Options& o, int side) {
  const std::string root = imageFolder(o.cache, side, o.images);
  std::printf("%dx%d RGB, %d files (half JPEG, half PNG), batch %d, %d workers each side\n", side, side, o.images,
              o.batch, o.workers);
  warmPageCache(root);
  ps::OpenOptions open;
  open.cacheBytes = 0;  // decode every file every epoch, as the reference does
  open.testFraction = 0;
  auto ds = ps::openDataset(root, open);
  breakdown(*ds, 500);
  std::vector<int64_t> all(ds->size(ps::Split::Train));
  std::iota(all.begin(), all.end(), 0);
  ps::BatchSource data(*ds, ps::Split::Train, all, torch::kCPU, 0);
  data.setWorkers(o.workers);
  const std::string cmd = o.python + " " + o.reference + " --root " + root + "/train --size " + std::to_string(side) +
                          " --batch " + std::to_string(o.batch) + " --workers " + std::to_string(o.workers);
  double best = 0, bestRef = 0;
  for (int rep = 0; rep < o.reps; ++rep) {
    const double r = ours(data, o.batch, static_cast<uint64_t>(rep));
    const auto py = runPython(cmd);
    const double ref = py.count("images_per_s") ? py.at("images_per_s") : 0;
    std::printf("  run %d: PruneScope %8.0f images/s   torchvision %8.0f images/s\n", rep + 1, r, ref);
    std::fflush(stdout);
    best = std::max(best, r);
    bestRef = std::max(bestRef, ref);
  }
  if (bestRef <= 0) {
    std::printf("  the reference did not run (is python3-torchvision installed? %s)\n", cmd.c_str());
    return;
  }
  std::printf("  best: PruneScope %.0f images/s, torchvision %.0f images/s, ratio %.2fx (target >= 1.5)\n", best,
              bestRef, best / bestRef);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse(argc, argv);
    torch::set_num_threads(1);  // the workers do the work (as the reference's do)
    for (int side : o.sizes) benchSize(o, side);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_decode: %s\n", e.what());
    return 1;
  }
  return 0;
}
