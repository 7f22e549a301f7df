#include "study/frontier_study.h"

#include <torch/torch.h>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "job/job.h"
#include "model/model_factory.h"
#include "score/score_engine.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "study/train_eval.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/pareto.h"

namespace ps {

ResolvedScore resolveStudyScore(const Dataset& ds, Store& store, const StudyScore& score, JobContext& ctx,
                                const std::string& nameIn, const std::vector<std::string>& alsoNeeded) {
  const std::string name = nameIn.empty() ? score.name : nameIn;
  ScoreRun run;
  if (score.runId > 0) {
    run = loadScoreRun(store, score.runId);
  } else {
    ScoreConfig cfg = score.config;
    std::vector<std::string> needed = alsoNeeded;
    needed.push_back(score.name);
    needed.push_back(name);
    bool missing = false;
    for (const auto& n : needed) missing |= std::find(cfg.scores.begin(), cfg.scores.end(), n) == cfg.scores.end();
    if (missing) cfg.scores = needed;  // one scoring run computes them all
    JobContext sub(ctx, nullptr);
    run = scoreDataset(ds, store, cfg, sub);
  }
  if (!run.difficulty.count(name))
    throw ConfigError("score run " + std::to_string(run.runId) + " has no score '" + name + "'");
  return {run.runId, run.indices, run.difficulty.at(name)};
}

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

nlohmann::json toJson(const FrontierResult& r) {
  nlohmann::json j;
  j["score_run"] = r.scoreRunId;
  j["score"] = r.scoreName;
  j["budget"] = r.budget;
  j["classes"] = r.classNames;
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
  // Scores first (one cached scoring run for all of them), then the study run.
  std::vector<std::string> names = {config.score.name};
  names.insert(names.end(), config.moreScores.begin(), config.moreScores.end());
  std::vector<ResolvedScore> scores;
  for (const auto& name : names) scores.push_back(resolveStudyScore(ds, store, config.score, ctx, name, names));
  const std::vector<int> labels = ds.labelsOf(Split::Train, scores.front().indices);
  // The points: every score × policy, except random, which needs no score (run once).
  struct Series {
    size_t score;
    PrunePolicy policy;
  };
  std::vector<Series> series;
  for (size_t k = 0; k < scores.size(); ++k)
    for (PrunePolicy pol : policies)
      if (pol != PrunePolicy::Random || k == 0) series.push_back({k, pol});
  auto subsetOf = [&](const Series& se, double f, int s) {
    PruneSpec spec{
        se.policy, f, config.classBalanced, config.beta, config.strata, config.train.seed + static_cast<uint64_t>(s)};
    const ResolvedScore& sc = scores[se.score];
    std::vector<int64_t> trainIdx;
    for (int64_t pos : selectSubset(sc.difficulty, labels, spec))
      trainIdx.push_back(sc.indices[static_cast<size_t>(pos)]);
    return trainIdx;
  };
  // Every subset is checked before any training: bad grids fail with nothing stored.
  for (const Series& se : series)
    for (double f : config.keeps)
      for (int s = 0; s < config.seeds; ++s) checkSubsetCoversClasses(ds, subsetOf(se, f, s));

  const int64_t runId =
      store.beginOrResumeRun(store.registerDataset(ds), "frontier", cfgJson, key,
                             static_cast<int64_t>(config.train.seed), deviceName(chooseDevice(config.train.device)));
  FrontierResult r;
  r.runId = runId;
  r.scoreRunId = scores.front().runId;
  for (const auto& n : names) r.scoreName += (r.scoreName.empty() ? "" : ",") + n;
  r.budget = enumName(budgetNames(), config.budget);
  r.classNames = ds.classNames();
  const double total = static_cast<double>(series.size() * config.keeps.size() * static_cast<size_t>(config.seeds));
  double done = 0;
  return runRecorded(store, runId, "cancelled; finished points are kept", [&] {
    for (const Series& se : series)
      for (double f : config.keeps) {
        FrontierPoint point;
        point.score = se.policy == PrunePolicy::Random ? std::string() : names[se.score];
        point.policy = prunePolicyName(se.policy);
        point.keep = f;
        point.epochs = budgetEpochs(config.train, config.budget, f);
        std::vector<double> accSum(ds.numClasses(), 0.0);
        for (int s = 0; s < config.seeds; ++s) {
          const std::string pk = pointKey(point.score, point.policy, f, s);
          nlohmann::json pj;
          if (auto saved = store.result(runId, pk)) {
            pj = nlohmann::json::parse(*saved);
          } else {
            const std::vector<int64_t> trainIdx = subsetOf(se, f, s);
            TrainConfig tc = config.train;
            tc.epochs = point.epochs;
            tc.seed = config.train.seed + static_cast<uint64_t>(s);
            std::ostringstream what;
            what << (point.score.empty() ? "" : point.score + " ") << point.policy << " f=" << f << " seed " << s;
            const EvalResult e = trainAndEvaluate(
                ds, store, trainIdx, tc, config.testLimit, ctx,
                [&](double frac, const std::string& m) { ctx.report(done + frac, total, what.str() + " · " + m); },
                /*mustLearn=*/f >= 1.0);
            logPoint(ctx, what.str(), e);
            pj = {{"error", e.error},
                  {"per_class_accuracy", e.perClassAccuracy},
                  {"kept", trainIdx.size()},
                  {"train_run", e.runId},
                  {"learned", e.learned}};
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
  std::vector<std::string> header = {"score",      "policy",    "keep",  "kept",  "epochs",
                                     "error_mean", "error_std", "seeds", "pareto"};
  for (const auto& c : r.classNames) header.push_back("acc_" + c);
  CsvWriter csv(header);
  for (const auto& p : r.points) {
    csv.text(p.score.empty() ? "-" : p.score).text(p.policy).number(p.keep).integer(p.kept).integer(p.epochs);
    csv.number(p.errorMean).number(p.errorStd).integer(static_cast<int64_t>(p.errors.size())).integer(p.pareto ? 1 : 0);
    for (double a : p.perClassAccuracy) csv.number(a);
    csv.endRow();
  }
  csv.save(path);
}

void writeFrontierJson(const FrontierResult& r, const std::string& configJson, const std::string& fingerprint,
                       const std::string& path) {
  writeStudyJson(toJson(r).dump(), "frontier", r.runId, fingerprint, configJson, path);
}

}  // namespace ps
