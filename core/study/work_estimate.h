#pragma once
// How long a job will take, said before it starts: its training work counted in
// example-epochs (one example through one training step; a forward pass alone, as in
// evaluation or a score's pass over the data, counts a third), divided by a training
// rate measured on this machine for the model, image shape, batch size and device
// (measureTrainingRate: a few real training steps on random inputs, after a warm-up).
#include <cstdint>
#include <string>

#include "data/dataset.h"
#include "model/device_choice.h"
#include "score/score_config.h"
#include "study/scaling_study.h"
#include "study/study_config.h"

namespace ps {

// Training example-epochs of a scoring request on `trainExamples` examples (its limit
// applied): every seed's training, plus a third of an epoch for each score's pass.
double scoringWork(const ScoreConfig& c, int64_t trainExamples);
// Of a study pruning a cached score (the score's own run is not counted): every point's
// training on its kept examples (f = 1 once per seed), and its test evaluation.
double frontierWork(const FrontierConfig& c, int64_t trainExamples, int64_t testExamples);
double scalingWork(const ScalingConfig& c, int64_t trainExamples, int64_t testExamples);

// Training steps of `model` per second × batch size, on random inputs of `shape`, timed
// over at least `batches` steps and 0.3 s (at most 50 steps) after two warm-up steps on
// `device`. ConfigError for an unknown
// model or device.
double measureTrainingRate(const std::string& model, const ImageShape& shape, int64_t classes, int batchSize,
                           const DeviceChoice& device, int batches = 3);

}  // namespace ps
