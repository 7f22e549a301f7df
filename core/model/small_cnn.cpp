#include "model/small_cnn.h"

namespace ps {

SmallCnnImpl::SmallCnnImpl(int64_t channels, int64_t height, int64_t width, int64_t classes) {
  conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 16, 3).padding(1)));
  conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 3).padding(1)));
  fc1 = register_module("fc1", torch::nn::Linear(32 * (height / 4) * (width / 4), 128));
  fc2 = register_module("fc2", torch::nn::Linear(128, classes));
}

torch::Tensor SmallCnnImpl::features(const torch::Tensor& x, LayerRecorder* rec) {
  auto h = torch::max_pool2d(torch::relu(applyConv(conv1, x, rec)), 2);
  h = torch::max_pool2d(torch::relu(applyConv(conv2, h, rec)), 2);
  return torch::relu(applyLinear(fc1, h.flatten(1), rec));
}

torch::Tensor SmallCnnImpl::forward(const torch::Tensor& x, LayerRecorder* rec) {
  return applyLinear(fc2, features(x, rec), rec);
}

}  // namespace ps
