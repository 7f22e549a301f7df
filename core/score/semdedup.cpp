#include "score/semdedup.h"

#include <torch/torch.h>
#include <algorithm>
#include <limits>

#include "score/kmeans.h"
#include "util/errors.h"

namespace ps {

namespace {

// One cluster's examples `members` (positions, in the paper's order): both values of
// each, from row blocks of the similarity matrix (bounded memory for a large cluster).
void clusterValues(const torch::Tensor& x, const std::vector<int64_t>& members, SemDedupValues& out) {
  const auto m = static_cast<int64_t>(members.size());
  const auto rows = x.index_select(0, torch::tensor(members, torch::kInt64));
  const int64_t block = std::max<int64_t>(1, (int64_t(1) << 24) / m);  // 64 MB of similarities at a time
  const auto cols = torch::arange(m, torch::kInt64).unsqueeze(0);
  const float inf = std::numeric_limits<float>::infinity();
  for (int64_t start = 0; start < m; start += block) {
    const int64_t len = std::min(block, m - start);
    auto sim = rows.narrow(0, start, len).matmul(rows.t()).clamp_(-1, 1);
    const auto self = (torch::arange(len, torch::kInt64) + start).unsqueeze(1);
    sim.masked_fill_(cols == self, -inf);
    const auto nearest = std::get<0>(sim.max(1)).clamp_min(-1).contiguous();
    const auto earlier = std::get<0>(sim.masked_fill(cols > self, -inf).max(1)).clamp_min(-1).contiguous();
    const float* pn = nearest.data_ptr<float>();
    const float* pe = earlier.data_ptr<float>();
    for (int64_t r = 0; r < len; ++r) {
      const auto at = static_cast<size_t>(members[static_cast<size_t>(start + r)]);
      out.nearest[at] = pn[r];
      out.earlier[at] = pe[r];
    }
  }
}

}  // namespace

SemDedupValues semDedup(const torch::Tensor& embeddings, int64_t k, uint64_t seed) {
  torch::NoGradGuard guard;
  const KMeansResult km = sphericalKMeans(embeddings, k, seed);
  const auto x = torch::nn::functional::normalize(embeddings.to(torch::kCPU, torch::kFloat32),
                                                  torch::nn::functional::NormalizeFuncOptions().dim(1));
  const auto assign = km.assignment.to(torch::kCPU, torch::kInt64).contiguous();
  const auto dist = km.distance.to(torch::kCPU, torch::kFloat32).contiguous();
  const int64_t n = x.size(0);
  const int64_t* a = assign.data_ptr<int64_t>();
  const float* d = dist.data_ptr<float>();
  SemDedupValues out;
  out.nearest.assign(static_cast<size_t>(n), -1.f);
  out.earlier.assign(static_cast<size_t>(n), -1.f);
  out.cluster.resize(static_cast<size_t>(n));
  std::vector<std::vector<int64_t>> members(static_cast<size_t>(k));
  for (int64_t i = 0; i < n; ++i) {
    out.cluster[static_cast<size_t>(i)] = static_cast<int32_t>(a[i]);
    members[static_cast<size_t>(a[i])].push_back(i);
  }
  for (auto& c : members) {
    if (c.empty()) continue;
    // Farthest from the centroid first; equal distances by position, so the order is total.
    std::sort(c.begin(), c.end(), [&](int64_t p, int64_t q) { return d[p] != d[q] ? d[p] > d[q] : p < q; });
    clusterValues(x, c, out);
  }
  return out;
}

std::map<std::string, ScoreValues> semDedupScores(const torch::Tensor& embeddings, int64_t k, uint64_t seed) {
  SemDedupValues v = semDedup(embeddings, k, seed);
  ScoreValues score{v.nearest, v.nearest};
  for (float& d : score.difficulty) d = 1.f - d;
  return {{"semdedup", std::move(score)}, {kSemDedupOrder, {v.earlier, v.earlier}}};
}

void SemDedupHook::onEpochEnd(int completed, EpochServices& s) {
  if (completed == epochs_) values_ = semDedupScores(s.features(), k_, seed_);
}

void SemDedupHook::save(ByteWriter& w) const {
  w.pod<uint64_t>(values_.size());
  for (const auto& [name, v] : values_) w.str(name).vec(v.difficulty).vec(v.raw);
}

void SemDedupHook::load(ByteReader& r) {
  values_.clear();
  const auto n = r.pod<uint64_t>();
  if (n > 2) throw StoreError("semdedup checkpoint holds " + std::to_string(n) + " vectors; expected at most 2");
  for (uint64_t i = 0; i < n; ++i) {
    const std::string name = r.str();
    ScoreValues v;
    v.difficulty = r.vec<float>();
    v.raw = r.vec<float>();
    values_[name] = std::move(v);
  }
}

}  // namespace ps
