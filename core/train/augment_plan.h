#pragma once
// The batch augmentation (random crop with zero padding in normalised space, i.e. the
// per-channel mean, and an optional horizontal flip), split in two: the random draws,
// made in batch order on the caller's thread (so a seed gives the same augmentation
// whatever the number of workers), and their application, either with tensor ops on a
// whole normalised batch on any device (applyAugmentPlan) or per image, fused with
// normalisation, on a worker (writeNormalizedImage). Both give the same floats.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <random>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace ps {

struct AugmentPlan {
  int64_t pad = 0;              // padding on each side
  std::vector<int64_t> dy, dx;  // crop offsets in the padded image, 0..2·pad, per image
  std::vector<uint8_t> flip;    // 1 = flip image k horizontally
  size_t size() const { return dy.size(); }
};

// The padding used for an image of h×w: an eighth of the smaller side, at least 1
// (4 for 32×32, 3 for 28×28).
int64_t augmentPadding(int64_t h, int64_t w);

// Draws, for each of `batch` images in turn, the crop offsets (dy, then dx) and, when
// `flip`, a fair coin: the same draws, in the same order, as the augmentation always made.
AugmentPlan drawAugmentPlan(int64_t batch, int64_t h, int64_t w, bool flip, std::mt19937_64& rng);

// Applies `plan` to a normalised B×C×H×W batch `x` with tensor ops on its device.
at::Tensor applyAugmentPlan(const at::Tensor& x, const AugmentPlan& plan);

// Per-channel lookup from pixel value to normalised float: lut[c·256 + v], computed with
// the same tensor ops as a batch's normalisation ((v / 255 − mean) / std) so that both
// give the same floats. `mean` and `std` are float 1×C×1×1 on the CPU.
std::vector<float> normalizationTable(const at::Tensor& mean, const at::Tensor& std);

// Writes image `img` (H×W×C uint8, any row stride) normalised through `lut` into `out`
// (C×H×W floats), cropped and flipped as item `k` of `plan` when `plan` is given.
void writeNormalizedImage(const cv::Mat& img, const std::vector<float>& lut, const AugmentPlan* plan, size_t k,
                          float* out);

}  // namespace ps
