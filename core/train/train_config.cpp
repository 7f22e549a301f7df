#include "train/train_config.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/errors.h"

namespace ps {

namespace {
std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
}  // namespace

void TrainConfig::validate() const {
  if (epochs < 1) throw ConfigError("epochs " + std::to_string(epochs) + " must be at least 1");
  if (batchSize < 1) throw ConfigError("batch size " + std::to_string(batchSize) + " must be at least 1");
  if (!(lr > 0) || !std::isfinite(lr)) throw ConfigError("learning rate " + num(lr) + " must be a positive number");
  if (!(momentum >= 0 && momentum < 1)) throw ConfigError("momentum " + num(momentum) + " must be in [0, 1)");
  if (!(weightDecay >= 0) || !std::isfinite(weightDecay))
    throw ConfigError("weight decay " + num(weightDecay) + " must be non-negative");
  if (!(warmup >= 0 && warmup <= 0.5))
    throw ConfigError("warm-up " + num(warmup) + " must be a fraction of training in [0, 0.5]");
  if (!(gradClip >= 0) || !std::isfinite(gradClip))
    throw ConfigError("gradient clip " + num(gradClip) + " must be 0 (off) or a positive norm");
  if (schedule != "cosine" && schedule != "step" && schedule != "constant")
    throw ConfigError("learning-rate schedule '" + schedule + "': expected cosine, step or constant");
  if (flip != "auto" && flip != "on" && flip != "off")
    throw ConfigError("flip '" + flip + "': expected auto, on or off");
  if (device != "auto" && device != "cpu" && device != "cuda")
    throw ConfigError("device '" + device + "': expected auto, cpu or cuda");
}

nlohmann::json TrainConfig::toJson() const {
  return {{"model", model},       {"epochs", epochs},       {"batch_size", batchSize}, {"lr", lr},
          {"momentum", momentum}, {"weight_decay", weightDecay}, {"schedule", schedule}, {"warmup", warmup},
          {"grad_clip", gradClip}, {"augment", augment},   {"flip", flip},            {"seed", seed},
          {"health_checks", healthChecks}};
}

TrainConfig TrainConfig::fromJson(const nlohmann::json& j, const TrainConfig& defaults) {
  TrainConfig c = defaults;
  c.model = j.value("model", c.model);
  c.epochs = j.value("epochs", c.epochs);
  c.batchSize = j.value("batch_size", c.batchSize);
  c.lr = j.value("lr", c.lr);
  c.momentum = j.value("momentum", c.momentum);
  c.weightDecay = j.value("weight_decay", c.weightDecay);
  c.schedule = j.value("schedule", c.schedule);
  c.warmup = j.value("warmup", c.warmup);
  c.gradClip = j.value("grad_clip", c.gradClip);
  c.augment = j.value("augment", c.augment);
  c.flip = j.value("flip", c.flip);
  c.seed = j.value("seed", c.seed);
  c.healthChecks = j.value("health_checks", c.healthChecks);
  return c;
}

}  // namespace ps
