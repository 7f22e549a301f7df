#pragma once
// The studies' settings (besides the pruning's, prune/prune_settings.h, and the training
// recipe's, train/train_settings.h), declared once (util/setting_spec.h): the study
// configurations take their defaults from them, and the command line and the study forms
// their options and fields.
#include <vector>

#include "util/setting_spec.h"

namespace ps::setting {

extern const SettingSpec policies;
extern const SettingSpec frontierKeeps, scalingKeeps;  // the grid of kept fractions (--keeps)
extern const SettingSpec budget, studySeeds, testLimit;
extern const SettingSpec minSize, steps, sizes;  // the scaling study's pools

// What each study declares, in the order the forms show them (the training recipe's
// settings come after these).
const std::vector<const SettingSpec*>& frontierSettings();
const std::vector<const SettingSpec*>& scalingSettings();

}  // namespace ps::setting
