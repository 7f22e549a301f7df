#include "model/classifier.h"

#include <torch/torch.h>

namespace ps {

torch::Tensor applyLinear(torch::nn::Linear& layer, const torch::Tensor& x, LayerRecorder* rec) {
  return rec ? rec->linear(layer, x) : layer->forward(x);
}
torch::Tensor applyConv(torch::nn::Conv2d& layer, const torch::Tensor& x, LayerRecorder* rec) {
  return rec ? rec->conv(layer, x) : layer->forward(x);
}
torch::Tensor applyBatchNorm(torch::nn::BatchNorm2d& layer, const torch::Tensor& x, LayerRecorder* rec) {
  return rec ? rec->batchNorm(layer, x) : layer->forward(x);
}

namespace {
LayerRecord makeRecord(LayerRecord::Kind kind, const torch::Tensor& x, const torch::Tensor& y, bool bias) {
  LayerRecord r;
  r.kind = kind;
  r.input = x.detach();
  r.output = y;
  r.hasBias = bias;
  return r;
}
}  // namespace

torch::Tensor LayerRecorder::linear(torch::nn::Linear& layer, const torch::Tensor& x) {
  records.push_back(makeRecord(LayerRecord::Kind::Linear, x, layer->forward(x), layer->options.bias()));
  return records.back().output;
}

torch::Tensor LayerRecorder::conv(torch::nn::Conv2d& layer, const torch::Tensor& x) {
  const auto& o = layer->options;
  LayerRecord r = makeRecord(LayerRecord::Kind::Conv2d, x, layer->forward(x), o.bias());
  r.kernel = (*o.kernel_size())[0];
  r.stride = (*o.stride())[0];
  // Built-in models pad every k×k conv by k/2; the output size confirms it (the padding
  // option's variant type differs between LibTorch versions, so it is not read).
  r.padding = r.kernel / 2;
  const int64_t expected = (x.size(2) + 2 * r.padding - r.kernel) / r.stride + 1;
  TORCH_CHECK(r.output.size(2) == expected, "per-example gradients: conv padding is not kernel/2");
  records.push_back(r);
  return r.output;
}

torch::Tensor LayerRecorder::batchNorm(torch::nn::BatchNorm2d& layer, const torch::Tensor& x) {
  // Per-example gradients are defined in eval mode, where BN is a per-channel affine
  // map of x̂ = (x − running_mean) / sqrt(running_var + eps).
  LayerRecord r = makeRecord(LayerRecord::Kind::BatchNorm2d, x, layer->forward(x), true);
  const auto shape = std::vector<int64_t>{1, -1, 1, 1};
  r.normalized = ((x.detach() - layer->running_mean.view(shape)) /
                  torch::sqrt(layer->running_var.view(shape) + layer->options.eps()));
  records.push_back(r);
  return r.output;
}

void setConvLayout(Classifier& model, bool channelsLast) {
  const auto format = channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
  torch::NoGradGuard guard;
  for (auto& p : model.parameters())
    if (p.dim() == 4 && !p.is_contiguous(format)) p.set_data(p.contiguous(format));
}

}  // namespace ps
