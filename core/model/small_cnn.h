#pragma once
// The fast default model for 28×28 to 64×64 inputs: two 3×3 conv blocks (16 and 32
// channels, each conv → BatchNorm → ReLU → 2×2 max-pool), a 128-unit hidden layer,
// logits. BatchNorm keeps the default recipe from collapsing on data it was not tuned
// for (colour images, many classes); "small_cnn_nobn" is the same network without it
// (PruneScope's model before 0.2), kept for comparisons.
#include "model/classifier.h"

namespace ps {

struct SmallCnnImpl : torch::nn::Module {
  SmallCnnImpl(int64_t channels, int64_t height, int64_t width, int64_t classes, bool batchNorm);
  torch::Tensor features(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr};  // null without batch norm
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(SmallCnn);

class SmallCnnClassifier : public ModuleClassifier {
 public:
  SmallCnnClassifier(int64_t channels, int64_t height, int64_t width, int64_t classes, bool batchNorm = true)
      : net_(channels, height, width, classes, batchNorm), batchNorm_(batchNorm) {}
  std::string name() const override { return batchNorm_ ? "small_cnn" : "small_cnn_nobn"; }
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec) override { return net_->forward(x, rec); }
  torch::Tensor features(const torch::Tensor& x) override { return net_->features(x); }

 protected:
  torch::nn::Module& module() override { return *net_; }

 private:
  SmallCnn net_;
  bool batchNorm_;
};

}  // namespace ps
