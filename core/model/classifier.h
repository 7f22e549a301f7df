#pragma once
// The model interface the trainer and the scores use. Built-in models record, when asked,
// each layer's input and output so per-example gradient norms can be computed for a
// whole batch at once (see model/per_example_grad.h); TorchScript models cannot.
#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

#include <memory>
#include <string>
#include <vector>

namespace ps {

// One layer's activations, recorded during a forward pass for per-example gradients.
struct LayerRecord {
  enum class Kind { Linear, Conv2d, BatchNorm2d };
  Kind kind = Kind::Linear;
  torch::Tensor input;   // what the layer received
  torch::Tensor output;  // what it produced (part of the autograd graph)
  bool hasBias = false;
  // Conv2d geometry
  int64_t kernel = 1, stride = 1, padding = 0;
  // BatchNorm2d (eval mode): normalised input x̂, the per-channel affine being (γ, β)
  torch::Tensor normalized;
};

class LayerRecorder {
 public:
  std::vector<LayerRecord> records;
  torch::Tensor linear(torch::nn::Linear& layer, const torch::Tensor& x);
  torch::Tensor conv(torch::nn::Conv2d& layer, const torch::Tensor& x);
  torch::Tensor batchNorm(torch::nn::BatchNorm2d& layer, const torch::Tensor& x);
};

// Applies a layer, recording it when `rec` is non-null.
torch::Tensor applyLinear(torch::nn::Linear& layer, const torch::Tensor& x, LayerRecorder* rec);
torch::Tensor applyConv(torch::nn::Conv2d& layer, const torch::Tensor& x, LayerRecorder* rec);
torch::Tensor applyBatchNorm(torch::nn::BatchNorm2d& layer, const torch::Tensor& x, LayerRecorder* rec);

class Classifier {
 public:
  virtual ~Classifier() = default;
  virtual std::string name() const = 0;
  // Logits (B × classes) for a normalised float batch (B × C × H × W).
  virtual torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec = nullptr) = 0;
  // Penultimate-layer embedding (B × D); throws ConfigError where the model has none.
  virtual torch::Tensor features(const torch::Tensor& x) = 0;
  virtual std::vector<torch::Tensor> parameters() = 0;
  virtual std::vector<torch::Tensor> buffers() = 0;
  virtual void setTraining(bool on) = 0;
  virtual void to(const torch::Device& device) = 0;
  // True when forward(x, rec) records every parameterised layer (batched GraNd).
  virtual bool recordsLayers() const { return true; }
  // True when its convolutions run faster in channels-last layout on a GPU with bf16
  // autocast (ResNet-18 on an H200: 31 698 against 22 853 images/s); the trainer then
  // trains it so (see setConvLayout).
  virtual bool prefersChannelsLast() const { return false; }
};

// Puts every 4-D parameter (the convolution weights) in channels-last layout, or back
// in the default contiguous one. Values are unchanged; an optimiser built afterwards
// keeps the layout in its state.
void setConvLayout(Classifier& model, bool channelsLast);

// A built-in model backed by a torch::nn::Module.
class ModuleClassifier : public Classifier {
 public:
  std::vector<torch::Tensor> parameters() override { return module().parameters(); }
  std::vector<torch::Tensor> buffers() override { return module().buffers(); }
  void setTraining(bool on) override { module().train(on); }
  void to(const torch::Device& device) override { module().to(device); }

 protected:
  virtual torch::nn::Module& module() = 0;
};

}  // namespace ps
