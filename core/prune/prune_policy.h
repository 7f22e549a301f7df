#pragma once
// Pruning policies: which training examples to keep, given a difficulty vector
// (higher = harder), labels and a kept fraction f in (0, 1]. No torch, no Qt.
//
// Counts: the subset keeps round(f·n) examples (at least 1). Class-balanced policies
// give class c floor(f·n_c) examples, then hand the remaining round(f·n) − Σ floor
// examples one each to the classes with the largest fractional parts f·n_c − floor
// (ties to the lower label) — the largest-remainder rule — never more than n_c.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

enum class PrunePolicy { KeepHard, KeepEasy, Random, Ccs };
const char* prunePolicyName(PrunePolicy p);             // "hard", "easy", "random", "ccs"
PrunePolicy parsePrunePolicy(const std::string& name);  // ConfigError when unknown

struct PruneSpec {
  PrunePolicy policy = PrunePolicy::KeepHard;
  double keep = 1.0;  // f in (0, 1]
  bool classBalanced = false;
  double beta = 0.0;  // hard and CCS: first drop this fraction of the hardest (likely label noise)
  int strata = 50;    // CCS: equal-width strata of the score range
  uint64_t seed = 0;  // random and CCS sampling

  void validate() const;      // ConfigError naming the bad value
  std::string label() const;  // "hard f=0.5 balanced beta=0.1"
};

// Positions (0..n-1, ascending) of the kept examples. Throws ConfigError for a bad spec,
// a score vector of the wrong length or with NaN, or a budget the policy cannot meet.
std::vector<int64_t> selectSubset(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                  const PruneSpec& spec);

// Per-class budgets by the largest-remainder rule above.
std::vector<int64_t> balancedBudgets(const std::vector<int64_t>& classSizes, double keep);
int64_t keptCount(int64_t n, double keep);

}  // namespace ps
