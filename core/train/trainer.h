#pragma once
// The training loop: SGD with momentum and weight decay, a linear warm-up then a cosine
// or step schedule, optional gradient-norm clipping, batch augmentation, deterministic
// on CPU for a seed (shuffling and augmentation draw from an RNG seeded by (seed,
// epoch), so a resumed run repeats exactly). Checkpoints model, optimiser, hook state and
// the training curve after every epoch when the context has a sink, and within an epoch
// after each batch that ends the context's checkpointEvery() of work since the last one
// (with the epoch's position and tally: a resume continues from that batch).
//
// Health (train/train_health.h): every epoch's loss and accuracy go into curve(); a
// non-finite loss throws TrainingError at once; with config.healthChecks, a model not
// above chance after one of the learning-check epochs throws TrainingError before that
// epoch's checkpoint is written (so a retry fails the same way).
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "train/train_config.h"
#include "train/train_health.h"
#include "train/train_hook.h"

namespace ps {

class Classifier;
class BatchSource;
class CheckpointSink;

class Trainer {
 public:
  Trainer(Classifier& model, const BatchSource& data, const TrainConfig& config, c10::Device device);

  // Trains for config.epochs, calling hooks. `checkpointKey` prefixes this run's
  // checkpoints (several seeds share one sink). `progress(fraction, message)` gets the
  // fraction of this training run done.
  void run(JobContext& ctx, const std::vector<TrainHook*>& hooks, const std::string& checkpointKey,
           const std::function<void(double, const std::string&)>& progress);

  double learningRate(int64_t step, int64_t totalSteps) const;

  // Ends training after `epochs` epochs of the configured schedule (0..config.epochs): the
  // learning rate follows the whole schedule, so the run is the first `epochs` epochs of
  // the full one (a score read early needs no more). Default: every epoch.
  void setStopAfter(int epochs) { stopAfter_ = epochs; }
  int epochsTrained() const { return stopAfter_ < 0 ? config_.epochs : std::min(stopAfter_, config_.epochs); }
  // Epochs after which the model must be above chance (default: the last epoch).
  void setLearningChecks(std::vector<int> epochs) { learnChecks_ = std::move(epochs); }
  // Called after every epoch (and before a divergence is thrown) with the curve so far;
  // it may fill the newest entry's testError and store or print the curve.
  void setEpochListener(std::function<void(TrainingCurve&)> listener) { listener_ = std::move(listener); }
  const TrainingCurve& curve() const { return curve_; }
  // Replaces the schedule with `lr(step)` (steps counted from 0 over the whole run) and
  // calls `onStep(step, loss)` once each step's loss is known, before the update: when
  // it returns false, training ends there without error (the learning-rate range test).
  void setStepControl(std::function<double(int64_t)> lr, std::function<bool(int64_t, double)> onStep) {
    stepLr_ = std::move(lr);
    onStep_ = std::move(onStep);
  }

  struct EpochPosition;  // within an epoch: batches done, their time and tally

 private:
  struct Run;
  struct EpochState;
  struct StepResult {
    at::Tensor logits, labels, predictions;  // on the CPU: float B×K, int64 B, int64 B
    double loss = 0;
  };
  // One epoch's steps (from `from`'s batch when resumed within it), then `afterBatches`,
  // then the epoch's health.
  EpochHealth trainEpoch(Run& r, int epoch, const std::function<void()>& afterBatches,
                         const EpochPosition* from = nullptr);
  // The run's checkpoints restored (its position returned), or the hooks' start (epoch 0).
  EpochPosition resume(Run& r, const std::function<void(int)>& epochEnd);
  // The epochs from `from` on, each stored as a checkpoint when the context keeps them.
  void trainEpochs(Run& r, const EpochPosition& from, const std::function<void(int)>& epochEnd);
  // One step of the epoch and what follows it: tally, hooks, progress, a checkpoint when due.
  void trainBatch(Run& r, EpochState& st, const std::vector<int64_t>& pos, const at::Tensor& x);
  EpochPosition loadStepCheckpoint(Run& r, CheckpointSink& sink, const std::string& key, int epochsDone);
  StepResult trainStep(Run& r, const at::Tensor& x, const std::vector<int64_t>& positions);

  Classifier& model_;
  const BatchSource& data_;
  TrainConfig config_;
  c10::Device device_;
  std::vector<int> learnChecks_;
  std::function<void(TrainingCurve&)> listener_;
  std::function<double(int64_t)> stepLr_;
  std::function<bool(int64_t, double)> onStep_;
  TrainingCurve curve_;
  int stopAfter_ = -1;
  bool channelsLast_ = false;  // this run's inputs go channels-last (see useChannelsLast)
};

// Whether a run trains `model` in channels-last layout: on CUDA with bf16 autocast, for a
// model that prefers it. The CPU keeps the default layout.
bool useChannelsLast(const Classifier& model, const c10::Device& device, const TrainConfig& config);

// Serialises tensors (by value, on CPU) to bytes and back.
std::vector<uint8_t> tensorsToBytes(const std::vector<at::Tensor>& tensors);
std::vector<at::Tensor> tensorsFromBytes(const std::vector<uint8_t>& bytes);

// Runs `fn` with CUDA bf16 autocast on when `enabled` (no-op on CPU).
void withAutocast(bool enabled, const c10::Device& device, const std::function<void()>& fn);

}  // namespace ps
