#include "model/resnet18.h"

#include <torch/torch.h>

namespace ps {

namespace {
torch::nn::Conv2d conv3x3(int64_t in, int64_t out, int64_t stride) {
  return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}
}  // namespace

BasicBlockImpl::BasicBlockImpl(int64_t in, int64_t out, int64_t stride) {
  conv1 = register_module("conv1", conv3x3(in, out, stride));
  bn1 = register_module("bn1", torch::nn::BatchNorm2d(out));
  conv2 = register_module("conv2", conv3x3(out, out, 1));
  bn2 = register_module("bn2", torch::nn::BatchNorm2d(out));
  if (stride != 1 || in != out) {
    shortcutConv = register_module("shortcut_conv",
                                   torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
    shortcutBn = register_module("shortcut_bn", torch::nn::BatchNorm2d(out));
  }
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x, LayerRecorder* rec) {
  auto h = torch::relu(applyBatchNorm(bn1, applyConv(conv1, x, rec), rec));
  h = applyBatchNorm(bn2, applyConv(conv2, h, rec), rec);
  const auto skip = shortcutConv ? applyBatchNorm(shortcutBn, applyConv(shortcutConv, x, rec), rec) : x;
  return torch::relu(h + skip);
}

ResNet18Impl::ResNet18Impl(int64_t channels, int64_t classes) {
  stem = register_module("stem", conv3x3(channels, 64, 1));
  stemBn = register_module("stem_bn", torch::nn::BatchNorm2d(64));
  int64_t in = 64;
  const int64_t widths[4] = {64, 128, 256, 512};
  for (int s = 0; s < 4; ++s)
    for (int b = 0; b < 2; ++b) {
      const int64_t stride = (s > 0 && b == 0) ? 2 : 1;
      blocks.push_back(register_module("layer" + std::to_string(s + 1) + "_" + std::to_string(b),
                                       BasicBlock(in, widths[s], stride)));
      in = widths[s];
    }
  fc = register_module("fc", torch::nn::Linear(512, classes));
}

torch::Tensor ResNet18Impl::features(const torch::Tensor& x, LayerRecorder* rec) {
  auto h = torch::relu(applyBatchNorm(stemBn, applyConv(stem, x, rec), rec));
  for (auto& b : blocks) h = b->forward(h, rec);
  return torch::adaptive_avg_pool2d(h, {1, 1}).flatten(1);
}

torch::Tensor ResNet18Impl::forward(const torch::Tensor& x, LayerRecorder* rec) {
  return applyLinear(fc, features(x, rec), rec);
}

}  // namespace ps
