#pragma once
// Which scores a command that prunes by a score uses, said before anything is computed
// (a scoring can take hours): the run the user named; else, when the command line sets
// no training of its own for the score, the newest finished run of the dataset holding
// every score needed (with the same --limit); else the exact request, answered from the
// store when it was computed before, or trained — and then what it trains (examples,
// epochs, seeds) and the estimated time are printed first.
#include <iosfwd>
#include <string>
#include <vector>

#include "score/score_config.h"
#include "study/study_config.h"

namespace CLI {
class App;
}  // namespace CLI

namespace ps {

class Dataset;
class Store;

// Whether `cmd` was given any option of the scoring run's training (--score-epochs,
// --score-seeds, --score-model, with `prefix` "score-").
bool scoreTrainingGiven(const CLI::App& cmd, const std::string& prefix);

// Settles `score` for a command needing the scores `names` (the first is the one it
// prunes by) and says on `out` which run it uses or what it will compute: sets
// score.runId to a cached run when one is used.
void chooseScoreSource(const Dataset& ds, const Store& store, StudyScore& score, const std::vector<std::string>& names,
                       bool trainingGiven, std::ostream& out);

// The rule for small training sets (train/train_health.h): when the command line set no
// batch size, `config`'s is lowered so that the examples it scores give at least
// kMinStepsPerEpoch steps per epoch; said on `out` when it changes. The value is the
// run's setting, in its cache key.
void adaptScoringBatch(const Dataset& ds, ScoreConfig& config, bool batchGiven, std::ostream& out);

// "60000 examples x 10 epochs x 1 seed (small_cnn, batch 128, cpu), about 4 m 10 s
// (estimated from a training rate of 2300 images/s measured now)".
std::string scoringPlanText(const Dataset& ds, const ScoreConfig& config);

// For the score command: what the request will train, said before it starts, or the run
// that answers it from the store.
void announceScoring(const Dataset& ds, const Store& store, const ScoreConfig& config, std::ostream& out);

}  // namespace ps
