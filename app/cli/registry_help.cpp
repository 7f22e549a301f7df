#include "cli/registry_help.h"

#include <cmath>

#include "prune/policy_registry.h"
#include "score/score_config.h"
#include "score/score_registry.h"

namespace ps {

std::string policyOptionHelp(bool several) {
  std::string help = several ? "Comma-separated pruning policies:" : "Pruning policy:";
  for (const auto& p : registeredPolicies()) {
    help += "\n  " + p.name + ": " + p.description;
    if (!p.reference.empty()) help += " (" + p.reference + ")";
    if (p.needsExtraInputs())
      help +=
          "; needs " + std::string(p.needsGroups       ? "group labels"
                                   : p.needsRedundancy ? "the semdedup score (--epsilon E in (0, 1): the paper's set)"
                                                       : "held-out recall");
  }
  return help;
}

std::string scoreOptionHelp() {
  std::string help = "Comma-separated scores (higher = harder):";
  for (const auto& s : registeredScores()) {
    help += "\n  " + s.name + ": " + s.description;
    if (s.training == ScoreTraining::None)
      help += " [no training]";
    else if (s.wholeSchedule)
      help += " [over the whole training]";
    else if (s.readAt < 1.0)
      help += " [read at " + std::to_string(std::lround(s.readAt * 100)) + "% of training]";
  }
  return help + "\n  or default (" + joinList(defaultScoreNames()) +
         "), all. A request whose scores are all read early (el2n, grand) trains only to the last epoch they "
         "are read at (--el2n-epoch, --grand-epoch); the others need the whole schedule and give the final "
         "predictions";
}

std::string defaultStudyPolicies() { return joinList(defaultStudyPolicyNames()); }

std::string joinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace ps
