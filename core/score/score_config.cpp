#include "score/score_config.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/errors.h"

namespace ps {

const std::vector<std::string>& allScoreNames() {
  static const std::vector<std::string> names = {"el2n",       "grand",           "forgetting", "aum",
                                                 "confidence", "variability",     "entropy",    "margin",
                                                 "prototype",  "prototype_class", "random"};
  return names;
}

const std::vector<std::string>& defaultScoreNames() {
  static const std::vector<std::string> names = {"el2n",       "grand",       "forgetting", "aum",
                                                 "confidence", "variability", "entropy",    "margin"};
  return names;
}

std::string scoreDescription(const std::string& name, const Wording& w) {
  static const std::map<std::string, const char*> d = {
      {"el2n", PS_WORDS("Wording", "||softmax - onehot||2 early in training, un-augmented inputs")},
      {"grand", PS_WORDS("Wording", "norm of the per-example loss gradient w.r.t. all parameters")},
      {"forgetting", PS_WORDS("Wording", "correct-to-incorrect transitions in training (never learned = epochs)")},
      {"aum", PS_WORDS("Wording", "minus the mean margin (assigned logit - largest other logit) in training")},
      {"confidence", PS_WORDS("Wording", "1 - mean probability of the label across training (data maps)")},
      {"variability", PS_WORDS("Wording", "std of the probability of the label across training (data maps)")},
      {"entropy", PS_WORDS("Wording", "entropy of the final model's prediction")},
      {"margin", PS_WORDS("Wording", "minus (p_label - largest other p) of the final model")},
      {"prototype", PS_WORDS("Wording", "cosine distance to the nearest k-means centroid (class-agnostic)")},
      {"prototype_class", PS_WORDS("Wording", "cosine distance to the nearest centroid of the example's own class")},
      {"random", PS_WORDS("Wording", "uniform random (seeded), the baseline")},
  };
  auto it = d.find(name);
  return it == d.end() ? std::string() : w(it->second);
}

std::vector<std::string> parseScoreList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ',');) {
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (item.empty()) continue;
    const std::vector<std::string>* group = item == "default" ? &defaultScoreNames()
                                            : item == "all"   ? &allScoreNames()
                                                              : nullptr;
    if (group) {
      out.insert(out.end(), group->begin(), group->end());
      continue;
    }
    if (std::find(allScoreNames().begin(), allScoreNames().end(), item) == allScoreNames().end()) {
      std::string known;
      for (const auto& n : allScoreNames()) known += (known.empty() ? "" : ", ") + n;
      throw ConfigError("unknown score '" + item + "': expected one of " + known + " (or default, all)");
    }
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

bool ScoreConfig::needsClassifier() const {
  for (const auto& s : scores) {
    if (s == "random") continue;
    if ((s == "prototype" || s == "prototype_class") && prototypeEmbedding != "classifier") continue;
    return true;
  }
  return false;
}

void ScoreConfig::validate(int64_t numExamples) const {
  train.validate();
  if (scores.empty()) throw ConfigError("no score requested");
  for (const auto& s : scores)
    if (std::find(allScoreNames().begin(), allScoreNames().end(), s) == allScoreNames().end())
      throw ConfigError("unknown score '" + s + "'");
  auto has = [&](const char* n) { return std::find(scores.begin(), scores.end(), n) != scores.end(); };
  if (has("el2n") && resolvedEl2nEpoch() > train.epochs)
    throw ConfigError("EL2N epoch " + std::to_string(resolvedEl2nEpoch()) + " is beyond training (" +
                      std::to_string(train.epochs) + " epochs)");
  if (has("el2n") && resolvedEl2nEpoch() < 0) throw ConfigError("EL2N epoch must be 0 or more");
  if (has("grand") && (resolvedGrandEpoch() > train.epochs || resolvedGrandEpoch() < 0))
    throw ConfigError("GraNd epoch " + std::to_string(resolvedGrandEpoch()) + " is outside 0.." +
                      std::to_string(train.epochs) + " (the training's epochs)");
  requireInRange(setting::scoreSeeds, seeds, "seeds");  // the declaration's range (score/score_settings.h)
  if (limit < 0) throw ConfigError("limit " + std::to_string(limit) + " must be 0 (all) or positive");
  if (has("prototype") && (prototypeK < 1 || prototypeK > numExamples))
    throw ConfigError("prototype k " + std::to_string(prototypeK) + " must be between 1 and the number of examples (" +
                      std::to_string(numExamples) + ")");
  if (has("prototype_class") && prototypeKPerClass < 1)
    throw ConfigError("prototype k per class " + std::to_string(prototypeKPerClass) + " must be at least 1");
  if ((has("prototype") || has("prototype_class")) && prototypeEmbedding == "ssl" && sslEpochs < 1)
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
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError("scoring configuration '" + json.substr(0, 60) + "...' is not one PruneScope wrote (" +
                      std::string(e.what()) + ")");
  }
}

}  // namespace ps
