#pragma once
// The training recipe shared by scoring runs and studies. Plain data, no torch.
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "model/device_choice.h"
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
  std::string model = "small_cnn";  // small_cnn, resnet18, or a TorchScript file
  int epochs = 10;
  int batchSize = 128;
  double lr = 0.05;
  double momentum = 0.9;
  double weightDecay = 5e-4;
  Schedule schedule = Schedule::Cosine;
  double warmup = 0.05;  // linear warm-up from 0 over this fraction of the steps
  double gradClip = 0;   // clip the gradient's global L2 norm to this (0 = off)
  bool augment = true;   // random crop with padding (+ flip where allowed)
  Flip flip = Flip::Auto;
  uint64_t seed = 0;
  // Fail a run whose model did not learn, or whose score cannot rank (see
  // train/train_health.h). A diverged (non-finite) loss fails the run either way.
  bool healthChecks = true;
  int threads = 0;             // 0 = every core
  DeviceChoice device;         // not part of the results (the cache keys leave it out)
  bool mixedPrecision = true;  // bf16 autocast on CUDA; ignored on CPU

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
