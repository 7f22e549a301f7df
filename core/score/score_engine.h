#pragma once
// Scoring runs: train (per seed), feed every requested score from one training loop,
// average over seeds, store the vectors, answer repeated requests from the cache, and
// resume interrupted runs from their per-epoch checkpoints. No torch in this header.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "score/predictions.h"
#include "score/score_config.h"
#include "train/train_health.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct ScoreRun {
  int64_t runId = 0;
  bool fromCache = false;        // answered from the store without computing
  bool resumed = false;          // continued an interrupted run
  std::vector<int64_t> indices;  // training-split indices scored, in vector order
  std::vector<std::string> names;
  std::map<std::string, std::vector<float>> difficulty;  // mean over seeds, higher = harder
  std::map<std::string, std::vector<float>> raw;         // the score as defined, mean over seeds
  std::map<std::string, std::vector<float>> spread;      // std of difficulty over seeds
  // Values stored beside a score under "<score>/<what>" (semdedup's "semdedup/order",
  // score/semdedup.h), mean over seeds; filled when computed (a run read back from the
  // store leaves it empty: read them with Store::vector).
  std::map<std::string, std::vector<float>> companions;
  // What the trained models predicted for each example (empty for imports and runs
  // without a classifier).
  Predictions predictions;
  std::map<std::string, double> seedSpearman;  // mean pairwise rank correlation (NaN: 1 seed)
  std::string device;
  double seconds = 0;
  std::vector<TrainingCurve> curves;  // per seed, when the scores trained a classifier
  // Scores requested but not stored because they cannot rank (no spread: every example
  // has the same value), with the reason; the other scores of the run are kept.
  std::map<std::string, std::string> refused;
  // Epochs the classifier trained (fewer than the schedule's when every requested score
  // is read early: stoppedEarly), and how the seeds were computed: "sequential",
  // "concurrent N" (N seeds at once), with a note when memory made it fall back.
  int trainedEpochs = 0;
  bool stoppedEarly = false;
  std::string seedsComputed;
};

// Runs (or fetches) the scoring run for `config` on the training split of `ds`.
// Throws ConfigError for bad settings, Cancelled when the context is cancelled (the run
// is then stored as interrupted and resumes on the next identical request), and
// TrainingError when the run is unhealthy: a diverged loss, a model still at chance
// after an epoch a score is read at (EL2N's, GraNd's) or at the end, a score with
// non-finite values, or (with health checks) no requested score with any spread. The
// run is then stored as failed with that message and nothing is cached as done. With
// health checks, a score without spread among others that have it is left out of the
// run and listed in `refused` (stored in the run's summary). Each seed's training curve is stored
// under the result key "curve/seed<k>" after every epoch, and logged to the context.
ScoreRun scoreDataset(const Dataset& ds, Store& store, const ScoreConfig& config, JobContext& ctx);

// One seed of a multi-seed request, as a cluster task computes it in its own shard
// store: the request's run (the cache key scoreDataset gives it) is begun or resumed,
// seed `seedIndex` (0-based) is computed, resuming from its last finished epoch, and
// kept under the run's checkpoint seedValuesKey(seedIndex); the run is left interrupted
// with a message saying so. Once a store holds the values of every seed of the run,
// scoreDataset completes it from them without training. A one-seed request is simply
// scoreDataset. Returns true when nothing was computed (the seed or the whole run was in
// the store already). ConfigError for a seed index outside the request.
bool scoreOneSeed(const Dataset& ds, Store& store, const ScoreConfig& config, int seedIndex, JobContext& ctx);
// The cache key scoreDataset gives the request on `ds`, after checking it (ConfigError).
std::string scoreCacheKey(const Dataset& ds, const ScoreConfig& config);
// The run checkpoint under which a seed's values are kept until the run is stored.
std::string seedValuesKey(int seedIndex);

// Reads a finished scoring (or import) run back from the store; StoreError when a vector's
// length differs from the run's index list (a damaged store).
ScoreRun loadScoreRun(const Store& store, int64_t runId);
// A run's training-split indices: its "indices" vector, or 0..n-1 when an import stored
// it empty because it covers every example (its summary says so).
std::vector<int64_t> loadRunIndices(const Store& store, int64_t runId);
// The same for a run the user named: refused with ConfigError unless it is a score or
// import run made on `ds` itself (the same fingerprint) whose indices are examples of its
// training split, since a run of another dataset would rank the wrong examples.
ScoreRun loadScoreRunFor(const Store& store, int64_t runId, const Dataset& ds);

// The finished score and import runs stored for a dataset fingerprint, newest first.
struct CachedScoreRun {
  int64_t runId;
  std::string kind, config, finishedAt, device;
  double seconds;
  std::vector<std::string> names;
};
std::vector<CachedScoreRun> listScoreRuns(const Store& store, const std::string& fingerprint);

// Imports external scores (CSV with one value per line, or a column named score/value;
// or a 1-D .npy of float32/float64/int), one per training example, as a run of kind
// "import". `higherIsHarder` states the file's direction; stored difficulty is always
// higher = harder. Throws DatasetError naming the file and the problem.
ScoreRun importScores(const Dataset& ds, Store& store, const std::string& path, const std::string& name,
                      bool higherIsHarder);

}  // namespace ps
