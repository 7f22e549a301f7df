#include "train/lr_range.h"

#include <torch/torch.h>
#include <algorithm>
#include <cmath>
#include <numeric>
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
  const size_t minAt = static_cast<size_t>(
      std::min_element(smoothed.begin(), smoothed.begin() + static_cast<std::ptrdiff_t>(n)) - smoothed.begin());
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
  // The training loop itself, with the rate of each step set here and the loss watched.
  TrainConfig t = config.train;
  const int64_t batches = (n + t.batchSize - 1) / t.batchSize;
  t.epochs = static_cast<int>((config.steps + batches - 1) / batches);
  t.healthChecks = false;
  Trainer trainer(*model, data, t, device);
  const double ratio = config.maxLr / config.minLr;
  auto lrAt = [&](int64_t step) {
    return config.minLr * std::pow(ratio, static_cast<double>(step) / std::max(1, config.steps - 1));
  };
  LrRangeResult r;
  double avg = 0, best = std::numeric_limits<double>::infinity();
  trainer.setStepControl(lrAt, [&](int64_t step, double loss) {
    if (step >= config.steps) return false;
    if (!std::isfinite(loss)) {
      r.stoppedEarly = true;
      return false;
    }
    avg = 0.98 * avg + 0.02 * loss;
    const double smooth = avg / (1 - std::pow(0.98, static_cast<double>(r.lrs.size() + 1)));
    r.lrs.push_back(lrAt(step));
    r.losses.push_back(loss);
    r.smoothed.push_back(smooth);
    best = std::min(best, smooth);
    if (r.lrs.size() > 10 && smooth > 4 * best) {
      r.stoppedEarly = true;
      return false;
    }
    ctx.report(static_cast<double>(step + 1), config.steps, "learning rate " + std::to_string(lrAt(step)).substr(0, 8));
    return true;
  });
  JobContext sub(ctx, nullptr);
  trainer.run(sub, {}, "lr-range", {});
  if (r.lrs.size() < 3)
    throw TrainingError(
        "the learning-rate range test gave no usable loss (the loss was not finite from the first "
        "steps): lower the smallest learning rate (now " +
        std::to_string(config.minLr) + ")");
  r.minLossLr = r.lrs[static_cast<size_t>(std::min_element(r.smoothed.begin(), r.smoothed.end()) - r.smoothed.begin())];
  r.suggested = suggestLearningRate(r.lrs, r.smoothed);
  ctx.report(1, 1, "done");
  return r;
}

}  // namespace ps
