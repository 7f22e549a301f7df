#include "prune/policy_registry.h"

#include "prune/robust_pruning.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <mutex>
#include <numeric>
#include <sstream>

#include "util/errors.h"
#include "util/wording.h"

// A policy's term is translated as the GUI's other words are (context "Wording", told
// apart from the same word elsewhere by the comment "policy"); lupdate reads PS_WORDS3 as
// QT_TRANSLATE_NOOP3 (ui/CMakeLists.txt).
#define PS_WORDS3(context, text, comment) text

namespace ps {

// Hands out handles; a friend of PrunePolicy.
class PolicyRegistry {
 public:
  static PrunePolicy handle(const std::string& interned) { return PrunePolicy(interned.c_str()); }
};

namespace {

// CCS: equal-width strata over the remaining score range (`rest`, hardest first); the
// budget goes to strata smallest first, each taking min(its size, what is left / strata
// left), sampled uniformly inside the stratum.
std::vector<int64_t> ccsSample(const std::vector<float>& d, const TieBreak& tie, const std::vector<int64_t>& rest,
                               int64_t count, const PruneSpec& spec, std::mt19937_64& rng) {
  if (rest.empty() || count == 0) return {};
  float lo = d[static_cast<size_t>(rest.back())], hi = d[static_cast<size_t>(rest.front())];
  std::vector<std::vector<int64_t>> strata(static_cast<size_t>(spec.strata));
  for (int64_t p : rest) {
    const double t = hi > lo ? (d[static_cast<size_t>(p)] - lo) / double(hi - lo) : 0.0;
    const auto s = std::min<size_t>(strata.size() - 1, static_cast<size_t>(t * static_cast<double>(strata.size())));
    strata[s].push_back(p);
  }
  std::vector<size_t> order;
  for (size_t s = 0; s < strata.size(); ++s)
    if (!strata[s].empty()) order.push_back(s);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return strata[a].size() < strata[b].size(); });
  std::vector<int64_t> out;
  int64_t left = count;
  for (size_t k = 0; k < order.size(); ++k) {
    auto& st = strata[order[k]];
    // by id (else position) before the seeded shuffle: the sample does not depend on input order
    std::sort(st.begin(), st.end(), [&](int64_t a, int64_t b) {
      return tie.ids ? (*tie.ids)[static_cast<size_t>(a)] < (*tie.ids)[static_cast<size_t>(b)] : a < b;
    });
    const int64_t share =
        std::min<int64_t>(static_cast<int64_t>(st.size()), left / static_cast<int64_t>(order.size() - k));
    std::shuffle(st.begin(), st.end(), rng);
    out.insert(out.end(), st.begin(), st.begin() + share);
    left -= share;
  }
  return out;
}

// The pool hardest first, by one total order, so results do not depend on sort internals.
void sortHardestFirst(const PruneInputs& in, std::vector<int64_t>& pool) {
  std::sort(pool.begin(), pool.end(), [&](int64_t a, int64_t b) {
    return rankedHarder(*in.difficulty, in.tie, static_cast<size_t>(a), static_cast<size_t>(b));
  });
}

// Hard and CCS drop the hardest beta first: what is left, hardest first.
std::vector<int64_t> afterBeta(const PruneInputs& in, std::vector<int64_t> pool, int64_t count, const PruneSpec& spec) {
  const auto size = static_cast<int64_t>(pool.size());
  sortHardestFirst(in, pool);
  const int64_t dropped = static_cast<int64_t>(std::ceil(spec.beta * static_cast<double>(size) - 1e-9));
  std::vector<int64_t> rest(pool.begin() + dropped, pool.end());
  if (count > static_cast<int64_t>(rest.size())) {
    std::ostringstream s;
    s << spec.label() << ": keeping " << count << " examples is impossible after dropping the " << dropped
      << " hardest of " << size << " (keep + beta must not exceed 1)";
    throw ConfigError(s.str());
  }
  return rest;
}

std::vector<int64_t> pickHard(const PruneInputs& in, std::vector<int64_t> pool, int64_t count, const PruneSpec& spec,
                              std::mt19937_64& /*rng*/) {
  auto rest = afterBeta(in, std::move(pool), count, spec);
  rest.resize(static_cast<size_t>(count));
  return rest;
}

std::vector<int64_t> pickEasy(const PruneInputs& in, std::vector<int64_t> pool, int64_t count,
                              const PruneSpec& /*spec*/, std::mt19937_64& /*rng*/) {
  sortHardestFirst(in, pool);
  return std::vector<int64_t>(pool.end() - count, pool.end());
}

std::vector<int64_t> pickRandom(const PruneInputs& /*in*/, std::vector<int64_t> pool, int64_t count,
                                const PruneSpec& /*spec*/, std::mt19937_64& rng) {
  std::shuffle(pool.begin(), pool.end(), rng);
  pool.resize(static_cast<size_t>(count));
  return pool;
}

std::vector<int64_t> pickCcs(const PruneInputs& in, std::vector<int64_t> pool, int64_t count, const PruneSpec& spec,
                             std::mt19937_64& rng) {
  const auto rest = afterBeta(in, std::move(pool), count, spec);
  return ccsSample(*in.difficulty, in.tie, rest, count, spec, rng);
}

// The policies every program has. A policy of the project is added here (its selection
// may live in its own file of prune/): a static registering object in another file of
// this static library would be dropped by the linker when nothing else uses that file.
// DRoP: class quotas from the per-class recall of a model trained on held-out data,
// random within each class (prune/robust_pruning.h).
PolicyInfo robustPolicy() {
  PolicyInfo p;
  p.name = "robust";
  p.term = PS_WORDS3("Wording", "robust (DRoP)", "policy");
  p.title = PS_WORDS("Policy", "robust (DRoP)");
  p.description = PS_WORDS("Policy",
                           "class quotas growing with the class's error of a model trained with the recipe on 80 % of "
                           "each class and measured on the 20 % held out (drawn with the seed), then random within "
                           "class");
  p.reference = "Vysogorets, Ahuja, Kempe, DRoP: Distributionally Robust Data Pruning, ICLR 2025";
  p.usesScore = false;
  p.needsClassRecall = true;
  p.studyDefault = false;
  p.options.classBalanced = false;
  p.options.seeded = true;
  p.colour = {0xff, 0x7f, 0x0e};
  p.select = [](const PruneInputs& in, const PruneSpec& spec) {
    return selectRobust(*in.labels, *in.classRecall, spec.keep, spec.seed);
  };
  return p;
}

// Every group (class x the dataset's attributes) keeps the same fraction, its hardest:
// keep-hard's class-balanced rule with groups for classes.
PolicyInfo groupBalancedPolicy() {
  PolicyInfo p;
  p.name = "group-balanced";
  p.term = PS_WORDS3("Wording", "group-balanced", "policy");
  p.title = PS_WORDS("Policy", "group-balanced");
  p.description =
      PS_WORDS("Policy", "every group (class x the dataset's attributes) keeps the same fraction, its hardest");
  p.needsGroups = true;
  p.studyDefault = false;
  p.options.classBalanced = false;
  p.options.beta = true;
  p.colour = {0x8c, 0x56, 0x4b};
  p.select = [](const PruneInputs& in, const PruneSpec& spec) {
    PruneSpec within = spec;
    within.policy = PrunePolicy::KeepHard;
    within.classBalanced = true;
    PruneInputs byGroup = in;
    byGroup.labels = in.groups;
    byGroup.groups = nullptr;
    return selectSubset(byGroup, within);
  };
  return p;
}

// SemDeDup (Abbas et al. 2023): inside each k-means cluster, examples in order of
// distance to the centroid, farthest first; M = highest cosine similarity to an earlier
// one (score/semdedup.h). With epsilon: the paper's set, every example with M <= 1 - epsilon
// (one of every group closer than 1 - epsilon, the farthest from the centroid). With a
// kept fraction: the most redundant (highest M) dropped first until f remains, the same
// sets as epsilon sweeps, at any f (ties: keep-hard's order on -M).
std::vector<int64_t> selectDedup(const PruneInputs& in, const PruneSpec& spec) {
  const std::vector<float>& m = *in.redundancy;
  std::vector<int64_t> kept;
  if (spec.epsilon > 0) {
    if (spec.classBalanced)
      throw ConfigError("dedup with epsilon keeps SemDeDup's set, which has no class quotas: leave class-balanced off");
    for (size_t i = 0; i < m.size(); ++i)
      if (double(m[i]) <= 1.0 - spec.epsilon) kept.push_back(static_cast<int64_t>(i));
    return kept;
  }
  std::vector<float> fresh(m.size());  // keep-hard on -M: the least redundant ranks hardest
  for (size_t i = 0; i < m.size(); ++i) fresh[i] = -m[i];
  PruneInputs byM = in;
  byM.difficulty = &fresh;
  PruneSpec hard = spec;
  hard.policy = PrunePolicy::KeepHard;
  hard.beta = 0;
  return selectSubset(byM, hard);
}

PolicyInfo dedupPolicy() {
  PolicyInfo p;
  p.name = "dedup";
  p.term = PS_WORDS3("Wording", "dedup (SemDeDup)", "policy");
  p.title = PS_WORDS("Policy", "semantic dedup (SemDeDup)");
  p.description = PS_WORDS("Policy",
                           "inside each k-means cluster of the embedding, keep one of every group of examples closer "
                           "than 1 - epsilon (the one farthest from the centroid); with a kept fraction, drop the most "
                           "redundant first (needs the semdedup score)");
  p.reference = "Abbas et al., SemDeDup: Data-efficient learning at web-scale through semantic deduplication, 2023";
  p.usesScore = false;
  p.needsRedundancy = true;
  p.studyDefault = false;
  p.options.epsilon = true;
  p.colour = {0x17, 0xbe, 0xcf};
  p.select = selectDedup;
  return p;
}

std::vector<PolicyInfo> builtInPolicies() {
  std::vector<PolicyInfo> out(4);
  out[0].name = "hard";
  out[0].term = PS_WORDS3("Wording", "hard", "policy");
  out[0].title = PS_WORDS("Policy", "keep hardest");
  out[0].description = PS_WORDS("Policy", "keep the hardest examples (after dropping the hardest beta)");
  out[0].reference = "Sorscher et al., NeurIPS 2022";
  out[0].options.beta = true;
  out[0].colour = {0xd6, 0x27, 0x28};
  out[0].select = pooled(pickHard);
  out[1].name = "easy";
  out[1].term = PS_WORDS3("Wording", "easy", "policy");
  out[1].title = PS_WORDS("Policy", "keep easiest");
  out[1].description = PS_WORDS("Policy", "keep the easiest examples");
  out[1].reference = "Sorscher et al., NeurIPS 2022";
  out[1].colour = {0x1f, 0x77, 0xb4};
  out[1].select = pooled(pickEasy);
  out[2].name = "random";
  out[2].term = PS_WORDS3("Wording", "random", "policy");
  out[2].title = PS_WORDS("Policy", "keep random");
  out[2].description =
      PS_WORDS("Policy", "keep a uniform random sample (seeded): the baseline every pruning must beat");
  out[2].usesScore = false;
  out[2].options.seeded = true;
  out[2].colour = {0x7f, 0x7f, 0x7f};
  out[2].select = pooled(pickRandom);
  out[3].name = "ccs";
  out[3].term = PS_WORDS3("Wording", "CCS", "policy");
  out[3].title = PS_WORDS("Policy", "coverage-centric (CCS)");
  out[3].description =
      PS_WORDS("Policy", "coverage-centric: drop the hardest beta, then sample evenly across score strata");
  out[3].reference = "Zheng et al., ICLR 2023";
  out[3].studyDefault = false;
  out[3].options = {true, true, true, true};
  out[3].colour = {0x2c, 0xa0, 0x2c};
  out[3].select = pooled(pickCcs);
  out.push_back(robustPolicy());
  out.push_back(groupBalancedPolicy());
  out.push_back(dedupPolicy());
  return out;
}

struct Entry {
  PolicyInfo info;
  bool active = true;
};

// Entries are never erased (a deque keeps their addresses), so names and pointers
// handed out stay valid for the process's life.
struct Registry {
  std::mutex mutex;
  std::deque<Entry> entries;
  Registry() {
    for (auto& p : builtInPolicies()) entries.push_back({std::move(p), true});
  }
};

Registry& registry() {
  static Registry r;
  return r;
}

bool isIdentifier(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

PolicySelect pooled(PoolPick pick) {
  return [pick = std::move(pick)](const PruneInputs& in, const PruneSpec& spec) {
    const std::vector<int>& labels = *in.labels;
    const auto n = static_cast<int64_t>(labels.size());
    std::mt19937_64 rng(spec.seed * 0x9E3779B97F4A7C15ULL + 12345);
    if (!spec.classBalanced) {
      std::vector<int64_t> all(static_cast<size_t>(n));
      std::iota(all.begin(), all.end(), 0);
      return pick(in, std::move(all), keptCount(n, spec.keep), spec, rng);
    }
    const int classes = *std::max_element(labels.begin(), labels.end()) + 1;
    std::vector<std::vector<int64_t>> byClass(static_cast<size_t>(classes));
    for (int64_t i = 0; i < n; ++i) byClass[static_cast<size_t>(labels[static_cast<size_t>(i)])].push_back(i);
    std::vector<int64_t> sizes;
    sizes.reserve(byClass.size());
    for (const auto& v : byClass) sizes.push_back(static_cast<int64_t>(v.size()));
    const auto budgets = balancedBudgets(sizes, spec.keep);
    std::vector<int64_t> kept;
    for (size_t c = 0; c < byClass.size(); ++c) {
      if (byClass[c].empty()) continue;
      const auto part = pick(in, byClass[c], budgets[c], spec, rng);
      kept.insert(kept.end(), part.begin(), part.end());
    }
    return kept;
  };
}

PrunePolicy PolicyInfo::policy() const {
  // The handle points at the registry's copy of the name, which lives as long as the process.
  if (const PolicyInfo* entry = findPolicy(name)) return PolicyRegistry::handle(entry->name);
  throw ConfigError("pruning policy '" + name + "' is not registered: expected " + policyNameList());
}

PrunePolicy registerPolicy(PolicyInfo info) {
  if (!isIdentifier(info.name))
    throw ConfigError("policy name '" + info.name + "' is not an identifier: expected letters a-z, digits, _ or -");
  if (!info.select) throw ConfigError("policy " + info.name + " has no selection");
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& e : r.entries)
    if (e.active && e.info.name == info.name) throw ConfigError("policy " + info.name + " is registered already");
  r.entries.push_back({std::move(info), true});
  return PolicyRegistry::handle(r.entries.back().info.name);
}

void unregisterPolicy(PrunePolicy policy) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (auto& e : r.entries)
    if (e.active && e.info.name == policy.name()) e.active = false;
}

std::vector<PolicyInfo> registeredPolicies() {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<PolicyInfo> out;
  for (const auto& e : r.entries)
    if (e.active) out.push_back(e.info);
  return out;
}

const PolicyInfo* findPolicy(const std::string& name) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  for (const auto& e : r.entries)
    if (e.active && e.info.name == name) return &e.info;
  return nullptr;
}

std::vector<std::string> defaultStudyPolicyNames() {
  std::vector<std::string> names;
  for (const auto& p : registeredPolicies())
    if (p.studyDefault && !p.needsExtraInputs()) names.push_back(p.name);
  return names;
}

Rgb policyColour(const std::string& policy) {
  const PolicyInfo* info = findPolicy(policy);
  return info ? info->colour : PolicyInfo{}.colour;
}

Rgb policyShade(const std::string& policy, size_t shade) { return shaded(policyColour(policy), shade); }

bool policyUsesScore(const std::string& policy) {
  const PolicyInfo* info = findPolicy(policy);
  return !info || info->usesScore;
}

std::string policyNameList(const std::string& lastJoin) {
  const auto all = registeredPolicies();
  std::string out;
  for (size_t i = 0; i < all.size(); ++i) out += (i == 0 ? "" : i + 1 == all.size() ? lastJoin : ", ") + all[i].name;
  return out;
}

}  // namespace ps
