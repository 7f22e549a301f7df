#include "cli/cli_app.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "data/channel_stats.h"
#include "data/dataset_opener.h"
#include "data/dataset_summary.h"
#include "data/montage.h"
#include <opencv2/imgcodecs.hpp>
#include <numeric>
#include <sstream>
#include "job/job.h"
#include "model/model_factory.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "cli/progress_line.h"
#include "util/errors.h"

namespace ps {
namespace {

struct InfoOptions {
  std::string dataset;
  OpenOptions open;
  bool json = false;
  bool stats = false;
  size_t maxSkippedListed = 20;
};

void addOpenOptions(CLI::App* cmd, OpenOptions& o) {
  cmd->add_option("--test-fraction", o.testFraction,
                  "Fraction of each class put in the test split when the data has no split")
      ->check(CLI::Range(0.0, 0.99));
  cmd->add_option("--split-seed", o.splitSeed, "Seed of that split");
  cmd->add_option("--cache-mb", o.cacheBytes, "Decoded-image cache bound for image files, in MiB")
      ->transform([](std::string s) { return std::to_string(std::stoull(s) << 20); });
}

int runInfo(const InfoOptions& o, std::ostream& out) {
  auto ds = openDataset(o.dataset, o.open);
  const DatasetSummary sum = summarize(*ds);
  ChannelStats stats;
  if (o.stats) {
    JobContext ctx;
    stats = computeChannelStats(*ds, Split::Train, ctx);
  }
  if (o.json) {
    nlohmann::json j;
    j["dataset"] = sum.spec;
    j["format"] = sum.format;
    j["train"] = sum.train;
    j["test"] = sum.test;
    j["shape"] = {sum.shape.height, sum.shape.width, sum.shape.channels};
    j["fingerprint"] = sum.fingerprint;
    for (const ClassSummary& c : sum.classes)
      j["classes"].push_back({{"label", c.label}, {"name", c.name}, {"train", c.train}, {"test", c.test}});
    j["skipped"] = nlohmann::json::array();
    for (const auto& s : sum.skipped) j["skipped"].push_back({{"path", s.path}, {"reason", s.reason}});
    if (o.stats) {
      j["pixel_mean"] = stats.mean;
      j["pixel_std"] = stats.stddev;
    }
    out << j.dump(2) << "\n";
    return 0;
  }
  out << "dataset:     " << sum.spec << "\n";
  out << "format:      " << sum.format << "\n";
  out << "train:       " << sum.train << " examples\n";
  out << "test:        " << sum.test << " examples\n";
  out << "image shape: " << sum.shape.str() << " (HxWxC)\n";
  out << "fingerprint: " << sum.fingerprint << "\n";
  if (o.stats) {
    out << "pixel mean:  ";
    for (double m : stats.mean) out << std::fixed << std::setprecision(4) << m << " ";
    out << "\npixel std:   ";
    for (double s : stats.stddev) out << std::fixed << std::setprecision(4) << s << " ";
    out << "\n";
  }
  out << "classes:     " << sum.classes.size() << "\n";
  out << "  label  train   test  name\n";
  for (const ClassSummary& c : sum.classes)
    out << "  " << std::setw(5) << c.label << " " << std::setw(6) << c.train << " " << std::setw(6) << c.test << "  "
        << c.name << "\n";
  out << "skipped:     " << sum.skipped.size() << " files\n";
  for (size_t k = 0; k < sum.skipped.size() && k < o.maxSkippedListed; ++k)
    out << "  " << sum.skipped[k].path << ": " << sum.skipped[k].reason << "\n";
  if (sum.skipped.size() > o.maxSkippedListed)
    out << "  ... and " << sum.skipped.size() - o.maxSkippedListed << " more (--list-skipped N shows more)\n";
  return 0;
}

struct ScoreOptions {
  std::string dataset;
  std::string scores = "default";
  std::string db;
  std::string out;
  ScoreConfig config;
  bool quiet = false;
};

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

void writeScoreCsv(const Dataset& ds, const ScoreRun& run, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw ConfigError(path + ": cannot write the CSV file");
  out << "index,label,class_name,source";
  for (const auto& n : run.names) out << "," << n << "," << n << "_raw," << n << "_std";
  out << "\n";
  out << std::setprecision(7);
  for (size_t k = 0; k < run.indices.size(); ++k) {
    const auto i = static_cast<size_t>(run.indices[k]);
    const int label = ds.label(Split::Train, i);
    out << i << "," << label << "," << csvField(ds.classNames()[static_cast<size_t>(label)]) << ","
        << csvField(ds.source(Split::Train, i));
    for (const auto& n : run.names)
      out << "," << run.difficulty.at(n)[k] << "," << run.raw.at(n)[k] << "," << run.spread.at(n)[k];
    out << "\n";
  }
  if (!out) throw ConfigError(path + ": write error");
}

int runScore(ScoreOptions& o, std::ostream& out, std::ostream& err) {
  o.config.scores = parseScoreList(o.scores);
  auto ds = openDataset(o.dataset);
  Store store(o.db.empty() ? Store::defaultPath() : o.db);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(&token, [&](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  const ScoreRun run = scoreDataset(*ds, store, o.config, ctx);
  line.finish();
  out << (run.fromCache ? "cached run " : run.resumed ? "resumed run " : "run ") << run.runId << ": "
      << run.indices.size() << " examples, " << run.names.size() << " scores, device " << run.device << ", "
      << formatDuration(run.seconds) << (run.fromCache ? " (computed earlier)" : "") << "\n";
  out << "  score            mean       min        max        seed rank corr.\n";
  for (const auto& n : run.names) {
    const auto& v = run.difficulty.at(n);
    double sum = 0;
    float lo = v.empty() ? 0 : v[0], hi = lo;
    for (float x : v) {
      sum += x;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    const double c = run.seedSpearman.at(n);
    out << "  " << std::left << std::setw(16) << n << std::right << std::setw(10) << std::setprecision(4)
        << sum / std::max<size_t>(1, v.size()) << " " << std::setw(10) << lo << " " << std::setw(10) << hi << " "
        << std::setw(10) << (std::isnan(c) ? std::string("-") : std::to_string(c).substr(0, 6)) << "\n";
  }
  if (!o.out.empty()) {
    writeScoreCsv(*ds, run, o.out);
    out << "wrote " << o.out << "\n";
  }
  return 0;
}

int runScores(const std::string& dataset, const std::string& db, std::ostream& out) {
  auto ds = openDataset(dataset);
  Store store(db.empty() ? Store::defaultPath() : db);
  const auto runs = listScoreRuns(store, ds->fingerprint());
  if (runs.empty()) {
    out << "no finished scoring runs for " << dataset << " (fingerprint " << ds->fingerprint() << ") in "
        << store.path() << "\n";
    return 0;
  }
  out << "scoring runs for " << dataset << " in " << store.path() << "\n";
  for (const auto& r : runs) {
    out << "run " << r.runId << "  " << r.kind << "  " << r.finishedAt << "  " << r.device << "  "
        << formatDuration(r.seconds) << "\n    scores: ";
    for (size_t k = 0; k < r.names.size(); ++k) out << (k ? "," : "") << r.names[k];
    out << "\n    config: " << r.config << "\n";
  }
  return 0;
}

struct ImportOptions {
  std::string dataset, file, name, direction, db;
};

int runImport(const ImportOptions& o, std::ostream& out) {
  if (o.direction != "harder" && o.direction != "easier")
    throw ConfigError("direction '" + o.direction + "': expected harder (higher values are harder) or easier");
  auto ds = openDataset(o.dataset);
  Store store(o.db.empty() ? Store::defaultPath() : o.db);
  const ScoreRun run = importScores(*ds, store, o.file, o.name, o.direction == "harder");
  out << (run.fromCache ? "already imported as run " : "imported as run ") << run.runId << ": " << run.indices.size()
      << " values of '" << o.name << "'\n";
  return 0;
}

struct MontageOptions {
  std::string dataset, score, db, out, className;
  bool easiest = false;
  int count = 48, columns = 12, scale = 3;
  int64_t run = 0;
};

int runMontage(const MontageOptions& o, std::ostream& out) {
  auto ds = openDataset(o.dataset);
  Store store(o.db.empty() ? Store::defaultPath() : o.db);
  int64_t runId = o.run;
  if (runId == 0) {
    for (const auto& r : listScoreRuns(store, ds->fingerprint()))
      if (std::find(r.names.begin(), r.names.end(), o.score) != r.names.end()) {
        runId = r.runId;
        break;
      }
    if (runId == 0)
      throw ConfigError("no finished run with score '" + o.score + "' for " + o.dataset + " in " + store.path() +
                        " (run prunescope-cli score first)");
  }
  const ScoreRun run = loadScoreRun(store, runId);
  if (!run.difficulty.count(o.score))
    throw ConfigError("run " + std::to_string(runId) + " has no score '" + o.score + "'");
  const auto& d = run.difficulty.at(o.score);
  int wantClass = -1;
  if (!o.className.empty()) {
    for (size_t c = 0; c < ds->numClasses(); ++c)
      if (ds->classNames()[c] == o.className || std::to_string(c) == o.className) wantClass = static_cast<int>(c);
    if (wantClass < 0) throw ConfigError("class '" + o.className + "' is not a class name or label of " + o.dataset);
  }
  std::vector<size_t> order(d.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return o.easiest ? d[a] < d[b] : d[a] > d[b]; });
  std::vector<int64_t> picked;
  std::vector<std::vector<std::string>> captions;
  for (size_t k = 0; k < order.size() && static_cast<int>(picked.size()) < o.count; ++k) {
    const int64_t idx = run.indices[order[k]];
    const int label = ds->label(Split::Train, static_cast<size_t>(idx));
    if (wantClass >= 0 && label != wantClass) continue;
    picked.push_back(idx);
    std::ostringstream v;
    v << std::setprecision(3) << d[order[k]];
    captions.push_back({"#" + std::to_string(idx) + "  " + v.str(), ds->classNames()[static_cast<size_t>(label)]});
  }
  const cv::Mat m = makeMontage(*ds, Split::Train, picked, captions, o.columns, o.scale);
  if (!cv::imwrite(o.out, m)) throw ConfigError(o.out + ": cannot write the image (expected a .png or .jpg path)");
  out << "wrote " << o.out << ": the " << picked.size() << (o.easiest ? " easiest" : " hardest") << " examples by "
      << o.score << " (run " << runId << ")\n";
  return 0;
}

}  // namespace

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"PruneScope command line: data pruning for image classification"};
  app.set_version_flag("--version", "prunescope-cli 0.1.0");
  app.require_subcommand(1);

  InfoOptions info;
  CLI::App* infoCmd = app.add_subcommand("info", "Print a dataset's format, splits, classes, shape and fingerprint");
  infoCmd->add_option("dataset", info.dataset, "A dataset path (IDX, CIFAR binary, image folder, CSV) or fashion-mnist")
      ->required();
  infoCmd->add_flag("--json", info.json, "Print JSON instead of text");
  infoCmd->add_flag("--stats", info.stats, "Also compute per-channel pixel mean and std of the train split");
  infoCmd->add_option("--list-skipped", info.maxSkippedListed, "How many skipped files to list");
  addOpenOptions(infoCmd, info.open);

  ScoreOptions score;
  CLI::App* scoreCmd = app.add_subcommand("score", "Score every training example by difficulty (cached in the store)");
  scoreCmd->add_option("dataset", score.dataset, "A dataset path or fashion-mnist")->required();
  scoreCmd->add_option("--score", score.scores,
                       "Comma-separated scores: el2n, grand, forgetting, aum, confidence, variability, entropy, "
                       "margin, prototype, prototype_class, random; or default, all")
      ->capture_default_str();
  scoreCmd->add_option("--model", score.config.train.model, "small_cnn, resnet18, or a TorchScript file (.pt)")
      ->capture_default_str();
  scoreCmd->add_option("--epochs", score.config.train.epochs, "Training epochs")->capture_default_str();
  scoreCmd->add_option("--seeds", score.config.seeds, "Independent training runs to average over")
      ->capture_default_str();
  scoreCmd->add_option("--seed", score.config.train.seed, "First seed")->capture_default_str();
  scoreCmd->add_option("--limit", score.config.limit, "Score only the first N training examples (0 = all)");
  scoreCmd->add_option("--el2n-epoch", score.config.el2nEpoch, "Epoch of EL2N (default: 20% of training)");
  scoreCmd->add_option("--grand-epoch", score.config.grandEpoch, "Epoch of GraNd; 0 = at initialisation (default: EL2N's)");
  scoreCmd->add_option("--batch-size", score.config.train.batchSize, "Batch size")->capture_default_str();
  scoreCmd->add_option("--lr", score.config.train.lr, "Peak learning rate (SGD)")->capture_default_str();
  scoreCmd->add_option("--momentum", score.config.train.momentum, "SGD momentum")->capture_default_str();
  scoreCmd->add_option("--weight-decay", score.config.train.weightDecay, "Weight decay")->capture_default_str();
  scoreCmd->add_option("--schedule", score.config.train.schedule, "cosine, step or constant")->capture_default_str();
  scoreCmd->add_option("--flip", score.config.train.flip, "Horizontal flips: auto (not for digits), on, off")
      ->capture_default_str();
  scoreCmd->add_flag("!--no-augment", score.config.train.augment, "Train without augmentation");
  scoreCmd->add_option("--prototype-k", score.config.prototypeK, "k of the class-agnostic k-means")->capture_default_str();
  scoreCmd->add_option("--prototype-k-per-class", score.config.prototypeKPerClass, "k per class (1 = class centroid)")
      ->capture_default_str();
  scoreCmd->add_option("--prototype-embedding", score.config.prototypeEmbedding,
                       "classifier (penultimate layer), ssl (built-in self-supervised encoder), or a TorchScript "
                       "encoder file")
      ->capture_default_str();
  scoreCmd->add_option("--ssl-epochs", score.config.sslEpochs, "Epochs of the self-supervised encoder")
      ->capture_default_str();
  scoreCmd->add_option("--device", score.config.train.device, "auto, cpu or cuda")->capture_default_str();
  scoreCmd->add_option("--threads", score.config.train.threads, "CPU threads (0 = every core)");
  scoreCmd->add_option("--db", score.db, "Store file (default: the user's workspace store)");
  scoreCmd->add_option("--out", score.out, "Write every score per example to this CSV file");
  scoreCmd->add_flag("--quiet", score.quiet, "No progress line");

  std::string scoresDataset, scoresDb;
  CLI::App* scoresCmd = app.add_subcommand("scores", "List the scoring runs cached in the store for a dataset");
  scoresCmd->add_option("dataset", scoresDataset, "A dataset path or fashion-mnist")->required();
  scoresCmd->add_option("--db", scoresDb, "Store file");

  ImportOptions imp;
  CLI::App* importCmd = app.add_subcommand("import-scores", "Import external per-example scores (CSV or .npy)");
  importCmd->add_option("dataset", imp.dataset, "A dataset path or fashion-mnist")->required();
  importCmd->add_option("file", imp.file, "CSV (one value per line, or score/value and index columns) or 1-D .npy")
      ->required();
  importCmd->add_option("--name", imp.name, "Name to store the score under")->required();
  importCmd->add_option("--direction", imp.direction, "harder: higher values are harder; easier: lower are harder")
      ->required();
  importCmd->add_option("--db", imp.db, "Store file");

  MontageOptions mont;
  CLI::App* montageCmd = app.add_subcommand("montage", "Write a PNG grid of the hardest (or easiest) examples by a score");
  montageCmd->add_option("dataset", mont.dataset, "A dataset path or fashion-mnist")->required();
  montageCmd->add_option("--score", mont.score, "Score name (from a cached run)")->required();
  montageCmd->add_flag("--easiest", mont.easiest, "The easiest instead of the hardest");
  montageCmd->add_option("--count", mont.count, "How many examples")->capture_default_str();
  montageCmd->add_option("--columns", mont.columns, "Tiles per row")->capture_default_str();
  montageCmd->add_option("--scale", mont.scale, "Pixel scale of each image")->capture_default_str();
  montageCmd->add_option("--class", mont.className, "Only this class (name or label)");
  montageCmd->add_option("--run", mont.run, "Run id (default: newest run holding the score)");
  montageCmd->add_option("--db", mont.db, "Store file");
  montageCmd->add_option("--out", mont.out, "PNG file to write")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
    err << "prunescope-cli: " << e.what() << "\n";
    return 2;
  }
  try {
    if (*infoCmd) return runInfo(info, out);
    if (*scoreCmd) return runScore(score, out, err);
    if (*scoresCmd) return runScores(scoresDataset, scoresDb, out);
    if (*importCmd) return runImport(imp, out);
    if (*montageCmd) return runMontage(mont, out);
  } catch (const Error& e) {
    err << "prunescope-cli: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "prunescope-cli: unexpected error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace ps
