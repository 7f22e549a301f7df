#pragma once
// The fast default model for 28×28 and 32×32 inputs: two 3×3 conv blocks (16 and 32
// channels, each followed by ReLU and 2×2 max-pool), a 128-unit hidden layer, logits.
#include "model/classifier.h"

namespace ps {

struct SmallCnnImpl : torch::nn::Module {
  SmallCnnImpl(int64_t channels, int64_t height, int64_t width, int64_t classes);
  torch::Tensor features(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(SmallCnn);

class SmallCnnClassifier : public ModuleClassifier {
 public:
  SmallCnnClassifier(int64_t channels, int64_t height, int64_t width, int64_t classes)
      : net_(channels, height, width, classes) {}
  std::string name() const override { return "small_cnn"; }
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec) override { return net_->forward(x, rec); }
  torch::Tensor features(const torch::Tensor& x) override { return net_->features(x); }

 protected:
  torch::nn::Module& module() override { return *net_; }

 private:
  SmallCnn net_;
};

}  // namespace ps
