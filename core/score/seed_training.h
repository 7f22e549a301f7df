#pragma once
// One seed of a scoring run: the classifier trained once with every requested score's
// hook on its loop, the prototype scores' embeddings (the classifier's, a TorchScript
// encoder's or a self-supervised one's) and the random score. Only c10's Device header here, not the whole of torch.
#include <c10/core/Device.h>

#include <functional>
#include <string>

#include "score/run_embedding.h"
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
// share done; `onEpoch` each finished epoch's curve. The embedding the prototype scores
// compute, with the encoder that made it, goes to `embedding` when given.
SeedValues runSeed(const Dataset& ds, const BatchSource& data, const ScoreConfig& cfg, int seedIndex,
                   c10::Device device, JobContext& ctx, const std::function<void(double, const std::string&)>& progress,
                   const std::function<void(const TrainingCurve&)>& onEpoch, const EmbeddingSink& embedding = {});

}  // namespace ps
