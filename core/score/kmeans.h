#pragma once
// Spherical k-means (cosine similarity) with seeded k-means++ initialisation, and the
// prototype difficulty built on it: cosine distance to the nearest centroid.
#include <torch/torch.h>

namespace ps {

struct KMeansResult {
  torch::Tensor centroids;   // k × D, unit norm
  torch::Tensor assignment;  // N, int64
  torch::Tensor distance;    // N, 1 − cos(x, nearest centroid)
};

// x: N × D (need not be normalised). Throws ConfigError when k < 1 or k > N.
KMeansResult sphericalKMeans(const torch::Tensor& x, int64_t k, uint64_t seed, int iterations = 50);

// Class-agnostic: k-means over all examples. Per-class: k-means with `k` clusters inside
// each class (k = 1: distance to the class centroid). Returns N distances (float, CPU).
torch::Tensor prototypeDistance(const torch::Tensor& embeddings, int64_t k, uint64_t seed);
torch::Tensor perClassPrototypeDistance(const torch::Tensor& embeddings, const torch::Tensor& labels, int64_t k,
                                        uint64_t seed);

}  // namespace ps
