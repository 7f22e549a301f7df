#pragma once
// Turns dataset examples into normalised float batches (B × C × H × W) on the device.
// Pixels are held in memory as one uint8 tensor when they fit the budget (on the device
// itself when it is a GPU; crop and flip then run there too), otherwise decoded per batch
// by a pool of worker threads (util/worker_pool.h) a few batches ahead, each image
// normalised, cropped and flipped on its worker straight into the batch (pinned memory
// when the device is a GPU, copied without blocking). Batches come in order and, for a
// seed, are the same whatever the number of workers and whether streamed or in memory:
// the augmentation's random draws are made in batch order on the caller's thread
// (train/augment_plan.h). A worker's error (a file that no longer decodes) is rethrown
// on the caller's thread; an exception from the caller's function stops the workers, and
// none outlives the call.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <functional>
#include <random>
#include <vector>

#include "data/dataset.h"

namespace ps {

class JobContext;

// Augmentation asked of forEachBatch: none when rng is null.
struct BatchAugmentation {
  std::mt19937_64* rng = nullptr;
  bool flip = false;
};

class BatchSource {
 public:
  // `indices` are the examples of `split` used (a subset, or all). Normalisation uses
  // the per-channel mean/std of those pixels (sampled here), or, when `normalizeLike` is
  // given, that source's (test data with the training subset's statistics).
  // Files are decoded by defaultWorkerCount() workers (util/worker_pool.h).
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
  // Batch `x` with a random crop (padding = size/8) and, when `flip`, horizontal flip,
  // drawn from rng.
  at::Tensor augment(const at::Tensor& x, bool flip, std::mt19937_64& rng) const;

  // Iterates over positions in batches, in order, augmented as `augmentation` asks
  // (the same batches as batch() then augment() with that rng).
  using BatchFn = std::function<void(const std::vector<int64_t>&, const at::Tensor&)>;
  void forEachBatch(const std::vector<int64_t>& order, int batchSize, const BatchFn& fn,
                    const BatchAugmentation& augmentation = {}) const;

  // Worker threads decoding files in forEachBatch (0 = defaultWorkerCount()).
  void setWorkers(int workers) { workers_ = workers; }

 private:
  at::Tensor rawBatch(const std::vector<int64_t>& positions) const;  // uint8 B×H×W×C on images_' device
  void readAll(JobContext* ctx);                                     // fills images_ (CPU), in parallel
  void setNormalization(const BatchSource* like);
  void streamBatches(const std::vector<int64_t>& order, int batchSize, const BatchFn& fn,
                     const BatchAugmentation& augmentation) const;

  const Dataset& ds_;
  Split split_;
  std::vector<int64_t> indices_;
  c10::Device device_;
  ImageShape shape_;
  at::Tensor images_;  // uint8 N×H×W×C, when in memory (on the device)
  at::Tensor labels_;
  at::Tensor meanT_, stdT_;
  std::vector<double> mean_, std_;
  std::vector<float> lut_;  // pixel value → normalised float, per channel (train/augment_plan.h)
  bool flipAllowed_ = true;
  int workers_ = 0;
};

}  // namespace ps
