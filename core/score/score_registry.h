#pragma once
// The scores, registered once: the CLI's --scores help, the scoring form's list, the help
// dialog and the engine's checks are built from here. No torch, no Qt.
//
// Adding a score is its hook (score/score_hooks.h) plus one registerScore call whose
// makeHook creates it (see CONTRIBUTING.md, "Adding things"); the engine then feeds it
// from the scoring run's training loop. Register before the score is used, from one
// thread (at start-up: the built-in ones are there from the first call); reads are safe
// from any thread.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ps {

class TrainHook;
struct ScoreConfig;

// What a score needs trained before it can be read.
enum class ScoreTraining {
  None,        // nothing (random)
  Classifier,  // the scoring run's classifier (EL2N, forgetting, ...)
  Embedding,   // an embedding: the classifier's, a self-supervised encoder or a TorchScript one (prototypes)
};

// What a hook factory is told about the seed it is made for.
struct ScoreHookArgs {
  const ScoreConfig& config;
  int64_t examples = 0;  // positions 0..examples-1 of the training data
  int epochs = 0;        // the classifier's training
  uint64_t seed = 0;     // this seed's value (config.train.seed + seed index)
};
using ScoreHookFactory = std::function<std::unique_ptr<TrainHook>(const ScoreHookArgs&)>;

struct ScoreInfo {
  std::string name;               // identifier: "el2n" (CLI, store, CSV headers)
  const char* description = "";   // its "higher = harder" meaning, one line (PS_WORDS("Wording", ...))
  std::string reference;          // the paper it comes from, for help texts
  bool rawHigherIsHarder = true;  // the raw value's direction (the stored difficulty is always higher = harder)
  ScoreTraining training = ScoreTraining::Classifier;
  // When in the classifier's training it is read, as a fraction of the epochs: EL2N and
  // GraNd early (0.2, settable by --el2n-epoch / --grand-epoch), the final model's scores
  // at 1; the dynamics scores (forgetting, AUM, data maps) watch the whole schedule.
  double readAt = 1.0;
  bool wholeSchedule = false;
  bool seeded = true;          // varies with the seed, so a run averages it over its seeds
  bool inDefaultSweep = true;  // in "default" (what one training run computes at once)
  bool checkedInForm = true;   // checked when the scoring form opens (GraNd is slow: off)
  // Creates the hook that computes it on the scoring run's training loop (its results()
  // carry `name`). Empty for the built-in scores, which the engine computes itself.
  ScoreHookFactory makeHook;
};

// Adds a score after the ones there; ConfigError when the name is taken, is not an
// identifier ([a-z0-9_]) or is one of the list words "default" and "all", or when it has
// no hook (a registered score is computed on the scoring run's classifier training).
void registerScore(ScoreInfo info);
// Takes a registered score out of the lists (tests).
void unregisterScore(const std::string& name);
// Every registered score, in display order (the built-ins first).
std::vector<ScoreInfo> registeredScores();
// The entry of `name`, or nullptr (valid for the process's life).
const ScoreInfo* findScore(const std::string& name);

}  // namespace ps
