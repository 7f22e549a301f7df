#include "cli/cli_app.h"

#include "cli/cli_command.h"
#include "cli/setting_options.h"

#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/progress_line.h"
#include "data/channel_stats.h"
#include "data/dataset_opener.h"
#include "data/dataset_summary.h"
#include "job/job.h"
#include "store/file_table_store.h"
#include "store/store.h"
#include "util/errors.h"
#include "util/text_list.h"
#include "util/version.h"
#include "util/worker_pool.h"

namespace ps {
namespace {

struct InfoOptions {
  std::string dataset, db;
  OpenOptions open;
  bool json = false;
  bool stats = false;
  size_t maxSkippedListed = 20;
};

void addOpenOptions(CLI::App* cmd, OpenOptions& o) {
  cmd->add_option("--test-fraction", o.testFraction,
                  "Fraction of each class put in the test split when the data has no split")
      ->check([](const std::string& s) {
        const auto f = parseNumber(s);
        return f && *f >= 0.0 && *f < 1.0 ? std::string() : "'" + s + "': expected a fraction in [0, 1)";
      });
  cmd->add_option("--split-seed", o.splitSeed, "Seed of that split");
  cmd->add_option("--cache-mb", o.cacheBytes, "Decoded-image cache bound for image files, in MiB")
      ->transform([](const std::string& s) {
        const auto mib = parseInteger(s);
        if (!mib || *mib < 0 || *mib > (int64_t{1} << 20))
          throw CLI::ValidationError("'" + s + "': expected a whole number of MiB in 0..1048576");
        return std::to_string(*mib << 20);
      });
}

// `info --json`: the summary, and the pixel statistics when computed.
void printInfoJson(const DatasetSummary& sum, const ChannelStats* stats, std::ostream& out) {
  nlohmann::json j;
  j["dataset"] = sum.spec;
  j["format"] = sum.format;
  j["train"] = sum.train;
  j["test"] = sum.test;
  j["shape"] = {sum.shape.height, sum.shape.width, sum.shape.channels};
  j["fingerprint"] = sum.fingerprint;
  if (!sum.labels.empty()) j["labels"] = sum.labels;
  for (const ClassSummary& c : sum.classes)
    j["classes"].push_back({{"label", c.label}, {"name", c.name}, {"train", c.train}, {"test", c.test}});
  j["skipped"] = nlohmann::json::array();
  for (const auto& s : sum.skipped) j["skipped"].push_back({{"path", s.path}, {"reason", s.reason}});
  j["attributes"] = nlohmann::json::array();
  for (const auto& a : sum.attributes)
    j["attributes"].push_back(
        {{"name", a.name}, {"groupable", a.groupable}, {"values", a.values}, {"train", a.train}, {"test", a.test}});
  if (stats) {
    j["pixel_mean"] = stats->mean;
    j["pixel_std"] = stats->stddev;
  }
  out << j.dump(2) << "\n";
}

// info reads no results: a store that cannot be opened only costs the file table.
std::unique_ptr<Dataset> openForInfo(const InfoOptions& o, std::ostream& err) {
  std::unique_ptr<Store> store;
  try {
    store = std::make_unique<Store>(storePathOr(o.db));
  } catch (const StoreError& e) {
    err << "prunescope-cli: note: " << e.what() << "; every file is read\n";
  }
  return store ? openDatasetFor(o.dataset, *store, err, o.open) : openDataset(o.dataset, o.open);
}

int runInfo(const InfoOptions& o, std::ostream& out, std::ostream& err) {
  auto ds = openForInfo(o, err);
  const DatasetSummary sum = summarize(*ds);
  ChannelStats stats;
  if (o.stats) {
    JobContext ctx;
    stats = computeChannelStats(*ds, Split::Train, ctx);
  }
  if (o.json) {
    printInfoJson(sum, o.stats ? &stats : nullptr, out);
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
  if (!sum.labels.empty()) out << "labels:      " << sum.labels << "\n";
  out << "  label  train   test  name\n";
  for (const ClassSummary& c : sum.classes)
    out << "  " << std::setw(5) << c.label << " " << std::setw(6) << c.train << " " << std::setw(6) << c.test << "  "
        << c.name << "\n";
  out << describeAttributes(sum);
  out << "skipped:     " << sum.skipped.size() << " files\n";
  for (size_t k = 0; k < sum.skipped.size() && k < o.maxSkippedListed; ++k)
    out << "  " << sum.skipped[k].path << ": " << sum.skipped[k].reason << "\n";
  if (sum.skipped.size() > o.maxSkippedListed)
    out << "  ... and " << sum.skipped.size() - o.maxSkippedListed << " more (--list-skipped N shows more)\n";
  return 0;
}

}  // namespace

std::string storePathOr(const std::string& db) { return db.empty() ? Store::defaultPath() : db; }

std::unique_ptr<Dataset> openDatasetFor(const std::string& spec, Store& store, std::ostream& err,
                                        const OpenOptions& options) {
  std::unique_ptr<Dataset> ds;
  withJob(false, err, [&](JobContext& ctx) {
    OpenOptions o = options;
    o.job = &ctx;
    ds = openDatasetWithStore(spec, store, o);
    return 0;
  });
  return ds;
}

// The recipe's options, from its declaration (train/train_settings.h).
void addTrainOptions(CLI::App* cmd, TrainConfig& t, const std::string& prefix) {
  addSetting(cmd, setting::model, t.model, prefix);
  addSetting(cmd, setting::epochs, t.epochs, prefix);
  addSetting(cmd, setting::seed, t.seed, prefix);
  addSetting(cmd, setting::batchSize, t.batchSize, prefix);
  addSetting(cmd, setting::lr, t.lr, prefix);
  addSetting(cmd, setting::momentum, t.momentum, prefix);
  addSetting(cmd, setting::weightDecay, t.weightDecay, prefix);
  addChoice(cmd, setting::schedule, t.schedule, scheduleNames(), prefix);
  addSetting(cmd, setting::warmup, t.warmup, prefix);
  addSetting(cmd, setting::gradClip, t.gradClip, prefix);
  addSwitch(cmd, setting::healthChecks, t.healthChecks,
            "Keep runs whose model did not learn or whose score has no spread (recorded with the run)", prefix);
  addChoice(cmd, setting::flip, t.flip, flipNames(), prefix);
  addSwitch(cmd, setting::augment, t.augment, "Train without augmentation", prefix);
  if (!prefix.empty()) return;
  addDevice(cmd, setting::device, t.device);
  addSetting(cmd, setting::threads, t.threads);
  // Process-wide and not part of the results (any count gives the same batches).
  cmd->add_option_function<int>(
         "--loader-workers",
         [](int n) {
           try {
             setDefaultWorkerCount(n);
           } catch (const ConfigError& e) {
             throw CLI::ValidationError("--loader-workers", e.what());
           }
         },
         "Threads decoding image files (0 = one per core)")
      ->default_str("0");
}

void addScoreRunOptions(CLI::App* cmd, ScoreConfig& c, const std::string& prefix) {
  addSetting(cmd, setting::epochs, c.train.epochs, prefix);
  addSetting(cmd, setting::scoreSeeds, c.seeds, prefix);
  addSetting(cmd, setting::model, c.train.model, prefix);
  addSetting(cmd, setting::limit, c.limit);
}

int runCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"PruneScope command line: data pruning for image classification"};
  app.set_version_flag("--version", std::string("prunescope-cli ") + kVersion);
  app.require_subcommand(1);

  InfoOptions info;
  CLI::App* infoCmd = app.add_subcommand("info", "Print a dataset's format, splits, classes, shape and fingerprint");
  infoCmd->add_option("dataset", info.dataset, "A dataset path (IDX, CIFAR binary, image folder, CSV) or fashion-mnist")
      ->required();
  infoCmd->add_flag("--json", info.json, "Print JSON instead of text");
  infoCmd->add_flag("--stats", info.stats, "Also compute per-channel pixel mean and std of the train split");
  infoCmd->add_option("--list-skipped", info.maxSkippedListed, "How many skipped files to list");
  infoCmd->add_option("--db", info.db,
                      "Store whose file table spares reading an unchanged image folder again (default: "
                      "$PRUNESCOPE_DB or ~/.local/share/prunescope/workspace.sqlite)");
  addOpenOptions(infoCmd, info.open);

  std::vector<CliCommand> commands;
  addScoreCommands(app, {out, err}, commands);
  addStudyCommands(app, {out, err}, commands);
  addTrainCommands(app, {out, err}, commands);
  addLabelCheckCommand(app, {out, err}, commands);
  addDuplicatesCommand(app, {out, err}, commands);
  addMapCommand(app, {out, err}, commands);
  addTagCommands(app, {out, err}, commands);
  addDecisionCommands(app, {out, err}, commands);
  addClusterCommands(app, {out, err}, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help, --version
    err << "prunescope-cli: " << e.what() << "\n";
    return 2;
  }
  try {
    if (*infoCmd) return runInfo(info, out, err);
    for (const auto& c : commands)
      if (*c.app) return c.run();
  } catch (const Error& e) {
    err << "prunescope-cli: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "prunescope-cli: error: " << describeError(e) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace ps
