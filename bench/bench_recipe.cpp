// Benchmark of the default training recipe over kinds of data: generated datasets
// (core/data/synthetic_dataset.h) that differ in colour, size, class count, imbalance
// and number of examples, each trained with the recipes named on the command line
// (default: "old" = small_cnn_nobn without warm-up, as before 0.2, and "new" = today's
// defaults). Prints per kind and recipe the final balanced train accuracy, its chance
// level and the "did not learn" threshold, the test error, and the training time, with
// the new recipe's time as a ratio to the old one's (same process, same data).
//
//   bench_recipe [--kinds 1,3] [--epochs 10] [--recipes old,new] [--lr 0.05] [--seed S] [--quick]
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "data/dataset_opener.h"
#include "data/synthetic_dataset.h"
#include "job/job.h"
#include "store/store.h"
#include "study/train_eval.h"
#include "util/errors.h"
#include "util/text_list.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Kind {
  const char* name;
  ps::SyntheticSpec spec;
};

ps::SyntheticSpec sparse(ps::SyntheticSpec s) {
  s.sparse = true;
  s.noise = 0;
  return s;
}

ps::SyntheticSpec binary(ps::SyntheticSpec s) {
  s.binary = true;
  return s;
}

ps::SyntheticSpec faint(ps::SyntheticSpec s) {
  s.faintBlue = true;
  return s;
}

ps::SyntheticSpec smooth(ps::SyntheticSpec s) {
  s.smooth = true;
  s.noise = 0;
  return s;
}

ps::SyntheticSpec tinted(int64_t n) {
  ps::SyntheticSpec s;
  s.classes = 0;  // marks the tinted Fashion-MNIST kind
  s.train = n;
  return s;
}

std::vector<Kind> kinds(bool quick) {
  auto k = [](int size, int channels, int classes, int64_t train, double imbalance) {
    ps::SyntheticSpec s;
    s.size = size;
    s.channels = channels;
    s.classes = classes;
    s.train = train;
    s.test = std::max<int64_t>(1000, train / 5);
    s.imbalance = imbalance;
    s.seed = 1;
    return s;
  };
  const int64_t f = quick ? 4 : 1;
  return {
      {"grey 28px, 10 classes", k(28, 1, 10, 10000 / f, 1)},
      {"colour 32px, 10 classes", k(32, 3, 10, 20000 / f, 1)},
      {"colour 32px, 2 classes, small", k(32, 3, 2, 1000, 1)},
      {"colour 32px, 100 classes", k(32, 3, 100, 20000 / f, 1)},
      {"colour 64px, 10 classes", k(64, 3, 10, 5000 / f, 1)},
      {"grey 32px, 10 classes, 10:1 imbalance", k(32, 1, 10, 10000 / f, 10)},
      {"grey 28px, 100 classes, small", k(28, 1, 100, 2000, 1)},
      {"colour 32px, 10 classes, large", k(32, 3, 10, 60000 / f, 1)},
      {"colour 32px, 10 classes, sparse", sparse(k(32, 3, 10, 20000 / f, 1))},
      {"colour 32px, 10 classes, binary textures", binary(k(32, 3, 10, 20000 / f, 1))},
      {"colour 32px, 10 classes, blue channel black but hot pixels", faint(k(32, 3, 10, 20000 / f, 1))},
      {"colour 32px, 10 classes, smooth", smooth(k(32, 3, 10, 20000 / f, 1))},
      {"Fashion-MNIST as 32px colour, tinted", tinted(20000 / f)},
  };
}

// Fashion-MNIST padded to 32×32 and copied to RGB, one channel halved per label
// (a colour image folder a user might bring), first `n` training and 2 000 test images.
std::unique_ptr<ps::InMemoryDataset> tintedFashion(int64_t n) {
  const auto fm = ps::openDataset("fashion-mnist");
  auto split = [&](ps::Split sp, int64_t count) {
    ps::InMemorySplit s;
    s.file = "fashion-mnist-tinted";
    for (int64_t i = 0; i < count; ++i) {
      const cv::Mat g = fm->image(sp, static_cast<size_t>(i));
      const int label = fm->label(sp, static_cast<size_t>(i));
      cv::Mat padded, rgb;
      cv::copyMakeBorder(g, padded, 2, 2, 2, 2, cv::BORDER_CONSTANT, 0);
      cv::cvtColor(padded, rgb, cv::COLOR_GRAY2RGB);
      for (int y = 0; y < rgb.rows; ++y)
        for (int x = 0; x < rgb.cols; ++x) rgb.at<cv::Vec3b>(y, x)[label % 3] /= 2;
      s.pixels.insert(s.pixels.end(), rgb.data, rgb.data + 32 * 32 * 3);
      s.labels.push_back(label);
    }
    return s;
  };
  return std::make_unique<ps::InMemoryDataset>("synthetic", "fashion-mnist tinted", ps::ImageShape{32, 32, 3},
                                               fm->classNames(), split(ps::Split::Train, n),
                                               split(ps::Split::Test, 2000));
}

ps::TrainConfig recipe(const std::string& name, int epochs, double lr, uint64_t seed) {
  ps::TrainConfig t;
  t.seed = seed;
  t.epochs = epochs;
  t.healthChecks = false;  // measured, not enforced, here
  if (name == "old") {
    t.model = "small_cnn_nobn";
    t.warmup = 0;
    t.lr = 0.05;
  } else if (name != "new") {
    throw ps::ConfigError("recipe '" + name + "': expected old or new");
  }
  if (lr > 0) t.lr = lr;
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  std::string kindList, recipes = "old,new";
  int epochs = 10;
  double lr = 0;
  bool quick = false;
  uint64_t seed = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--kinds")
      kindList = next();
    else if (a == "--epochs")
      epochs = std::stoi(next());
    else if (a == "--recipes")
      recipes = next();
    else if (a == "--lr")
      lr = std::stod(next());
    else if (a == "--quick")
      quick = true;
    else if (a == "--seed")
      seed = std::stoull(next());
    else {
      std::fprintf(
          stderr,
          "usage: bench_recipe [--kinds 1,3] [--epochs 10] [--recipes old,new] [--lr X] [--seed S] [--quick]\n");
      return 2;
    }
  }
  const auto all = kinds(quick);
  std::vector<size_t> chosen;
  if (kindList.empty())
    for (size_t k = 0; k < all.size(); ++k) chosen.push_back(k);
  else
    for (double v : ps::parseDoubles(kindList, "kind")) chosen.push_back(static_cast<size_t>(v) - 1);
  const fs::path dir = fs::temp_directory_path() / ("prunescope_bench_recipe_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int failures = 0;
  try {
    ps::Store store((dir / "bench.sqlite").string());
    std::printf("%-40s %-6s %8s %7s %8s %8s %8s %8s %7s\n", "kind", "recipe", "examples", "chance", "needed", "bal.acc",
                "test err", "seconds", "ratio");
    for (size_t k : chosen) {
      if (k >= all.size()) continue;
      const auto ds =
          all[k].spec.classes == 0 ? tintedFashion(all[k].spec.train) : ps::makeSyntheticDataset(all[k].spec);
      std::vector<int64_t> idx(ds->size(ps::Split::Train));
      for (size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<int64_t>(i);
      std::map<std::string, double> seconds;
      for (const auto& name : ps::splitList(recipes)) {
        ps::JobContext ctx;
        const auto t0 = Clock::now();
        const ps::EvalResult e = ps::trainAndEvaluate(*ds, store, idx, recipe(name, epochs, lr, seed), 0, ctx);
        seconds[name] = std::chrono::duration<double>(Clock::now() - t0).count();
        const ps::EpochHealth& h = e.curve.epochs.back();
        const double ratio = seconds.count("old") ? seconds[name] / seconds["old"] : 1.0;
        std::printf("%-40s %-6s %8zu %7.3f %8.3f %8.3f %8.3f %8.1f %7.2f%s\n", all[k].name, name.c_str(), idx.size(),
                    h.chance, h.learnedAbove, h.balancedAccuracy, e.error, seconds[name], ratio,
                    e.learned ? "" : "  did not learn");
        std::fflush(stdout);
      }
    }
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "bench_recipe: %s\n", ex.what());
    failures = 1;
  }
  fs::remove_all(dir);
  return failures;
}
