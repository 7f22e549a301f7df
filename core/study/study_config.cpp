#include "study/study_config.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

void validateKeepGrid(const std::vector<double>& keeps) {
  if (keeps.empty()) throw ConfigError("the grid of kept fractions is empty; expected values in (0, 1]");
  for (size_t i = 0; i < keeps.size(); ++i) {
    if (!(keeps[i] > 0 && keeps[i] <= 1)) {
      std::ostringstream s;
      s << "kept fraction " << keeps[i] << " is outside (0, 1]";
      throw ConfigError(s.str());
    }
    if (i > 0 && keeps[i] <= keeps[i - 1]) {
      std::ostringstream s;
      s << "the grid of kept fractions is not strictly ascending (" << keeps[i - 1] << " then " << keeps[i] << ")";
      throw ConfigError(s.str());
    }
  }
}

std::vector<PrunePolicy> parsePolicies(const std::vector<std::string>& names) {
  if (names.empty()) throw ConfigError("no pruning policy given; expected hard, easy, random or ccs");
  std::vector<PrunePolicy> out;
  out.reserve(names.size());
  for (const auto& n : names) out.push_back(parsePrunePolicy(n));
  return out;
}

const NameTable<Budget>& budgetNames() {
  static const NameTable<Budget> t = {{Budget::Epochs, "epochs"}, {Budget::Steps, "steps"}};
  return t;
}

int budgetEpochs(const TrainConfig& train, Budget budget, double keep) {
  if (budget == Budget::Steps) return std::max(1, static_cast<int>(std::lround(train.epochs / keep)));
  return train.epochs;
}

MeanStd meanAndStd(const std::vector<double>& v) {
  MeanStd r;
  if (v.empty()) return r;
  for (double x : v) r.mean += x;
  r.mean /= static_cast<double>(v.size());
  double s = 0;
  for (double x : v) s += (x - r.mean) * (x - r.mean);
  r.std = v.size() > 1 ? std::sqrt(s / static_cast<double>(v.size() - 1)) : 0.0;
  return r;
}

void writeStudyJson(const std::string& body, const std::string& kind, int64_t runId, const std::string& fingerprint,
                    const std::string& configJson, const std::string& path) {
  nlohmann::json j = nlohmann::json::parse(body);
  j["provenance"] = {{"tool", "prunescope"},
                     {"kind", kind},
                     {"run", runId},
                     {"dataset_fingerprint", fingerprint},
                     {"config", nlohmann::json::parse(configJson)}};
  writeFileAtomically(path, j.dump(2) + "\n");
}

void StudySettings::validate() const {
  validateKeepGrid(keeps);
  parsePolicies(policies);
  train.validate();
  PruneSpec probe;
  probe.beta = beta;
  probe.strata = strata;
  probe.validate();
  if (seeds < 1) throw ConfigError("seeds " + std::to_string(seeds) + " must be at least 1");
  requireInRange(setting::studySeeds, seeds, "seeds");
  if (testLimit < 0) throw ConfigError("test limit must be 0 (all) or positive");
}

void FrontierConfig::validate() const { StudySettings::validate(); }

void StudySettings::writeJson(nlohmann::json& j) const {
  j["score"] = score.runId
                   ? nlohmann::json{{"run", score.runId}, {"name", score.name}}
                   : nlohmann::json{{"config", nlohmann::json::parse(score.config.toJson())}, {"name", score.name}};
  if (score.excludeTagged) j["exclude_tagged"] = true;  // absent otherwise: earlier cache keys still match
  j["policies"] = policies;
  j["keeps"] = keeps;
  j["class_balanced"] = classBalanced;
  j["beta"] = beta;
  j["strata"] = strata;
  j["train"] = train.toJson();
  j["budget"] = enumName(budgetNames(), budget);
  j["seeds"] = seeds;
  j["test_limit"] = testLimit;
}

void StudySettings::readJson(const nlohmann::json& j) {
  const auto s = j.value("score", nlohmann::json::object());
  score.name = s.value("name", score.name);
  score.runId = s.value("run", int64_t(0));
  if (!score.runId && s.contains("config")) score.config = ScoreConfig::fromJson(s.at("config").dump());
  score.excludeTagged = j.value("exclude_tagged", false);
  policies = j.value("policies", policies);
  keeps = j.value("keeps", keeps);
  classBalanced = j.value("class_balanced", classBalanced);
  beta = j.value("beta", beta);
  strata = j.value("strata", strata);
  const auto t = j.value("train", nlohmann::json::object());
  train = TrainConfig::fromJson(t, train);
  if (j.contains("budget")) budget = parseEnum(budgetNames(), j.at("budget").get<std::string>(), "budget");
  seeds = j.value("seeds", seeds);
  testLimit = j.value("test_limit", testLimit);
}

FrontierConfig parseFrontierConfig(const std::string& json) {
  FrontierConfig c;
  try {
    const auto j = nlohmann::json::parse(json);
    c.readJson(j);
    c.moreScores = j.value("more_scores", c.moreScores);
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(std::string("a stored frontier study's settings are not readable: ") + e.what());
  } catch (const ConfigError& e) {
    throw StoreError(std::string("a stored frontier study's settings are not readable: ") + e.what());
  }
  return c;
}

std::string FrontierConfig::toJson() const {
  nlohmann::json j;
  writeJson(j);
  if (!moreScores.empty()) j["more_scores"] = moreScores;
  return j.dump();
}

}  // namespace ps
