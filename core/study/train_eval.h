#pragma once
// Train a model on a subset of the training split and evaluate it on the test split.
// The result is cached in the store (run kind "train", keyed by the recipe, the subset's
// content and the dataset fingerprint), so a point is never trained twice. No torch here.
#include <cstdint>
#include <string>
#include <vector>

#include "train/train_config.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct EvalResult {
  double error = 0;                       // test error
  std::vector<double> perClassAccuracy;   // test accuracy per class
  int64_t trainExamples = 0;
  int epochs = 0;                         // epochs actually run
  int64_t runId = 0;
  bool fromCache = false;
};

// `epochs` overrides train.epochs (for equal-steps budgets). `testLimit` evaluates on the
// first N test examples (0 = all). Throws ConfigError when the subset leaves a class
// without examples while the test split needs it (that class could never be predicted).
EvalResult trainAndEvaluate(const Dataset& ds, Store& store, const std::vector<int64_t>& trainIndices,
                            const TrainConfig& train, int64_t testLimit, JobContext& ctx,
                            const std::function<void(double, const std::string&)>& progress = {});

// Throws ConfigError when the subset has no example of a class the test split holds.
void checkSubsetCoversClasses(const Dataset& ds, const std::vector<int64_t>& trainIndices);

// The cache key trainAndEvaluate uses (to look a model up without training).
std::string trainCacheKey(const Dataset& ds, const std::vector<int64_t>& trainIndices, const TrainConfig& train,
                          int64_t testLimit);

}  // namespace ps
