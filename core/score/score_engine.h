#pragma once
// Scoring runs: train (per seed), feed every requested score from one training loop,
// average over seeds, store the vectors, answer repeated requests from the cache, and
// resume interrupted runs from their per-epoch checkpoints. No torch in this header.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "score/score_config.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct ScoreRun {
  int64_t runId = 0;
  bool fromCache = false;  // answered from the store without computing
  bool resumed = false;    // continued an interrupted run
  std::vector<int64_t> indices;  // training-split indices scored, in vector order
  std::vector<std::string> names;
  std::map<std::string, std::vector<float>> difficulty;  // mean over seeds, higher = harder
  std::map<std::string, std::vector<float>> raw;         // the score as defined, mean over seeds
  std::map<std::string, std::vector<float>> spread;      // std of difficulty over seeds
  std::map<std::string, double> seedSpearman;            // mean pairwise rank correlation (NaN: 1 seed)
  std::string device;
  double seconds = 0;
};

// Runs (or fetches) the scoring run for `config` on the training split of `ds`.
// Throws ConfigError for bad settings, Cancelled when the context is cancelled (the run
// is then stored as interrupted and resumes on the next identical request).
ScoreRun scoreDataset(const Dataset& ds, Store& store, const ScoreConfig& config, JobContext& ctx);

// Reads a finished scoring (or import) run back from the store.
ScoreRun loadScoreRun(const Store& store, int64_t runId);

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
