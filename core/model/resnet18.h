#pragma once
// ResNet-18 in its CIFAR form: a 3×3 stride-1 stem without max-pool, four stages of two
// basic blocks (64, 128, 256, 512 channels), global average pool, linear classifier.
#include "model/classifier.h"

namespace ps {

struct BasicBlockImpl : torch::nn::Module {
  BasicBlockImpl(int64_t in, int64_t out, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec);
  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, shortcutConv{nullptr};
  torch::nn::BatchNorm2d bn1{nullptr}, bn2{nullptr}, shortcutBn{nullptr};
};
TORCH_MODULE(BasicBlock);

struct ResNet18Impl : torch::nn::Module {
  ResNet18Impl(int64_t channels, int64_t classes);
  torch::Tensor features(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec = nullptr);
  torch::nn::Conv2d stem{nullptr};
  torch::nn::BatchNorm2d stemBn{nullptr};
  std::vector<BasicBlock> blocks;
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(ResNet18);

class ResNet18Classifier : public ModuleClassifier {
 public:
  ResNet18Classifier(int64_t channels, int64_t classes) : net_(channels, classes) {}
  std::string name() const override { return "resnet18"; }
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec) override { return net_->forward(x, rec); }
  torch::Tensor features(const torch::Tensor& x) override { return net_->features(x); }
  bool prefersChannelsLast() const override { return true; }

 protected:
  torch::nn::Module& module() override { return *net_; }

 private:
  ResNet18 net_;
};

}  // namespace ps
