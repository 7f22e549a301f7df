#pragma once
// Train a model on a subset of the training split and evaluate it on the test split.
// The result is cached in the store (run kind "train", keyed by the recipe, the subset's
// content and the dataset fingerprint), so a point is never trained twice. No torch here.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "train/train_config.h"
#include "train/train_health.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct EvalResult {
  double error = 0;                      // test error
  std::vector<double> perClassAccuracy;  // test accuracy per class
  int64_t trainExamples = 0;
  int epochs = 0;  // epochs actually run
  int64_t runId = 0;
  bool fromCache = false;
  // The predicted class of each evaluated test example (0..N-1), for audits by group;
  // empty for a run recorded before predictions were kept.
  std::vector<int32_t> testPredictions;
  // Health of the training: balanced train accuracy of the last epoch against chance
  // and the threshold of the "did not learn" check, and the curve (with test error per
  // epoch: on up to 2 000 evenly spaced test examples, on the whole test set at the end).
  bool learned = true;
  double trainBalancedAccuracy = 0, chance = 0;
  TrainingCurve curve;
};

// `testLimit` evaluates on the first N test examples (0 = all). Throws ConfigError when
// the subset leaves a class without examples while the test split needs it (that class
// could never be predicted), TrainingError when training diverged or, with
// train.healthChecks and `mustLearn`, when the model ends at chance level (a small
// pruned subset may legitimately not be learned: studies require it of the unpruned
// pool only; `learned` reports it for every point). The run's curve is stored under
// the result key "curve" after every epoch.
EvalResult trainAndEvaluate(const Dataset& ds, Store& store, const std::vector<int64_t>& trainIndices,
                            const TrainConfig& train, int64_t testLimit, JobContext& ctx,
                            const std::function<void(double, const std::string&)>& progress = {},
                            bool mustLearn = true);

// A finished "train" run's evaluation read back from the store (its curve and health
// included), as trainAndEvaluate returns it from the cache. StoreError when unreadable.
EvalResult loadEvalResult(const Store& store, int64_t runId);

// Logs a study point's training in one line: "<what>: 4 epochs, loss 0.31, train
// accuracy 0.91, test error 0.123" (and "did not learn" when it did not; from the store
// when it was trained before).
void logPoint(const JobContext& ctx, const std::string& what, const EvalResult& e);

// Throws ConfigError when the subset has no example of a class the test split holds.
void checkSubsetCoversClasses(const Dataset& ds, const std::vector<int64_t>& trainIndices);

// The cache key trainAndEvaluate uses (to look a model up without training).
std::string trainCacheKey(const Dataset& ds, const std::vector<int64_t>& trainIndices, const TrainConfig& train,
                          int64_t testLimit);

}  // namespace ps
