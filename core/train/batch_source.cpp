#include "train/batch_source.h"

#include <torch/torch.h>
#include <algorithm>

#include "job/job.h"
#include "util/errors.h"

namespace ps {

namespace {
// Digit datasets (class names "0".."9") must not be flipped: a flipped 2 is not a 2.
bool looksLikeDigits(const std::vector<std::string>& names) {
  return std::all_of(names.begin(), names.end(),
                     [](const std::string& n) { return n.size() == 1 && n[0] >= '0' && n[0] <= '9'; });
}
}  // namespace

BatchSource::BatchSource(const Dataset& ds, Split split, std::vector<int64_t> indices, torch::Device device,
                         size_t memoryBudgetBytes, JobContext* ctx, const BatchSource* normalizeLike)
    : ds_(ds), split_(split), indices_(std::move(indices)), device_(device), shape_(ds.shape()) {
  const int64_t n = size();
  if (n == 0) throw ConfigError(std::string("no examples to train on in the ") + splitName(split) + " split");
  flipAllowed_ = !looksLikeDigits(ds.classNames());
  labels_ = torch::empty({n}, torch::kInt64);
  auto* lab = labels_.data_ptr<int64_t>();
  for (int64_t i = 0; i < n; ++i) lab[i] = ds.label(split, static_cast<size_t>(indices_[static_cast<size_t>(i)]));

  const size_t bytes = static_cast<size_t>(n) * shape_.bytes();
  if (bytes <= memoryBudgetBytes) {
    images_ = torch::empty({n, shape_.height, shape_.width, shape_.channels}, torch::kUInt8);
    const int64_t chunk = 4096;
    for (int64_t s = 0; s < n; s += chunk) {
      if (ctx) ctx->throwIfCancelled();
      const int64_t e = std::min(n, s + chunk);
      std::vector<int64_t> idx(indices_.begin() + s, indices_.begin() + e);
      ds.readImages(split, idx, images_.data_ptr<uint8_t>() + s * static_cast<int64_t>(shape_.bytes()));
    }
  }

  if (normalizeLike) {
    mean_ = normalizeLike->mean_;
    std_ = normalizeLike->std_;
    meanT_ = normalizeLike->meanT_;
    stdT_ = normalizeLike->stdT_;
    return;
  }
  // Per-channel mean/std from up to 10 000 evenly spaced examples (exact for small sets).
  const int64_t sample = std::min<int64_t>(n, 10000);
  std::vector<int64_t> pos(static_cast<size_t>(sample));
  for (int64_t k = 0; k < sample; ++k) pos[static_cast<size_t>(k)] = k * n / sample;
  const auto px = rawBatch(pos).to(torch::kFloat64).div_(255.0).reshape({-1, shape_.channels});
  // A channel (nearly) constant in training would turn any other value into a huge
  // input: its std is floored at one grey level.
  const auto m = px.mean(0), sd = px.std(0, /*unbiased=*/false).clamp_min(1.0 / 255.0);
  for (int c = 0; c < shape_.channels; ++c) {
    mean_.push_back(m[c].item<double>());
    std_.push_back(sd[c].item<double>());
  }
  meanT_ = m.to(torch::kFloat32).view({1, -1, 1, 1}).to(device_);
  stdT_ = sd.to(torch::kFloat32).view({1, -1, 1, 1}).to(device_);
}

torch::Tensor BatchSource::rawBatch(const std::vector<int64_t>& positions) const {
  const auto b = static_cast<int64_t>(positions.size());
  if (images_.defined()) {
    auto idx = torch::from_blob(const_cast<int64_t*>(positions.data()), {b}, torch::kInt64);
    return images_.index_select(0, idx);
  }
  auto out = torch::empty({b, shape_.height, shape_.width, shape_.channels}, torch::kUInt8);
  std::vector<int64_t> idx(positions.size());
  for (size_t k = 0; k < positions.size(); ++k) idx[k] = indices_[static_cast<size_t>(positions[k])];
  ds_.readImages(split_, idx, out.data_ptr<uint8_t>());
  return out;
}

torch::Tensor BatchSource::batch(const std::vector<int64_t>& positions) const {
  auto x = rawBatch(positions).to(device_, /*non_blocking=*/true).permute({0, 3, 1, 2}).to(torch::kFloat32);
  return x.div_(255.0).sub_(meanT_).div_(stdT_).contiguous();
}

torch::Tensor BatchSource::augment(const torch::Tensor& x, bool flip, std::mt19937_64& rng) const {
  const int64_t b = x.size(0), h = x.size(2), w = x.size(3);
  const int64_t pad = std::max<int64_t>(1, std::min(h, w) / 8);  // 4 for 32×32, 3 for 28×28
  // Zero padding in normalised space is the per-channel mean (mean-pixel padding).
  auto padded = torch::constant_pad_nd(x, {pad, pad, pad, pad}, 0.0);
  auto out = torch::empty_like(x);
  std::uniform_int_distribution<int64_t> shift(0, 2 * pad);
  std::bernoulli_distribution coin(0.5);
  for (int64_t i = 0; i < b; ++i) {
    const int64_t dy = shift(rng), dx = shift(rng);
    auto crop = padded[i].narrow(1, dy, h).narrow(2, dx, w);
    if (flip && coin(rng)) crop = crop.flip({2});
    out[i].copy_(crop);
  }
  return out;
}

void BatchSource::forEachBatch(const std::vector<int64_t>& order, int batchSize,
                               const std::function<void(const std::vector<int64_t>&, const torch::Tensor&)>& fn) const {
  const size_t n = order.size();
  auto slice = [&](size_t s) {
    return std::vector<int64_t>(
        order.begin() + static_cast<std::ptrdiff_t>(s),
        order.begin() + static_cast<std::ptrdiff_t>(std::min(n, s + static_cast<size_t>(batchSize))));
  };
  if (n == 0) return;
  std::vector<int64_t> pos = slice(0);
  std::future<torch::Tensor> next = std::async(std::launch::deferred, [this, pos] { return batch(pos); });
  for (size_t s = 0; s < n; s += static_cast<size_t>(batchSize)) {
    torch::Tensor x = next.get();
    std::vector<int64_t> cur = pos;
    if (s + static_cast<size_t>(batchSize) < n) {
      pos = slice(s + static_cast<size_t>(batchSize));
      // Streaming from files: decode the next batch while this one is used.
      next = std::async(inMemory() ? std::launch::deferred : std::launch::async, [this, pos] { return batch(pos); });
    }
    fn(cur, x);
  }
}

}  // namespace ps
