#pragma once
// The training recipe's settings, declared once (util/setting_spec.h): TrainConfig takes
// its defaults from them, validate() its ranges, and the command line and the forms
// their options and fields.
#include <vector>

#include "util/setting_spec.h"

namespace ps::setting {

extern const SettingSpec model, epochs, batchSize, lr, momentum, weightDecay, schedule, warmup, gradClip, augment, flip,
    seed, healthChecks, threads, device;

// Every one of them, in the order the forms show them.
const std::vector<const SettingSpec*>& trainSettings();

}  // namespace ps::setting
