#pragma once
// The help of the options that name policies and scores, built from their registries
// (prune/policy_registry.h, score/score_registry.h): a policy or score registered there
// shows up here without other edits.
#include <string>
#include <vector>

namespace ps {

// "Pruning policy:" then one line per registered policy: its name, description and paper.
// `several`: the option takes a comma-separated list.
std::string policyOptionHelp(bool several);
// "Comma-separated scores:" then one line per registered score, and the list words.
std::string scoreOptionHelp();
// The registered policies a study runs when none are named: "hard,easy,random".
std::string defaultStudyPolicies();
// "a,b,c": a list as an option's default shows it.
std::string joinList(const std::vector<std::string>& items);

}  // namespace ps
