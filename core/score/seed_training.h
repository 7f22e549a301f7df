#pragma once
// One seed of a scoring run: the classifier trained once with every requested score's
// hook on its loop, the prototype scores' embeddings (the classifier's, a TorchScript
// encoder's or a self-supervised one's) and the random score. No torch/torch.h here.
#include <c10/core/Device.h>

#include <functional>
#include <string>

#include "score/seed_values.h"

namespace ps {

class BatchSource;
class Dataset;
class JobContext;
struct ScoreConfig;
struct TrainingCurve;

// Whether the request names the score.
bool requestsScore(const ScoreConfig& c, const char* name);

// Everything seed `seedIndex` of the request produces (its scores, and the predictions
// under the reserved '@' names when training runs to the end). `progress` gets the seed's
// share done; `onEpoch` each finished epoch's curve.
SeedValues runSeed(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int seedIndex,
                   c10::Device device, JobContext& ctx, const std::function<void(double, const std::string&)>& progress,
                   const std::function<void(const TrainingCurve&)>& onEpoch);

}  // namespace ps
