#pragma once
// The training recipe shared by scoring runs and studies. Plain data, no torch.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "model/device_choice.h"
#include "train/train_settings.h"
#include "util/named_enum.h"

namespace ps {

// The learning-rate schedule after the warm-up: cosine decay to zero, steps (×0.1 at 50%
// and 75% of training), or constant.
enum class Schedule { Cosine, Step, Constant };
const NameTable<Schedule>& scheduleNames();  // cosine, step, constant

// Horizontal flips in augmentation: auto (on, except for digit datasets), on, off.
enum class Flip { Auto, On, Off };
const NameTable<Flip>& flipNames();  // auto, on, off

struct TrainConfig {
  // The defaults are the declaration's (train/train_settings.h).
  std::string model = setting::model.text;  // small_cnn, resnet18, or a TorchScript file
  int epochs = setting::epochs.intValue();
  int batchSize = setting::batchSize.intValue();
  double lr = setting::lr.value;
  double momentum = setting::momentum.value;
  double weightDecay = setting::weightDecay.value;
  Schedule schedule = Schedule::Cosine;       // setting::schedule (checked against it by a test)
  double warmup = setting::warmup.value;      // linear warm-up from 0 over this fraction of the steps
  double gradClip = setting::gradClip.value;  // clip the gradient's global L2 norm to this (0 = off)
  bool augment = setting::augment.on();       // random crop with padding (+ flip where allowed)
  Flip flip = Flip::Auto;                     // setting::flip
  uint64_t seed = static_cast<uint64_t>(setting::seed.value);
  // Fail a run whose model did not learn, or whose score cannot rank (see
  // train/train_health.h). A diverged (non-finite) loss fails the run either way.
  bool healthChecks = setting::healthChecks.on();
  int threads = setting::threads.intValue();  // 0 = every core
  DeviceChoice device;                        // setting::device; not part of the results (the cache keys leave it out)
  bool mixedPrecision = true;                 // bf16 autocast on CUDA; ignored on CPU

  void validate() const;  // throws ConfigError naming the bad value
  // Every setting that changes results, as JSON members (model, epochs, batch_size, lr,
  // momentum, weight_decay, schedule, warmup, grad_clip, augment, flip, seed,
  // health_checks); the cache keys hash them.
  nlohmann::json toJson() const;
  // Reads what toJson wrote; members absent keep the values of `defaults`. Throws
  // nlohmann::json::exception on a member of the wrong type, ConfigError on a name that
  // is not a schedule or flip.
  static TrainConfig fromJson(const nlohmann::json& j, const TrainConfig& defaults);
};

}  // namespace ps
