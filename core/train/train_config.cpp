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

// The ranges are the declaration's (train/train_settings.h); the sentences say them as before.
void TrainConfig::validate() const {
  requireInRange(setting::epochs, epochs, "epochs");
  requireInRange(setting::batchSize, batchSize, "batch size");
  if (!setting::threads.contains(threads))
    throw ConfigError("threads " + std::to_string(threads) + " must be 0 (every core) or at most " +
                      num(setting::threads.hi));
  if (!(lr > 0) || !std::isfinite(lr)) throw ConfigError("learning rate " + num(lr) + " must be a positive number");
  requireInRange(setting::lr, lr, "learning rate");
  requireInRange(setting::momentum, momentum, "momentum");
  if (!setting::weightDecay.contains(weightDecay) || !std::isfinite(weightDecay))
    throw ConfigError("weight decay " + num(weightDecay) + " must be non-negative");
  if (!setting::warmup.contains(warmup))
    throw ConfigError("warm-up " + num(warmup) + " must be a fraction of training in " + setting::warmup.rangeText());
  if (!setting::gradClip.contains(gradClip) || !std::isfinite(gradClip))
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
