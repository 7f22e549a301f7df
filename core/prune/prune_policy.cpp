#include "prune/prune_policy.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

#include "util/errors.h"

namespace ps {

const char* prunePolicyName(PrunePolicy p) {
  switch (p) {
    case PrunePolicy::KeepHard: return "hard";
    case PrunePolicy::KeepEasy: return "easy";
    case PrunePolicy::Random: return "random";
    case PrunePolicy::Ccs: return "ccs";
  }
  return "?";
}

PrunePolicy parsePrunePolicy(const std::string& name) {
  if (name == "hard") return PrunePolicy::KeepHard;
  if (name == "easy") return PrunePolicy::KeepEasy;
  if (name == "random") return PrunePolicy::Random;
  if (name == "ccs") return PrunePolicy::Ccs;
  throw ConfigError("unknown pruning policy '" + name + "': expected hard, easy, random or ccs");
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
}

std::string PruneSpec::label() const {
  std::ostringstream s;
  s << prunePolicyName(policy) << " f=" << keep;
  if (classBalanced) s << " balanced";
  if (beta > 0 && (policy == PrunePolicy::KeepHard || policy == PrunePolicy::Ccs)) s << " beta=" << beta;
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

// Picks `count` of `pool` (positions) under the policy; `pool` holds one class or all.
std::vector<int64_t> pick(const std::vector<float>& d, const TieBreak& tie, std::vector<int64_t> pool, int64_t count,
                          const PruneSpec& spec, std::mt19937_64& rng) {
  // Hardest first by one total order, so results do not depend on sort internals.
  auto hardestFirst = [&](int64_t a, int64_t b) {
    return rankedHarder(d, tie, static_cast<size_t>(a), static_cast<size_t>(b));
  };
  const auto size = static_cast<int64_t>(pool.size());
  if (spec.policy == PrunePolicy::Random) {
    std::shuffle(pool.begin(), pool.end(), rng);
    pool.resize(static_cast<size_t>(count));
    return pool;
  }
  if (spec.policy == PrunePolicy::KeepEasy) {
    std::sort(pool.begin(), pool.end(), hardestFirst);
    return std::vector<int64_t>(pool.end() - count, pool.end());
  }
  // Hard and CCS drop the hardest beta first.
  std::sort(pool.begin(), pool.end(), hardestFirst);
  const int64_t dropped = static_cast<int64_t>(std::ceil(spec.beta * static_cast<double>(size) - 1e-9));
  std::vector<int64_t> rest(pool.begin() + dropped, pool.end());
  if (count > static_cast<int64_t>(rest.size())) {
    std::ostringstream s;
    s << spec.label() << ": keeping " << count << " examples is impossible after dropping the " << dropped
      << " hardest of " << size << " (keep + beta must not exceed 1)";
    throw ConfigError(s.str());
  }
  if (spec.policy == PrunePolicy::KeepHard) {
    rest.resize(static_cast<size_t>(count));
    return rest;
  }
  return ccsSample(d, tie, rest, count, spec, rng);
}

}  // namespace

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

}  // namespace

std::vector<int64_t> selectSubset(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                  const PruneSpec& spec, const TieBreak& tie) {
  spec.validate();
  if (difficulty.size() != labels.size())
    throw ConfigError("score vector has " + std::to_string(difficulty.size()) + " values for " +
                      std::to_string(labels.size()) + " examples; expected one per example");
  if (difficulty.empty()) throw ConfigError("cannot prune an empty dataset");
  for (size_t i = 0; i < difficulty.size(); ++i)
    if (std::isnan(difficulty[i]))
      throw ConfigError("score of example " + std::to_string(i) + " is NaN; expected a number for every example");
  checkTieBreak(tie, difficulty.size());
  const auto n = static_cast<int64_t>(difficulty.size());
  std::mt19937_64 rng(spec.seed * 0x9E3779B97F4A7C15ULL + 12345);
  std::vector<int64_t> kept;
  if (spec.classBalanced) {
    const int classes = *std::max_element(labels.begin(), labels.end()) + 1;
    std::vector<std::vector<int64_t>> byClass(static_cast<size_t>(classes));
    for (int64_t i = 0; i < n; ++i) byClass[static_cast<size_t>(labels[static_cast<size_t>(i)])].push_back(i);
    std::vector<int64_t> sizes;
    sizes.reserve(byClass.size());
    for (const auto& v : byClass) sizes.push_back(static_cast<int64_t>(v.size()));
    const auto budgets = balancedBudgets(sizes, spec.keep);
    for (size_t c = 0; c < byClass.size(); ++c) {
      if (byClass[c].empty()) continue;
      const auto part = pick(difficulty, tie, byClass[c], budgets[c], spec, rng);
      kept.insert(kept.end(), part.begin(), part.end());
    }
  } else {
    std::vector<int64_t> all(static_cast<size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    kept = pick(difficulty, tie, all, keptCount(n, spec.keep), spec, rng);
  }
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace ps
