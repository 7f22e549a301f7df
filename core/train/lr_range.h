#pragma once
// The learning-rate range test (Smith 2017; fastai's lr_find, PyTorch Lightning's
// lr_find): train a fresh model for a few hundred steps while the learning rate grows
// geometrically from a tiny to a huge value, record the loss, and suggest the rate
// where the (smoothed) loss falls fastest. No torch in this header.
#include <cstdint>
#include <string>
#include <vector>

#include "train/train_config.h"

namespace ps {

class Dataset;
class JobContext;

struct LrRangeConfig {
  TrainConfig train;  // model, batch size, momentum, weight decay, augmentation, seed
  int64_t limit = 0;  // use the first N training examples (0 = all)
  int steps = 100;    // optimiser steps at most (the test stops early once the loss blows up)
  double minLr = 1e-5;
  double maxLr = 10;
  void validate() const;  // ConfigError naming the bad value
};

struct LrRangeResult {
  std::vector<double> lrs;       // per step
  std::vector<double> losses;    // per step, as measured
  std::vector<double> smoothed;  // exponential moving average (β = 0.98), bias-corrected
  double suggested = 0;          // steepest descent of the smoothed loss (before its minimum)
  double minLossLr = 0;          // where the smoothed loss was lowest
  bool stoppedEarly = false;     // the loss exceeded 4× its minimum (or was not finite)
};

// Throws ConfigError for bad settings, TrainingError when no step gave a usable loss.
LrRangeResult lrRangeTest(const Dataset& ds, const LrRangeConfig& config, JobContext& ctx);

// The suggestion from a recorded curve (exposed for tests): the point of steepest
// descent of `smoothed` against log(lr), between the first tenth of the curve and its
// minimum.
double suggestLearningRate(const std::vector<double>& lrs, const std::vector<double>& smoothed);

}  // namespace ps
