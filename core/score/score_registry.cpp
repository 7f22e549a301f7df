#include "score/score_registry.h"

#include <algorithm>
#include <deque>
#include <mutex>

#include "util/errors.h"
#include "util/wording.h"

namespace ps {

namespace {

const char* const kDataDiet = "Paul, Ganguli, Dziugaite: Deep Learning on a Data Diet (NeurIPS 2021)";
const char* const kCartography = "Swayamdipta et al.: Dataset Cartography (EMNLP 2020)";
const char* const kSelectionViaProxy = "uncertainty sampling; Coleman et al.: Selection via Proxy (ICLR 2020)";

ScoreInfo score(const char* name, const char* description, const char* reference, bool rawHigherIsHarder,
                ScoreTraining training, double readAt, bool wholeSchedule) {
  ScoreInfo s;
  s.name = name;
  s.description = description;
  s.reference = reference;
  s.rawHigherIsHarder = rawHigherIsHarder;
  s.training = training;
  s.readAt = readAt;
  s.wholeSchedule = wholeSchedule;
  return s;
}

// The scores runSeed() in score_engine.cpp computes itself (they share hooks). A new
// score of the project goes, with its hook, in hookedScores() there: this file has no torch.
std::vector<ScoreInfo> builtInScores() {
  const auto C = ScoreTraining::Classifier, E = ScoreTraining::Embedding;
  std::vector<ScoreInfo> s = {
      score("el2n", PS_WORDS("Wording", "||softmax - onehot||2 early in training, un-augmented inputs"), kDataDiet,
            true, C, 0.2, false),
      score("grand", PS_WORDS("Wording", "norm of the per-example loss gradient w.r.t. all parameters"), kDataDiet,
            true, C, 0.2, false),
      score("forgetting", PS_WORDS("Wording", "correct-to-incorrect transitions in training (never learned = epochs)"),
            "Toneva et al.: An Empirical Study of Example Forgetting (ICLR 2019)", true, C, 1.0, true),
      score("aum", PS_WORDS("Wording", "minus the mean margin (assigned logit - largest other logit) in training"),
            "Pleiss et al.: Identifying Mislabeled Data using the Area Under the Margin Ranking (NeurIPS 2020)", false,
            C, 1.0, true),
      score("confidence", PS_WORDS("Wording", "1 - mean probability of the label across training (data maps)"),
            kCartography, false, C, 1.0, true),
      score("variability", PS_WORDS("Wording", "std of the probability of the label across training (data maps)"),
            kCartography, true, C, 1.0, true),
      score("entropy", PS_WORDS("Wording", "entropy of the final model's prediction"), kSelectionViaProxy, true, C, 1.0,
            false),
      score("margin", PS_WORDS("Wording", "minus (p_label - largest other p) of the final model"), kSelectionViaProxy,
            false, C, 1.0, false),
      score("prototype", PS_WORDS("Wording", "cosine distance to the nearest k-means centroid (class-agnostic)"),
            "Sorscher et al.: Beyond Neural Scaling Laws (NeurIPS 2022), self-supervised prototypes", true, E, 1.0,
            false),
      score("prototype_class",
            PS_WORDS("Wording", "cosine distance to the nearest centroid of the example's own class"),
            "Sorscher et al.: Beyond Neural Scaling Laws (NeurIPS 2022), supervised prototypes", true, E, 1.0, false),
      score("semdedup",
            PS_WORDS("Wording", "1 - highest cosine similarity to another example of its k-means cluster (redundancy)"),
            "Abbas et al.: SemDeDup: Data-efficient learning at web-scale through semantic deduplication (2023)", false,
            E, 1.0, false),
      score("random", PS_WORDS("Wording", "uniform random (seeded), the baseline"), "", true, ScoreTraining::None, 0.0,
            false),
  };
  s[1].checkedInForm = false;  // GraNd: per-example gradients, the slowest score
  for (size_t i = 8; i < s.size(); ++i) s[i].inDefaultSweep = s[i].checkedInForm = false;
  return s;
}

struct Entry {
  ScoreInfo info;
  bool active = true;
};

// Entries are never erased (a deque keeps their addresses): pointers handed out stay valid.
struct Registry {
  std::mutex mutex;
  std::deque<Entry> entries;
  Registry() {
    for (auto& s : builtInScores()) entries.push_back({std::move(s), true});
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

bool isIdentifier(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

void registerScore(ScoreInfo info) {
  if (!isIdentifier(info.name) || info.name == "default" || info.name == "all")
    throw ConfigError("score name '" + info.name +
                      "' is not an identifier: expected letters a-z, digits or _ (and not default or all)");
  if (!info.makeHook) throw ConfigError("score " + info.name + " has no hook to compute it");
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& e : r.entries)
    if (e.active && e.info.name == info.name) throw ConfigError("score " + info.name + " is registered already");
  r.entries.push_back({std::move(info), true});
}

void unregisterScore(const std::string& name) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto& e : r.entries)
    if (e.active && e.info.name == name) e.active = false;
}

std::vector<ScoreInfo> registeredScores() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<ScoreInfo> out;
  for (const auto& e : r.entries)
    if (e.active) out.push_back(e.info);
  return out;
}

const ScoreInfo* findScore(const std::string& name) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& e : r.entries)
    if (e.active && e.info.name == name) return &e.info;
  return nullptr;
}

}  // namespace ps
