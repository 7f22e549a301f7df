#include "train/trainer.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <sstream>

#include "model/classifier.h"
#include "model/model_factory.h"
#include "train/augment_plan.h"
#include "train/batch_source.h"
#include "util/errors.h"

namespace ps {

std::vector<uint8_t> tensorsToBytes(const std::vector<torch::Tensor>& tensors) {
  std::vector<torch::Tensor> cpu;
  cpu.reserve(tensors.size());
  // Stored contiguous whatever the layout in training (channels-last on a GPU).
  for (const auto& t : tensors) cpu.push_back(t.detach().cpu().clone(torch::MemoryFormat::Contiguous));
  std::ostringstream out;
  torch::save(cpu, out);
  const std::string s = out.str();
  return std::vector<uint8_t>(s.begin(), s.end());
}

std::vector<torch::Tensor> tensorsFromBytes(const std::vector<uint8_t>& bytes) {
  std::istringstream in(std::string(bytes.begin(), bytes.end()));
  std::vector<torch::Tensor> out;
  torch::load(out, in);
  return out;
}

void withAutocast(bool enabled, const torch::Device& device, const std::function<void()>& fn) {
  if (!enabled || !device.is_cuda()) {
    fn();
    return;
  }
#if defined(TORCH_VERSION_MAJOR) && (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))
  at::autocast::set_autocast_enabled(at::kCUDA, true);
  at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
  try {
    fn();
  } catch (...) {
    at::autocast::set_autocast_enabled(at::kCUDA, false);
    throw;
  }
  at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
  at::autocast::set_enabled(true);
  at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
  try {
    fn();
  } catch (...) {
    at::autocast::set_enabled(false);
    throw;
  }
  at::autocast::set_enabled(false);
#endif
  at::autocast::clear_cache();
}

Trainer::Trainer(Classifier& model, const BatchSource& data, const TrainConfig& config, torch::Device device)
    : model_(model), data_(data), config_(config), device_(device), learnChecks_{config.epochs} {
  config_.validate();
}

double Trainer::learningRate(int64_t step, int64_t totalSteps) const {
  const double t = totalSteps > 0 ? static_cast<double>(step) / static_cast<double>(totalSteps) : 0.0;
  // Linear warm-up: step s of the first w steps runs at (s + 1) / w of the schedule.
  const auto warmSteps = static_cast<int64_t>(std::llround(config_.warmup * static_cast<double>(totalSteps)));
  const double warm = step < warmSteps ? static_cast<double>(step + 1) / static_cast<double>(warmSteps) : 1.0;
  switch (config_.schedule) {
    case Schedule::Cosine: return warm * config_.lr * 0.5 * (1.0 + std::cos(M_PI * t));
    case Schedule::Step: return warm * config_.lr * (t < 0.5 ? 1.0 : t < 0.75 ? 0.1 : 0.01);
    case Schedule::Constant: break;
  }
  return warm * config_.lr;
}

namespace {

// Model, optimiser, training curve and hook state.
void writeState(ByteWriter& w, Classifier& model, torch::optim::SGD& opt, const std::vector<TrainHook*>& hooks,
                const TrainingCurve& curve) {
  std::vector<torch::Tensor> state = model.parameters();
  for (const auto& b : model.buffers()) state.push_back(b);
  std::ostringstream optOut;
  torch::serialize::OutputArchive archive;
  opt.save(archive);
  archive.save_to(optOut);
  w.vec(tensorsToBytes(state)).str(optOut.str()).str(curve.toJson());
  for (TrainHook* h : hooks) h->save(w);
}

void readState(ByteReader& r, Classifier& model, const torch::Device& device, const std::string& key,
               torch::optim::SGD& opt, const std::vector<TrainHook*>& hooks, TrainingCurve& curve) {
  const auto state = tensorsFromBytes(r.vec<uint8_t>());
  auto params = model.parameters();
  auto buffers = model.buffers();
  if (state.size() != params.size() + buffers.size())
    throw StoreError("checkpoint " + key + " does not match the model (" + std::to_string(state.size()) +
                     " tensors, expected " + std::to_string(params.size() + buffers.size()) + ")");
  {
    torch::NoGradGuard guard;
    for (size_t i = 0; i < params.size(); ++i) params[i].copy_(state[i]);
    for (size_t i = 0; i < buffers.size(); ++i) buffers[i].copy_(state[params.size() + i]);
  }
  std::istringstream optIn(r.str());
  torch::serialize::InputArchive archive;
  archive.load_from(optIn, device);
  opt.load(archive);
  curve = TrainingCurve::fromJson(r.str(), "checkpoint " + key + "'s training curve");
  for (TrainHook* h : hooks) h->load(r);
}

// After `epoch` whole epochs, under key + "/train".
void saveCheckpoint(Classifier& model, CheckpointSink& sink, const std::string& key, int epoch, torch::optim::SGD& opt,
                    const std::vector<TrainHook*>& hooks, const TrainingCurve& curve) {
  ByteWriter w;
  w.pod<int32_t>(epoch);
  writeState(w, model, opt, hooks, curve);
  sink.save(key + "/train", w.bytes());
}

// Restores what saveCheckpoint wrote; returns the epochs done (0 when there is none).
int loadCheckpoint(Classifier& model, const torch::Device& device, CheckpointSink& sink, const std::string& key,
                   torch::optim::SGD& opt, const std::vector<TrainHook*>& hooks, TrainingCurve& curve) {
  const auto saved = sink.load(key + "/train");
  if (!saved) return 0;
  ByteReader r(*saved);
  const int epoch = r.pod<int32_t>();
  readState(r, model, device, key, opt, hooks, curve);
  return epoch;
}

}  // namespace

// Within an epoch: `batch` batches of epoch `epoch` (0-based) done, in `seconds`, with
// the epoch's tally so far. Saved under key + "/step" every checkpointEvery() of work.
struct Trainer::EpochPosition {
  int epoch = 0;
  int64_t batch = 0;
  double seconds = 0;
  std::optional<EpochTally> tally;
};

namespace {

void saveStepCheckpoint(Classifier& model, CheckpointSink& sink, const std::string& key,
                        const Trainer::EpochPosition& p, torch::optim::SGD& opt, const std::vector<TrainHook*>& hooks,
                        const TrainingCurve& curve) {
  ByteWriter w;
  w.pod<int32_t>(p.epoch).pod<int64_t>(p.batch).pod<double>(p.seconds);
  p.tally->save(w);
  writeState(w, model, opt, hooks, curve);
  sink.save(key + "/step", w.bytes());
}

}  // namespace

// What one call of run() shares between its epochs and steps.
struct Trainer::Run {
  Run(JobContext& c, const std::vector<TrainHook*>& h, std::vector<torch::Tensor> trainable, const TrainConfig& config,
      int64_t examples, int trainedEpochs, std::function<void(double, const std::string&)> progressFn)
      : ctx(c),
        hooks(h),
        params(std::move(trainable)),
        opt(params, torch::optim::SGDOptions(config.lr).momentum(config.momentum).weight_decay(config.weightDecay)),
        batchesPerEpoch((examples + config.batchSize - 1) / config.batchSize),
        totalSteps(batchesPerEpoch * config.epochs),
        progress(std::move(progressFn)) {
    // Passes over the data for hooks count as work too: weight them like an epoch of
    // inference (about a third of a training epoch).
    int passes = 0;
    for (TrainHook* hook : hooks) passes += static_cast<int>(hook->passEpochs().size());
    totalWork = trainedEpochs + passes / 3.0;
  }
  void report(double within, double weight, const std::string& msg) const {
    if (progress) progress(std::min(1.0, (workDone + within * weight) / totalWork), msg);
  }
  // The hooks' passes over the data after `epoch` epochs.
  int passesAfter(int epoch) const {
    int count = 0;
    for (TrainHook* hook : hooks) {
      const auto e = hook->passEpochs();
      count += static_cast<int>(std::count(e.begin(), e.end(), epoch));
    }
    return count;
  }

  JobContext& ctx;
  const std::vector<TrainHook*>& hooks;
  std::vector<torch::Tensor> params;
  torch::optim::SGD opt;
  int64_t batchesPerEpoch, totalSteps;
  bool flip = false;
  double totalWork = 1, workDone = 0;
  std::string checkpointKey;
  std::chrono::steady_clock::time_point lastSave = std::chrono::steady_clock::now();
  std::function<void(double, const std::string&)> progress;
};

// The within-epoch checkpoint when it is newer than the last whole epoch (`epochsDone`):
// its state restored and its position returned; else batch 0 of that epoch.
Trainer::EpochPosition Trainer::loadStepCheckpoint(Run& r, CheckpointSink& sink, const std::string& key,
                                                   int epochsDone) {
  EpochPosition p;
  p.epoch = epochsDone;
  const auto saved = sink.load(key + "/step");
  if (!saved) return p;
  ByteReader in(*saved);
  const int epoch = in.pod<int32_t>();
  if (epoch < epochsDone) return p;  // from an epoch since finished
  const auto batch = in.pod<int64_t>();
  const auto seconds = in.pod<double>();
  const int64_t batchesPerEpoch = r.batchesPerEpoch;
  if (epoch >= config_.epochs || batch <= 0 || batch >= batchesPerEpoch || !std::isfinite(seconds) || seconds < 0)
    throw CheckpointError("checkpoint " + key + " is damaged: epoch " + std::to_string(epoch) + ", batch " +
                          std::to_string(batch) + " does not fit " + std::to_string(config_.epochs) + " epochs of " +
                          std::to_string(batchesPerEpoch) + " batches");
  p.tally = EpochTally::load(in);
  readState(in, model_, device_, key, r.opt, r.hooks, curve_);
  p.epoch = epoch;
  p.batch = batch;
  p.seconds = seconds;
  return p;
}

namespace {
struct StopTraining {};  // onStep_ asked to end training here
}  // namespace

bool useChannelsLast(const Classifier& model, const torch::Device& device, const TrainConfig& config) {
  return device.is_cuda() && config.mixedPrecision && model.prefersChannelsLast();
}

namespace {

// Puts the model back in the default layout when a channels-last run ends or fails, so
// callers see the model as they gave it.
struct LayoutRestore {
  Classifier& model;
  bool on;
  ~LayoutRestore() {
    try {
      if (on) setConvLayout(model, false);
    } catch (...) {  // out of memory after a failure: the weights stay valid, only their layout differs
    }
  }
};

}  // namespace

void Trainer::run(JobContext& ctx, const std::vector<TrainHook*>& hooks, const std::string& checkpointKey,
                  const std::function<void(double, const std::string&)>& progress) {
  model_.to(device_);
  // Channels-last for the run's steps and the hooks' passes, before the optimiser is
  // built (its momentum buffers take the weights' layout); the default layout again
  // once the run ends or fails.
  const bool channelsLast = useChannelsLast(model_, device_, config_);
  if (channelsLast) setConvLayout(model_, true);
  const LayoutRestore restore{model_, channelsLast};
  channelsLast_ = channelsLast;
  std::vector<torch::Tensor> trainable;
  for (auto& p : model_.parameters())
    if (p.requires_grad()) trainable.push_back(p);
  Run r(ctx, hooks, std::move(trainable), config_, data_.size(), epochsTrained(), progress);
  r.flip = config_.flip == Flip::On || (config_.flip == Flip::Auto && data_.flipAllowed());

  EpochServices services(model_, data_, device_, 512, ctx,
                         [&](double f, const std::string& what) { r.report(f, 1.0 / 3.0, what); });
  const std::function<void(int)> epochEnd = [&](int completed) {
    services.invalidate();
    services.completedEpochs = completed;
    const int before = r.passesAfter(completed);
    for (TrainHook* h : hooks) h->onEpochEnd(completed, services);
    services.invalidate();
    r.workDone += before / 3.0;
  };

  curve_ = {};
  r.checkpointKey = checkpointKey;
  EpochPosition from = resume(r, epochEnd);
  try {
    trainEpochs(r, from, epochEnd);
  } catch (const StopTraining&) {
  } catch (const c10::OutOfMemoryError&) {
    // Said in the user's terms; the checkpoint of the last finished epoch stays stored.
    throw TrainingError(std::string(device_.is_cuda() ? "GPU out of memory" : "out of memory") + " at batch size " +
                        std::to_string(config_.batchSize) + " on " + deviceName(device_) + ": lower --batch-size");
  }
  model_.setTraining(false);
}

Trainer::EpochPosition Trainer::resume(Run& r, const std::function<void(int)>& epochEnd) {
  EpochPosition from;
  if (r.ctx.checkpoints()) {
    const int epochsDone =
        loadCheckpoint(model_, device_, *r.ctx.checkpoints(), r.checkpointKey, r.opt, r.hooks, curve_);
    from = loadStepCheckpoint(r, *r.ctx.checkpoints(), r.checkpointKey, epochsDone);
  }
  const int start = from.epoch;
  if (start == 0 && from.batch == 0) {
    epochEnd(0);
  } else {
    r.ctx.log("resumed from the checkpoint after epoch " + std::to_string(start) +
              (from.batch > 0 ? ", batch " + std::to_string(from.batch) : std::string()));
    for (int e = 0; e <= start; ++e) r.workDone += r.passesAfter(e) / 3.0;
    r.workDone += start;
  }
  return from;
}

void Trainer::trainEpochs(Run& r, const EpochPosition& from, const std::function<void(int)>& epochEnd) {
  const int start = from.epoch;
  for (int epoch = start; epoch < epochsTrained(); ++epoch) {
    curve_.epochs.push_back(trainEpoch(
        r, epoch,
        [&] {
          r.workDone += 1;
          epochEnd(epoch + 1);
        },
        epoch == start && from.batch > 0 ? &from : nullptr));
    curve_.epochs.back().epoch = epoch + 1;
    if (listener_) listener_(curve_);
    if (config_.healthChecks && std::count(learnChecks_.begin(), learnChecks_.end(), epoch + 1))
      checkLearned(curve_.epochs.back(), config_.lr);
    if (r.ctx.checkpoints()) {
      saveCheckpoint(model_, *r.ctx.checkpoints(), r.checkpointKey, epoch + 1, r.opt, r.hooks, curve_);
      r.lastSave = std::chrono::steady_clock::now();
    }
  }
}

// One epoch while it trains: its batches done, learning rate, tally and time so far.
struct Trainer::EpochState {
  int epoch = 0;
  int64_t batch = 0;
  double lr = 0, secondsBefore = 0;  // secondsBefore: the time of batches done before a resume
  std::optional<EpochTally> tally;
  std::chrono::steady_clock::time_point start;
  std::string msg;  // what the progress says
  double seconds() const {
    return secondsBefore + std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
};

EpochHealth Trainer::trainEpoch(Run& r, int epoch, const std::function<void()>& afterBatches,
                                const EpochPosition* from) {
  std::mt19937_64 rng(config_.seed * 1000003ULL + static_cast<uint64_t>(epoch) * 7919ULL + 17ULL);
  std::vector<int64_t> order(static_cast<size_t>(data_.size()));
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  model_.setTraining(true);
  EpochState st;
  st.epoch = epoch;
  if (from) {  // resumed within this epoch: its first batches are done
    st.batch = from->batch;
    st.tally = from->tally;
    st.secondsBefore = from->seconds;
    // the augmentation draws those batches made, so the rest draw what they would have
    if (config_.augment)
      for (int64_t i = 0; i < st.batch; ++i)
        drawAugmentPlan(config_.batchSize, data_.shape().height, data_.shape().width, r.flip, rng);
    order.erase(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(st.batch * config_.batchSize));
  }
  st.start = std::chrono::steady_clock::now();
  st.msg = "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(epochsTrained()) +
           (epochsTrained() < config_.epochs ? " (of a " + std::to_string(config_.epochs) + "-epoch schedule)"
                                             : std::string());
  // Augmented as drawn from rng in batch order (the data source's workers apply it).
  BatchAugmentation augmentation;
  if (config_.augment) augmentation = {&rng, r.flip};
  data_.forEachBatch(
      order, config_.batchSize,
      [&](const std::vector<int64_t>& pos, const torch::Tensor& x) { trainBatch(r, st, pos, x); }, augmentation);
  afterBatches();  // the hooks' passes; the epoch's time includes them
  return st.tally ? st.tally->finish(epoch + 1, st.lr, st.seconds()) : EpochHealth{};
}

void Trainer::trainBatch(Run& r, EpochState& st, const std::vector<int64_t>& pos, const torch::Tensor& x) {
  r.ctx.throwIfCancelled();
  const int epoch = st.epoch;
  const int64_t step = epoch * r.batchesPerEpoch + st.batch;
  st.lr = stepLr_ ? stepLr_(step) : learningRate(step, r.totalSteps);
  for (auto& group : r.opt.param_groups()) static_cast<torch::optim::SGDOptions&>(group.options()).lr(st.lr);
  const StepResult s = trainStep(r, x, pos);
  if (!st.tally) st.tally.emplace(s.logits.size(1));
  if (st.tally->classes() != s.logits.size(1))
    throw CheckpointError("checkpoint " + r.checkpointKey + " does not match the model (" +
                          std::to_string(st.tally->classes()) + " classes, the model has " +
                          std::to_string(s.logits.size(1)) + ")");
  st.tally->addBatch(s.loss, s.labels.size(0), s.labels.data_ptr<int64_t>(), s.predictions.data_ptr<int64_t>());
  if (onStep_ && !onStep_(step, s.loss)) throw StopTraining{};
  if (!std::isfinite(s.loss)) {
    EpochHealth h = st.tally->finish(epoch + 1, st.lr, st.seconds());
    h.loss = s.loss;
    curve_.epochs.push_back(h);
    if (listener_) listener_(curve_);
    throw TrainingError(divergedMessage(epoch + 1, st.batch + 1, s.loss, config_.lr));
  }
  if (config_.gradClip > 0) torch::nn::utils::clip_grad_norm_(r.params, config_.gradClip);
  r.opt.step();
  const BatchObservation obs{epoch, pos, s.logits, s.labels};
  for (TrainHook* h : r.hooks) h->onBatch(obs);
  ++st.batch;
  r.report(static_cast<double>(st.batch) / static_cast<double>(r.batchesPerEpoch), 1.0, st.msg);
  const auto now = std::chrono::steady_clock::now();
  if (r.ctx.checkpoints() && st.batch < r.batchesPerEpoch && now - r.lastSave >= r.ctx.checkpointEvery()) {
    const EpochPosition at{epoch, st.batch, st.seconds(), st.tally};
    saveStepCheckpoint(model_, *r.ctx.checkpoints(), r.checkpointKey, at, r.opt, r.hooks, curve_);
    r.lastSave = std::chrono::steady_clock::now();
  }
}

Trainer::StepResult Trainer::trainStep(Run& r, const torch::Tensor& x, const std::vector<int64_t>& pos) {
  auto idx = torch::from_blob(const_cast<int64_t*>(pos.data()), {static_cast<int64_t>(pos.size())}, torch::kInt64);
  StepResult s;
  s.labels = data_.labels().index_select(0, idx);
  const auto y = s.labels.to(device_);
  torch::Tensor logits, loss;
  withAutocast(config_.mixedPrecision, device_, [&] {
    logits = model_.forward(channelsLast_ ? x.contiguous(torch::MemoryFormat::ChannelsLast) : x);
    loss = torch::nn::functional::cross_entropy(logits, y);
    r.opt.zero_grad();
    loss.backward();
  });
  s.logits = logits.detach().to(torch::kCPU, torch::kFloat32);
  s.loss = loss.detach().item<double>();
  s.predictions = s.logits.argmax(1).contiguous();
  return s;
}

}  // namespace ps
