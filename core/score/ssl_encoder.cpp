#include "score/ssl_encoder.h"

#include <torch/torch.h>
#include <cmath>
#include <numeric>
#include <random>

#include "job/job.h"
#include "model/model_factory.h"
#include "model/small_cnn.h"
#include "train/batch_source.h"
#include "util/errors.h"

namespace ps {

namespace {

// Crop/flip from BatchSource, then per-image brightness/contrast jitter and noise.
torch::Tensor view(const BatchSource& data, const torch::Tensor& x, std::mt19937_64& rng) {
  auto v = data.augment(x, true, rng);
  const int64_t b = v.size(0);
  std::uniform_real_distribution<float> contrast(0.6f, 1.4f), bright(-0.4f, 0.4f);
  std::vector<float> a(static_cast<size_t>(b)), c(static_cast<size_t>(b));
  for (int64_t i = 0; i < b; ++i) {
    a[static_cast<size_t>(i)] = contrast(rng);
    c[static_cast<size_t>(i)] = bright(rng);
  }
  const auto opts = torch::TensorOptions().dtype(torch::kFloat32);
  const auto at = torch::from_blob(a.data(), {b, 1, 1, 1}, opts).clone().to(v.device());
  const auto ct = torch::from_blob(c.data(), {b, 1, 1, 1}, opts).clone().to(v.device());
  auto gen = at::detail::createCPUGenerator(rng());
  const auto noise = torch::randn(v.sizes(), gen, opts).to(v.device()) * 0.1;
  return v * at + ct + noise;
}

}  // namespace

torch::Tensor selfSupervisedEmbeddings(const BatchSource& data, int epochs, uint64_t seed, torch::Device device,
                                       JobContext& ctx, const std::function<void(double, const std::string&)>& progress,
                                       std::function<torch::Tensor(const torch::Tensor&)>* encoder) {
  const auto& s = data.shape();
  SmallCnn net{nullptr};
  seededBuild(seed + 7777, [&] {
    net = SmallCnn(s.channels, s.height, s.width, 64, /*batchNorm=*/false);
  });  // fc2: the 64-d projection head
  net->to(device);
  torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-3).weight_decay(1e-6));
  const int64_t n = data.size();
  const int batch = 256;
  const double temperature = 0.5;
  const int64_t batches = (n + batch - 1) / batch;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(epoch) + 99ULL);
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    net->train();
    int64_t b = 0;
    data.forEachBatch(order, batch, [&](const std::vector<int64_t>&, const torch::Tensor& x) {
      ctx.throwIfCancelled();
      const int64_t m = x.size(0);
      if (m < 2) return;
      namespace F = torch::nn::functional;
      const auto z1 = F::normalize(net->forward(view(data, x, rng)), F::NormalizeFuncOptions().dim(1));
      const auto z2 = F::normalize(net->forward(view(data, x, rng)), F::NormalizeFuncOptions().dim(1));
      const auto z = torch::cat({z1, z2}, 0);
      auto sim = z.matmul(z.t()) / temperature;
      sim = sim.masked_fill(torch::eye(2 * m, torch::TensorOptions().dtype(torch::kBool).device(device)), -1e9);
      const auto target = torch::cat({torch::arange(m, 2 * m), torch::arange(0, m)}).to(device);
      const auto loss = F::cross_entropy(sim, target);
      const double value = loss.detach().item<double>();
      if (!std::isfinite(value))  // a diverged encoder embeds nothing: fail, as every training does
        throw TrainingError("the self-supervised encoder's training diverged at epoch " + std::to_string(epoch + 1) +
                            ", step " + std::to_string(b + 1) + " (loss " + std::to_string(value) +
                            "): use the classifier's embedding (--prototype-embedding classifier) instead");
      opt.zero_grad();
      loss.backward();
      opt.step();
      ++b;
      if (progress)
        progress((epoch + static_cast<double>(b) / batches) / (epochs + 0.3),
                 "self-supervised encoder, epoch " + std::to_string(epoch + 1) + "/" + std::to_string(epochs));
    });
  }
  net->eval();
  torch::NoGradGuard guard;
  std::vector<int64_t> all(static_cast<size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  std::vector<torch::Tensor> parts;
  data.forEachBatch(all, 512, [&](const std::vector<int64_t>&, const torch::Tensor& x) {
    ctx.throwIfCancelled();
    parts.push_back(net->features(x).cpu());
  });
  if (encoder) *encoder = [net](const torch::Tensor& x) mutable { return net->features(x); };  // shares the module
  return torch::cat(parts, 0);
}

}  // namespace ps
