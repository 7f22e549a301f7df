#pragma once
// SemDeDup (Abbas, Tirumala, Simig, Ganguli, Morcos: "SemDeDup: Data-efficient learning
// at web-scale through semantic deduplication", 2023, arXiv 2303.09540): semantic
// duplicates found by cosine similarity inside the clusters of a k-means of the
// embeddings (the spherical k-means of score/kmeans.h, on the embedding the prototype
// scores use).
//
// The paper's procedure, per cluster: sort its examples by cosine distance to the
// centroid, farthest first (its code's default, keep_hard: "we keep the example with the
// lowest similarity to the centroid"); M_j = the highest cosine similarity of example j
// to an example before it in that order; remove j when M_j > 1 − ε. So from every group
// of examples closer than 1 − ε the one farthest from the centroid is kept. M_j does not
// depend on ε: stored once, it gives the paper's kept set for every ε, and ranking by
// it (most redundant first) gives a kept fraction f on the same path. The number of
// clusters: semDedupClusters (score/score_config.h).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "train/train_hook.h"

namespace ps {

struct SemDedupValues {
  // The score: highest cosine similarity to another example of its cluster (−1 when
  // the cluster has no other example).
  std::vector<float> nearest;
  // The paper's M: highest cosine similarity to an example before it in its cluster's
  // order (farthest from the centroid first); −1 for the first of a cluster. The paper
  // keeps an example iff M ≤ 1 − ε (its M floors at 0: the same set for ε in (0, 1)).
  std::vector<float> earlier;
  std::vector<int32_t> cluster;  // k-means cluster of each example
};

// embeddings: N × D (any device; need not be normalised). k clusters (ConfigError when
// k < 1 or k > N), k-means++ seeded by `seed`.
SemDedupValues semDedup(const at::Tensor& embeddings, int64_t k, uint64_t seed);

// The values a scoring run keeps: the score "semdedup" (raw: `nearest`; difficulty:
// 1 − nearest, so a duplicate ranks easiest) and, beside it, kSemDedupOrder (`earlier`,
// raw and difficulty alike), which the dedup policy reads (prune/policy_registry.h).
inline const char* const kSemDedupOrder = "semdedup/order";
std::map<std::string, ScoreValues> semDedupScores(const at::Tensor& embeddings, int64_t k, uint64_t seed);

// semdedup on the final classifier's penultimate embeddings.
class SemDedupHook : public TrainHook {
 public:
  SemDedupHook(int epochs, int64_t k, uint64_t seed) : epochs_(epochs), k_(k), seed_(seed) {}
  void onEpochEnd(int completed, EpochServices& s) override;
  std::vector<int> passEpochs() const override { return {epochs_}; }
  void save(ByteWriter& w) const override;
  void load(ByteReader& r) override;
  std::map<std::string, ScoreValues> results() const override { return values_; }

 private:
  int epochs_;
  int64_t k_;
  uint64_t seed_;
  std::map<std::string, ScoreValues> values_;
};

}  // namespace ps
