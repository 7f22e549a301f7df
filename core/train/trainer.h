#pragma once
// The training loop: SGD with momentum and weight decay, a cosine or step schedule,
// batch augmentation, deterministic on CPU for a seed (shuffling and augmentation draw
// from an RNG seeded by (seed, epoch), so a resumed run repeats exactly). Checkpoints
// model, optimiser and hook state after every epoch when the context has a sink.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <functional>
#include <string>
#include <vector>

#include "train/train_config.h"
#include "train/train_hook.h"

namespace ps {

class Classifier;
class BatchSource;

class Trainer {
 public:
  Trainer(Classifier& model, const BatchSource& data, const TrainConfig& config, c10::Device device);

  // Trains for config.epochs, calling hooks. `checkpointKey` prefixes this run's
  // checkpoints (several seeds share one sink). `progress(fraction, message)` gets the
  // fraction of this training run done.
  void run(JobContext& ctx, const std::vector<TrainHook*>& hooks, const std::string& checkpointKey,
           const std::function<void(double, const std::string&)>& progress);

  double learningRate(int64_t step, int64_t totalSteps) const;

 private:
  Classifier& model_;
  const BatchSource& data_;
  TrainConfig config_;
  c10::Device device_;
};

// Serialises tensors (by value, on CPU) to bytes and back.
std::vector<uint8_t> tensorsToBytes(const std::vector<at::Tensor>& tensors);
std::vector<at::Tensor> tensorsFromBytes(const std::vector<uint8_t>& bytes);

// Runs `fn` with CUDA bf16 autocast on when `enabled` (no-op on CPU).
void withAutocast(bool enabled, const c10::Device& device, const std::function<void()>& fn);

}  // namespace ps
