#include "score/score_config.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "score/score_registry.h"
#include "util/errors.h"

namespace ps {

std::vector<std::string> allScoreNames() {
  std::vector<std::string> names;
  for (const auto& s : registeredScores()) names.push_back(s.name);
  return names;
}

std::vector<std::string> defaultScoreNames() {
  std::vector<std::string> names;
  for (const auto& s : registeredScores())
    if (s.inDefaultSweep) names.push_back(s.name);
  return names;
}

std::string scoreDescription(const std::string& name, const Wording& w) {
  const ScoreInfo* s = findScore(name);
  return s ? w(s->description) : std::string();
}

std::string scoreNameList(const std::string& lastJoin) {
  const auto names = allScoreNames();
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? lastJoin : ", ") + names[i];
  return out;
}

std::vector<std::string> parseScoreList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ',');) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item.empty()) continue;
    if (item == "default" || item == "all") {
      const auto group = item == "default" ? defaultScoreNames() : allScoreNames();
      out.insert(out.end(), group.begin(), group.end());
      continue;
    }
    if (!findScore(item))
      throw ConfigError("unknown score '" + item + "': expected one of " + scoreNameList() + " (or default, all)");
    out.push_back(item);
  }
  if (out.empty()) throw ConfigError("no score named: expected a comma-separated list such as el2n,forgetting");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int ScoreConfig::resolvedEl2nEpoch() const {
  return el2nEpoch >= 0 ? el2nEpoch : std::max(1, static_cast<int>(std::lround(train.epochs * 0.2)));
}
int ScoreConfig::resolvedGrandEpoch() const { return grandEpoch >= 0 ? grandEpoch : resolvedEl2nEpoch(); }

namespace {
// Scores read before the end of training (EL2N, GraNd and any registered one with readAt < 1).
bool readEarly(const ScoreInfo& info) {
  return info.training != ScoreTraining::None && !info.wholeSchedule && info.readAt < 1.0;
}
}  // namespace

std::string scoreTrainingCost(const std::string& name, const Wording& w) {
  const ScoreInfo* info = findScore(name);
  if (info && info->training == ScoreTraining::None) return w(PS_WORDS("Wording", "no training"));
  if (info && info->training == ScoreTraining::Embedding)
    return w(PS_WORDS("Wording", "the whole training (classifier embedding), else the encoder only"));
  if (info && readEarly(*info))
    return w(PS_WORDS("Wording", "trains only to its epoch when every requested score is read early"));
  return w(PS_WORDS("Wording", "the whole training"));
}

// The epoch an early-read score is read at: EL2N's and GraNd's settable epochs, else its
// registered fraction of the schedule.
int ScoreConfig::readEpoch(const ScoreInfo& info) const {
  if (info.name == "el2n") return resolvedEl2nEpoch();
  if (info.name == "grand") return resolvedGrandEpoch();
  return std::max(1, static_cast<int>(std::lround(train.epochs * info.readAt)));
}

int ScoreConfig::trainedEpochs() const {
  if (wholeSchedule) return train.epochs;
  int last = 0;
  for (const auto& s : scores) {
    const ScoreInfo* info = findScore(s);
    if (!info || !needsTraining(*info)) continue;
    if (!readEarly(*info)) return train.epochs;  // a score of the whole training or of the final model
    last = std::max(last, readEpoch(*info));
  }
  return std::min(last, train.epochs);
}

// Whether the scoring run's classifier must train for this score.
bool ScoreConfig::needsTraining(const ScoreInfo& info) const {
  if (info.training == ScoreTraining::None) return false;
  return !(info.training == ScoreTraining::Embedding && !info.makeHook && prototypeEmbedding != "classifier");
}

int64_t semDedupClusters(int64_t n, int64_t setting) {
  const int64_t k = setting > 0 ? setting : (n + kSemDedupClusterSize - 1) / kSemDedupClusterSize;
  return std::max<int64_t>(1, std::min(k, n));
}

bool isEmbeddingScore(const std::string& name) {
  const ScoreInfo* info = findScore(name);
  return info && info->training == ScoreTraining::Embedding && !info->makeHook;
}

bool ScoreConfig::needsEmbedding() const { return std::any_of(scores.begin(), scores.end(), isEmbeddingScore); }

bool ScoreConfig::needsClassifier() const {
  for (const auto& s : scores) {
    const ScoreInfo* info = findScore(s);
    if (info && needsTraining(*info)) return true;
  }
  return false;
}

namespace {
// How many seeds, and how many of them train together.
void validateSeeds(int seeds, int packSeeds, bool sequentialSeeds) {
  requireInRange(setting::scoreSeeds, seeds, "seeds");  // the declaration's range (score/score_settings.h)
  if (packSeeds < 0)
    throw ConfigError("pack-seeds " + std::to_string(packSeeds) +
                      " must be at least 1 (seeds trained together), or left out to fit the machine");
  if (packSeeds > seeds)
    throw ConfigError("pack-seeds " + std::to_string(packSeeds) + " is larger than the request's " +
                      std::to_string(seeds) + " seeds: at most " + std::to_string(seeds) + " can train together");
  if (packSeeds > 0 && sequentialSeeds)
    throw ConfigError("pack-seeds and sequential-seeds contradict each other: choose one");
}
}  // namespace

void ScoreConfig::validate(int64_t numExamples) const {
  train.validate();
  if (scores.empty()) throw ConfigError("no score requested");
  for (const auto& s : scores)
    if (!findScore(s)) throw ConfigError("unknown score '" + s + "'");
  auto has = [&](const char* n) { return std::find(scores.begin(), scores.end(), n) != scores.end(); };
  if (has("el2n") && resolvedEl2nEpoch() > train.epochs)
    throw ConfigError("EL2N epoch " + std::to_string(resolvedEl2nEpoch()) + " is beyond training (" +
                      std::to_string(train.epochs) + " epochs)");
  if (has("el2n") && resolvedEl2nEpoch() < 0) throw ConfigError("EL2N epoch must be 0 or more");
  if (has("grand") && (resolvedGrandEpoch() > train.epochs || resolvedGrandEpoch() < 0))
    throw ConfigError("GraNd epoch " + std::to_string(resolvedGrandEpoch()) + " is outside 0.." +
                      std::to_string(train.epochs) + " (the training's epochs)");
  validateSeeds(seeds, packSeeds, sequentialSeeds);
  if (limit < 0) throw ConfigError("limit " + std::to_string(limit) + " must be 0 (all) or positive");
  if (has("prototype") && (prototypeK < 1 || prototypeK > numExamples))
    throw ConfigError("prototype k " + std::to_string(prototypeK) + " must be between 1 and the number of examples (" +
                      std::to_string(numExamples) + ")");
  if (has("prototype_class") && prototypeKPerClass < 1)
    throw ConfigError("prototype k per class " + std::to_string(prototypeKPerClass) + " must be at least 1");
  if (has("semdedup") && (semdedupK < 0 || semdedupK > numExamples))
    throw ConfigError("semdedup k " + std::to_string(semdedupK) + " must be between 1 and the number of examples (" +
                      std::to_string(numExamples) + "), or 0 for one cluster per " +
                      std::to_string(kSemDedupClusterSize) + " examples");
  if (needsEmbedding() && prototypeEmbedding == "ssl" && sslEpochs < 1)
    throw ConfigError("self-supervised encoder epochs " + std::to_string(sslEpochs) + " must be at least 1");
}

std::string ScoreConfig::toJson() const {
  nlohmann::json j;
  std::vector<std::string> sorted = scores;  // the order of the request does not matter
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  j["scores"] = sorted;
  j.update(train.toJson());
  j["seeds"] = seeds;
  j["limit"] = limit;
  j["el2n_epoch"] = resolvedEl2nEpoch();
  j["grand_epoch"] = resolvedGrandEpoch();
  j["prototype_k"] = prototypeK;
  j["prototype_k_per_class"] = prototypeKPerClass;
  j["prototype_embedding"] = prototypeEmbedding;
  j["ssl_epochs"] = sslEpochs;
  if (std::binary_search(sorted.begin(), sorted.end(), "semdedup")) j["semdedup_k"] = semdedupK;  // absent: as before
  if (wholeSchedule) j["whole_schedule"] = true;  // it adds the final predictions; absent: the keys of before
  return j.dump();
}

ScoreConfig ScoreConfig::fromJson(const std::string& json) {
  try {
    const auto j = nlohmann::json::parse(json);
    ScoreConfig c;
    c.scores = j.at("scores").get<std::vector<std::string>>();
    c.train = TrainConfig::fromJson(j, TrainConfig{});
    c.seeds = j.at("seeds").get<int>();
    c.limit = j.at("limit").get<int64_t>();
    c.el2nEpoch = j.at("el2n_epoch").get<int>();
    c.grandEpoch = j.at("grand_epoch").get<int>();
    c.prototypeK = j.at("prototype_k").get<int>();
    c.prototypeKPerClass = j.at("prototype_k_per_class").get<int>();
    c.prototypeEmbedding = j.at("prototype_embedding").get<std::string>();
    c.sslEpochs = j.at("ssl_epochs").get<int>();
    c.wholeSchedule = j.contains("whole_schedule") && j.at("whole_schedule").get<bool>();
    c.semdedupK = j.contains("semdedup_k") ? j.at("semdedup_k").get<int>() : 0;
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError("scoring configuration '" + json.substr(0, 60) + "...' is not one PruneScope wrote (" +
                      std::string(e.what()) + ")");
  }
}

}  // namespace ps
