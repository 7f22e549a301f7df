#include "train/train_config.h"

#include "util/errors.h"

namespace ps {

void TrainConfig::validate() const {
  if (epochs < 1) throw ConfigError("epochs " + std::to_string(epochs) + " must be at least 1");
  if (batchSize < 1) throw ConfigError("batch size " + std::to_string(batchSize) + " must be at least 1");
  if (!(lr > 0)) throw ConfigError("learning rate " + std::to_string(lr) + " must be positive");
  if (momentum < 0 || momentum >= 1) throw ConfigError("momentum " + std::to_string(momentum) + " must be in [0, 1)");
  if (weightDecay < 0) throw ConfigError("weight decay " + std::to_string(weightDecay) + " must be non-negative");
  if (schedule != "cosine" && schedule != "step" && schedule != "constant")
    throw ConfigError("learning-rate schedule '" + schedule + "': expected cosine, step or constant");
  if (flip != "auto" && flip != "on" && flip != "off")
    throw ConfigError("flip '" + flip + "': expected auto, on or off");
  if (device != "auto" && device != "cpu" && device != "cuda")
    throw ConfigError("device '" + device + "': expected auto, cpu or cuda");
}

}  // namespace ps
