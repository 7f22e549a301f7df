// prunescope-cli: duplicates (training examples that are copies of one another, and test
// examples that are copies of training examples, by identical decoded pixels).
#include <memory>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "data/exact_duplicates.h"
#include "job/job.h"
#include "util/csv_writer.h"

namespace ps {

namespace {

struct DuplicatesOptions {
  std::string dataset, out;
  bool quiet = false;
};

void writeDuplicatesCsv(const Dataset& ds, const ExactDuplicates& d, const std::string& path) {
  CsvWriter csv({"kind", "split_a", "index_a", "source_a", "split_b", "index_b", "source_b", "similarity"});
  for (const DuplicatePair& p : d.pairs) {
    csv.text("exact").text(splitName(p.first.split)).integer(p.first.index);
    csv.text(ds.source(p.first.split, static_cast<size_t>(p.first.index)));
    csv.text(splitName(p.copy.split)).integer(p.copy.index);
    csv.text(ds.source(p.copy.split, static_cast<size_t>(p.copy.index))).number(1.0).endRow();
  }
  csv.save(path);
}

int runDuplicates(const DuplicatesOptions& o, std::ostream& out, std::ostream& err) {
  auto ds = openDataset(o.dataset);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&line](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  const ExactDuplicates d = findExactDuplicates(*ds, &ctx);
  line.finish();
  out << "exact duplicates (identical decoded pixels) in " << ds->size(Split::Train) << " training and "
      << ds->size(Split::Test) << " test examples: " << d.groups << (d.groups == 1 ? " group\n" : " groups\n");
  out << "  within training: " << d.withinTrain << " copies of an earlier training example\n";
  out << "  within test:     " << d.withinTest << " copies of an earlier test example\n";
  out << "  leaks:           " << d.testExamplesLeaked
      << " test examples identical to a training example (train/test pairs: " << d.leaks << ")\n";
  if (!o.out.empty()) {
    writeDuplicatesCsv(*ds, d, o.out);
    out << "wrote " << d.pairs.size() << " pairs to " << o.out << "\n";
  }
  return 0;
}

}  // namespace

void addDuplicatesCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto o = std::make_shared<DuplicatesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "duplicates",
      "Find exact duplicates by decoded pixels: copies within the training set, within the test set, and test "
      "examples identical to a training example (train/test leaks)");
  cmd->add_option("dataset", o->dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--out", o->out,
                  "Write one row per pair (kind, split_a, index_a, source_a, split_b, index_b, source_b, "
                  "similarity) to this CSV file; a group of k copies gives k - 1 rows, each against its first");
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  commands.push_back({cmd, [o, io] { return runDuplicates(*o, io.out, io.err); }});
}

}  // namespace ps
