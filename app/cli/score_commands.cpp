// prunescope-cli: score, scores, import-scores and montage.
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "cli/registry_help.h"
#include "cli/score_source.h"
#include "cli/setting_options.h"
#include "data/dataset_opener.h"
#include "data/montage.h"
#include "job/job.h"
#include "score/prediction_columns.h"
#include "score/score_engine.h"
#include "score/score_name_import.h"
#include "score/score_order.h"
#include "store/store.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

struct ScoreOptions {
  std::string dataset;
  std::string scores = setting::scores.text;
  std::string db;
  std::string out;
  ScoreConfig config;
  bool quiet = false;
  bool batchGiven = false;  // --batch-size on the command line
};

// One row per example: its scores, then the run's predictions when it stored them.
void writeScoreCsv(const Dataset& ds, const ScoreRun& run, const std::string& path) {
  std::vector<std::string> header = {"index", "label", "class_name", "source"};
  for (const auto& n : run.names)
    for (const std::string suffix : {"", "_raw", "_std"}) header.push_back(n + suffix);
  const PredictionColumns predictions(run.predictions, run.indices, ds.labelsOf(Split::Train, run.indices),
                                      ds.classNames());
  if (!predictions.empty())
    header.insert(header.end(), PredictionColumns::header().begin(), PredictionColumns::header().end());
  CsvWriter csv(header);
  for (size_t k = 0; k < run.indices.size(); ++k) {
    const auto i = static_cast<size_t>(run.indices[k]);
    const int label = ds.label(Split::Train, i);
    csv.integer(run.indices[k]).integer(label).text(ds.classNames()[static_cast<size_t>(label)]);
    csv.text(ds.source(Split::Train, i));
    for (const auto& n : run.names)
      csv.number(run.difficulty.at(n)[k]).number(run.raw.at(n)[k]).number(run.spread.at(n)[k]);
    if (!predictions.empty()) predictions.writeAt(csv, k);
    csv.endRow();
  }
  csv.save(path);
}

int runScore(ScoreOptions& o, std::ostream& out, std::ostream& err) {
  o.config.scores = parseScoreList(o.scores);
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  adaptScoringBatch(*ds, o.config, o.batchGiven, out);
  announceScoring(*ds, store, o.config, out);  // what it trains and for how long, before it starts
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  ctx.setLog([&](const std::string& l) { line.log(l); });
  const ScoreRun run = scoreDataset(*ds, store, o.config, ctx);
  line.finish();
  out << (run.fromCache ? "cached run "
          : run.resumed ? "resumed run "
                        : "run ")
      << run.runId << ": " << run.indices.size() << " examples, " << run.names.size() << " scores, device "
      << run.device << ", " << formatDuration(run.seconds) << (run.fromCache ? " (computed earlier)" : "") << "\n";
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
  for (const auto& [name, why] : run.refused) out << "  left out: " << why << "\n";
  if (!o.out.empty()) {
    writeScoreCsv(*ds, run, o.out);
    out << "wrote " << o.out << "\n";
  }
  return 0;
}

int runScores(const std::string& dataset, const std::string& db, std::ostream& out, std::ostream& err) {
  Store store(storePathOr(db));
  auto ds = openDatasetFor(dataset, store, err);
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
    const auto stored = store.vectorNames(r.runId);  // ties ranked by pred/p_label when held (score_order.h)
    const bool byKey = std::find(stored.begin(), stored.end(), "pred/p_label") != stored.end();
    for (const auto& n : r.names)
      out << "    " << n << ": " << describeTopTie(topTie(store.vector(r.runId, n)), byKey) << "\n";
  }
  return 0;
}

struct ImportOptions {
  std::string dataset, file, direction, db, keyColumn;
  std::vector<std::string> names, columns;
  double minMatched = 0.9;
};

// The score columns of a CSV keyed by name: those given, or its one score/value/difficulty column.
std::vector<std::string> importColumns(const ImportOptions& o, const std::vector<std::string>& header) {
  if (!o.columns.empty()) return o.columns;
  for (const std::string c : {"score", "value", "difficulty"})
    if (std::find(header.begin(), header.end(), c) != header.end()) return {c};
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw ConfigError(o.file + ": which columns are scores? Name them with --column (the file's columns are: " + have +
                    ")");
}

int runImportByName(const ImportOptions& o, const Dataset& ds, Store& store, std::ostream& out) {
  NameImportRequest req;
  req.keyColumn = o.keyColumn;
  req.columns = importColumns(o, csvHeader(o.file));
  req.names = o.names;
  req.higherIsHarder = o.direction == "harder";
  req.minMatchedShare = o.minMatched;
  const NameImportResult r = importScoresByName(ds, store, o.file, req);
  const NameMatchReport& m = r.report;
  out << "matched " << m.matched << " of " << m.rows << " rows to training examples by file name";
  if (m.unmatched() > 0) {
    out << "; " << m.unmatched() << " unmatched, for example:";
    for (const auto& u : m.unmatchedExamples) out << " " << u;
  }
  out << "\n";
  if (m.matched < m.trainingExamples)
    out << (m.trainingExamples - m.matched) << " of " << m.trainingExamples
        << " training examples have no row: the run scores the other " << m.matched << "\n";
  out << (r.run.fromCache ? "already imported as run " : "imported as run ") << r.run.runId << ": "
      << r.run.indices.size() << " values each of";
  for (const auto& n : r.run.names) out << " '" << n << "'";
  out << "\n";
  return 0;
}

int runImport(const ImportOptions& o, std::ostream& out, std::ostream& err) {
  if (o.direction != "harder" && o.direction != "easier")
    throw ConfigError("direction '" + o.direction + "': expected harder (higher values are harder) or easier");
  const bool npy = endsWith(toLower(o.file), ".npy");
  const bool byName = !npy && (!o.keyColumn.empty() || !o.columns.empty() || hasKeyColumn(csvHeader(o.file), ""));
  if (npy && (!o.keyColumn.empty() || !o.columns.empty()))
    throw ConfigError(o.file + ": a .npy holds one value per training index; --key-column and --column are for CSV");
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  if (byName) return runImportByName(o, *ds, store, out);
  if (o.names.size() != 1)
    throw ConfigError("import by training index needs one --name (several names go with several --column)");
  const ScoreRun run = importScores(*ds, store, o.file, o.names.front(), o.direction == "harder");
  out << (run.fromCache ? "already imported as run " : "imported as run ") << run.runId << ": " << run.indices.size()
      << " values of '" << o.names.front() << "'\n";
  return 0;
}

struct MontageOptions {
  std::string dataset, score, db, out, className;
  bool easiest = false;
  int count = 48, columns = 12, scale = 3;
  int64_t run = 0;
};

// The newest finished scoring run of the dataset that holds the score.
int64_t newestRunWithScore(const Store& store, const Dataset& ds, const MontageOptions& o) {
  for (const auto& r : listScoreRuns(store, ds.fingerprint()))
    if (std::find(r.names.begin(), r.names.end(), o.score) != r.names.end()) return r.runId;
  throw ConfigError("no finished run with score '" + o.score + "' for " + o.dataset + " in " + store.path() +
                    " (run prunescope-cli score first)");
}

// The class --class names: its name, its label, or its folder id when its name starts
// with one (ImageNet's "n01440764 tench" is also "n01440764"); -1 for every class.
int classFilter(const Dataset& ds, const MontageOptions& o) {
  if (o.className.empty()) return -1;
  const std::vector<std::string>& names = ds.classNames();
  for (size_t c = 0; c < names.size(); ++c)
    if (names[c] == o.className || std::to_string(c) == o.className) return static_cast<int>(c);
  int byId = -1;
  for (size_t c = 0; c < names.size(); ++c) {
    if (names[c].rfind(o.className + " ", 0) != 0) continue;
    if (byId >= 0)
      throw ConfigError("class '" + o.className + "' begins the names of several classes of " + o.dataset + " ('" +
                        names[static_cast<size_t>(byId)] + "', '" + names[c] + "'); give the whole name or the label");
    byId = static_cast<int>(c);
  }
  if (byId >= 0) return byId;
  throw ConfigError("class '" + o.className + "' is not a class name, folder id or label of " + o.dataset);
}

// Encodes the montage in the format the output path's extension names.
std::string encodeMontage(const cv::Mat& m, const std::string& path) {
  const std::string lower = toLower(path);
  const std::string ext = endsWith(lower, ".png")                               ? ".png"
                          : endsWith(lower, ".jpg") || endsWith(lower, ".jpeg") ? ".jpg"
                                                                                : "";
  if (ext.empty()) throw ConfigError(path + ": expected a .png or .jpg path for the montage");
  std::vector<uint8_t> encoded;
  if (!cv::imencode(ext, m, encoded)) throw ConfigError(path + ": the montage could not be encoded as " + ext);
  return {encoded.begin(), encoded.end()};
}

int runMontage(const MontageOptions& o, std::ostream& out, std::ostream& err) {
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  const int64_t runId = o.run != 0 ? o.run : newestRunWithScore(store, *ds, o);
  const ScoreRun run = loadScoreRunFor(store, runId, *ds);
  if (!run.difficulty.count(o.score))
    throw ConfigError("run " + std::to_string(runId) + " has no score '" + o.score + "'");
  const auto& d = run.difficulty.at(o.score);
  const int wantClass = classFilter(*ds, o);
  // the ranking pruning uses, ties included (score/score_order.h)
  const std::vector<float> tieKey = tieBreakKey(run.predictions);
  const TieBreak tie{tieKey.size() == d.size() ? &tieKey : nullptr, &run.indices};
  std::vector<size_t> order(d.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return o.easiest ? rankedHarder(d, tie, b, a) : rankedHarder(d, tie, a, b); });
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
  writeFileAtomically(o.out, encodeMontage(m, o.out));
  out << "wrote " << o.out << ": the " << picked.size() << (o.easiest ? " easiest" : " hardest") << " examples by "
      << o.score << " (run " << runId << ")\n";
  return 0;
}

}  // namespace

namespace {

// How the seeds are computed (not settings of the results: the scores are the same either way).
void addSeedPathOptions(CLI::App* cmd, ScoreConfig& c) {
  cmd->add_option("--pack-seeds", c.packSeeds,
                  "Seeds trained together, each with a share of the cores (default: as many as the cores and "
                  "memory allow; the results are those of one seed at a time)")
      ->check(CLI::Validator(
          [](std::string& v) {
            return std::atoi(v.c_str()) >= 1 ? std::string() : "must be at least 1 (seeds trained together), not " + v;
          },
          "N>=1"));
  cmd->add_flag("--sequential-seeds", c.sequentialSeeds, "Train the seeds one after another (for comparison)");
  cmd->add_flag("--whole-schedule", c.wholeSchedule,
                "Train every epoch even when the scores are read early, to keep the final model's predictions");
}

}  // namespace

// The request's options, from their declarations (score/score_settings.h, train/train_settings.h).
void addScoreRequestOptions(CLI::App* cmd, ScoreConfig& c, std::string& scores) {
  addSetting(cmd, setting::scores, scores)->description(scoreOptionHelp());
  addTrainOptions(cmd, c.train);
  addSetting(cmd, setting::scoreSeeds, c.seeds);
  addSeedPathOptions(cmd, c);
  addSetting(cmd, setting::limit, c.limit);
  addSetting(cmd, setting::el2nEpoch, c.el2nEpoch);
  addSetting(cmd, setting::grandEpoch, c.grandEpoch);
  addSetting(cmd, setting::prototypeK, c.prototypeK);
  addSetting(cmd, setting::prototypeKPerClass, c.prototypeKPerClass);
  addSetting(cmd, setting::prototypeEmbedding, c.prototypeEmbedding);
  addSetting(cmd, setting::sslEpochs, c.sslEpochs);
  addSetting(cmd, setting::semdedupK, c.semdedupK);
}

namespace {

CLI::App* addScoreCommand(CLI::App& app, ScoreOptions& score) {
  CLI::App* cmd = app.add_subcommand("score", "Score every training example by difficulty (cached in the store)");
  cmd->add_option("dataset", score.dataset, "A dataset path or fashion-mnist")->required();
  addScoreRequestOptions(cmd, score.config, score.scores);
  cmd->add_option("--db", score.db, "Store file (default: the user's workspace store)");
  cmd->add_option("--out", score.out, "Write every score per example to this CSV file");
  cmd->add_flag("--quiet", score.quiet, "No progress line");
  return cmd;
}

CLI::App* addImportCommand(CLI::App& app, ImportOptions& imp) {
  CLI::App* cmd = app.add_subcommand("import-scores", "Import external per-example scores (CSV or .npy)");
  cmd->add_option("dataset", imp.dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("file", imp.file,
                  "CSV (one value per line; score/value and index columns; or a file-name key column and score "
                  "columns) or 1-D .npy")
      ->required();
  cmd->add_option("--name", imp.names, "Name to store the score under (one per --column; default: the column names)");
  cmd->add_option("--direction", imp.direction, "harder: higher values are harder; easier: lower are harder")
      ->required();
  cmd->add_option("--key-column", imp.keyColumn,
                  "CSV column naming each row's file (default: filename, file_name or path)");
  cmd->add_option("--column", imp.columns, "Score column of a CSV keyed by file name (repeat for several)");
  cmd->add_option("--min-matched", imp.minMatched, "Refuse when a smaller share of the rows names a file")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--db", imp.db, "Store file");
  return cmd;
}

CLI::App* addMontageCommand(CLI::App& app, MontageOptions& mont) {
  CLI::App* cmd = app.add_subcommand("montage", "Write a PNG grid of the hardest (or easiest) examples by a score");
  cmd->add_option("dataset", mont.dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--score", mont.score, "Score name (from a cached run)")->required();
  cmd->add_flag("--easiest", mont.easiest, "The easiest instead of the hardest");
  cmd->add_option("--count", mont.count, "How many examples")->capture_default_str();
  cmd->add_option("--columns", mont.columns, "Tiles per row")->capture_default_str();
  cmd->add_option("--scale", mont.scale, "Pixel scale of each image")->capture_default_str();
  cmd->add_option("--class", mont.className, "Only this class (name, label or ImageNet folder id)");
  cmd->add_option("--run", mont.run, "Run id (default: newest run holding the score)");
  cmd->add_option("--db", mont.db, "Store file");
  cmd->add_option("--out", mont.out, "PNG file to write")->required();
  return cmd;
}

}  // namespace

void addScoreCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto score = std::make_shared<ScoreOptions>();
  CLI::App* scoreCmd = addScoreCommand(app, *score);
  auto scoresDataset = std::make_shared<std::string>(), scoresDb = std::make_shared<std::string>();
  CLI::App* scoresCmd = app.add_subcommand("scores", "List the scoring runs cached in the store for a dataset");
  scoresCmd->add_option("dataset", *scoresDataset, "A dataset path or fashion-mnist")->required();
  scoresCmd->add_option("--db", *scoresDb, "Store file");
  auto imp = std::make_shared<ImportOptions>();
  CLI::App* importCmd = addImportCommand(app, *imp);
  auto mont = std::make_shared<MontageOptions>();
  CLI::App* montageCmd = addMontageCommand(app, *mont);

  commands.push_back({scoreCmd, [score, scoreCmd, io] {
                        score->batchGiven = scoreCmd->get_option("--batch-size")->count() > 0;
                        return runScore(*score, io.out, io.err);
                      }});
  commands.push_back(
      {scoresCmd, [scoresDataset, scoresDb, io] { return runScores(*scoresDataset, *scoresDb, io.out, io.err); }});
  commands.push_back({importCmd, [imp, io] { return runImport(*imp, io.out, io.err); }});
  commands.push_back({montageCmd, [mont, io] { return runMontage(*mont, io.out, io.err); }});
}

}  // namespace ps
