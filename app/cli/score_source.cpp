#include "cli/score_source.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "data/dataset.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/run_summary.h"
#include "store/store.h"
#include "study/work_estimate.h"
#include "train/train_health.h"
#include "util/errors.h"

namespace ps {

namespace {

bool holdsAll(const std::vector<std::string>& have, const std::vector<std::string>& names) {
  return std::all_of(names.begin(), names.end(),
                     [&](const std::string& n) { return std::find(have.begin(), have.end(), n) != have.end(); });
}

// The examples limit a stored run was made with (0: every example; imports cover all).
int64_t limitOf(const CachedScoreRun& r) {
  try {
    const auto j = nlohmann::json::parse(r.config);
    return j.is_object() ? j.value("limit", int64_t(0)) : 0;
  } catch (const nlohmann::json::exception&) {
    return -1;  // unreadable: never taken for a match
  }
}

std::string runText(const Store& store, int64_t runId) {
  const RunRecord run = store.run(runId);
  return "run " + std::to_string(runId) + " (" + run.kind + ": " + describeRun(run) + ", finished " +
         run.finishedAt.substr(0, 16) + ")";
}

// The request resolveStudyScore makes for these names from the command's settings.
ScoreConfig requestFor(const StudyScore& score, const std::vector<std::string>& names) {
  ScoreConfig cfg = score.config;
  if (!holdsAll(cfg.scores, names)) cfg.scores = names;  // one scoring run computes them all
  return cfg;
}

std::optional<int64_t> finishedRunFor(const Dataset& ds, const Store& store, const ScoreConfig& cfg) {
  if (auto done = store.findRun(scoreCacheKey(ds, cfg), RunStatus::Done)) return done->id;
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

void adaptScoringBatch(const Dataset& ds, ScoreConfig& config, bool batchGiven, std::ostream& out) {
  if (batchGiven) return;
  const auto train = static_cast<int64_t>(ds.size(Split::Train));
  const int64_t n = config.limit > 0 ? std::min(config.limit, train) : train;
  const int batch = batchSizeForExamples(config.train.batchSize, n);
  if (batch == config.train.batchSize) return;
  out << "batch size " << batch << " instead of " << config.train.batchSize << ": " << n << " examples give at least "
      << kMinStepsPerEpoch << " steps per epoch (--batch-size sets it)\n";
  config.train.batchSize = batch;
}

bool scoreTrainingGiven(const CLI::App& cmd, const std::string& prefix) {
  for (const std::string option : {"epochs", "seeds", "model"})
    if (const auto* o = cmd.get_option_no_throw("--" + prefix + option); o && o->count() > 0) return true;
  return false;
}

std::string scoringPlanText(const Dataset& ds, const ScoreConfig& config) {
  const auto train = static_cast<int64_t>(ds.size(Split::Train));
  const int64_t n = config.limit > 0 ? std::min(config.limit, train) : train;
  std::ostringstream s;
  const int trained = config.needsClassifier() ? config.trainedEpochs() : config.train.epochs;
  s << n << " examples x "
    << (trained < config.train.epochs ? std::to_string(trained) + " of " + std::to_string(config.train.epochs) +
                                            " epochs (the scores are read by then)"
                                      : std::to_string(config.train.epochs) + " epochs")
    << " x " << config.seeds << (config.seeds == 1 ? " seed" : " seeds") << " (" << config.train.model << ", batch "
    << config.train.batchSize << ", " << config.train.device.str() << ")";
  try {
    const JobWork work = scoringWork(config, train);
    const TrainingRates rates = measureTrainingRates(ds, config.train, 4, work.together);
    const double seconds = estimateSeconds(work, rates);
    if (seconds >= 0) {
      s << ", about " << formatDuration(seconds) << " (a training rate of "
        << static_cast<int64_t>(rates.trainPerSecond) << " images/s measured now";
      if (rates.together > 1)
        s << "; " << rates.together << " seeds train together, " << std::fixed << std::setprecision(1)
          << rates.togetherSpeedup << "x one seed's rate";
      s << ")";
    }
  } catch (const Error& e) {
    s << " (no time estimate: " << e.what() << ")";
  }
  return s.str();
}

void announceScoring(const Dataset& ds, const Store& store, const ScoreConfig& config, std::ostream& out) {
  if (auto id = finishedRunFor(ds, store, config)) {
    out << "using " << runText(store, *id) << ": computed before with these settings\n";
  } else {
    out << "scoring " << joined(config.scores) << " first: " << scoringPlanText(ds, config) << "\n";
  }
  out.flush();
}

void chooseScoreSource(const Dataset& ds, const Store& store, StudyScore& score, const std::vector<std::string>& names,
                       bool trainingGiven, std::ostream& out) {
  if (score.runId > 0) return;  // named by the user: loadScoreRunFor checks it
  std::ostringstream batchNote;
  adaptScoringBatch(ds, score.config, false, batchNote);  // as the score command and the GUI's form do
  const ScoreConfig request = requestFor(score, names);
  if (auto id = finishedRunFor(ds, store, request)) {
    score.runId = *id;
    out << "using " << runText(store, *id) << "\n";
    return;
  }
  if (!trainingGiven) {
    for (const CachedScoreRun& r : listScoreRuns(store, ds.fingerprint()))  // newest first
      if (holdsAll(r.names, names) && limitOf(r) == score.config.limit) {
        score.runId = r.runId;
        out << "using " << runText(store, r.runId) << ", the newest finished run holding " << joined(names)
            << (score.config.limit > 0 ? " for the first " + std::to_string(score.config.limit) + " examples" : "")
            << " (--score-run picks another; --score-epochs/--score-seeds compute one)\n";
        return;
      }
  }
  out << batchNote.str() << "no finished run holds " << joined(names) << " for " << ds.spec()
      << (score.config.limit > 0 ? " (first " + std::to_string(score.config.limit) + " examples)" : "")
      << ": scoring first, " << scoringPlanText(ds, request) << "\n";
  out.flush();
}

}  // namespace ps
