#pragma once
// Pruning policies: which training examples to keep, given a difficulty vector
// (higher = harder), labels and a kept fraction f in (0, 1]. No torch, no Qt.
//
// Counts: the subset keeps round(f·n) examples (at least 1). Class-balanced policies
// give class c floor(f·n_c) examples, then hand the remaining round(f·n) − Σ floor
// examples one each to the classes with the largest fractional parts f·n_c − floor
// (ties to the lower label) — the largest-remainder rule — never more than n_c.
//
// Ranking: keep-hard, keep-easy, CCS's beta cut (and the gallery's order, which uses
// rankedHarder) rank examples by difficulty; examples of equal difficulty (EL2N
// saturates at sqrt(2), so many of the hardest tie there) are ranked by a secondary key
// when one is given (higher = harder; the studies, the CLI and the gallery pass 1 − the
// probability the scoring run's final models give the label, see score/score_order.h),
// then by the training index (the lower index counts as harder). With both given the
// choice does not depend on the order the examples come in.
#include <cstdint>
#include <string>
#include <vector>

#include "prune/prune_settings.h"

namespace ps {

enum class PrunePolicy { KeepHard, KeepEasy, Random, Ccs };
const char* prunePolicyName(PrunePolicy p);             // "hard", "easy", "random", "ccs"
PrunePolicy parsePrunePolicy(const std::string& name);  // ConfigError when unknown

struct PruneSpec {
  PrunePolicy policy = PrunePolicy::KeepHard;
  double keep = 1.0;  // f in (0, 1]
  bool classBalanced = false;
  double beta = setting::beta.value;  // hard and CCS: first drop this fraction of the hardest (likely label noise)
  int strata = setting::strata.intValue();  // CCS: equal-width strata of the score range
  uint64_t seed = 0;                        // random and CCS sampling

  void validate() const;      // ConfigError naming the bad value
  std::string label() const;  // "hard f=0.5 balanced beta=0.1"
};

// How examples of equal difficulty are ranked (see above). Either may be null: without a
// secondary key ties go to the id; without ids, to the position.
struct TieBreak {
  const std::vector<float>* secondary = nullptr;  // one per example, higher = harder
  const std::vector<int64_t>* ids = nullptr;      // one per example: the training index
};

// True when position a ranks as harder than position b (a strict total order).
bool rankedHarder(const std::vector<float>& difficulty, const TieBreak& tie, size_t a, size_t b);

// Positions (0..n-1, ascending) of the kept examples. Throws ConfigError for a bad spec,
// a score vector (or tie-break vector) of the wrong length or with NaN, or a budget the
// policy cannot meet.
std::vector<int64_t> selectSubset(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                  const PruneSpec& spec, const TieBreak& tie = {});

// Per-class budgets by the largest-remainder rule above.
std::vector<int64_t> balancedBudgets(const std::vector<int64_t>& classSizes, double keep);
int64_t keptCount(int64_t n, double keep);

}  // namespace ps
