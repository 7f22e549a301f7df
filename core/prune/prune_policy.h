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
//
// The policies themselves (names, help texts, options, selections) are registered in
// prune/policy_registry.h; a PrunePolicy names one of them.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "prune/prune_settings.h"

namespace ps {

struct PolicyInfo;

// A registered pruning policy, by its identifier (what the CLI, the store and files
// spell: "hard", "easy", "random", "ccs", ...). The built-in ones are constants; the
// others come from parsePrunePolicy or the registry. Cheap to copy.
class PrunePolicy {
 public:
  static const PrunePolicy KeepHard, KeepEasy, Random, Ccs, Robust, GroupBalanced;
  constexpr PrunePolicy() = default;  // keep-hard
  const char* name() const { return name_; }
  // The registry's entry; ConfigError when the policy is not (or no longer) registered.
  const PolicyInfo& info() const;
  friend bool operator==(PrunePolicy a, PrunePolicy b) { return std::strcmp(a.name_, b.name_) == 0; }
  friend bool operator!=(PrunePolicy a, PrunePolicy b) { return !(a == b); }
  friend bool operator<(PrunePolicy a, PrunePolicy b) { return std::strcmp(a.name_, b.name_) < 0; }

 private:
  friend class PolicyRegistry;
  explicit constexpr PrunePolicy(const char* name) : name_(name) {}
  const char* name_ = "hard";  // a literal or a name the registry keeps for the process's life
};
inline constexpr PrunePolicy PrunePolicy::KeepHard{"hard"};
inline constexpr PrunePolicy PrunePolicy::KeepEasy{"easy"};
inline constexpr PrunePolicy PrunePolicy::Random{"random"};
inline constexpr PrunePolicy PrunePolicy::Ccs{"ccs"};
inline constexpr PrunePolicy PrunePolicy::Robust{"robust"};
inline constexpr PrunePolicy PrunePolicy::GroupBalanced{"group-balanced"};

const char* prunePolicyName(PrunePolicy p);             // "hard", "easy", "random", "ccs", ...
PrunePolicy parsePrunePolicy(const std::string& name);  // ConfigError naming the registered ones when unknown
// True when `name` (as a file or the store spells it) is the identifier of `p`.
inline bool isPolicy(const std::string& name, PrunePolicy p) { return name == p.name(); }
// False for a policy that ranks by no score (random, robust): see PolicyInfo::usesScore.
bool policyUsesScore(PrunePolicy p);

// What robust and group-balanced need beyond the score, held by the caller: one entry
// per class (recall) or per example (groups). selectSubset passes them on as PruneInputs.
struct PolicyInputs {
  std::vector<double> classRecall;  // robust: per class, recall of a model on held-out data
  std::vector<int> groups;          // group-balanced: each example's group (class x attributes)
  std::vector<float> redundancy;    // dedup: each example's SemDeDup M (score/semdedup.h), from the scoring run
};

struct PruneSpec {
  PrunePolicy policy = PrunePolicy::KeepHard;
  double keep = 1.0;  // f in (0, 1]
  bool classBalanced = false;
  double beta = setting::beta.value;  // hard and CCS: first drop this fraction of the hardest (likely label noise)
  int strata = setting::strata.intValue();  // CCS: equal-width strata of the score range
  uint64_t seed = 0;                        // random and CCS sampling
  // dedup: 0 keeps the kept fraction, dropping the most redundant first; in (0, 1) keeps
  // exactly SemDeDup's set for this epsilon (keep is then not read: it must be left at 1).
  double epsilon = setting::epsilon.value;

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

// What a selection reads: the difficulty vector and labels (one per example), the tie
// break, and the inputs only some policies need (the registry says which).
struct PruneInputs {
  const std::vector<float>* difficulty = nullptr;  // higher = harder
  const std::vector<int>* labels = nullptr;
  TieBreak tie;
  const std::vector<int>* groups = nullptr;          // a group id (0..G-1) per example
  const std::vector<double>* classRecall = nullptr;  // per class, of a model trained on held-out data
  const std::vector<float>* redundancy = nullptr;    // SemDeDup's M per example (PolicyInputs::redundancy)
};

// Positions (0..n-1, ascending) of the kept examples. Throws ConfigError for a bad spec,
// a score vector (or tie-break vector) of the wrong length or with NaN, a policy's
// input missing, or a budget the policy cannot meet. Robust and group-balanced read
// `inputs` (ConfigError naming what is missing without).
std::vector<int64_t> selectSubset(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                  const PruneSpec& spec, const TieBreak& tie = {},
                                  const PolicyInputs* inputs = nullptr);
std::vector<int64_t> selectSubset(const PruneInputs& inputs, const PruneSpec& spec);

// Per-class budgets by the largest-remainder rule above.
std::vector<int64_t> balancedBudgets(const std::vector<int64_t>& classSizes, double keep);
int64_t keptCount(int64_t n, double keep);

}  // namespace ps
