#include "score/kmeans.h"

#include <torch/torch.h>
#include <random>

#include "util/errors.h"

namespace ps {

KMeansResult sphericalKMeans(const torch::Tensor& xIn, int64_t k, uint64_t seed, int iterations) {
  torch::NoGradGuard guard;
  const int64_t n = xIn.size(0);
  if (k < 1) throw ConfigError("k-means k " + std::to_string(k) + " must be at least 1");
  if (k > n)
    throw ConfigError("k-means k " + std::to_string(k) + " is larger than the number of examples (" +
                      std::to_string(n) + ")");
  const auto x =
      torch::nn::functional::normalize(xIn.to(torch::kFloat32), torch::nn::functional::NormalizeFuncOptions().dim(1));
  std::mt19937_64 rng(seed);
  // k-means++ on cosine distance.
  std::vector<int64_t> chosen{std::uniform_int_distribution<int64_t>(0, n - 1)(rng)};
  auto best = (1 - x.matmul(x[chosen[0]])).clamp_min(0);
  for (int64_t c = 1; c < k; ++c) {
    auto w = best.pow(2);
    const double total = w.sum().item<double>();
    int64_t pick;
    if (total <= 0) {
      pick = std::uniform_int_distribution<int64_t>(0, n - 1)(rng);
    } else {
      const double r = std::uniform_real_distribution<double>(0, total)(rng);
      const auto cum = w.to(torch::kFloat64).cumsum(0);
      pick = std::min<int64_t>(n - 1, torch::searchsorted(cum, torch::tensor({r}, torch::kFloat64)).item<int64_t>());
    }
    chosen.push_back(pick);
    best = torch::minimum(best, (1 - x.matmul(x[pick])).clamp_min(0));
  }
  auto centroids = x.index_select(0, torch::tensor(chosen, torch::kInt64)).clone();
  torch::Tensor assign;
  for (int it = 0; it < iterations; ++it) {
    const auto sim = x.matmul(centroids.t());
    auto next = sim.argmax(1);
    if (assign.defined() && next.equal(assign)) break;
    assign = next;
    auto sums = torch::zeros_like(centroids).index_add_(0, assign, x);
    const auto norms = sums.norm(2, 1, true);
    // An empty cluster keeps its previous centroid.
    centroids = torch::where(norms > 1e-12, sums / norms.clamp_min(1e-12), centroids);
  }
  const auto sim = x.matmul(centroids.t());
  auto [maxSim, idx] = sim.max(1);
  return {centroids, idx, (1 - maxSim).clamp_min(0)};
}

torch::Tensor prototypeDistance(const torch::Tensor& embeddings, int64_t k, uint64_t seed) {
  return sphericalKMeans(embeddings, k, seed).distance.cpu();
}

torch::Tensor perClassPrototypeDistance(const torch::Tensor& embeddings, const torch::Tensor& labels, int64_t k,
                                        uint64_t seed) {
  auto out = torch::zeros({embeddings.size(0)}, torch::kFloat32);
  const auto lab = labels.cpu();
  const int64_t classes = lab.max().item<int64_t>() + 1;
  for (int64_t c = 0; c < classes; ++c) {
    const auto idx = (lab == c).nonzero().flatten();
    if (idx.numel() == 0) continue;
    const int64_t kc = std::min<int64_t>(k, idx.numel());
    out.index_put_(
        {idx}, sphericalKMeans(embeddings.index_select(0, idx), kc, seed + static_cast<uint64_t>(c)).distance.cpu());
  }
  return out;
}

}  // namespace ps
