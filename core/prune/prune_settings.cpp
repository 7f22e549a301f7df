#include "prune/prune_settings.h"

#include "util/wording.h"

namespace ps::setting {

const SettingSpec keep = realSetting("keep", PS_WORDS("Setting", "Kept fraction"), 1.0, 0, true, 1, false, "fraction",
                                     PS_WORDS("Setting", "Kept fraction f"));
const SettingSpec beta = realSetting("beta", PS_WORDS("Setting", "Hardest dropped"), 0.0, 0, false, 1, true, "fraction",
                                     PS_WORDS("Setting", "Hard and CCS: drop this fraction of the hardest first"),
                                     PS_WORDS("Setting", "none"));
const SettingSpec strata = integerSetting("strata", PS_WORDS("Setting", "CCS strata"), 50, 1, kUnbounded, "",
                                          PS_WORDS("Setting", "CCS: number of score strata"));
const SettingSpec pruneSeed = integerSetting("prune-seed", PS_WORDS("Setting", "Pruning seed"), 0, 0, 9.0e18, "",
                                             PS_WORDS("Setting", "Seed of random and CCS sampling"));
const SettingSpec epsilon =
    realSetting("epsilon", PS_WORDS("Setting", "Dedup epsilon"), 0.0, 0, false, 1, true, "",
                PS_WORDS("Setting",
                         "dedup: keep SemDeDup's set, one of every group closer than 1 - epsilon (instead of the "
                         "kept fraction)"),
                PS_WORDS("Setting", "off"));
const SettingSpec classBalanced = switchSetting("class-balanced", PS_WORDS("Setting", "class-balanced"), false,
                                                PS_WORDS("Setting", "Class-balanced policies"));

}  // namespace ps::setting
