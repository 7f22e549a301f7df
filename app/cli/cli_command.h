#pragma once
// Shared pieces of prunescope-cli's commands: each command module registers its
// subcommands with CLI11 and a function that runs one once parsed.
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "data/readers.h"
#include "score/score_config.h"
#include "train/train_config.h"
#include "util/errors.h"
#include "util/named_enum.h"

namespace ps {

class Dataset;
class Store;
class JobContext;
struct StudyPoints;

struct CliCommand {
  CLI::App* app;
  std::function<int()> run;
};

struct CliIo {
  std::ostream& out;
  std::ostream& err;
};

// An option whose value is one of an enum's names, parsed once here (a usage error
// naming the accepted names otherwise); its help lists them and the default.
template <typename E>
CLI::Option* addEnumOption(CLI::App* cmd, const std::string& name, E& target, const NameTable<E>& names,
                           const std::string& help) {
  return cmd
      ->add_option_function<std::string>(
          name,
          [&target, &names, name](const std::string& s) {
            try {
              target = parseEnum(names, s, name.substr(2));
            } catch (const ConfigError& e) {
              throw CLI::ValidationError(name, e.what());
            }
          },
          help + " (" + enumChoices(names) + ")")
      ->default_str(enumName(names, target));
}

void addScoreCommands(CLI::App& app, CliIo io,
                      std::vector<CliCommand>& commands);  // score, scores, import-scores, montage
void addStudyCommands(CLI::App& app, CliIo io,
                      std::vector<CliCommand>& commands);  // prune, frontier, scaling, audit, theory
void addTrainCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);     // lr-range
void addTagCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);       // tag, tags
void addDecisionCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);  // plan-prune, report
void addClusterCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);   // task, merge, slurm
// label-check (app/cli/label_check_command.cpp)
void addLabelCheckCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);
// duplicates (app/cli/duplicates_command.cpp)
void addDuplicatesCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);
// map (app/cli/map_command.cpp)
void addMapCommand(CLI::App& app, CliIo io, std::vector<CliCommand>& commands);

// slurm frontier|scaling: the study commands themselves, with their own options, under
// `parent`; `extra` adds more options to each (the Slurm ones). Once parsed, the planner
// gets the study's kind, dataset, store and a function giving its points, and the
// parsed command (to write the study's own command line into the plan).
struct StudyPlanRequest {
  std::string kind, dataset, db;
  std::function<StudyPoints(const Dataset&, Store&, JobContext&)> points;
};
using StudyPlanner = std::function<int(const StudyPlanRequest&, const CLI::App*)>;
void addStudyPlanCommands(CLI::App* parent, std::vector<CliCommand>& commands,
                          const std::function<void(CLI::App*)>& extra, const StudyPlanner& plan);

// Options of the training recipe (--model, --epochs, --lr, ...), with `prefix` for
// commands that have two recipes.
void addTrainOptions(CLI::App* cmd, TrainConfig& t, const std::string& prefix = "");
// Options of the scoring run a command needs (--score-epochs, --score-seeds, ...).
void addScoreRunOptions(CLI::App* cmd, ScoreConfig& c, const std::string& prefix);
// Options of a scoring request (--score into `scores`, the recipe, --seeds, --limit,
// the scores' own settings), as the score command and slurm score take them.
void addScoreRequestOptions(CLI::App* cmd, ScoreConfig& c, std::string& scores);
std::string storePathOr(const std::string& db);

// Opens a dataset for a command, with the file table of `store` (an unchanged image
// folder is only listed and stat'ed); a first open reading many files draws its progress
// on `err`.
std::unique_ptr<Dataset> openDatasetFor(const std::string& spec, Store& store, std::ostream& err,
                                        const OpenOptions& options = {});

}  // namespace ps
