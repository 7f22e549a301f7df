// prunescope-cli: map (the embedding map of a run: every training example on a plane,
// laid out from the run's stored embedding, as a CSV of coordinates or a picture).
#include <memory>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "data/dataset.h"
#include "embed/embedding_map.h"
#include "embed/map_picture.h"
#include "job/job.h"
#include "store/store.h"
#include "util/csv_writer.h"

namespace ps {

namespace {

struct MapOptions {
  std::string dataset, db, out;
  int64_t run = 0;
  MapSettings settings;
  bool quiet = false;
};

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void writeMapCsv(const Dataset& ds, const StoredMap& map, const std::string& path) {
  CsvWriter csv({"index", "x", "y", "class", "class_name"});
  const auto& names = ds.classNames();
  for (size_t i = 0; i < map.x.size(); ++i) {
    const int label = ds.label(Split::Train, i);
    csv.integer(static_cast<int64_t>(i)).number(map.x[i]).number(map.y[i]).integer(label);
    csv.text(label >= 0 && static_cast<size_t>(label) < names.size() ? names[static_cast<size_t>(label)] : "");
    csv.endRow();
  }
  csv.save(path);
}

int runMap(MapOptions& o, std::ostream& out, std::ostream& err) {
  const bool png = endsWith(o.out, ".png") || endsWith(o.out, ".jpg");
  if (!o.out.empty() && !png && !endsWith(o.out, ".csv"))
    throw ConfigError("--out " + o.out + ": expected a file name ending .csv (coordinates) or .png (a picture)");
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, err);
  ProgressLine line(err, o.quiet);
  CancelToken token;
  JobContext ctx(
      &token, [&line](const Progress& p) { line.update(p); }, nullptr, std::chrono::milliseconds(200));
  const EmbeddingMap m = embeddingMap(store, *ds, o.run, o.settings, &ctx);
  line.finish();
  out << "embedding map of run " << m.runId << ": " << m.map.x.size() << " training examples, "
      << (m.fromCache ? "from the store's cache" : "laid out") << " (PCA to " << o.settings.pcaDims
      << " dimensions, UMAP-like layout of " << o.settings.neighbours << " neighbours, seed " << o.settings.seed << "; "
      << m.map.seconds << " s";
  if (m.map.laidOut < static_cast<int64_t>(m.map.x.size()))
    out << "; a sample of " << m.map.laidOut << " laid out, the rest placed at their nearest sampled neighbours";
  out << ")\n";
  if (o.out.empty()) return 0;
  if (png) {
    std::vector<int> labels(m.map.x.size());
    for (size_t i = 0; i < labels.size(); ++i) labels[i] = ds->label(Split::Train, i);
    writeMapPicture(m.map, labels, ds->classNames(), o.out);
  } else {
    writeMapCsv(*ds, m.map, o.out);
  }
  out << "wrote " << o.out << "\n";
  return 0;
}

}  // namespace

void addMapCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto o = std::make_shared<MapOptions>();
  CLI::App* cmd = app.add_subcommand(
      "map",
      "Lay out every training example on a plane from a run's stored embedding (PCA, then a UMAP-like layout of "
      "the k nearest neighbours, McInnes et al. 2018), cached in the store; write it as CSV or a picture");
  cmd->add_option("dataset", o->dataset, "A dataset path or fashion-mnist")->required();
  cmd->add_option("--run", o->run, "The run whose embedding to lay out (default: the newest run with one)");
  cmd->add_option("--out", o->out,
                  "map.csv: one row per training example (index, x, y, class, class_name); map.png: a picture "
                  "coloured by class");
  cmd->add_option("--seed", o->settings.seed, "Seed of the layout (the same seed gives the same map)");
  cmd->add_option("--db", o->db, "Store file (default: the user's workspace store)");
  cmd->add_flag("--quiet", o->quiet, "No progress line");
  commands.push_back({cmd, [o, io] { return runMap(*o, io.out, io.err); }});
}

}  // namespace ps
