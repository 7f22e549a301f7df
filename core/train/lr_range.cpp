#include "train/lr_range.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>

#include "data/dataset.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "train/batch_source.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

void LrRangeConfig::validate() const {
  train.validate();
  if (limit < 0) throw ConfigError("limit " + std::to_string(limit) + " must be 0 (all) or positive");
  if (steps < 10 || steps > 100000) throw ConfigError("steps " + std::to_string(steps) + " must be in 10..100000");
  if (!(minLr > 0) || !std::isfinite(minLr) || !(maxLr > minLr) || !std::isfinite(maxLr)) {
    std::ostringstream s;
    s << "learning-rate range " << minLr << ".." << maxLr << ": expected 0 < minimum < maximum";
    throw ConfigError(s.str());
  }
}

double suggestLearningRate(const std::vector<double>& lrs, const std::vector<double>& smoothed) {
  const size_t n = std::min(lrs.size(), smoothed.size());
  if (n < 3) return n ? lrs[0] : 0.0;
  const size_t minAt = static_cast<size_t>(std::min_element(smoothed.begin(), smoothed.begin() + static_cast<std::ptrdiff_t>(n)) - smoothed.begin());
  // The first points are dominated by the moving average's start-up: skip a tenth.
  const size_t from = std::max<size_t>(1, n / 10);
  double best = 0;
  size_t at = std::min(minAt, n - 1);
  for (size_t i = from; i + 1 < n && i <= minAt; ++i) {
    const double slope = (smoothed[i + 1] - smoothed[i - 1]) / (std::log(lrs[i + 1]) - std::log(lrs[i - 1]));
    if (slope < best) {
      best = slope;
      at = i;
    }
  }
  return lrs[at];
}

LrRangeResult lrRangeTest(const Dataset& ds, const LrRangeConfig& config, JobContext& ctx) {
  config.validate();
  const int64_t total = static_cast<int64_t>(ds.size(Split::Train));
  if (config.limit > total)
    throw ConfigError("limit " + std::to_string(config.limit) + " is larger than the training split (" +
                      std::to_string(total) + " examples)");
  const int64_t n = config.limit > 0 ? config.limit : total;
  configureCompute(config.train.threads);
  const auto device = chooseDevice(config.train.device);
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  BatchSource data(ds, Split::Train, idx, device, size_t(4) << 30, &ctx);
  auto model = makeClassifier(config.train.model, ds.shape(), static_cast<int64_t>(ds.numClasses()), config.train.seed);
  model->to(device);
  model->setTraining(true);
  std::vector<torch::Tensor> params;
  for (auto& p : model->parameters())
    if (p.requires_grad()) params.push_back(p);
  torch::optim::SGD opt(params, torch::optim::SGDOptions(config.minLr)
                                    .momentum(config.train.momentum)
                                    .weight_decay(config.train.weightDecay));
  const bool flip = config.train.flip == "on" || (config.train.flip == "auto" && data.flipAllowed());
  std::mt19937_64 rng(config.train.seed * 1000003ULL + 99991ULL);
  LrRangeResult r;
  const double ratio = config.maxLr / config.minLr;
  double avg = 0, best = std::numeric_limits<double>::infinity();
  int step = 0;
  while (step < config.steps && !r.stoppedEarly) {
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    const size_t batches = std::min<size_t>((order.size() + static_cast<size_t>(config.train.batchSize) - 1) /
                                                static_cast<size_t>(config.train.batchSize),
                                            static_cast<size_t>(config.steps - step));
    order.resize(std::min(order.size(), batches * static_cast<size_t>(config.train.batchSize)));
    data.forEachBatch(order, config.train.batchSize, [&](const std::vector<int64_t>& pos, const torch::Tensor& clean) {
      if (r.stoppedEarly) return;
      ctx.throwIfCancelled();
      const double lr = config.minLr * std::pow(ratio, static_cast<double>(step) / std::max(1, config.steps - 1));
      for (auto& group : opt.param_groups()) static_cast<torch::optim::SGDOptions&>(group.options()).lr(lr);
      const auto x = config.train.augment ? data.augment(clean, flip, rng) : clean;
      auto pi = torch::from_blob(const_cast<int64_t*>(pos.data()), {static_cast<int64_t>(pos.size())}, torch::kInt64);
      const auto y = data.labels().index_select(0, pi).to(device);
      torch::Tensor loss;
      withAutocast(config.train.mixedPrecision, device, [&] {
        loss = torch::nn::functional::cross_entropy(model->forward(x), y);
        opt.zero_grad();
        loss.backward();
      });
      const double l = loss.detach().item<double>();
      ++step;
      if (!std::isfinite(l)) {
        r.stoppedEarly = true;
        return;
      }
      opt.step();
      avg = 0.98 * avg + 0.02 * l;
      const double smooth = avg / (1 - std::pow(0.98, static_cast<double>(r.lrs.size() + 1)));
      r.lrs.push_back(lr);
      r.losses.push_back(l);
      r.smoothed.push_back(smooth);
      best = std::min(best, smooth);
      if (r.lrs.size() > 10 && smooth > 4 * best) r.stoppedEarly = true;
      ctx.report(step, config.steps, "learning rate " + std::to_string(lr).substr(0, 8));
    });
  }
  if (r.lrs.size() < 3)
    throw TrainingError("the learning-rate range test gave no usable loss (the loss was not finite from the first "
                        "steps): lower the smallest learning rate (now " + std::to_string(config.minLr) + ")");
  r.minLossLr = r.lrs[static_cast<size_t>(std::min_element(r.smoothed.begin(), r.smoothed.end()) - r.smoothed.begin())];
  r.suggested = suggestLearningRate(r.lrs, r.smoothed);
  ctx.report(1, 1, "done");
  return r;
}

}  // namespace ps
