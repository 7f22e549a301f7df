#include "train/train_hook.h"

#include <torch/torch.h>

#include "model/classifier.h"
#include "model/per_example_grad.h"
#include "train/batch_source.h"

namespace ps {

EpochServices::EpochServices(Classifier& model, const BatchSource& data, torch::Device device, int evalBatch,
                             JobContext& ctx, std::function<void(double, const std::string&)> progress)
    : model_(model), data_(data), device_(device), evalBatch_(evalBatch), ctx_(ctx), progress_(std::move(progress)) {}

void EpochServices::invalidate() {
  logits_ = torch::Tensor();
  features_ = torch::Tensor();
  grads_ = torch::Tensor();
}

torch::Tensor EpochServices::pass(const std::string& what,
                                  const std::function<torch::Tensor(const torch::Tensor&, const torch::Tensor&)>& f,
                                  int batch, bool withLabels) {
  model_.setTraining(false);
  const int64_t n = data_.size();
  std::vector<int64_t> order(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
  std::vector<torch::Tensor> parts;
  int64_t done = 0;
  data_.forEachBatch(order, batch, [&](const std::vector<int64_t>& pos, const torch::Tensor& x) {
    ctx_.throwIfCancelled();
    torch::Tensor y;
    if (withLabels) {
      auto idx = torch::from_blob(const_cast<int64_t*>(pos.data()), {static_cast<int64_t>(pos.size())}, torch::kInt64);
      y = data_.labels().index_select(0, idx).to(device_);
    }
    parts.push_back(f(x, y).to(torch::kCPU, torch::kFloat32));
    done += static_cast<int64_t>(pos.size());
    if (progress_) progress_(static_cast<double>(done) / static_cast<double>(n), what);
  });
  return torch::cat(parts, 0);
}

const torch::Tensor& EpochServices::logits() {
  if (!logits_.defined()) {
    c10::InferenceMode guard;
    logits_ = pass(
        "logits on un-augmented inputs",
        [&](const torch::Tensor& x, const torch::Tensor&) { return model_.forward(x); }, evalBatch_, false);
  }
  return logits_;
}

const torch::Tensor& EpochServices::features() {
  if (!features_.defined()) {
    c10::InferenceMode guard;
    features_ = pass(
        "embeddings", [&](const torch::Tensor& x, const torch::Tensor&) { return model_.features(x); }, evalBatch_,
        false);
  }
  return features_;
}

const torch::Tensor& EpochServices::gradSqNorms() {
  if (!grads_.defined())
    grads_ = pass(
        "per-example gradient norms",
        [&](const torch::Tensor& x, const torch::Tensor& y) { return perExampleGradSqNorms(model_, x, y); },
        model_.recordsLayers() ? 128 : 32, true);
  return grads_;
}

}  // namespace ps
