#pragma once
// Settings shared by the frontier, scaling and audit studies. Plain data (no torch).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "prune/policy_registry.h"
#include "prune/prune_policy.h"
#include "score/score_config.h"
#include "study/study_settings.h"
#include "train/train_config.h"
#include "util/text_list.h"

namespace ps {

// How subset models of different sizes are trained: the same epochs for every kept
// fraction, or the same optimisation steps (epochs / f).
enum class Budget { Epochs, Steps };
const NameTable<Budget>& budgetNames();  // epochs, steps

struct StudyScore {
  ScoreConfig config;         // how the score is computed (answered from the cache when done)
  std::string name = "el2n";  // which score of that run
  int64_t runId = 0;          // or: an existing score/import run (config then ignored)
  // Leave out the examples tagged "exclude" (store/example_tags.h) before any subset is
  // drawn; part of the study's settings, so a study with and without them differ.
  bool excludeTagged = false;
};

// What the frontier and the scaling study share: the score they prune by, the policies
// and kept fractions, the pruning's settings, the training recipe, the budget, the
// repeats and the test examples. The defaults are the declaration's
// (study/study_settings.h, prune/prune_settings.h, train/train_settings.h).
struct StudySettings {
  StudyScore score;
  std::vector<std::string> policies = splitList(setting::policies.text);
  std::vector<double> keeps = parseDoubles(setting::frontierKeeps.text, "kept fraction");  // ascending, in (0, 1]
  bool classBalanced = setting::classBalanced.on();
  double beta = setting::beta.value;
  int strata = setting::strata.intValue();
  TrainConfig train;                                    // the recipe every subset model uses
  Budget budget = Budget::Epochs;                       // setting::budget
  int seeds = setting::studySeeds.intValue();           // repeats per point (training seed, and random's subset seed)
  int64_t testLimit = setting::testLimit.int64Value();  // evaluate on the first N test examples (0 = all)

  void validate() const;  // ConfigError naming the bad value
  // The members toJson of either study writes for these (its cache key hashes them).
  void writeJson(nlohmann::json& j) const;
  // Reads them back (members absent keep their defaults); throws nlohmann::json::exception
  // or ConfigError on a malformed member.
  void readJson(const nlohmann::json& j);
};

struct FrontierConfig : StudySettings {
  std::vector<std::string> moreScores;  // compared too, from the same scoring run

  void validate() const;
  std::string toJson() const;
};

// Reads back what FrontierConfig::toJson wrote (a stored study's config): the score as
// its run id when the study named one, else its settings, so that toJson gives the same
// text again (the same cache key: starting it again resumes that study). StoreError on
// malformed JSON.
FrontierConfig parseFrontierConfig(const std::string& json);

// Kept-fraction grids: non-empty, strictly ascending, every value in (0, 1].
void validateKeepGrid(const std::vector<double>& keeps);
std::vector<PrunePolicy> parsePolicies(const std::vector<std::string>& names);
int budgetEpochs(const TrainConfig& train, Budget budget, double keep);

struct MeanStd {
  double mean = 0, std = 0;  // std: sample standard deviation (0 for one value)
};
MeanStd meanAndStd(const std::vector<double>& v);

// Writes a study's JSON (`body`, an object) with a "provenance" member: tool, kind,
// run id, dataset fingerprint and the configuration (JSON text).
void writeStudyJson(const std::string& body, const std::string& kind, int64_t runId, const std::string& fingerprint,
                    const std::string& configJson, const std::string& path);

}  // namespace ps
