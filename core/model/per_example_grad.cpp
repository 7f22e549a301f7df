#include "model/per_example_grad.h"

#include <torch/torch.h>

#include "model/classifier.h"

namespace ps {

namespace {

// Squared Frobenius norms of Dᵢ Uᵢᵀ for a chunk of examples.
torch::Tensor convWeightSqNorms(const torch::Tensor& d, const torch::Tensor& u) {
  // d: B × Cout × L,  u: B × K × L
  const int64_t cout = d.size(1), k = u.size(1), l = d.size(2);
  if (cout * k <= l * l) return torch::bmm(d, u.transpose(1, 2)).pow(2).sum({1, 2});
  return (torch::bmm(d.transpose(1, 2), d) * torch::bmm(u.transpose(1, 2), u)).sum({1, 2});
}

torch::Tensor layerSqNorms(const LayerRecord& r, const torch::Tensor& delta) {
  const int64_t b = delta.size(0);
  switch (r.kind) {
    case LayerRecord::Kind::Linear: {
      const auto d2 = delta.flatten(1).pow(2).sum(1);
      auto out = d2 * r.input.flatten(1).pow(2).sum(1);
      return r.hasBias ? out + d2 : out;
    }
    case LayerRecord::Kind::BatchNorm2d: {
      const auto gGamma = (delta * r.normalized).sum({2, 3});
      const auto gBeta = delta.sum({2, 3});
      return gGamma.pow(2).sum(1) + gBeta.pow(2).sum(1);
    }
    case LayerRecord::Kind::Conv2d: {
      namespace F = torch::nn::functional;
      const auto d = delta.flatten(2);  // B × Cout × L
      auto out = torch::empty({b}, delta.options());
      // Chunk so the per-example products stay within ~256 MB.
      const int64_t cout = d.size(1), l = d.size(2);
      const int64_t k = r.input.size(1) * r.kernel * r.kernel;
      const int64_t perExample = std::min(cout * k, l * l) + k * l;
      const int64_t chunk = std::max<int64_t>(1, (int64_t(64) << 20) / std::max<int64_t>(1, perExample));
      for (int64_t s = 0; s < b; s += chunk) {
        const int64_t e = std::min(b, s + chunk);
        const auto u = F::unfold(r.input.slice(0, s, e),
                                 F::UnfoldFuncOptions({r.kernel, r.kernel}).padding(r.padding).stride(r.stride));
        out.slice(0, s, e).copy_(convWeightSqNorms(d.slice(0, s, e), u));
      }
      if (r.hasBias) out += d.sum(2).pow(2).sum(1);
      return out;
    }
  }
  return torch::zeros({b}, delta.options());
}

}  // namespace

torch::Tensor perExampleGradSqNormsLoop(Classifier& model, const torch::Tensor& x, const torch::Tensor& y) {
  model.setTraining(false);
  auto params = model.parameters();
  std::vector<torch::Tensor> trainable;
  for (auto& p : params)
    if (p.requires_grad()) trainable.push_back(p);
  auto out = torch::empty({x.size(0)}, torch::kFloat32);
  for (int64_t i = 0; i < x.size(0); ++i) {
    const auto loss = torch::nn::functional::cross_entropy(model.forward(x.slice(0, i, i + 1)), y.slice(0, i, i + 1));
    const auto grads = torch::autograd::grad({loss}, trainable, {}, false, false, true);
    double sq = 0;
    for (const auto& g : grads)
      if (g.defined()) sq += g.to(torch::kFloat64).pow(2).sum().item<double>();
    out[i] = sq;
  }
  return out;
}

torch::Tensor perExampleGradSqNorms(Classifier& model, const torch::Tensor& x, const torch::Tensor& y) {
  if (!model.recordsLayers()) return perExampleGradSqNormsLoop(model, x, y);
  model.setTraining(false);
  LayerRecorder rec;
  const auto logits = model.forward(x, &rec);
  const auto loss = torch::nn::functional::cross_entropy(
      logits, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
  std::vector<torch::Tensor> outputs;
  for (const auto& r : rec.records) outputs.push_back(r.output);
  const auto deltas = torch::autograd::grad({loss}, outputs);
  auto total = torch::zeros({x.size(0)}, logits.options().dtype(torch::kFloat32));
  {
    torch::NoGradGuard guard;
    for (size_t k = 0; k < rec.records.size(); ++k)
      total += layerSqNorms(rec.records[k], deltas[k]).to(torch::kFloat32);
  }
  return total.cpu();
}

}  // namespace ps
