#include "prune/prune_policy.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

#include "prune/policy_registry.h"
#include "prune/robust_pruning.h"
#include "util/errors.h"

namespace ps {

const char* prunePolicyName(PrunePolicy p) { return p.name(); }

PrunePolicy parsePrunePolicy(const std::string& name) {
  if (const PolicyInfo* info = findPolicy(name)) return info->policy();
  throw ConfigError("unknown pruning policy '" + name + "': expected " + policyNameList());
}

const PolicyInfo& PrunePolicy::info() const {
  if (const PolicyInfo* info = findPolicy(name_)) return *info;
  throw ConfigError(std::string("pruning policy '") + name_ + "' is not registered: expected " + policyNameList());
}

void PruneSpec::validate() const {
  if (!setting::keep.contains(keep)) {  // the ranges are the declaration's (prune/prune_settings.h)
    std::ostringstream s;
    s << "kept fraction " << keep << " is outside (0, 1]";
    throw ConfigError(s.str());
  }
  if (!setting::beta.contains(beta)) {
    std::ostringstream s;
    s << "beta " << beta << " (hardest fraction dropped) is outside [0, 1)";
    throw ConfigError(s.str());
  }
  if (!setting::strata.contains(strata))
    throw ConfigError("CCS strata " + std::to_string(strata) + " must be at least 1");
  if (epsilon == 0.0) return;
  std::ostringstream s;
  if (!(epsilon > 0.0 && epsilon < 1.0))
    s << "epsilon " << epsilon
      << " is outside (0, 1): dedup keeps one of every group of examples whose cosine similarity exceeds 1 - epsilon";
  else if (!findPolicy(policy.name()) || !policy.info().options.epsilon)
    s << "epsilon is a setting of the dedup policy, not of " << policy.name();
  else if (keep != 1.0)
    s << "dedup: epsilon " << epsilon << " and kept fraction " << keep
      << " both say how many examples to keep: give one";
  if (!s.str().empty()) throw ConfigError(s.str());
}

std::string PruneSpec::label() const {
  std::ostringstream s;
  s << prunePolicyName(policy);
  if (epsilon == 0) s << " f=" << keep;  // with epsilon the policy's set, whatever its size
  if (classBalanced) s << " balanced";
  if (beta > 0 && findPolicy(policy.name()) && policy.info().options.beta) s << " beta=" << beta;
  if (epsilon > 0) s << " epsilon=" << epsilon;
  return s.str();
}

int64_t keptCount(int64_t n, double keep) {
  return std::min<int64_t>(n, std::max<int64_t>(1, std::llround(keep * static_cast<double>(n))));
}

std::vector<int64_t> balancedBudgets(const std::vector<int64_t>& classSizes, double keep) {
  const int64_t n = std::accumulate(classSizes.begin(), classSizes.end(), int64_t(0));
  const int64_t total = keptCount(n, keep);
  std::vector<int64_t> budget(classSizes.size());
  std::vector<std::pair<double, size_t>> remainder;
  int64_t assigned = 0;
  for (size_t c = 0; c < classSizes.size(); ++c) {
    const double exact = keep * static_cast<double>(classSizes[c]);
    budget[c] = std::min<int64_t>(classSizes[c], static_cast<int64_t>(std::floor(exact)));
    assigned += budget[c];
    remainder.push_back({exact - std::floor(exact), c});
  }
  std::stable_sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; assigned < total && k < remainder.size(); ++k) {
    const size_t c = remainder[k].second;
    if (budget[c] < classSizes[c]) {
      ++budget[c];
      ++assigned;
    }
  }
  return budget;
}

bool rankedHarder(const std::vector<float>& difficulty, const TieBreak& tie, size_t a, size_t b) {
  if (difficulty[a] != difficulty[b]) return difficulty[a] > difficulty[b];
  if (tie.secondary && (*tie.secondary)[a] != (*tie.secondary)[b]) return (*tie.secondary)[a] > (*tie.secondary)[b];
  if (tie.ids && (*tie.ids)[a] != (*tie.ids)[b]) return (*tie.ids)[a] < (*tie.ids)[b];
  return a < b;
}

namespace {

void checkTieBreak(const TieBreak& tie, size_t n) {
  if (tie.secondary && tie.secondary->size() != n)
    throw ConfigError("tie-break key has " + std::to_string(tie.secondary->size()) + " values for " +
                      std::to_string(n) + " examples; expected one per example");
  if (tie.ids && tie.ids->size() != n)
    throw ConfigError("tie-break ids have " + std::to_string(tie.ids->size()) + " values for " + std::to_string(n) +
                      " examples; expected one per example");
  if (tie.secondary)
    for (size_t i = 0; i < n; ++i)
      if (std::isnan((*tie.secondary)[i]))
        throw ConfigError("tie-break key of example " + std::to_string(i) + " is NaN; expected a number");
}

void checkInputs(const PruneInputs& in, const PolicyInfo& policy) {
  const std::vector<float>& difficulty = *in.difficulty;
  const std::vector<int>& labels = *in.labels;
  if (difficulty.size() != labels.size())
    throw ConfigError("score vector has " + std::to_string(difficulty.size()) + " values for " +
                      std::to_string(labels.size()) + " examples; expected one per example");
  if (difficulty.empty()) throw ConfigError("cannot prune an empty dataset");
  for (size_t i = 0; i < difficulty.size(); ++i)
    if (std::isnan(difficulty[i]))
      throw ConfigError("score of example " + std::to_string(i) + " is NaN; expected a number for every example");
  checkTieBreak(in.tie, difficulty.size());
  if (policy.needsGroups && (!in.groups || in.groups->size() != labels.size()))
    throw ConfigError("policy " + policy.name + " needs a group for every example (" + std::to_string(labels.size()) +
                      "); " + (in.groups ? std::to_string(in.groups->size()) + " were given" : "none was given"));
  if (policy.needsClassRecall && !in.classRecall)
    throw ConfigError("policy " + policy.name + " needs the per-class recall of a model trained on held-out data");
  if (policy.needsRedundancy && (!in.redundancy || in.redundancy->size() != labels.size()))
    throw ConfigError("policy " + policy.name +
                      " needs the semdedup score's values of its scoring run for every example (" +
                      std::to_string(labels.size()) + "); " +
                      (in.redundancy ? std::to_string(in.redundancy->size()) + " were given" : "none were given"));
}

}  // namespace

std::vector<int64_t> selectSubset(const PruneInputs& inputs, const PruneSpec& spec) {
  spec.validate();
  if (!inputs.difficulty || !inputs.labels) throw ConfigError("selectSubset: no score vector or labels given");
  const PolicyInfo& policy = spec.policy.info();
  checkInputs(inputs, policy);
  auto kept = policy.select(inputs, spec);
  std::sort(kept.begin(), kept.end());
  return kept;
}

std::vector<int64_t> selectSubset(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                  const PruneSpec& spec, const TieBreak& tie, const PolicyInputs* inputs) {
  PruneInputs in;
  in.difficulty = &difficulty;
  in.labels = &labels;
  in.tie = tie;
  if (inputs && !inputs->groups.empty()) in.groups = &inputs->groups;
  if (inputs && !inputs->classRecall.empty()) in.classRecall = &inputs->classRecall;
  if (inputs && !inputs->redundancy.empty()) in.redundancy = &inputs->redundancy;
  return selectSubset(in, spec);
}

bool policyUsesScore(PrunePolicy p) { return p.info().usesScore; }

}  // namespace ps
