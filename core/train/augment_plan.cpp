#include "train/augment_plan.h"

#include <torch/torch.h>

#include <algorithm>

namespace ps {

int64_t augmentPadding(int64_t h, int64_t w) { return std::max<int64_t>(1, std::min(h, w) / 8); }

AugmentPlan drawAugmentPlan(int64_t batch, int64_t h, int64_t w, bool flip, std::mt19937_64& rng) {
  AugmentPlan plan;
  plan.pad = augmentPadding(h, w);
  const auto b = static_cast<size_t>(batch);
  plan.dy.resize(b);
  plan.dx.resize(b);
  plan.flip.assign(b, 0);
  std::uniform_int_distribution<int64_t> shift(0, 2 * plan.pad);
  std::bernoulli_distribution coin(0.5);
  for (size_t i = 0; i < b; ++i) {
    plan.dy[i] = shift(rng);
    plan.dx[i] = shift(rng);
    if (flip && coin(rng)) plan.flip[i] = 1;
  }
  return plan;
}

at::Tensor applyAugmentPlan(const at::Tensor& x, const AugmentPlan& plan) {
  const int64_t b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), pad = plan.pad;
  TORCH_CHECK(static_cast<size_t>(b) == plan.size(), "augmentation plan for ", plan.size(), " images, batch of ", b);
  const int64_t wp = w + 2 * pad;
  const auto padded = torch::constant_pad_nd(x, {pad, pad, pad, pad}, 0.0).reshape({b, c, -1});
  const auto cpu = torch::TensorOptions().dtype(torch::kInt64);
  auto dy = torch::from_blob(const_cast<int64_t*>(plan.dy.data()), {b, 1}, cpu).to(x.device());
  auto dx = torch::from_blob(const_cast<int64_t*>(plan.dx.data()), {b, 1}, cpu).to(x.device());
  auto flip = torch::from_blob(const_cast<uint8_t*>(plan.flip.data()), {b, 1}, cpu.dtype(torch::kUInt8))
                  .to(x.device())
                  .to(torch::kBool);
  const auto ix = torch::arange(w, cpu.device(x.device())).view({1, w});
  // Output column x reads padded column dx + x, or dx + (w − 1 − x) when flipped.
  const auto cols = torch::where(flip, (w - 1) - ix, ix) + dx;                               // B×W
  const auto rows = dy + torch::arange(h, cpu.device(x.device())).view({1, h});              // B×H
  const auto flat = (rows.view({b, h, 1}) * wp + cols.view({b, 1, w})).view({b, 1, h * w});  // B×1×HW
  return padded.gather(2, flat.expand({b, c, h * w})).view({b, c, h, w});
}

std::vector<float> normalizationTable(const at::Tensor& mean, const at::Tensor& std) {
  const int64_t c = mean.size(1);
  const auto v = torch::arange(256, torch::kFloat32).view({1, 1, 1, 256}).expand({1, c, 1, 256});
  const auto lut = v.to(torch::kFloat32).div(255.0).sub_(mean).div_(std).contiguous();
  return std::vector<float>(lut.data_ptr<float>(), lut.data_ptr<float>() + c * 256);
}

namespace {

// One output row of every channel from source row `src` (W×C interleaved): output column
// x reads source column x + shift, or w − 1 − x + shift when flipped; columns outside
// the image are padding, 0 in normalised space. One pass over the source row, no branch
// per pixel. `C` > 0 fixes the channel count at compile time (0: `channels` at run time).
template <int C>
void writeRow(const uint8_t* src, int w, int channels, int64_t shift, bool flip, const float* lut, float* const* out) {
  const int ch = C > 0 ? C : channels;
  const int64_t lo = std::min<int64_t>(w, std::max<int64_t>(0, flip ? shift : -shift));
  const int64_t hi = std::max(lo, std::min<int64_t>(w, flip ? w + shift : w - shift));
  for (int c = 0; c < ch; ++c) {
    std::fill(out[c], out[c] + lo, 0.0F);
    std::fill(out[c] + hi, out[c] + w, 0.0F);
  }
  if (lo == hi) return;
  const uint8_t* s = src + (flip ? w - 1 - lo + shift : lo + shift) * ch;
  const int64_t step = flip ? -ch : ch;
  for (int64_t x = lo; x < hi; ++x, s += step)
    for (int c = 0; c < ch; ++c) out[c][x] = lut[c * 256 + s[c]];
}

}  // namespace

void writeNormalizedImage(const cv::Mat& img, const std::vector<float>& lut, const AugmentPlan* plan, size_t k,
                          float* out) {
  const int h = img.rows, w = img.cols, ch = img.channels();
  const int64_t pad = plan ? plan->pad : 0;
  const int64_t dy = plan ? plan->dy[k] : 0, shift = plan ? plan->dx[k] - pad : 0;
  const bool flip = plan && plan->flip[k] != 0;
  std::vector<float*> rows(static_cast<size_t>(ch));
  for (int y = 0; y < h; ++y) {
    for (int c = 0; c < ch; ++c) rows[static_cast<size_t>(c)] = out + (static_cast<size_t>(c) * h + y) * w;
    const int64_t sy = y + dy - pad;
    if (sy < 0 || sy >= h) {
      for (float* r : rows) std::fill(r, r + w, 0.0F);
      continue;
    }
    const uint8_t* src = img.ptr<uint8_t>(static_cast<int>(sy));
    if (ch == 3)
      writeRow<3>(src, w, ch, shift, flip, lut.data(), rows.data());
    else if (ch == 1)
      writeRow<1>(src, w, ch, shift, flip, lut.data(), rows.data());
    else
      writeRow<0>(src, w, ch, shift, flip, lut.data(), rows.data());
  }
}

}  // namespace ps
