#pragma once
// Turns dataset examples into normalised float batches (B × C × H × W) on the device.
// Pixels are held in memory as one uint8 tensor when they fit the budget, otherwise
// read from the dataset per batch, with the next batch prefetched on another thread.
// Augmentation (random crop with zero padding, horizontal flip) runs on whole batches.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <future>
#include <random>
#include <vector>

#include "data/dataset.h"

namespace ps {

class JobContext;

class BatchSource {
 public:
  // `indices` are the examples of `split` used (a subset, or all). Normalisation uses
  // the per-channel mean/std of those pixels (sampled here), or, when `normalizeLike` is
  // given, that source's (test data with the training subset's statistics).
  BatchSource(const Dataset& ds, Split split, std::vector<int64_t> indices, c10::Device device,
              size_t memoryBudgetBytes, JobContext* ctx = nullptr, const BatchSource* normalizeLike = nullptr);

  int64_t size() const { return static_cast<int64_t>(indices_.size()); }
  const std::vector<int64_t>& indices() const { return indices_; }
  const at::Tensor& labels() const { return labels_; }  // int64, one per position, on CPU
  bool inMemory() const { return images_.defined(); }
  const ImageShape& shape() const { return shape_; }
  bool flipAllowed() const { return flipAllowed_; }  // false for digit datasets
  std::vector<double> mean() const { return mean_; }
  std::vector<double> stddev() const { return std_; }

  // The batch at the given positions (0..size-1), normalised, on the device.
  at::Tensor batch(const std::vector<int64_t>& positions) const;
  // Random crop (padding = size/8) and, when `flip`, horizontal flip, drawn from rng.
  at::Tensor augment(const at::Tensor& batch, bool flip, std::mt19937_64& rng) const;

  // Iterates over positions in batches, prefetching the next one on another thread.
  void forEachBatch(const std::vector<int64_t>& order, int batchSize,
                    const std::function<void(const std::vector<int64_t>&, const at::Tensor&)>& fn) const;

 private:
  at::Tensor rawBatch(const std::vector<int64_t>& positions) const;  // uint8 B×H×W×C on CPU

  const Dataset& ds_;
  Split split_;
  std::vector<int64_t> indices_;
  c10::Device device_;
  ImageShape shape_;
  at::Tensor images_;  // uint8 N×H×W×C, when in memory
  at::Tensor labels_;
  at::Tensor meanT_, stdT_;
  std::vector<double> mean_, std_;
  bool flipAllowed_ = true;
};

}  // namespace ps
