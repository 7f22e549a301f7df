// prunescope-cli: label-check (likely mislabelled training examples by confident
// learning on out-of-sample probabilities, K-fold cross-validated; or, with --in-sample,
// the scoring run's own in-sample flag for comparison).
#include <iomanip>
#include <memory>
#include <sstream>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "job/job.h"
#include "score/label_check.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "util/csv_writer.h"
#include "util/text_list.h"

namespace ps {

namespace {

struct LabelCheckOptions {
  std::string dataset, db, out;
  LabelCheckConfig config;
  bool inSample = false;
  bool quiet = false;
};

// What is printed and written, whichever way the flags were made.
struct FlagTable {
  std::string what;  // "cross-validated, 4 folds" / "in-sample"
  int64_t runId = 0;
  bool fromCache = false;
  int seeds = 0, epochs = 0;
  std::vector<int64_t> indices;
  const Predictions* predictions = nullptr;
  LabelIssues issues;
};

void writeFlagsCsv(const Dataset& ds, const FlagTable& t, const std::string& path) {
  CsvWriter csv({"index", "label", "predicted", "p_label", "p_predicted", "flagged"});
  const Predictions& p = *t.predictions;
  for (size_t k = 0; k < t.indices.size(); ++k) {
    csv.integer(t.indices[k]).integer(ds.label(Split::Train, static_cast<size_t>(t.indices[k])));
    csv.integer(p.predicted[k]).number(p.pLabel[k]).number(p.pPredicted[k]).integer(t.issues.flagged[k]).endRow();
  }
  csv.save(path);
}

void printFlags(const Dataset& ds, const FlagTable& t, std::ostream& out) {
  const auto n = static_cast<double>(std::max<size_t>(1, t.indices.size()));
  out << "label check (" << t.what << "; " << t.seeds << (t.seeds == 1 ? " seed, " : " seeds, ") << t.epochs
      << " epochs): " << (t.fromCache ? "cached run " : "run ") << t.runId << "\n";
  out << "likely mislabelled: " << t.issues.total << " of " << t.indices.size() << " examples (" << std::fixed
      << std::setprecision(1) << 100.0 * static_cast<double>(t.issues.total) / n << " %)\n";
  const std::vector<int> labels = ds.labelsOf(Split::Train, t.indices);
  std::vector<int64_t> examples(ds.numClasses(), 0);
  for (int y : labels) ++examples[static_cast<size_t>(y)];
  out << "  class                 examples  flagged  threshold\n";
  for (size_t c = 0; c < ds.numClasses(); ++c)
    out << "  " << std::left << std::setw(20) << ds.classNames()[c] << std::right << std::setw(10) << examples[c]
        << std::setw(9) << t.issues.perClass[c] << std::setw(11) << std::setprecision(3) << t.issues.threshold[c]
        << "\n";
  out << std::defaultfloat;
  if (labelFlagTentative(t.seeds, t.epochs))
    out << "warning: tentative flags: they rest on " << t.seeds << (t.seeds == 1 ? " seed" : " seeds") << " and "
        << t.epochs << " epochs (fewer than " << kSureLabelSeeds << " seeds or " << kSureLabelEpochs
        << " epochs); such models take hard examples for mislabelled ones (use --seeds " << kSureLabelSeeds
        << " --epochs " << kSureLabelEpochs << " or more)\n";
}

int runLabelCheck(LabelCheckOptions& o, std::ostream& out, std::ostream& err) {
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&line](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  ctx.setLog([&line](const std::string& l) { line.log(l); });
  FlagTable t;
  LabelCheckRun check;
  ScoreRun scored;
  if (o.inSample) {
    // The scoring run of the same recipe (the models trained on every example).
    ScoreConfig sc;
    sc.scores = {"el2n"};
    sc.train = o.config.train;
    sc.seeds = o.config.seeds;
    sc.limit = o.config.limit;
    scored = scoreDataset(*ds, store, sc, ctx);
    t = {"in-sample, the scoring run's models",
         scored.runId,
         scored.fromCache,
         scored.predictions.seeds,
         o.config.train.epochs,
         scored.indices,
         &scored.predictions,
         {}};
    t.issues = findLabelIssues(scored.predictions, ds->labelsOf(Split::Train, scored.indices), ds->numClasses());
  } else {
    check = checkLabels(*ds, store, o.config, ctx);
    t = {"cross-validated, " + std::to_string(check.folds) + " folds, out-of-sample probabilities",
         check.runId,
         check.fromCache,
         check.seeds,
         check.epochs,
         check.indices,
         &check.predictions,
         check.issues};
  }
  line.finish();
  printFlags(*ds, t, out);
  if (!o.out.empty()) {
    writeFlagsCsv(*ds, t, o.out);
    out << "wrote " << o.out << "\n";
  }
  return 0;
}

}  // namespace

void addLabelCheckCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto o = std::make_shared<LabelCheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "label-check",
      "Flag likely mislabelled training examples: confident learning on out-of-sample probabilities, each "
      "example predicted by a model trained on the other folds (cached in the store)");
  cmd->add_option("dataset", o->dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--folds", o->config.folds, "Folds K: each fold is predicted by a model trained on the other K-1")
      ->capture_default_str()
      ->check([](const std::string& s) {
        const auto k = parseInteger(s);
        return k && *k >= 2 && *k <= 100
                   ? std::string()
                   : "'" + s +
                         "': expected a whole number of folds from 2 to 100 (each example must be predicted by a "
                         "model trained on the other folds)";
      });
  addTrainOptions(cmd, o->config.train);
  cmd->add_option("--seeds", o->config.seeds, "Repeats of the K-fold with other splits and seeds, averaged")
      ->capture_default_str();
  cmd->add_option("--limit", o->config.limit, "Check only the first N training examples (0 = all)");
  cmd->add_flag("--in-sample", o->inSample,
                "Instead, the in-sample flag of the scoring run with this recipe (its models trained on every "
                "example), for comparison");
  cmd->add_option("--db", o->db, "Store file (default: the user's workspace store)");
  cmd->add_option("--out", o->out,
                  "Write one row per training example (index, label, predicted, p_label, p_predicted, flagged) to "
                  "this CSV file");
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  commands.push_back({cmd, [o, io] { return runLabelCheck(*o, io.out, io.err); }});
}

}  // namespace ps
