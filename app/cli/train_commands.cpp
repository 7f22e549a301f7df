// prunescope-cli: lr-range (the learning-rate range test).
#include <cmath>
#include <iomanip>
#include <memory>
#include <sstream>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "store/store.h"
#include "train/lr_range.h"
#include "util/csv_writer.h"

namespace ps {

namespace {

struct LrRangeOptions {
  std::string dataset, out, db;
  LrRangeConfig config;
  bool quiet = false;
};

int runLrRange(LrRangeOptions& o, std::ostream& out, std::ostream& err) {
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  const LrRangeResult r = lrRangeTest(*ds, o.config, ctx);
  line.finish();
  out << "learning-rate range test: " << o.config.train.model << ", batch " << o.config.train.batchSize << ", "
      << r.lrs.size() << " steps from " << o.config.minLr << " to " << r.lrs.back()
      << (r.stoppedEarly ? " (stopped: the loss blew up)" : "") << "\n";
  out << "  learning rate   loss (smoothed)\n";
  const size_t rows = 12, n = r.lrs.size();
  for (size_t k = 0; k < rows && k < n; ++k) {
    const size_t i = n <= rows ? k : k * (n - 1) / (rows - 1);
    out << "  " << std::setw(13) << std::setprecision(3) << r.lrs[i] << "   " << std::setw(15) << std::setprecision(4)
        << r.smoothed[i] << "\n";
  }
  out << "suggested learning rate: " << std::setprecision(3) << r.suggested
      << " (where the loss falls fastest; it was lowest at " << r.minLossLr << ")\n";
  out << "use it with --lr " << std::setprecision(3) << r.suggested << "\n";
  if (!o.out.empty()) {
    CsvWriter csv({"step", "lr", "loss", "smoothed_loss"});
    for (size_t i = 0; i < n; ++i)
      csv.integer(static_cast<int64_t>(i)).number(r.lrs[i]).number(r.losses[i]).number(r.smoothed[i]).endRow();
    csv.save(o.out);
    out << "wrote " << o.out << "\n";
  }
  return 0;
}

}  // namespace

void addTrainCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto lr = std::make_shared<LrRangeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lr-range", "Learning-rate range test: train briefly at growing learning rates and suggest one");
  cmd->add_option("dataset", lr->dataset, "A dataset path or fashion-mnist")->required();
  addTrainOptions(cmd, lr->config.train);
  cmd->add_option("--limit", lr->config.limit, "Use only the first N training examples (0 = all)");
  cmd->add_option("--steps", lr->config.steps, "Optimiser steps")->capture_default_str();
  cmd->add_option("--min-lr", lr->config.minLr, "Smallest learning rate")->capture_default_str();
  cmd->add_option("--max-lr", lr->config.maxLr, "Largest learning rate")->capture_default_str();
  cmd->add_option("--out", lr->out, "Write the curve (step, lr, loss, smoothed loss) to this CSV file");
  cmd->add_option("--db", lr->db, "Store file whose file table spares reading an unchanged image folder again");
  cmd->add_flag("--quiet", lr->quiet, "No progress line");
  commands.push_back({cmd, [lr, io] { return runLrRange(*lr, io.out, io.err); }});
}

}  // namespace ps
