#include "train/trainer.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <sstream>

#include "model/classifier.h"
#include "train/batch_source.h"
#include "util/errors.h"

namespace ps {

std::vector<uint8_t> tensorsToBytes(const std::vector<torch::Tensor>& tensors) {
  std::vector<torch::Tensor> cpu;
  for (const auto& t : tensors) cpu.push_back(t.detach().cpu().clone());
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

// Model, optimiser and hook state after `epoch` epochs, under key + "/train".
void saveCheckpoint(Classifier& model, CheckpointSink& sink, const std::string& key, int epoch, torch::optim::SGD& opt,
                    const std::vector<TrainHook*>& hooks, const TrainingCurve& curve) {
  std::vector<torch::Tensor> state = model.parameters();
  for (const auto& b : model.buffers()) state.push_back(b);
  std::ostringstream optOut;
  torch::serialize::OutputArchive archive;
  opt.save(archive);
  archive.save_to(optOut);
  ByteWriter w;
  w.pod<int32_t>(epoch).vec(tensorsToBytes(state)).str(optOut.str()).str(curve.toJson());
  for (TrainHook* h : hooks) h->save(w);
  sink.save(key + "/train", w.bytes());
}

// Restores what saveCheckpoint wrote; returns the epochs done (0 when there is none).
int loadCheckpoint(Classifier& model, const torch::Device& device, CheckpointSink& sink, const std::string& key,
                   torch::optim::SGD& opt, const std::vector<TrainHook*>& hooks, TrainingCurve& curve) {
  const auto saved = sink.load(key + "/train");
  if (!saved) return 0;
  ByteReader r(*saved);
  const int epoch = r.pod<int32_t>();
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
  return epoch;
}

}  // namespace

void Trainer::run(JobContext& ctx, const std::vector<TrainHook*>& hooks, const std::string& checkpointKey,
                  const std::function<void(double, const std::string&)>& progress) {
  model_.to(device_);
  std::vector<torch::Tensor> params;
  for (auto& p : model_.parameters())
    if (p.requires_grad()) params.push_back(p);
  torch::optim::SGD opt(
      params, torch::optim::SGDOptions(config_.lr).momentum(config_.momentum).weight_decay(config_.weightDecay));
  const int64_t n = data_.size();
  const int64_t batchesPerEpoch = (n + config_.batchSize - 1) / config_.batchSize;
  const int64_t totalSteps = batchesPerEpoch * config_.epochs;
  const bool flip = config_.flip == Flip::On || (config_.flip == Flip::Auto && data_.flipAllowed());

  // Passes over the data for hooks count as work too: weight them like an epoch of
  // inference (about a third of a training epoch).
  int passes = 0;
  for (TrainHook* h : hooks) passes += static_cast<int>(h->passEpochs().size());
  const double totalWork = config_.epochs + passes / 3.0;
  double workDone = 0;
  auto report = [&](double within, double weight, const std::string& msg) {
    if (progress) progress(std::min(1.0, (workDone + within * weight) / totalWork), msg);
  };

  EpochServices services(model_, data_, device_, 512, ctx,
                         [&](double f, const std::string& what) { report(f, 1.0 / 3.0, what); });
  auto epochEnd = [&](int completed) {
    services.invalidate();
    services.completedEpochs = completed;
    int before = 0;
    for (TrainHook* h : hooks) {
      const auto e = h->passEpochs();
      before += static_cast<int>(std::count(e.begin(), e.end(), completed));
    }
    for (TrainHook* h : hooks) h->onEpochEnd(completed, services);
    services.invalidate();
    workDone += before / 3.0;
  };

  int start = 0;
  curve_ = {};
  if (ctx.checkpoints()) start = loadCheckpoint(model_, device_, *ctx.checkpoints(), checkpointKey, opt, hooks, curve_);
  if (start == 0) {
    epochEnd(0);
  } else {
    ctx.log("resumed from the checkpoint after epoch " + std::to_string(start));
    for (int e = 0; e <= start; ++e)
      for (TrainHook* h : hooks) {
        const auto pe = h->passEpochs();
        workDone += static_cast<double>(std::count(pe.begin(), pe.end(), e)) / 3.0;
      }
    workDone += start;
  }

  struct StopTraining {};  // onStep_ asked to end training here
  try {
    for (int epoch = start; epoch < config_.epochs; ++epoch) {
      std::mt19937_64 rng(config_.seed * 1000003ULL + static_cast<uint64_t>(epoch) * 7919ULL + 17ULL);
      std::vector<int64_t> order(static_cast<size_t>(n));
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), rng);
      model_.setTraining(true);
      int64_t b = 0;
      double lr = 0;
      std::optional<EpochTally> tally;
      const auto epochStart = std::chrono::steady_clock::now();
      auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count();
      };
      const std::string msg = "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(config_.epochs);
      data_.forEachBatch(order, config_.batchSize, [&](const std::vector<int64_t>& pos, const torch::Tensor& clean) {
        ctx.throwIfCancelled();
        const int64_t step = epoch * batchesPerEpoch + b;
        lr = stepLr_ ? stepLr_(step) : learningRate(step, totalSteps);
        for (auto& group : opt.param_groups()) static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
        const auto x = config_.augment ? data_.augment(clean, flip, rng) : clean;
        auto idx =
            torch::from_blob(const_cast<int64_t*>(pos.data()), {static_cast<int64_t>(pos.size())}, torch::kInt64);
        const auto yCpu = data_.labels().index_select(0, idx);
        const auto y = yCpu.to(device_);
        torch::Tensor logits, loss;
        withAutocast(config_.mixedPrecision, device_, [&] {
          logits = model_.forward(x);
          loss = torch::nn::functional::cross_entropy(logits, y);
          opt.zero_grad();
          loss.backward();
        });
        const auto cpuLogits = logits.detach().to(torch::kCPU, torch::kFloat32);
        if (!tally) tally.emplace(cpuLogits.size(1));
        const double lossValue = loss.detach().item<double>();
        const auto pred = cpuLogits.argmax(1).contiguous();
        tally->addBatch(lossValue, yCpu.size(0), yCpu.data_ptr<int64_t>(), pred.data_ptr<int64_t>());
        if (onStep_ && !onStep_(step, lossValue)) throw StopTraining{};
        if (!std::isfinite(lossValue)) {
          EpochHealth h = tally->finish(epoch + 1, lr, seconds());
          h.loss = lossValue;
          curve_.epochs.push_back(h);
          if (listener_) listener_(curve_);
          throw TrainingError(divergedMessage(epoch + 1, b + 1, lossValue, config_.lr));
        }
        if (config_.gradClip > 0) torch::nn::utils::clip_grad_norm_(params, config_.gradClip);
        opt.step();
        const BatchObservation obs{epoch, pos, cpuLogits, yCpu};
        for (TrainHook* h : hooks) h->onBatch(obs);
        ++b;
        report(static_cast<double>(b) / static_cast<double>(batchesPerEpoch), 1.0, msg);
      });
      workDone += 1;
      epochEnd(epoch + 1);
      curve_.epochs.push_back(tally ? tally->finish(epoch + 1, lr, seconds()) : EpochHealth{});
      curve_.epochs.back().epoch = epoch + 1;
      if (listener_) listener_(curve_);
      if (config_.healthChecks && std::count(learnChecks_.begin(), learnChecks_.end(), epoch + 1))
        checkLearned(curve_.epochs.back(), config_.lr);
      if (ctx.checkpoints()) saveCheckpoint(model_, *ctx.checkpoints(), checkpointKey, epoch + 1, opt, hooks, curve_);
    }
  } catch (const StopTraining&) {
  }
  model_.setTraining(false);
}

}  // namespace ps
