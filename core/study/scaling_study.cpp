#include "study/scaling_study.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <random>
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
#include "util/text_list.h"

namespace ps {

std::vector<int64_t> geometricSizes(int64_t lo, int64_t hi, int count) {
  if (lo < 1 || hi < lo)
    throw ConfigError("size range " + std::to_string(lo) + ".." + std::to_string(hi) + " is empty");
  if (count < 1) throw ConfigError("the size grid needs at least one value");
  std::vector<int64_t> out;
  for (int k = 0; k < count; ++k) {
    const double t = count == 1 ? 1.0 : static_cast<double>(k) / (count - 1);
    const auto v = static_cast<int64_t>(
        std::llround(std::exp(std::log(double(lo)) + t * (std::log(double(hi)) - std::log(double(lo))))));
    if (out.empty() || v > out.back()) out.push_back(v);
  }
  return out;
}

ScalingConfig::ScalingConfig() { keeps = parseDoubles(setting::scalingKeeps.text, "kept fraction"); }

void ScalingConfig::validate() const {
  StudySettings::validate();
  for (size_t i = 0; i < sizes.size(); ++i)
    if (sizes[i] < 1 || (i > 0 && sizes[i] <= sizes[i - 1]))
      throw ConfigError("the grid of sizes must be positive and strictly ascending");
  if (sizes.empty() && (!setting::minSize.contains(static_cast<double>(minSize)) || !setting::steps.contains(steps)))
    throw ConfigError("a generated size grid needs a minimum size of at least 1 and " + setting::steps.rangeText() +
                      " steps");
}

// The same members as before the common part (a scaling study always wrote its strata,
// then fixed at 50), so the cache keys of earlier studies still match.
std::string ScalingConfig::toJson() const {
  nlohmann::json j;
  writeJson(j);
  j["sizes"] = sizes;
  j["min_size"] = minSize;
  j["steps"] = steps;
  return j.dump();
}

ScalingConfig parseScalingConfig(const std::string& json) {
  ScalingConfig c;
  try {
    const auto j = nlohmann::json::parse(json);
    c.readJson(j);
    c.sizes = j.value("sizes", c.sizes);
    c.minSize = j.value("min_size", c.minSize);
    c.steps = j.value("steps", c.steps);
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(std::string("a stored scaling study's settings are not readable: ") + e.what());
  } catch (const ConfigError& e) {
    throw StoreError(std::string("a stored scaling study's settings are not readable: ") + e.what());
  }
  return c;
}

namespace {

nlohmann::json toJson(const ScalingResult& r) {
  nlohmann::json j;
  j["score_run"] = r.scoreRunId;
  j["score"] = r.scoreName;
  for (const auto& p : r.points)
    j["points"].push_back({{"policy", p.policy},
                           {"keep", p.keep},
                           {"pool", p.pool},
                           {"kept", p.kept},
                           {"errors", p.errors},
                           {"error_mean", p.errorMean},
                           {"error_std", p.errorStd},
                           {"worst_class_errors", p.worstClassErrors},
                           {"worst_group_errors", p.worstGroupErrors}});
  for (const auto& c : r.curves)
    j["fits"].push_back({{"policy", c.policy},
                         {"keep", c.keep},
                         {"fitted", c.fitted},
                         {"a", c.fit.a},
                         {"b", c.fit.b},
                         {"b_stderr", c.fit.bStdErr},
                         {"c", c.fit.c},
                         {"offset", c.fit.hasOffset},
                         {"rmse", c.fit.rmse},
                         {"formula", c.fitted ? c.fit.str() : ""}});
  for (const auto& x : r.crossovers)
    j["crossovers"].push_back({{"keep", x.keep}, {"pool", x.pool}, {"description", x.description}});
  return j;
}

ScalingResult fromJson(const nlohmann::json& j) {
  ScalingResult r;
  r.scoreRunId = j.value("score_run", int64_t(0));
  r.scoreName = j.value("score", std::string());
  for (const auto& p : j.value("points", nlohmann::json::array()))
    r.points.push_back({p.at("policy"), p.at("keep"), p.at("pool"), p.at("kept"),
                        p.at("errors").get<std::vector<double>>(), p.at("error_mean"), p.at("error_std"),
                        p.value("worst_class_errors", std::vector<double>()),
                        p.value("worst_group_errors", std::vector<double>())});
  for (const auto& f : j.value("fits", nlohmann::json::array())) {
    ScalingCurve c;
    c.policy = f.at("policy");
    c.keep = f.at("keep");
    c.fitted = f.at("fitted");
    c.fit.a = f.at("a");
    c.fit.b = f.at("b");
    c.fit.bStdErr = f.at("b_stderr");
    c.fit.c = f.at("c");
    c.fit.hasOffset = f.at("offset");
    c.fit.rmse = f.at("rmse");
    for (const auto& p : r.points)  // what the fit rests on: whether its standard error is shown
      if (p.policy == c.policy && p.keep == c.keep && p.errorMean > 0) {
        const auto seeds = static_cast<int>(p.errors.size());
        c.fit.seeds = c.fit.points == 0 ? seeds : std::min(c.fit.seeds, seeds);
        ++c.fit.points;
      }
    r.curves.push_back(c);
  }
  for (const auto& x : j.value("crossovers", nlohmann::json::array()))
    r.crossovers.push_back({x.at("keep"), x.at("pool"), x.at("description")});
  return r;
}

}  // namespace

ScalingResult loadScalingStudy(const Store& store, int64_t runId) {
  const auto summary = store.result(runId, "summary");
  if (!summary) throw StoreError(store.path() + ": run " + std::to_string(runId) + " holds no finished scaling study");
  ScalingResult r = fromJson(nlohmann::json::parse(*summary));
  r.runId = runId;
  return r;
}

namespace {

// Nested pools: prefixes of one seeded permutation of the scored examples, so a larger
// pool holds every smaller one.
std::vector<int64_t> shuffledPositions(size_t n, uint64_t seed) {
  std::vector<int64_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  std::mt19937_64 rng(seed + 1000003ULL);
  std::shuffle(perm.begin(), perm.end(), rng);
  return perm;
}

// Where a point sits in the grid (what its outcome is summarised under).
struct GridPlace {
  PrunePolicy policy;
  double keep;
  int64_t pool;
};

// A pool's part of the scored set: difficulties, tie keys, ids, labels and the policies'
// inputs (DRoP's recall and SemDeDup's M as measured on the whole set, each example's group).
struct PoolScores {
  std::vector<float> difficulty, tieKey;
  std::vector<int64_t> ids;
  std::vector<int> labels;
  PolicyInputs inputs;
};

PoolScores poolScores(const Dataset& ds, const ResolvedScore& score, const std::vector<int64_t>& pool) {
  PoolScores p;
  p.inputs.classRecall = score.inputs.classRecall;
  for (int64_t pos : pool) {
    const auto i = static_cast<size_t>(pos);
    p.difficulty.push_back(score.difficulty[i]);
    if (!score.tieKey.empty()) p.tieKey.push_back(score.tieKey[i]);
    p.ids.push_back(score.indices[i]);
    p.labels.push_back(ds.label(Split::Train, static_cast<size_t>(p.ids.back())));
    if (!score.inputs.groups.empty()) p.inputs.groups.push_back(score.inputs.groups[i]);
    if (!score.inputs.redundancy.empty()) p.inputs.redundancy.push_back(score.inputs.redundancy[i]);
  }
  return p;
}

// One point: the pool pruned by `pol` to f with seed s, checked to cover every class.
StudyPoint scalingPoint(const Dataset& ds, const ScalingConfig& config, const std::vector<int64_t>& pool,
                        const PoolScores& ps, PrunePolicy pol, double f, int s, bool wholeSet) {
  StudyPoint p;
  p.seed = config.train.seed + static_cast<uint64_t>(s);
  const TieBreak tie{ps.tieKey.empty() ? nullptr : &ps.tieKey, &ps.ids};
  const PruneSpec spec{pol, f, config.classBalanced, config.beta, config.strata, p.seed};
  for (int64_t k : selectSubset(ps.difficulty, ps.labels, spec, tie, &ps.inputs))
    p.trainIdx.push_back(ps.ids[static_cast<size_t>(k)]);
  checkSubsetCoversClasses(ds, p.trainIdx);
  const auto size = static_cast<int64_t>(pool.size());
  std::ostringstream key, label;
  key << "point/" << prunePolicyName(pol) << "/" << f << "/" << size << "/" << s;
  label << prunePolicyName(pol) << " f=" << f << " n=" << size << " seed " << s;
  p.key = key.str();
  p.label = label.str();
  p.epochs = budgetEpochs(config.train, config.budget, f);
  // a small pool may not be learned: only the whole scored set, unpruned, must be
  p.mustLearn = f >= 1.0 && wholeSet;
  return p;
}

// Every point of the study (pool × policy × kept fraction × seed), each subset checked
// before any training: a bad grid fails with nothing stored.
std::vector<StudyPoint> scalingPoints(const Dataset& ds, const ScalingConfig& config, const ResolvedScore& score,
                                      const std::vector<int64_t>& sizes, std::vector<GridPlace>& places) {
  const std::vector<int64_t> perm = shuffledPositions(score.indices.size(), config.train.seed);
  std::vector<StudyPoint> points;
  for (int64_t size : sizes) {
    std::vector<int64_t> pool(perm.begin(), perm.begin() + size);
    std::sort(pool.begin(), pool.end());
    const PoolScores ps = poolScores(ds, score, pool);
    for (PrunePolicy pol : parsePolicies(config.policies))
      for (double f : config.keeps)
        for (int s = 0; s < config.seeds; ++s) {
          points.push_back(scalingPoint(ds, config, pool, ps, pol, f, s, size == sizes.back()));
          places.push_back({pol, f, size});
        }
  }
  return points;
}

// One scaling point per policy × kept fraction × pool, over its seeds.
std::vector<ScalingPoint> collectPoints(const std::vector<GridPlace>& places,
                                        const std::vector<PointOutcome>& outcomes) {
  std::map<std::tuple<std::string, double, int64_t>, ScalingPoint> points;
  for (size_t k = 0; k < places.size(); ++k) {
    const GridPlace& at = places[k];
    auto& p = points[{prunePolicyName(at.policy), at.keep, at.pool}];
    p.policy = prunePolicyName(at.policy);
    p.keep = at.keep;
    p.pool = at.pool;
    p.kept = outcomes[k].kept;
    p.errors.push_back(outcomes[k].error);
    if (!outcomes[k].perClassAccuracy.empty()) p.worstClassErrors.push_back(worstError(outcomes[k].perClassAccuracy));
    if (!outcomes[k].perGroupAccuracy.empty()) p.worstGroupErrors.push_back(worstError(outcomes[k].perGroupAccuracy));
  }
  std::vector<ScalingPoint> out;
  for (auto& kv : points) {
    ScalingPoint p = kv.second;
    const MeanStd ms = meanAndStd(p.errors);
    if (p.worstClassErrors.size() != p.errors.size()) p.worstClassErrors.clear();
    if (p.worstGroupErrors.size() != p.errors.size()) p.worstGroupErrors.clear();
    p.errorMean = ms.mean;
    p.errorStd = ms.std;
    out.push_back(p);
  }
  return out;
}

// A power law per policy × kept fraction, against the number of examples kept.
std::vector<ScalingCurve> fitCurves(const ScalingResult& r, const ScalingConfig& config) {
  std::vector<ScalingCurve> curves;
  for (PrunePolicy pol : parsePolicies(config.policies))
    for (double f : config.keeps) {
      ScalingCurve c;
      c.policy = prunePolicyName(pol);
      c.keep = f;
      std::vector<double> xs, ys;
      for (const auto& p : r.points)
        if (p.policy == c.policy && p.keep == f && p.errorMean > 0) {
          xs.push_back(static_cast<double>(p.kept));
          ys.push_back(p.errorMean);
        }
      if (xs.size() >= 2) {
        c.fit = fitPowerLaw(xs, ys);
        c.fit.seeds = config.seeds;  // every point of a study has them all
        c.fitted = true;
      }
      curves.push_back(c);
    }
  return curves;
}

}  // namespace

std::string describeCrossover(const Crossover& x, int64_t smallestPool, int64_t largestPool, const Wording& w) {
  if (x.pool < 0)
    return w(PS_WORDS("Wording", "keep-%1 is at least as good as keep-%2 at every size up to %3"),
             {w.term(PrunePolicy::KeepEasy.name()), w.term(PrunePolicy::KeepHard.name()), std::to_string(largestPool)});
  if (x.pool == smallestPool)
    return w(
        PS_WORDS("Wording", "keep-%1 beats keep-%2 at every size from %3"),
        {w.term(PrunePolicy::KeepHard.name()), w.term(PrunePolicy::KeepEasy.name()), std::to_string(smallestPool)});
  return w(PS_WORDS("Wording", "keep-%1 overtakes keep-%2 from %3 examples (before pruning)"),
           {w.term(PrunePolicy::KeepHard.name()), w.term(PrunePolicy::KeepEasy.name()), std::to_string(x.pool)});
}

namespace {

// Where keep-hard overtakes keep-easy at kept fraction f: the smallest pool from which
// keep-hard is better at every larger pool. Nothing when either policy was not run.
std::optional<Crossover> crossoverAt(const ScalingResult& r, double f, const std::vector<int64_t>& sizes) {
  std::map<int64_t, double> hard, easy;
  for (const auto& p : r.points) {
    if (p.keep != f) continue;
    if (isPolicy(p.policy, PrunePolicy::KeepHard)) hard[p.pool] = p.errorMean;
    if (isPolicy(p.policy, PrunePolicy::KeepEasy)) easy[p.pool] = p.errorMean;
  }
  if (hard.empty() || easy.empty()) return std::nullopt;
  Crossover x;
  x.keep = f;
  for (auto it = sizes.rbegin(); it != sizes.rend(); ++it) {
    if (!hard.count(*it) || !easy.count(*it)) continue;
    if (!(hard[*it] < easy[*it])) break;
    x.pool = *it;
  }
  x.description = describeCrossover(x, sizes.front(), sizes.back());
  return x;
}

// What a scaling study trains, decided before any training: its score, pools, points.
struct ScalingWork {
  ResolvedScore score;
  std::vector<int64_t> sizes;
  std::vector<GridPlace> places;
  std::vector<StudyPoint> points;
};

ScalingWork scalingWork(const Dataset& ds, Store& store, const ScalingConfig& config, JobContext& ctx) {
  ScalingWork w;
  w.score = resolveStudyScore(ds, store, config.score, ctx, "", scoresPoliciesNeed(parsePolicies(config.policies)));
  attachPolicyInputs(ds, store, parsePolicies(config.policies), config.train, w.score, ctx);
  const auto n = static_cast<int64_t>(w.score.indices.size());
  w.sizes = config.sizes.empty() ? geometricSizes(std::min(config.minSize, n), n, config.steps) : config.sizes;
  if (w.sizes.back() > n)
    throw ConfigError("pool size " + std::to_string(w.sizes.back()) + " is larger than the " + std::to_string(n) +
                      " scored examples");
  w.points = scalingPoints(ds, config, w.score, w.sizes, w.places);
  return w;
}

StudyRunSpec scalingSpec(const ScalingConfig& config) {
  return {runKindName(RunKind::Scaling), config.toJson(), config.train, config.testLimit};
}

}  // namespace

StudyPoints scalingStudyPoints(const Dataset& ds, Store& store, const ScalingConfig& config, JobContext& ctx) {
  config.validate();
  return {scalingSpec(config), scalingWork(ds, store, config, ctx).points};
}

ScalingResult runScalingStudy(const Dataset& ds, Store& store, const ScalingConfig& config, JobContext& ctx) {
  config.validate();
  const StudyRunSpec spec = scalingSpec(config);
  ScalingResult r;
  if (auto done = findFinishedStudy(store, ds, spec)) {
    r = loadScalingStudy(store, *done);
    r.fromCache = true;
    return r;
  }
  const ScalingWork w = scalingWork(ds, store, config, ctx);
  r.scoreRunId = w.score.runId;
  r.scoreName = config.score.name;
  r.runId = runStudyPoints(ds, store, spec, w.points, ctx, [&](int64_t, const std::vector<PointOutcome>& outcomes) {
    r.points = collectPoints(w.places, outcomes);
    r.curves = fitCurves(r, config);
    for (double f : config.keeps)
      if (f < 1.0)
        if (auto x = crossoverAt(r, f, w.sizes)) r.crossovers.push_back(*x);
    return toJson(r).dump();
  });
  return r;
}

void writeScalingCsv(const ScalingResult& r, const std::string& path) {
  CsvWriter csv({"score", "policy", "keep", "pool", "kept", "error_mean", "error_std", "seeds", "fit_a", "fit_b",
                 "fit_b_stderr", "fit_c"});
  for (const auto& p : r.points) {
    const ScalingCurve* c = nullptr;
    for (const auto& cc : r.curves)
      if (cc.policy == p.policy && cc.keep == p.keep && cc.fitted) c = &cc;
    csv.text(r.scoreName).text(p.policy).number(p.keep).integer(p.pool).integer(p.kept).number(p.errorMean);
    csv.number(p.errorStd).integer(static_cast<int64_t>(p.errors.size()));
    const double nan = std::nan("");
    csv.number(c ? c->fit.a : nan)
        .number(c ? c->fit.b : nan)
        .number(c ? c->fit.bStdErr : nan)
        .number(c ? c->fit.c : nan);
    csv.endRow();
  }
  csv.save(path);
}

void writeScalingJson(const ScalingResult& r, const std::string& configJson, const std::string& fingerprint,
                      const std::string& path) {
  writeStudyJson(toJson(r).dump(), runKindName(RunKind::Scaling), r.runId, fingerprint, configJson, path);
}

}  // namespace ps
