// tag / tags: tags on training examples, stored per dataset (store/example_tags.h).
#include <memory>
#include <ostream>

#include "cli/cli_command.h"
#include "data/dataset_opener.h"
#include "store/example_tags.h"
#include "store/store.h"
#include "util/csv_writer.h"
#include "util/text_list.h"

namespace ps {

namespace {

struct TagOptions {
  std::string dataset, db, tag, examples;
  bool remove = false;
};

struct TagsOptions {
  std::string dataset, db, out, only;
};

std::vector<int64_t> parseExamples(const std::string& list) {
  std::vector<int64_t> out;
  for (const std::string& item : splitList(list)) {
    const auto i = parseInteger(item);
    if (!i || *i < 0) throw ConfigError("example '" + item + "': expected a training-split index (0, 1, ...)");
    out.push_back(*i);
  }
  if (out.empty()) throw ConfigError("no examples given: expected --examples 12,40,977");
  return out;
}

int runTag(const TagOptions& o, CliIo io) {
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, io.err);
  const std::vector<int64_t> examples = parseExamples(o.examples);
  tagExamples(store, *ds, examples, o.tag, !o.remove);
  io.out << (o.remove ? "removed tag '" : "tagged ") << (o.remove ? o.tag + "' from " : "") << examples.size()
         << " example" << (examples.size() == 1 ? "" : "s") << (o.remove ? "" : " as '" + o.tag + "'") << " in "
         << store.path() << "\n";
  // keep and exclude exclude each other (store/example_tags.h): say what the tag took off.
  if (!o.remove && (o.tag == kKeepTag || o.tag == kExcludeTag))
    io.out << "(an example is kept or excluded, not both: any '" << (o.tag == kKeepTag ? kExcludeTag : kKeepTag)
           << "' tag on them was removed)\n";
  return 0;
}

int runTags(const TagsOptions& o, CliIo io) {
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, io.err);
  if (!o.only.empty()) checkTagName(o.only);
  CsvWriter csv({"index", "class_name", "tag", "source"});
  size_t rows = 0;
  for (const auto& [example, tags] : loadTags(store, *ds))
    for (const auto& tag : tags) {
      if (!o.only.empty() && tag != o.only) continue;
      const auto i = static_cast<size_t>(example);
      csv.integer(example).text(ds->classNames()[static_cast<size_t>(ds->label(Split::Train, i))]).text(tag);
      csv.text(ds->source(Split::Train, i)).endRow();
      ++rows;
    }
  if (o.out.empty()) {
    io.out << csv.str();
  } else {
    csv.save(o.out);
    io.out << "wrote " << rows << " tags to " << o.out << "\n";
  }
  return 0;
}

}  // namespace

void addTagCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  auto tag = std::make_shared<TagOptions>();
  CLI::App* tagCmd = app.add_subcommand(
      "tag",
      "Tag training examples (mislabelled, ambiguous, keep, exclude or your own); 'exclude' leaves them out "
      "of pruned subsets; 'keep' and 'exclude' replace each other");
  tagCmd->add_option("dataset", tag->dataset, "A dataset path or fashion-mnist")->required();
  tagCmd->add_option("tag", tag->tag, "The tag")->required();
  tagCmd->add_option("--examples", tag->examples, "Comma-separated training indices")->required();
  tagCmd->add_flag("--remove", tag->remove, "Remove the tag instead");
  tagCmd->add_option("--db", tag->db, "Store file (shared with the GUI)");
  commands.push_back({tagCmd, [tag, io] { return runTag(*tag, io); }});

  auto tags = std::make_shared<TagsOptions>();
  CLI::App* tagsCmd = app.add_subcommand("tags", "List the tagged examples of a dataset as CSV");
  tagsCmd->add_option("dataset", tags->dataset, "A dataset path or fashion-mnist")->required();
  tagsCmd->add_option("--tag", tags->only, "Only this tag");
  tagsCmd->add_option("--out", tags->out, "CSV file (default: standard output)");
  tagsCmd->add_option("--db", tags->db, "Store file (shared with the GUI)");
  commands.push_back({tagsCmd, [tags, io] { return runTags(*tags, io); }});
}

}  // namespace ps
