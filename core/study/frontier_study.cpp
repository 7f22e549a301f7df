#include "study/frontier_study.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "study/pareto.h"
#include "study/train_eval.h"
#include "util/errors.h"

namespace ps {

ResolvedScore resolveStudyScore(const Dataset& ds, Store& store, const StudyScore& score, JobContext& ctx) {
  ScoreRun run;
  if (score.runId > 0) {
    run = loadScoreRun(store, score.runId);
  } else {
    ScoreConfig cfg = score.config;
    if (std::find(cfg.scores.begin(), cfg.scores.end(), score.name) == cfg.scores.end()) cfg.scores = {score.name};
    JobContext sub(ctx, nullptr);
    run = scoreDataset(ds, store, cfg, sub);
  }
  if (!run.difficulty.count(score.name))
    throw ConfigError("score run " + std::to_string(run.runId) + " has no score '" + score.name + "'");
  return {run.runId, run.indices, run.difficulty.at(score.name)};
}

namespace {

std::string pointKey(const std::string& policy, double keep, int seed) {
  std::ostringstream s;
  s << "point/" << policy << "/" << keep << "/" << seed;
  return s.str();
}

void aggregate(FrontierResult& r) {
  std::vector<std::pair<double, double>> xy;
  for (auto& p : r.points) {
    double m = 0;
    for (double e : p.errors) m += e;
    m /= static_cast<double>(p.errors.size());
    double v = 0;
    for (double e : p.errors) v += (e - m) * (e - m);
    p.errorMean = m;
    p.errorStd = p.errors.size() > 1 ? std::sqrt(v / static_cast<double>(p.errors.size() - 1)) : 0.0;
    xy.push_back({p.keep, p.errorMean});
  }
  r.pareto = paretoFront(xy);
  for (size_t i : r.pareto) r.points[i].pareto = true;
}

nlohmann::json toJson(const FrontierResult& r) {
  nlohmann::json j;
  j["score_run"] = r.scoreRunId;
  j["score"] = r.scoreName;
  j["budget"] = r.budget;
  j["classes"] = r.classNames;
  for (const auto& p : r.points)
    j["points"].push_back({{"policy", p.policy}, {"keep", p.keep}, {"kept", p.kept}, {"epochs", p.epochs},
                           {"errors", p.errors}, {"error_mean", p.errorMean}, {"error_std", p.errorStd},
                           {"per_class_accuracy", p.perClassAccuracy}, {"pareto", p.pareto}});
  j["pareto"] = r.pareto;
  return j;
}

FrontierResult fromJson(const nlohmann::json& j) {
  FrontierResult r;
  r.scoreRunId = j.value("score_run", int64_t(0));
  r.scoreName = j.value("score", std::string());
  r.budget = j.value("budget", std::string("epochs"));
  r.classNames = j.value("classes", std::vector<std::string>());
  for (const auto& p : j.value("points", nlohmann::json::array())) {
    FrontierPoint fp;
    fp.policy = p.at("policy");
    fp.keep = p.at("keep");
    fp.kept = p.at("kept");
    fp.epochs = p.at("epochs");
    fp.errors = p.at("errors").get<std::vector<double>>();
    fp.errorMean = p.at("error_mean");
    fp.errorStd = p.at("error_std");
    fp.perClassAccuracy = p.at("per_class_accuracy").get<std::vector<double>>();
    fp.pareto = p.at("pareto");
    r.points.push_back(fp);
  }
  r.pareto = j.value("pareto", std::vector<size_t>());
  return r;
}

}  // namespace

FrontierResult runFrontierStudy(const Dataset& ds, Store& store, const FrontierConfig& config, JobContext& ctx) {
  config.validate();
  const auto policies = parsePolicies(config.policies);
  const std::string cfgJson = config.toJson();
  const std::string key = Store::cacheKey("frontier", cfgJson, ds.fingerprint());
  if (auto done = store.findRun(key, RunStatus::Done)) {
    FrontierResult r = loadFrontierStudy(store, done->id);
    r.fromCache = true;
    return r;
  }
  // Scores first (a job of their own, cached), then the study run.
  const ResolvedScore score = resolveStudyScore(ds, store, config.score, ctx);
  std::vector<int> labels;
  for (int64_t i : score.indices) labels.push_back(ds.label(Split::Train, static_cast<size_t>(i)));
  // Every subset is checked before any training: bad grids fail with nothing stored.
  for (PrunePolicy pol : policies)
    for (double f : config.keeps)
      for (int s = 0; s < config.seeds; ++s) {
        PruneSpec spec{pol, f, config.classBalanced, config.beta, config.strata,
                       config.train.seed + static_cast<uint64_t>(s)};
        std::vector<int64_t> trainIdx;
        for (int64_t pos : selectSubset(score.difficulty, labels, spec))
          trainIdx.push_back(score.indices[static_cast<size_t>(pos)]);
        checkSubsetCoversClasses(ds, trainIdx);
      }

  const int64_t runId = store.beginOrResumeRun(store.registerDataset(ds), "frontier", cfgJson, key,
                                               static_cast<int64_t>(config.train.seed), config.train.device);
  FrontierResult r;
  r.runId = runId;
  r.scoreRunId = score.runId;
  r.scoreName = config.score.name;
  r.budget = config.budget;
  r.classNames = ds.classNames();
  const double total = static_cast<double>(policies.size() * config.keeps.size() * static_cast<size_t>(config.seeds));
  double done = 0;
  return runRecorded(store, runId, "cancelled; finished points are kept", [&] {
    for (PrunePolicy pol : policies)
      for (double f : config.keeps) {
        FrontierPoint point;
        point.policy = prunePolicyName(pol);
        point.keep = f;
        point.epochs = budgetEpochs(config.train, config.budget, f);
        std::vector<double> accSum(ds.numClasses(), 0.0);
        for (int s = 0; s < config.seeds; ++s) {
          const std::string pk = pointKey(point.policy, f, s);
          nlohmann::json pj;
          if (auto saved = store.result(runId, pk)) {
            pj = nlohmann::json::parse(*saved);
          } else {
            PruneSpec spec{pol, f, config.classBalanced, config.beta, config.strata,
                           config.train.seed + static_cast<uint64_t>(s)};
            const auto kept = selectSubset(score.difficulty, labels, spec);
            std::vector<int64_t> trainIdx;
            for (int64_t pos : kept) trainIdx.push_back(score.indices[static_cast<size_t>(pos)]);
            TrainConfig tc = config.train;
            tc.epochs = point.epochs;
            tc.seed = config.train.seed + static_cast<uint64_t>(s);
            const std::string what = spec.label() + " seed " + std::to_string(s);
            const EvalResult e = trainAndEvaluate(ds, store, trainIdx, tc, config.testLimit, ctx,
                                                  [&](double frac, const std::string& m) {
                                                    ctx.report(done + frac, total, what + " · " + m);
                                                  });
            pj = {{"error", e.error}, {"per_class_accuracy", e.perClassAccuracy}, {"kept", trainIdx.size()},
                  {"train_run", e.runId}};
            store.putResult(runId, pk, pj.dump());  // stored as soon as it is done
          }
          point.errors.push_back(pj.at("error").get<double>());
          point.kept = pj.at("kept").get<int64_t>();
          const auto acc = pj.at("per_class_accuracy");
          for (size_t c = 0; c < accSum.size() && c < acc.size(); ++c)
            accSum[c] += acc[c].is_number() ? acc[c].get<double>() : 0.0;
          done += 1;
          ctx.report(done, total, point.policy + " f=" + std::to_string(f).substr(0, 4) + " done");
        }
        for (double& a : accSum) a /= config.seeds;
        point.perClassAccuracy = accSum;
        r.points.push_back(point);
      }
    aggregate(r);
    Store::Transaction t(store);
    store.putResult(runId, "summary", toJson(r).dump());
    store.finishRun(runId, RunStatus::Done);
    t.commit();
    return r;
  });
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

void writeFrontierCsv(const FrontierResult& r, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw ConfigError(path + ": cannot write the CSV file");
  out << "score,policy,keep,kept,epochs,error_mean,error_std,seeds,pareto";
  for (const auto& c : r.classNames) out << ",acc_" << c;
  out << "\n";
  for (const auto& p : r.points) {
    out << r.scoreName << "," << p.policy << "," << p.keep << "," << p.kept << "," << p.epochs << "," << p.errorMean
        << "," << p.errorStd << "," << p.errors.size() << "," << (p.pareto ? 1 : 0);
    for (double a : p.perClassAccuracy) out << "," << a;
    out << "\n";
  }
}

void writeFrontierJson(const FrontierResult& r, const std::string& configJson, const std::string& fingerprint,
                       const std::string& path) {
  writeStudyJson(toJson(r).dump(), "frontier", r.runId, fingerprint, configJson, path);
}

}  // namespace ps
