#pragma once
// A pruning's settings, declared once (util/setting_spec.h): PruneSpec and the studies
// take their defaults from them, and the command line and the forms their options and fields.
#include "util/setting_spec.h"

namespace ps::setting {

extern const SettingSpec keep;       // one kept fraction f (prune, audit, the gallery)
extern const SettingSpec beta;       // hard and CCS: the hardest fraction dropped first
extern const SettingSpec strata;     // CCS: strata of the score range
extern const SettingSpec pruneSeed;  // random and CCS sampling
extern const SettingSpec epsilon;    // dedup: SemDeDup's epsilon (0 = prune to the kept fraction)
extern const SettingSpec classBalanced;

}  // namespace ps::setting
