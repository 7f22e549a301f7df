#pragma once
// Spherical k-means (cosine similarity) with seeded k-means++ initialisation, and the
// prototype difficulty built on it: cosine distance to the nearest centroid.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace ps {

struct KMeansResult {
  at::Tensor centroids;   // k × D, unit norm
  at::Tensor assignment;  // N, int64
  at::Tensor distance;    // N, 1 − cos(x, nearest centroid)
};

// x: N × D (need not be normalised). Throws ConfigError when k < 1 or k > N.
KMeansResult sphericalKMeans(const at::Tensor& x, int64_t k, uint64_t seed, int iterations = 50);

// Class-agnostic: k-means over all examples. Per-class: k-means with `k` clusters inside
// each class (k = 1: distance to the class centroid). Returns N distances (float, CPU).
at::Tensor prototypeDistance(const at::Tensor& embeddings, int64_t k, uint64_t seed);
at::Tensor perClassPrototypeDistance(const at::Tensor& embeddings, const at::Tensor& labels, int64_t k, uint64_t seed);

}  // namespace ps
