#pragma once
// The cross-validated label check: confident learning (Northcutt et al., JAIR 2021) on
// out-of-sample predicted probabilities. The training examples are split into K folds
// (stratified by label, seeded); for each fold a model is trained on the other K − 1
// folds with the scoring recipe and predicts the held-out fold, so every example's
// probabilities come from a model that never trained on it. The per-class thresholds
// and the flag are then those of findLabelIssues (score/predictions.h) applied to these
// probabilities. With `seeds` > 1 the whole K-fold is repeated with other splits and
// model seeds, and the repeats are combined as a scoring run combines its seeds.
//
// Stored as a run of kind "label_check" (cache key: the dataset fingerprint and every
// setting below), holding the run's example indices and the out-of-sample predictions
// as the vectors "pred/…" of a scoring run; a second identical request is answered from
// the store. Each finished fold is kept as a checkpoint of the run, so a cancelled or
// killed run resumes with the next fold (and a fold within its epochs). No torch here.
#include <cstdint>
#include <string>
#include <vector>

#include "score/predictions.h"
#include "store/run_kind.h"
#include "train/train_config.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

constexpr int kDefaultLabelCheckFolds = 4;
constexpr const char* kLabelCheckKind = runKindName(RunKind::LabelCheck);

struct LabelCheckConfig {
  TrainConfig train;                    // each fold model's recipe (its seed: train.seed + fold)
  int folds = kDefaultLabelCheckFolds;  // K ≥ 2
  int seeds = 1;                        // repeats of the K-fold (other splits and model seeds)
  int64_t limit = 0;                    // only the first N training examples (0 = all)

  // ConfigError naming the bad setting (numExamples: examples to be checked).
  void validate(int64_t numExamples) const;
  std::string toJson() const;  // canonical; every setting that changes the result
  // Reads back what toJson wrote (a stored run's settings, to resume it); ConfigError
  // naming the member when one is missing or of the wrong type.
  static LabelCheckConfig fromJson(const std::string& json);
};

// A flag is tentative when it rests on fewer models per example than this, or on models
// trained for fewer epochs: one model's probabilities after a short training confuse
// hard examples with mislabelled ones. Both interfaces show a warning then.
constexpr int kSureLabelSeeds = 2;
constexpr int kSureLabelEpochs = 5;
bool labelFlagTentative(int seeds, int epochs);

struct LabelCheckRun {
  int64_t runId = 0;
  bool fromCache = false;  // answered from the store
  bool resumed = false;    // continued an interrupted run
  int folds = 0, seeds = 0, epochs = 0;
  std::vector<int64_t> indices;  // training indices checked, in vector order
  Predictions predictions;       // out of sample: each from a model that did not train on it
  LabelIssues issues;            // findLabelIssues on them (thresholds from them too)
  std::string device;
  double seconds = 0;
  bool tentative() const { return labelFlagTentative(seeds, epochs); }
};

// Runs (or fetches) the check. ConfigError for bad settings (K < 2, a fold left without
// examples of a class), Cancelled when cancelled (the run resumes on the next identical
// request), TrainingError when a fold's model diverges or does not learn.
LabelCheckRun checkLabels(const Dataset& ds, Store& store, const LabelCheckConfig& config, JobContext& ctx);
std::string labelCheckCacheKey(const Dataset& ds, const LabelCheckConfig& config);

// A finished label_check run of `ds` read back (flags recomputed from its stored
// probabilities). ConfigError when the run is not a finished label check of this
// dataset; StoreError when its vectors do not fit (a damaged store).
LabelCheckRun loadLabelCheck(const Store& store, int64_t runId, const Dataset& ds);
// The newest finished label_check run of the dataset (0: none).
int64_t newestLabelCheck(const Store& store, const std::string& fingerprint);

// K folds of positions 0..labels.size()-1, stratified: each class's positions shuffled
// with `seed` and dealt out in turn, so every fold holds each class's share (± 1).
std::vector<std::vector<int64_t>> stratifiedFolds(const std::vector<int>& labels, int folds, uint64_t seed);

}  // namespace ps
