// prunescope-cli: duplicates (training examples that are copies of one another, and test
// examples that are copies of training examples: exact ones by identical decoded pixels,
// near ones by the cosine similarity of an embedding).
#include <memory>
#include <optional>
#include <sstream>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "cli/score_source.h"
#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "embed/duplicates.h"
#include "embed/run_embedding_choice.h"
#include "job/job.h"
#include "store/store.h"
#include "util/csv_writer.h"

namespace ps {

namespace {

struct DuplicatesOptions {
  std::string dataset, out, db, embedding = "classifier";
  double threshold = kDefaultNearThreshold;
  int64_t run = 0;  // 0: the newest run with an embedding, else one computed
  int neighbours = NearDuplicateOptions{}.neighbours;
  bool exactOnly = false, quiet = false;
};

void writeDuplicatesCsv(const Dataset& ds, const std::vector<DuplicateRow>& rows, const std::string& path) {
  CsvWriter csv({"kind", "split_a", "index_a", "source_a", "split_b", "index_b", "source_b", "similarity"});
  for (const DuplicateRow& p : rows) {
    csv.text(p.exact ? "exact" : "near").text(splitName(p.a.split)).integer(p.a.index);
    csv.text(ds.source(p.a.split, static_cast<size_t>(p.a.index)));
    csv.text(splitName(p.b.split)).integer(p.b.index);
    csv.text(ds.source(p.b.split, static_cast<size_t>(p.b.index))).number(p.similarity).endRow();
  }
  csv.save(path);
}

void printExact(const Dataset& ds, const ExactDuplicates& d, std::ostream& out) {
  out << "exact duplicates (identical decoded pixels) in " << ds.size(Split::Train) << " training and "
      << ds.size(Split::Test) << " test examples: " << d.groups << (d.groups == 1 ? " group\n" : " groups\n");
  out << "  within training: " << d.withinTrain << " copies of an earlier training example\n";
  out << "  within test:     " << d.withinTest << " copies of an earlier test example\n";
  out << "  leaks:           " << d.testExamplesLeaked
      << " test examples identical to a training example (train/test pairs: " << d.leaks << ")\n";
}

void printNear(const DuplicateReport& r, bool testSearched, std::ostream& out) {
  out << "near duplicates (cosine similarity >= " << r.threshold << " in the " << r.embeddingSource
      << " embedding, not pixel-identical; " << r.searchMethod << " search):\n";
  out << "  within training: " << r.nearWithinTrain << " pairs among the first " << r.trainRowsSearched
      << " training examples\n";
  if (testSearched)
    out << "  leaks:           " << r.nearLeaks << " test/training pairs\n"
        << "test examples with an exact or near duplicate in training: " << r.testExamplesLeaked << "\n";
  else
    out << "  leaks:           not searched (the run holds no embedding of the test split)\n";
}

ScoreConfig embeddingRequest(const DuplicatesOptions& o) {
  ScoreConfig c = defaultEmbeddingRequest();
  c.prototypeEmbedding = o.embedding;
  return c;
}

int runDuplicates(const DuplicatesOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.exactOnly) checkNearThreshold(o.threshold);  // before anything is read or trained
  if (o.run < 0) throw ConfigError("--run " + std::to_string(o.run) + ": expected a run id (see prunescope-cli runs)");
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&line](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  ctx.setLog([&line](const std::string& l) { line.log(l); });
  std::vector<DuplicateRow> rows;
  if (o.exactOnly) {
    const ExactDuplicates d = findExactDuplicates(*ds, &ctx);
    line.finish();
    printExact(*ds, d, out);
    for (const DuplicatePair& p : d.pairs) rows.push_back({true, p.first, p.copy, 1.0});
  } else {
    ScoreConfig request = embeddingRequest(o);
    std::ostringstream batchNote;  // the small-set rule of the score command, said only when it trains
    adaptScoringBatch(*ds, request, false, batchNote);
    const ChosenEmbedding e =
        chooseEmbedding(*ds, store, o.run > 0 ? std::optional<int64_t>(o.run) : std::nullopt, request, ctx,
                        [&](const std::string& what) { out << what << "\n"
                                                           << batchNote.str() << std::flush; });
    out << "embedding: " << e.said << (e.computed ? ", computed now" : "") << "\n";
    NearDuplicateOptions near;
    near.threshold = o.threshold;
    near.neighbours = o.neighbours;
    const DuplicateReport r = findDuplicates(*ds, e.train, e.test ? &*e.test : nullptr, near, &ctx);
    line.finish();
    printExact(*ds, r.exact, out);
    printNear(r, e.test.has_value(), out);
    rows = r.rows;
  }
  if (!o.out.empty()) {
    writeDuplicatesCsv(*ds, rows, o.out);
    out << "wrote " << rows.size() << " pairs to " << o.out << "\n";
  }
  return 0;
}

}  // namespace

void addDuplicatesCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto o = std::make_shared<DuplicatesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "duplicates",
      "Find exact duplicates by decoded pixels and near duplicates by embedding cosine similarity: copies within "
      "the training set, and test examples with a copy in the training set (train/test leaks)");
  cmd->add_option("dataset", o->dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--out", o->out,
                  "Write one row per pair (kind exact|near, split_a, index_a, source_a, split_b, index_b, source_b, "
                  "similarity) to this CSV file; an exact group of k copies gives k - 1 rows, each against its first");
  cmd->add_option("--threshold", o->threshold, "Near duplicates: cosine similarity at least this, in (0, 1]")
      ->default_val(kDefaultNearThreshold);
  cmd->add_option("--run", o->run,
                  "Use the embedding stored with this run (default: the newest run holding one, else one is computed "
                  "by a short scoring run and kept)");
  cmd->add_option("--embedding", o->embedding,
                  "What computes an embedding when none is stored: classifier (3 epochs of small_cnn), ssl (the "
                  "self-supervised encoder) or a TorchScript encoder file")
      ->default_val("classifier");
  cmd->add_option("--neighbours", o->neighbours, "Nearest neighbours examined per example")
      ->default_val(NearDuplicateOptions{}.neighbours)
      ->check(CLI::Range(1, 1000));
  cmd->add_flag("--exact-only", o->exactOnly, "Only exact duplicates (no embedding needed)");
  cmd->add_option("--db", o->db, "Store file (shared with the GUI)");
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  commands.push_back({cmd, [o, io] { return runDuplicates(*o, io.out, io.err); }});
}

}  // namespace ps
