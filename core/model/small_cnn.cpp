#include "model/small_cnn.h"

#include <torch/torch.h>

namespace ps {

SmallCnnImpl::SmallCnnImpl(int64_t channels, int64_t height, int64_t width, int64_t classes, bool batchNorm) {
  // With batch norm after it, a conv's bias is redundant (the norm's shift replaces it).
  conv1 = register_module("conv1",
                          torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 16, 3).padding(1).bias(!batchNorm)));
  conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 3).padding(1).bias(!batchNorm)));
  if (batchNorm) {
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(16));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(32));
  }
  fc1 = register_module("fc1", torch::nn::Linear(32 * (height / 4) * (width / 4), 128));
  fc2 = register_module("fc2", torch::nn::Linear(128, classes));
}

torch::Tensor SmallCnnImpl::features(const torch::Tensor& x, LayerRecorder* rec) {
  auto block = [&](torch::nn::Conv2d& conv, torch::nn::BatchNorm2d& bn, const torch::Tensor& in) {
    auto h = applyConv(conv, in, rec);
    if (bn) h = applyBatchNorm(bn, h, rec);
    return torch::max_pool2d(torch::relu(h), 2);
  };
  auto h = block(conv1, bn1, x);
  h = block(conv2, bn2, h);
  return torch::relu(applyLinear(fc1, h.flatten(1), rec));
}

torch::Tensor SmallCnnImpl::forward(const torch::Tensor& x, LayerRecorder* rec) {
  return applyLinear(fc2, features(x, rec), rec);
}

}  // namespace ps
