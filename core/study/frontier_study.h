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
#include "util/named_enum.h"

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
  // Per seed: 1 − the worst class's and the worst test group's accuracy (empty: not
  // recorded, as in a study stored before they were; no groups without attributes).
  std::vector<double> worstClassErrors, worstGroupErrors;
  std::vector<double> perGroupAccuracy;  // mean over seeds, one per FrontierResult::groupNames
  bool pareto = false;                   // on the Pareto front of test error
};

struct FrontierResult {
  int64_t runId = 0;
  int64_t scoreRunId = 0;
  std::string scoreName;
  std::string budget;
  std::vector<FrontierPoint> points;
  std::vector<size_t> pareto;  // indices into points, by increasing kept fraction
  std::vector<std::string> classNames;
  std::vector<std::string> groupNames;  // the test groups (study/group_error.h); empty without attributes
  bool fromCache = false;
};

// What a frontier chart draws against the kept fraction: the test error, the worst
// class's error or the worst group's error ("error", "worst-class", "worst-group").
enum class FrontierMetric { Error, WorstClass, WorstGroup };
const NameTable<FrontierMetric>& frontierMetricNames();
// The metric's values at a point, one per seed (empty when the study did not record it).
std::vector<double> metricErrors(const FrontierPoint& p, FrontierMetric m);
// True when every point has the metric.
bool hasMetric(const FrontierResult& r, FrontierMetric m);
// Indices of the points on the Pareto front of (kept fraction, the metric's mean), by
// increasing kept fraction; for Error, r.pareto. ConfigError naming the metric when
// the study did not record it.
std::vector<size_t> paretoByMetric(const FrontierResult& r, FrontierMetric m);
// The study as the metric shows it: each point's errors, mean and spread are the
// metric's, and the Pareto front (pareto flags included) follows it. Same errors as
// paretoByMetric.
FrontierResult frontierByMetric(const FrontierResult& r, FrontierMetric m);

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
// pareto, worst_class_error, worst_group_error (empty when not recorded), acc_<class>...) and the whole result with
// provenance as JSON.
void writeFrontierCsv(const FrontierResult& r, const std::string& path);
void writeFrontierJson(const FrontierResult& r, const std::string& configJson, const std::string& fingerprint,
                       const std::string& path);

}  // namespace ps
