#include "study/frontier_study.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "job/job.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "study/group_error.h"
#include "study/policy_inputs.h"
#include "study/study_runner.h"
#include "study/train_eval.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/pareto.h"

namespace ps {

namespace {

std::string pointKey(const std::string& score, const std::string& policy, double keep, int seed) {
  std::ostringstream s;
  s << "point/" << score << "/" << policy << "/" << keep << "/" << seed;
  return s.str();
}

void aggregate(FrontierResult& r) {
  std::vector<std::pair<double, double>> xy;
  for (auto& p : r.points) {
    const MeanStd ms = meanAndStd(p.errors);
    p.errorMean = ms.mean;
    p.errorStd = ms.std;
    xy.push_back({p.keep, p.errorMean});
  }
  r.pareto = paretoFront(xy);
  for (size_t i : r.pareto) r.points[i].pareto = true;
}

nlohmann::json numbersOrNull(const std::vector<double>& v) {
  nlohmann::json j = nlohmann::json::array();
  for (double x : v) j.push_back(std::isnan(x) ? nlohmann::json() : nlohmann::json(x));
  return j;
}

nlohmann::json toJson(const FrontierResult& r) {
  nlohmann::json j;
  j["score_run"] = r.scoreRunId;
  j["score"] = r.scoreName;
  j["budget"] = r.budget;
  j["classes"] = r.classNames;
  j["groups"] = r.groupNames;
  for (const auto& p : r.points)
    j["points"].push_back({{"score", p.score},
                           {"policy", p.policy},
                           {"keep", p.keep},
                           {"kept", p.kept},
                           {"epochs", p.epochs},
                           {"errors", p.errors},
                           {"error_mean", p.errorMean},
                           {"error_std", p.errorStd},
                           {"per_class_accuracy", p.perClassAccuracy},
                           {"worst_class_errors", p.worstClassErrors},
                           {"worst_group_errors", p.worstGroupErrors},
                           {"per_group_accuracy", numbersOrNull(p.perGroupAccuracy)},
                           {"pareto", p.pareto}});
  j["pareto"] = r.pareto;
  return j;
}

FrontierResult fromJson(const nlohmann::json& j) {
  FrontierResult r;
  r.scoreRunId = j.value("score_run", int64_t(0));
  r.scoreName = j.value("score", std::string());
  r.budget = j.value("budget", std::string("epochs"));
  r.classNames = j.value("classes", std::vector<std::string>());
  r.groupNames = j.value("groups", std::vector<std::string>());
  for (const auto& p : j.value("points", nlohmann::json::array())) {
    FrontierPoint fp;
    fp.score = p.value("score", r.scoreName);
    fp.policy = p.at("policy");
    fp.keep = p.at("keep");
    fp.kept = p.at("kept");
    fp.epochs = p.at("epochs");
    fp.errors = p.at("errors").get<std::vector<double>>();
    fp.errorMean = p.at("error_mean");
    fp.errorStd = p.at("error_std");
    fp.perClassAccuracy = p.at("per_class_accuracy").get<std::vector<double>>();
    fp.pareto = p.at("pareto");
    fp.worstClassErrors = p.value("worst_class_errors", std::vector<double>());  // absent in older studies
    fp.worstGroupErrors = p.value("worst_group_errors", std::vector<double>());
    for (const auto& a : p.value("per_group_accuracy", nlohmann::json::array()))
      fp.perGroupAccuracy.push_back(a.is_number() ? a.get<double>() : std::nan(""));
    r.points.push_back(fp);
  }
  r.pareto = j.value("pareto", std::vector<size_t>());
  return r;
}

}  // namespace

namespace {

// The study's series: every score × policy, except random, which needs no score (run once).
struct Series {
  size_t score;
  PrunePolicy policy;
};

std::vector<Series> seriesOf(size_t scores, const std::vector<PrunePolicy>& policies) {
  std::vector<Series> series;
  for (size_t k = 0; k < scores; ++k)
    for (PrunePolicy pol : policies)
      if (policyUsesScore(pol) || k == 0) series.push_back({k, pol});
  return series;
}

std::string seriesScore(const Series& se, const std::vector<std::string>& names) {
  return policyUsesScore(se.policy) ? names[se.score] : std::string();
}

// Every point of the study (series × kept fraction × seed), each subset checked before
// any training: a bad grid fails with nothing stored.
std::vector<StudyPoint> frontierPoints(const Dataset& ds, const FrontierConfig& config,
                                       const std::vector<std::string>& names, const std::vector<ResolvedScore>& scores,
                                       const std::vector<Series>& series) {
  const std::vector<int> labels = ds.labelsOf(Split::Train, scores.front().indices);
  std::vector<StudyPoint> points;
  for (const Series& se : series)
    for (double f : config.keeps)
      for (int s = 0; s < config.seeds; ++s) {
        StudyPoint p;
        p.seed = config.train.seed + static_cast<uint64_t>(s);
        const PruneSpec spec{se.policy, f, config.classBalanced, config.beta, config.strata, p.seed};
        const ResolvedScore& sc = scores[se.score];
        for (int64_t pos : selectSubset(sc.difficulty, labels, spec, sc.tieBreak(), &sc.inputs))
          p.trainIdx.push_back(sc.indices[static_cast<size_t>(pos)]);
        checkSubsetCoversClasses(ds, p.trainIdx);
        const std::string score = seriesScore(se, names);
        p.key = pointKey(score, prunePolicyName(se.policy), f, s);
        std::ostringstream what;
        what << (score.empty() ? "" : score + " ") << prunePolicyName(se.policy) << " f=" << f << " seed " << s;
        p.label = what.str();
        p.epochs = budgetEpochs(config.train, config.budget, f);
        p.mustLearn = f >= 1.0;
        points.push_back(std::move(p));
      }
  return points;
}

// The mean over seeds of each group's accuracy (NaN stays NaN: no test example).
std::vector<double> meanPerGroup(const std::vector<std::vector<double>>& perSeed) {
  if (perSeed.empty()) return {};
  std::vector<double> m(perSeed.front().size(), 0.0);
  for (const auto& v : perSeed)
    for (size_t g = 0; g < m.size(); ++g) m[g] += v[g];
  for (double& x : m) x /= static_cast<double>(perSeed.size());
  return m;
}

// Adds one seed's outcome to its point: the error, the worst class's and the worst
// group's errors, and (summed) its per-class and per-group accuracies.
void addSeedOutcome(FrontierPoint& point, const PointOutcome& o, size_t groups, std::vector<double>& accSum,
                    std::vector<std::vector<double>>& groupAcc) {
  point.errors.push_back(o.error);
  point.kept = o.kept;
  for (size_t c = 0; c < accSum.size() && c < o.perClassAccuracy.size(); ++c) accSum[c] += o.perClassAccuracy[c];
  if (o.perClassAccuracy.size() == accSum.size()) point.worstClassErrors.push_back(worstError(o.perClassAccuracy));
  if (groups > 0 && o.perGroupAccuracy.size() == groups) {
    point.worstGroupErrors.push_back(worstError(o.perGroupAccuracy));
    groupAcc.push_back(o.perGroupAccuracy);
  }
}

// One frontier point per series × kept fraction, from its seeds' outcomes (in the order
// frontierPoints made them).
void collectPoints(FrontierResult& r, const FrontierConfig& config, const std::vector<std::string>& names,
                   const std::vector<Series>& series, const std::vector<PointOutcome>& outcomes) {
  auto next = outcomes.begin();
  for (const Series& se : series)
    for (double f : config.keeps) {
      FrontierPoint point;
      point.score = seriesScore(se, names);
      point.policy = prunePolicyName(se.policy);
      point.keep = f;
      point.epochs = budgetEpochs(config.train, config.budget, f);
      std::vector<double> accSum(r.classNames.size(), 0.0);
      std::vector<std::vector<double>> groupAcc;
      for (int s = 0; s < config.seeds; ++s, ++next)
        addSeedOutcome(point, *next, r.groupNames.size(), accSum, groupAcc);
      for (double& a : accSum) a /= config.seeds;
      point.perClassAccuracy = accSum;
      if (point.worstClassErrors.size() != point.errors.size()) point.worstClassErrors.clear();
      if (point.worstGroupErrors.size() != point.errors.size()) point.worstGroupErrors.clear();
      point.perGroupAccuracy = meanPerGroup(groupAcc);
      r.points.push_back(point);
    }
}

}  // namespace

namespace {

// What a frontier study trains, decided before any training: its scores, series, points.
struct FrontierWork {
  std::vector<std::string> names;
  std::vector<ResolvedScore> scores;  // one cached scoring run for all of them
  std::vector<Series> series;
  std::vector<StudyPoint> points;
};

FrontierWork frontierWork(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx) {
  FrontierWork w;
  w.names = {config.score.name};
  w.names.insert(w.names.end(), config.moreScores.begin(), config.moreScores.end());
  std::vector<std::string> needed = w.names;  // and those a policy reads (dedup: semdedup), in one scoring run
  for (const auto& n : scoresPoliciesNeed(parsePolicies(config.policies))) needed.push_back(n);
  for (const auto& name : w.names) w.scores.push_back(resolveStudyScore(ds, store, config.score, ctx, name, needed));
  attachPolicyInputs(ds, store, parsePolicies(config.policies), config.train, w.scores.front(), ctx);
  for (auto& sc : w.scores) sc.inputs = w.scores.front().inputs;  // one scoring run: the same pool
  w.series = seriesOf(w.scores.size(), parsePolicies(config.policies));
  w.points = frontierPoints(ds, config, w.names, w.scores, w.series);
  return w;
}

StudyRunSpec frontierSpec(const FrontierConfig& config) {
  return {runKindName(RunKind::Frontier), config.toJson(), config.train, config.testLimit};
}

}  // namespace

StudyPoints frontierStudyPoints(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx) {
  config.validate();
  return {frontierSpec(config), frontierWork(ds, store, config, ctx).points};
}

FrontierResult runFrontierStudy(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx) {
  config.validate();
  const StudyRunSpec spec = frontierSpec(config);
  if (auto done = findFinishedStudy(store, ds, spec)) {
    FrontierResult r = loadFrontierStudy(store, *done);
    r.fromCache = true;
    return r;
  }
  const FrontierWork w = frontierWork(ds, store, config, ctx);
  FrontierResult r;
  r.scoreRunId = w.scores.front().runId;
  for (const auto& n : w.names) r.scoreName += (r.scoreName.empty() ? "" : ",") + n;
  r.budget = enumName(budgetNames(), config.budget);
  r.classNames = ds.classNames();
  r.groupNames = testGroups(ds).names;
  r.runId = runStudyPoints(ds, store, spec, w.points, ctx, [&](int64_t, const std::vector<PointOutcome>& outcomes) {
    collectPoints(r, config, w.names, w.series, outcomes);
    aggregate(r);
    return toJson(r).dump();
  });
  return r;
}

FrontierResult loadFrontierStudy(const Store& store, int64_t runId) {
  const auto summary = store.result(runId, "summary");
  if (!summary) throw StoreError(store.path() + ": run " + std::to_string(runId) + " holds no finished frontier study");
  FrontierResult r = fromJson(nlohmann::json::parse(*summary));
  r.runId = runId;
  return r;
}

FrontierResult readFrontierJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DatasetError(path + ": cannot open the frontier JSON file");
  try {
    const auto j = nlohmann::json::parse(in);
    if (!j.contains("points")) throw DatasetError(path + ": not a frontier study (no \"points\")");
    FrontierResult r = fromJson(j);
    r.runId = j.value("provenance", nlohmann::json::object()).value("run", int64_t(0));
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw DatasetError(path + ": not a frontier study JSON (" + std::string(e.what()) + ")");
  }
}

const NameTable<FrontierMetric>& frontierMetricNames() {
  static const NameTable<FrontierMetric> t = {{FrontierMetric::Error, "error"},
                                              {FrontierMetric::WorstClass, "worst-class"},
                                              {FrontierMetric::WorstGroup, "worst-group"}};
  return t;
}

std::vector<double> metricErrors(const FrontierPoint& p, FrontierMetric m) {
  if (m == FrontierMetric::Error) return p.errors;
  if (m == FrontierMetric::WorstGroup) return p.worstGroupErrors;
  if (!p.worstClassErrors.empty()) return p.worstClassErrors;
  // A study stored before worst-class errors were: the worst of the seed-mean accuracies.
  const double w = worstError(p.perClassAccuracy);
  return std::isnan(w) ? std::vector<double>() : std::vector<double>{w};
}

bool hasMetric(const FrontierResult& r, FrontierMetric m) {
  if (r.points.empty()) return false;
  for (const auto& p : r.points)
    if (metricErrors(p, m).empty()) return false;
  return true;
}

std::vector<size_t> paretoByMetric(const FrontierResult& r, FrontierMetric m) {
  if (m == FrontierMetric::Error) return r.pareto;
  if (!hasMetric(r, m))
    throw ConfigError(std::string("this frontier study did not record the metric '") +
                      enumName(frontierMetricNames(), m) +
                      (m == FrontierMetric::WorstGroup ? "' (its dataset has no attributes to group by, or it was "
                                                         "trained before per-group error was recorded)"
                                                       : "'"));
  std::vector<std::pair<double, double>> xy;
  for (const auto& p : r.points) xy.push_back({p.keep, meanAndStd(metricErrors(p, m)).mean});
  return paretoFront(xy);
}

FrontierResult frontierByMetric(const FrontierResult& r, FrontierMetric m) {
  FrontierResult out = r;
  out.pareto = paretoByMetric(r, m);
  for (auto& p : out.points) {
    p.errors = metricErrors(p, m);
    const MeanStd ms = meanAndStd(p.errors);
    p.errorMean = ms.mean;
    p.errorStd = ms.std;
    p.pareto = false;
  }
  for (size_t i : out.pareto) out.points[i].pareto = true;
  return out;
}

void writeFrontierCsv(const FrontierResult& r, const std::string& path) {
  std::vector<std::string> header = {"score",
                                     "policy",
                                     "keep",
                                     "kept",
                                     "epochs",
                                     "error_mean",
                                     "error_std",
                                     "seeds",
                                     "pareto",
                                     "worst_class_error",
                                     "worst_group_error"};
  for (const auto& c : r.classNames) header.push_back("acc_" + c);
  CsvWriter csv(header);
  for (const auto& p : r.points) {
    csv.text(p.score.empty() ? "-" : p.score).text(p.policy).number(p.keep).integer(p.kept).integer(p.epochs);
    csv.number(p.errorMean).number(p.errorStd).integer(static_cast<int64_t>(p.errors.size())).integer(p.pareto ? 1 : 0);
    for (FrontierMetric m : {FrontierMetric::WorstClass, FrontierMetric::WorstGroup}) {
      const auto v = metricErrors(p, m);
      if (v.empty())
        csv.text("");
      else
        csv.number(meanAndStd(v).mean);
    }
    for (double a : p.perClassAccuracy) csv.number(a);
    csv.endRow();
  }
  csv.save(path);
}

void writeFrontierJson(const FrontierResult& r, const std::string& configJson, const std::string& fingerprint,
                       const std::string& path) {
  writeStudyJson(toJson(r).dump(), runKindName(RunKind::Frontier), r.runId, fingerprint, configJson, path);
}

}  // namespace ps
