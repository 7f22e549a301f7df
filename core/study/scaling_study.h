#pragma once
// The scaling study: test error against the number of training examples. A geometric
// grid of pool sizes (nested uniform random subsets of the scored examples) is crossed
// with kept fractions and policies; each pool is pruned by the score and a model trained.
// Each (policy, keep) curve gets a power-law fit against the number of examples kept,
// and for each kept fraction the study reports where keep-hard overtakes keep-easy.
#include <cstdint>
#include <string>
#include <vector>

#include "study/power_law.h"
#include "study/study_config.h"
#include "study/study_runner.h"
#include "util/wording.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct ScalingConfig : StudySettings {
  ScalingConfig();             // the scaling study's own grid of kept fractions (setting::scalingKeeps)
  std::vector<int64_t> sizes;  // pool sizes, ascending; empty = geometric from minSize to all, `steps` values
  int64_t minSize = setting::minSize.int64Value();
  int steps = setting::steps.intValue();

  void validate() const;
  std::string toJson() const;
};

// Reads back what ScalingConfig::toJson wrote, so that toJson gives the same text again
// (see parseFrontierConfig). StoreError on malformed JSON.
ScalingConfig parseScalingConfig(const std::string& json);

// `count` sizes from lo to hi, evenly spaced in log scale, rounded, distinct, ascending.
std::vector<int64_t> geometricSizes(int64_t lo, int64_t hi, int count);

struct ScalingPoint {
  std::string policy;
  double keep = 0;
  int64_t pool = 0, kept = 0;
  std::vector<double> errors;
  double errorMean = 0, errorStd = 0;
  // Per seed: 1 − the worst class's and the worst test group's accuracy (empty when not
  // recorded: a study stored before they were, or no attributes to group by).
  std::vector<double> worstClassErrors, worstGroupErrors;
};

struct ScalingCurve {
  std::string policy;
  double keep = 0;
  PowerLawFit fit;  // error against examples kept
  bool fitted = false;
};

struct Crossover {
  double keep = 0;
  int64_t pool = -1;  // smallest pool size from which keep-hard beats keep-easy (-1: never)
  std::string description;
};

// The crossover in words, for a study whose pools ran from `smallestPool` to `largestPool`.
std::string describeCrossover(const Crossover& x, int64_t smallestPool, int64_t largestPool,
                              const Wording& w = englishWording());

struct ScalingResult {
  int64_t runId = 0, scoreRunId = 0;
  std::string scoreName;
  std::vector<ScalingPoint> points;
  std::vector<ScalingCurve> curves;
  std::vector<Crossover> crossovers;
  bool fromCache = false;
};

ScalingResult runScalingStudy(const Dataset& ds, Store& store, const ScalingConfig& config, JobContext& ctx);
// The run spec and points runScalingStudy goes through, without training any (a cluster
// plan trains them elsewhere); the score is resolved as the study does.
StudyPoints scalingStudyPoints(const Dataset& ds, Store& store, const ScalingConfig& config, JobContext& ctx);
// A finished scaling study read back from the store; StoreError when the run holds none.
ScalingResult loadScalingStudy(const Store& store, int64_t runId);
void writeScalingCsv(const ScalingResult& r, const std::string& path);
void writeScalingJson(const ScalingResult& r, const std::string& configJson, const std::string& fingerprint,
                      const std::string& path);

}  // namespace ps
