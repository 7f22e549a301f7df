#include "study/study_settings.h"

#include "prune/prune_settings.h"
#include "util/wording.h"

namespace ps::setting {

const SettingSpec policies = textSetting("policies", PS_WORDS("Setting", "Policies"), "hard,easy,random",
                                         PS_WORDS("Setting", "Comma-separated pruning policies"));
const SettingSpec frontierKeeps = fractionsSetting("keeps", PS_WORDS("Setting", "Kept fractions"), "0.2,0.4,0.6,0.8,1",
                                                   PS_WORDS("Setting", "Kept fractions f, ascending, each in (0, 1]"));
const SettingSpec scalingKeeps = fractionsSetting("keeps", PS_WORDS("Setting", "Kept fractions"), "0.5,1",
                                                  PS_WORDS("Setting", "Kept fractions f, ascending, each in (0, 1]"));
const SettingSpec budget = choiceSetting("budget", PS_WORDS("Setting", "Budget"), "epochs",
                                         PS_WORDS("Setting", "epochs: equal epochs; steps: equal optimisation steps"));
const SettingSpec studySeeds =
    integerSetting("seeds", PS_WORDS("Setting", "Seeds"), 1, 1, 1000, "",
                   PS_WORDS("Setting", "Repeats per point (training seed, and random's subset seed)"));
const SettingSpec testLimit =
    integerSetting("test-limit", PS_WORDS("Setting", "Test examples"), 0, 0, kUnbounded, "examples",
                   PS_WORDS("Setting", "Evaluate on the first N test examples (0 = all)"), PS_WORDS("Setting", "all"));
const SettingSpec minSize = integerSetting(
    "min-size", PS_WORDS("Setting", "Smallest pool"), 1000, 1, kUnbounded, "examples",
    PS_WORDS("Setting", "Smallest pool of training examples; pools grow geometrically to all scored examples"));
const SettingSpec steps = integerSetting("steps", PS_WORDS("Setting", "Pool sizes"), 4, 2, 1000, "",
                                         PS_WORDS("Setting", "Sizes in the geometric grid"));
const SettingSpec sizes = textSetting("sizes", PS_WORDS("Setting", "Sizes"), "",
                                      PS_WORDS("Setting", "Ascending pool sizes (default: geometric grid)"));

const std::vector<const SettingSpec*>& frontierSettings() {
  static const std::vector<const SettingSpec*> all = {&policies, &frontierKeeps, &classBalanced, &beta,
                                                      &strata,   &budget,        &studySeeds,    &testLimit};
  return all;
}

const std::vector<const SettingSpec*>& scalingSettings() {
  static const std::vector<const SettingSpec*> all = {&policies, &scalingKeeps, &classBalanced, &beta,
                                                      &strata,   &budget,       &studySeeds,    &testLimit,
                                                      &minSize,  &steps,        &sizes};
  return all;
}

}  // namespace ps::setting
