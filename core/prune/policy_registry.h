#pragma once
// The pruning policies, registered once: every list of policies a person sees (the CLI's
// --policy help, the study forms, the gallery's menu, the help dialog) and every
// selection (selectSubset) is built from here. No torch, no Qt.
//
// Adding a policy is its selection plus one registerPolicy call (see CONTRIBUTING.md,
// "Adding things"). Register before the policy is used, from one thread (at start-up:
// the built-in ones are there from the first call); reads are safe from any thread.
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "prune/prune_policy.h"
#include "util/policy_colours.h"

namespace ps {

// Which of PruneSpec's settings a policy reads (the forms and the CLI offer only these).
struct PolicyOptions {
  bool classBalanced = true;  // the per-class quotas of prune_policy.h
  bool beta = false;          // drop the hardest fraction first
  bool strata = false;        // CCS's strata
  bool seeded = false;        // random choices, from spec.seed
  bool epsilon = false;       // dedup's epsilon (in place of the kept fraction)
};

// Whole-set selection: positions (any order) of the kept examples. The registry has
// checked the spec, the vectors' lengths and the inputs the policy declares it needs.
using PolicySelect = std::function<std::vector<int64_t>(const PruneInputs& in, const PruneSpec& spec)>;
// The usual shape of a policy: pick `count` of `pool` (positions into the inputs, one
// class or the whole set). pooled() turns it into a selection that splits the budget per
// class when spec.classBalanced (the largest-remainder rule) and picks in each.
using PoolPick = std::function<std::vector<int64_t>(const PruneInputs& in, std::vector<int64_t> pool, int64_t count,
                                                    const PruneSpec& spec, std::mt19937_64& rng)>;
PolicySelect pooled(PoolPick pick);

struct PolicyInfo {
  std::string name;               // identifier: "hard" (CLI, store, files)
  const char* term = "";          // the policy in a sentence: "hard", "CCS" (context "Wording", comment "policy")
  const char* title = "";         // a menu's entry: "keep hardest" (PS_WORDS("Policy", ...))
  const char* description = "";   // one line for help texts (PS_WORDS("Policy", ...))
  std::string reference;          // the paper it comes from, for help texts ("" when none)
  bool usesScore = true;          // ranks by a score (false: random, per-class error, ...)
  bool needsGroups = false;       // reads PruneInputs::groups
  bool needsClassRecall = false;  // reads PruneInputs::classRecall
  bool needsRedundancy = false;   // reads PruneInputs::redundancy (the semdedup score's scoring run)
  bool studyDefault = true;       // checked when a study form opens
  Rgb colour{0x80, 0x00, 0x80};   // in every chart and report
  PolicyOptions options;
  PolicySelect select;

  PrunePolicy policy() const;  // the handle (valid once registered)
  bool needsExtraInputs() const { return needsGroups || needsClassRecall || needsRedundancy; }
};

// Adds a policy after the ones there; ConfigError when the name is taken, empty or not
// an identifier ([a-z0-9_-]), or when it has no selection.
PrunePolicy registerPolicy(PolicyInfo info);
// Takes a registered policy out of the lists (tests); its handles then fail to resolve.
void unregisterPolicy(PrunePolicy policy);
// Every registered policy, in registration order (the built-ins first: hard, easy,
// random, ccs).
std::vector<PolicyInfo> registeredPolicies();
// The entry of `name`, or nullptr.
const PolicyInfo* findPolicy(const std::string& name);
// The policies a study runs when none are named (studyDefault, no extra inputs):
// hard, easy, random.
std::vector<std::string> defaultStudyPolicyNames();
// The colour of a policy by name (purple when it is not registered), and its shade
// (util/policy_colours.h).
Rgb policyColour(const std::string& policy);
Rgb policyShade(const std::string& policy, size_t shade);
// False for a registered policy that ranks by no score (random, ...): a table then shows
// no score beside it.
bool policyUsesScore(const std::string& policy);
// "hard, easy, random or ccs": the registered names, for messages and help texts.
std::string policyNameList(const std::string& lastJoin = " or ");

}  // namespace ps
