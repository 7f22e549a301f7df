#pragma once
// A scoring run's own settings (besides its training recipe, train/train_settings.h),
// declared once (util/setting_spec.h): ScoreConfig takes its defaults from them, and the
// command line and the scoring form their options and fields.
#include <vector>

#include "util/setting_spec.h"

namespace ps::setting {

extern const SettingSpec scores, scoreSeeds, limit, el2nEpoch, grandEpoch, prototypeK, prototypeKPerClass,
    prototypeEmbedding, sslEpochs, semdedupK;

const std::vector<const SettingSpec*>& scoreSettings();

}  // namespace ps::setting
