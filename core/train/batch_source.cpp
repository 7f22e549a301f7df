#include "train/batch_source.h"

#include <torch/torch.h>
#include <algorithm>
#include <deque>
#include <memory>

#include "job/job.h"
#include "train/augment_plan.h"
#include "util/errors.h"
#include "util/worker_pool.h"

namespace ps {

namespace {
// Digit datasets (class names "0".."9") must not be flipped: a flipped 2 is not a 2.
bool looksLikeDigits(const std::vector<std::string>& names) {
  return std::all_of(names.begin(), names.end(),
                     [](const std::string& n) { return n.size() == 1 && n[0] >= '0' && n[0] <= '9'; });
}

// Examples per worker task: small enough to share a batch among the workers.
size_t chunkFor(size_t items, int workers) {
  return std::max<size_t>(1, items / (4 * static_cast<size_t>(std::max(1, workers))));
}

std::vector<int64_t> slice(const std::vector<int64_t>& v, size_t begin, size_t count) {
  const size_t end = std::min(v.size(), begin + count);
  return std::vector<int64_t>(v.begin() + static_cast<std::ptrdiff_t>(begin),
                              v.begin() + static_cast<std::ptrdiff_t>(end));
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
  if (static_cast<size_t>(n) * shape_.bytes() <= memoryBudgetBytes) readAll(ctx);
  setNormalization(normalizeLike);
  // Held on the GPU, a batch is gathered, normalised and augmented there.
  if (images_.defined() && device_.is_cuda()) images_ = images_.to(device_);
}

void BatchSource::readAll(JobContext* ctx) {
  const int64_t n = size();
  images_ = torch::empty({n, shape_.height, shape_.width, shape_.channels}, torch::kUInt8);
  uint8_t* out = images_.data_ptr<uint8_t>();
  const size_t bytes = shape_.bytes(), perTask = 64, perWait = 1024;  // a cancel is seen between waits
  WorkerPool pool;
  for (size_t s = 0; s < indices_.size(); s += perWait) {
    if (ctx) ctx->throwIfCancelled();
    const std::vector<int64_t> part = slice(indices_, s, perWait);
    const size_t tasks = (part.size() + perTask - 1) / perTask;
    pool.submit(tasks, 1,
                [&, s](size_t t) {
                  const std::vector<int64_t> idx = slice(part, t * perTask, perTask);
                  ds_.readImages(split_, idx, out + (s + t * perTask) * bytes);
                })
        ->wait();
  }
}

void BatchSource::setNormalization(const BatchSource* like) {
  if (like) {
    mean_ = like->mean_;
    std_ = like->std_;
    meanT_ = like->meanT_;
    stdT_ = like->stdT_;
    lut_ = like->lut_;
    return;
  }
  // Per-channel mean/std from up to 10 000 evenly spaced examples (exact for small sets).
  const int64_t n = size(), sample = std::min<int64_t>(n, 10000);
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
  const auto mCpu = m.to(torch::kFloat32).view({1, -1, 1, 1}), sdCpu = sd.to(torch::kFloat32).view({1, -1, 1, 1});
  lut_ = normalizationTable(mCpu, sdCpu);
  meanT_ = mCpu.to(device_);
  stdT_ = sdCpu.to(device_);
}

torch::Tensor BatchSource::rawBatch(const std::vector<int64_t>& positions) const {
  const auto b = static_cast<int64_t>(positions.size());
  if (images_.defined()) {
    auto idx = torch::from_blob(const_cast<int64_t*>(positions.data()), {b}, torch::kInt64);
    return images_.index_select(0, idx.to(images_.device()));
  }
  auto out = torch::empty({b, shape_.height, shape_.width, shape_.channels}, torch::kUInt8);
  uint8_t* dst = out.data_ptr<uint8_t>();
  WorkerPool pool(workers_);
  pool.submit(positions.size(), chunkFor(positions.size(), pool.workers()),
              [&](size_t k) {
                ds_.readImages(split_, {indices_[static_cast<size_t>(positions[k])]}, dst + k * shape_.bytes());
              })
      ->wait();
  return out;
}

torch::Tensor BatchSource::batch(const std::vector<int64_t>& positions) const {
  auto x = rawBatch(positions).to(device_, /*non_blocking=*/true).permute({0, 3, 1, 2}).to(torch::kFloat32);
  return x.div_(255.0).sub_(meanT_).div_(stdT_).contiguous();
}

torch::Tensor BatchSource::augment(const torch::Tensor& x, bool flip, std::mt19937_64& rng) const {
  return applyAugmentPlan(x, drawAugmentPlan(x.size(0), x.size(2), x.size(3), flip, rng));
}

void BatchSource::forEachBatch(const std::vector<int64_t>& order, int batchSize, const BatchFn& fn,
                               const BatchAugmentation& augmentation) const {
  if (batchSize <= 0) throw ConfigError("batch size " + std::to_string(batchSize) + " must be positive");
  if (!inMemory()) {
    streamBatches(order, batchSize, fn, augmentation);
    return;
  }
  for (size_t s = 0; s < order.size(); s += static_cast<size_t>(batchSize)) {
    const std::vector<int64_t> pos = slice(order, s, static_cast<size_t>(batchSize));
    torch::Tensor x = batch(pos);
    if (augmentation.rng) x = augment(x, augmentation.flip, *augmentation.rng);
    fn(pos, x);
  }
}

namespace {

// A batch being decoded by the workers.
struct PendingBatch {
  std::vector<int64_t> positions;
  torch::Tensor out;  // float B×C×H×W, pinned when the device is a GPU
  std::shared_ptr<TaskGroup> group;
};

// What the workers read of a BatchSource.
struct StreamInputs {
  const Dataset& ds;
  Split split;
  const std::vector<int64_t>& indices;
  ImageShape shape;
  const std::vector<float>& lut;
  c10::Device device;
};

// Batches of `order` decoded and augmented by a pool of workers, up to `depth` ahead.
// The destructor stops the workers' remaining items and joins them (the pool is the
// last member, so it goes first) before the batches they write into are freed.
class BatchStream {
 public:
  BatchStream(const StreamInputs& in, const std::vector<int64_t>& order, int batchSize,
              const BatchAugmentation& augmentation, int workers)
      : in_(in), order_(order), step_(static_cast<size_t>(batchSize)), augmentation_(augmentation), pool_(workers) {
    while (next_ < order_.size() && pending_.size() < depth) submit();
  }
  ~BatchStream() {
    for (PendingBatch& p : pending_) p.group->cancel();
  }
  BatchStream(const BatchStream&) = delete;
  BatchStream& operator=(const BatchStream&) = delete;

  bool done() const { return pending_.empty(); }
  // The next batch in order, once complete (a worker's error is rethrown here).
  PendingBatch take() {
    pending_.front().group->wait();
    PendingBatch p = std::move(pending_.front());
    pending_.pop_front();
    if (next_ < order_.size()) submit();
    return p;
  }
  // A batch's memory no one holds any more, for a later batch (saves the page faults
  // of fresh memory; on the GPU path the caching pinned allocator does this).
  void recycle(torch::Tensor out) {
    if (!in_.device.is_cuda() && out.use_count() == 1 && out.storage().use_count() == 1)
      spare_.push_back(std::move(out));
  }

 private:
  static constexpr size_t depth = 3;
  void submit();

  StreamInputs in_;
  const std::vector<int64_t>& order_;
  size_t step_, next_ = 0;
  BatchAugmentation augmentation_;
  std::vector<torch::Tensor> spare_;
  std::deque<PendingBatch> pending_;
  WorkerPool pool_;
};

void BatchStream::submit() {
  PendingBatch p;
  p.positions = slice(order_, next_, step_);
  next_ += step_;
  const auto b = static_cast<int64_t>(p.positions.size());
  const ImageShape s = in_.shape;
  std::shared_ptr<const AugmentPlan> plan;
  if (augmentation_.rng)
    plan = std::make_shared<AugmentPlan>(drawAugmentPlan(b, s.height, s.width, augmentation_.flip, *augmentation_.rng));
  if (!spare_.empty() && spare_.back().size(0) == b) {
    p.out = std::move(spare_.back());
    spare_.pop_back();
  } else {
    p.out = torch::empty({b, s.channels, s.height, s.width},
                         torch::TensorOptions().dtype(torch::kFloat32).pinned_memory(in_.device.is_cuda()));
  }
  auto idx = std::make_shared<std::vector<int64_t>>(p.positions);
  for (int64_t& i : *idx) i = in_.indices[static_cast<size_t>(i)];
  float* out = p.out.data_ptr<float>();
  const size_t floats = s.bytes();
  p.group =
      pool_.submit(idx->size(), chunkFor(idx->size(), pool_.workers()), [in = in_, idx, plan, out, floats](size_t k) {
        const auto i = static_cast<size_t>((*idx)[k]);
        const cv::Mat m = in.ds.image(in.split, i);
        const ImageShape& want = in.shape;
        if (m.rows != want.height || m.cols != want.width || m.channels() != want.channels || m.depth() != CV_8U)
          throw DatasetError(in.ds.source(in.split, i) + ": decoded to " + std::to_string(m.rows) + "x" +
                             std::to_string(m.cols) + "x" + std::to_string(m.channels()) + ", expected " + want.str());
        writeNormalizedImage(m, in.lut, plan.get(), k, out + k * floats);
      });
  pending_.push_back(std::move(p));
}

}  // namespace

void BatchSource::streamBatches(const std::vector<int64_t>& order, int batchSize, const BatchFn& fn,
                                const BatchAugmentation& augmentation) const {
  BatchStream stream({ds_, split_, indices_, shape_, lut_, device_}, order, batchSize, augmentation, workers_);
  while (!stream.done()) {
    PendingBatch p = stream.take();
    {
      const torch::Tensor x = device_.is_cuda() ? p.out.to(device_, /*non_blocking=*/true) : p.out;
      fn(p.positions, x);
    }
    stream.recycle(std::move(p.out));
  }
}

}  // namespace ps
