#pragma once
// The frontier study: for one or more scores, a set of policies and a grid of kept fractions, train
// the same recipe on every pruned subset (over seeds), evaluate on the test split, and
// report test error (mean and spread), per-class accuracy, and the Pareto frontier of
// (kept fraction, error) across all points. Every finished point is stored at once;
// a stopped study resumes, and a point trained before is read from the cache.
#include <cstdint>
#include <string>
#include <vector>

#include "study/study_config.h"
#include "study/study_runner.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct FrontierPoint {
  std::string score;  // the score it prunes by ("" for random, which needs none)
  std::string policy;
  double keep = 0;
  int64_t kept = 0;
  int epochs = 0;
  std::vector<double> errors;  // one per seed
  double errorMean = 0, errorStd = 0;
  std::vector<double> perClassAccuracy;  // mean over seeds
  bool pareto = false;
};

struct FrontierResult {
  int64_t runId = 0;
  int64_t scoreRunId = 0;
  std::string scoreName;
  std::string budget;
  std::vector<FrontierPoint> points;
  std::vector<size_t> pareto;  // indices into points, by increasing kept fraction
  std::vector<std::string> classNames;
  bool fromCache = false;
};

FrontierResult runFrontierStudy(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx);
// The run spec and points runFrontierStudy goes through, without training any (a cluster
// plan trains them elsewhere); the score is resolved as the study does (computed and
// cached when not in the store).
StudyPoints frontierStudyPoints(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx);
FrontierResult loadFrontierStudy(const Store& store, int64_t runId);

// Reads a frontier JSON written by writeFrontierJson; DatasetError naming the file when
// it is missing or not a frontier study.
FrontierResult readFrontierJson(const std::string& path);

// Writes the points as CSV (policy, keep, kept, epochs, error_mean, error_std, seeds,
// pareto, acc_<class>...) and the whole result with provenance as JSON.
void writeFrontierCsv(const FrontierResult& r, const std::string& path);
void writeFrontierJson(const FrontierResult& r, const std::string& configJson, const std::string& fingerprint,
                       const std::string& path);

}  // namespace ps
