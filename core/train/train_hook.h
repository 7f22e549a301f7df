#pragma once
// Per-example hooks in the training loop: one training run feeds several scores.
// A hook sees every training batch's logits (no extra pass) and, at the end of each
// epoch, can ask EpochServices for whole-dataset passes over un-augmented inputs; those
// passes are computed once per epoch and shared by every hook that asks.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "job/job.h"

namespace ps {

class Classifier;
class BatchSource;

struct BatchObservation {
  int epoch;                              // 0-based epoch being trained
  const std::vector<int64_t>& positions;  // positions in the BatchSource
  at::Tensor logits;                      // B × K, float, CPU, detached
  at::Tensor labels;                      // B, int64, CPU
};

// A score's per-example values for one seed: difficulty (higher = harder) and raw.
struct ScoreValues {
  std::vector<float> difficulty;
  std::vector<float> raw;
};

class EpochServices {
 public:
  EpochServices(Classifier& model, const BatchSource& data, c10::Device device, int evalBatch, JobContext& ctx,
                std::function<void(double, const std::string&)> progress);
  int completedEpochs = 0;
  // Logits on un-augmented inputs, N × K (CPU), model in eval mode.
  const at::Tensor& logits();
  // Penultimate embeddings, N × D (CPU).
  const at::Tensor& features();
  // Per-example ||∇θ loss||², N (CPU).
  const at::Tensor& gradSqNorms();
  Classifier& model() { return model_; }
  const BatchSource& data() const { return data_; }
  void invalidate();  // after the weights change

 private:
  at::Tensor pass(const std::string& what, const std::function<at::Tensor(const at::Tensor&, const at::Tensor&)>& f,
                  int batch, bool withLabels);
  Classifier& model_;
  const BatchSource& data_;
  c10::Device device_;
  int evalBatch_;
  JobContext& ctx_;
  std::function<void(double, const std::string&)> progress_;
  at::Tensor logits_, features_, grads_;
};

class TrainHook {
 public:
  virtual ~TrainHook() = default;
  virtual void onBatch(const BatchObservation&) {}
  // Called with 0 before training and with e after epoch e.
  virtual void onEpochEnd(int /*completedEpochs*/, EpochServices&) {}
  // Which epochs need an EpochServices pass (so the trainer can report the work).
  virtual std::vector<int> passEpochs() const { return {}; }
  virtual void save(ByteWriter&) const {}
  virtual void load(ByteReader&) {}
  // Per score name, once training is over.
  virtual std::map<std::string, ScoreValues> results() const = 0;
};

}  // namespace ps
