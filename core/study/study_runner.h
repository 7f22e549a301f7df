#pragma once
// The steps every study shares: check the cache, resolve the score it prunes by, begin
// or resume its run, then for each point the result stored under the point's key or a
// training stored as soon as it is done, and last the summary, stored with the run's
// completion in one transaction. A study (frontier, scaling) supplies only what
// differs: its points and how their outcomes are summarised. No torch here.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "prune/prune_policy.h"
#include "study/study_config.h"
#include "train/train_config.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

// The difficulty vector a study prunes by, and the run it came from.
struct ResolvedScore {
  int64_t runId = 0;
  std::vector<int64_t> indices;   // training indices the scores cover
  std::vector<float> difficulty;  // one per index
  int64_t excluded = 0;           // examples left out as tagged "exclude"
  std::vector<float> tieKey;      // one per index, or empty: score/score_order.h's tieBreakKey
  PolicyInputs inputs;            // robust and group-balanced (study/policy_inputs.h), when asked for
  // How pruning ranks equal difficulties: by tieKey, then by training index.
  TieBreak tieBreak() const { return {tieKey.empty() ? nullptr : &tieKey, &indices}; }
};
// `name` picks one of the scoring run's scores (default: score.name); `alsoNeeded`
// names other scores to compute in the same scoring run. ConfigError when the run
// lacks the score.
ResolvedScore resolveStudyScore(const Dataset& ds, Store& store, const StudyScore& score, JobContext& ctx,
                                const std::string& name = "", const std::vector<std::string>& alsoNeeded = {});

// One training of a study.
struct StudyPoint {
  std::string key;                // result key in the study run, "point/..."
  std::string label;              // for progress and the log: "hard f=0.5 seed 0"
  std::vector<int64_t> trainIdx;  // training indices of the pruned subset
  int epochs = 0;
  uint64_t seed = 0;
  bool mustLearn = false;  // the run fails if this point's model does not learn
};

// What a point's training gave (from the store when it was trained before).
struct PointOutcome {
  double error = 0;
  std::vector<double> perClassAccuracy;  // empty for a result stored without it
  // Per test group (study/group_error.h; NaN: no test example), empty for a dataset
  // without attributes or a result stored without it.
  std::vector<double> perGroupAccuracy;
  int64_t kept = 0;
  int64_t trainRun = 0;
  bool learned = true;
};

struct StudyRunSpec {
  std::string kind;        // run kind: "frontier", "scaling"
  std::string configJson;  // the study's canonical configuration (cache key input)
  TrainConfig train;       // recipe of every point (epochs and seed come from the point)
  int64_t testLimit = 0;
};

// A study's run and its points, decided before any training (a cluster plan's tasks).
struct StudyPoints {
  StudyRunSpec spec;
  std::vector<StudyPoint> points;
};

// The id of the finished study run for this configuration on this dataset, if stored.
std::optional<int64_t> findFinishedStudy(const Store& store, const Dataset& ds, const StudyRunSpec& spec);

// Begins (or resumes) the study run and goes through `points` in order; then calls
// `summarise` with the run id and one outcome per point (same order) and stores the JSON
// it returns as the run's "summary" while marking the run done, in one transaction.
// A cancel leaves the run interrupted with its finished points kept (the next identical
// request resumes it); any other error marks it failed. Returns the run id.
int64_t runStudyPoints(const Dataset& ds, Store& store, const StudyRunSpec& spec, const std::vector<StudyPoint>& points,
                       JobContext& ctx,
                       const std::function<std::string(int64_t, const std::vector<PointOutcome>&)>& summarise);

}  // namespace ps
