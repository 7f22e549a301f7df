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

const NameTable<Schedule>& scheduleNames() {
  static const NameTable<Schedule> t = {
      {Schedule::Cosine, "cosine"}, {Schedule::Step, "step"}, {Schedule::Constant, "constant"}};
  return t;
}

const NameTable<Flip>& flipNames() {
  static const NameTable<Flip> t = {{Flip::Auto, "auto"}, {Flip::On, "on"}, {Flip::Off, "off"}};
  return t;
}

void TrainConfig::validate() const {
  if (epochs < 1 || epochs > 10000) throw ConfigError("epochs " + std::to_string(epochs) + " must be in 1..10000");
  if (batchSize < 1 || batchSize > 65536)
    throw ConfigError("batch size " + std::to_string(batchSize) + " must be in 1..65536");
  if (threads < 0 || threads > 1024)
    throw ConfigError("threads " + std::to_string(threads) + " must be 0 (every core) or at most 1024");
  if (!(lr > 0) || !std::isfinite(lr)) throw ConfigError("learning rate " + num(lr) + " must be a positive number");
  if (!(momentum >= 0 && momentum < 1)) throw ConfigError("momentum " + num(momentum) + " must be in [0, 1)");
  if (!(weightDecay >= 0) || !std::isfinite(weightDecay))
    throw ConfigError("weight decay " + num(weightDecay) + " must be non-negative");
  if (!(warmup >= 0 && warmup <= 0.5))
    throw ConfigError("warm-up " + num(warmup) + " must be a fraction of training in [0, 0.5]");
  if (!(gradClip >= 0) || !std::isfinite(gradClip))
    throw ConfigError("gradient clip " + num(gradClip) + " must be 0 (off) or a positive norm");
}

nlohmann::json TrainConfig::toJson() const {
  return {{"model", model},
          {"epochs", epochs},
          {"batch_size", batchSize},
          {"lr", lr},
          {"momentum", momentum},
          {"weight_decay", weightDecay},
          {"schedule", enumName(scheduleNames(), schedule)},
          {"warmup", warmup},
          {"grad_clip", gradClip},
          {"augment", augment},
          {"flip", enumName(flipNames(), flip)},
          {"seed", seed},
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
  if (j.contains("schedule"))
    c.schedule = parseEnum(scheduleNames(), j.at("schedule").get<std::string>(), "learning-rate schedule");
  c.warmup = j.value("warmup", c.warmup);
  c.gradClip = j.value("grad_clip", c.gradClip);
  c.augment = j.value("augment", c.augment);
  if (j.contains("flip")) c.flip = parseEnum(flipNames(), j.at("flip").get<std::string>(), "flip");
  c.seed = j.value("seed", c.seed);
  c.healthChecks = j.value("health_checks", c.healthChecks);
  return c;
}

}  // namespace ps
