#include "study/work_estimate.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "model/classifier.h"
#include "model/model_factory.h"
#include "util/errors.h"

namespace ps {

namespace {
constexpr double kPass = 1.0 / 3.0;  // a forward pass against a training step

// Kept examples of a pool at fraction f, as the pruning rounds them (at least one).
double keptOf(double pool, double keep) { return std::max(1.0, std::round(pool * keep)); }

// Training and evaluation of every point over `pools` (one pool for a frontier).
template <typename Config>
double studyWork(const Config& c, const std::vector<int64_t>& pools, int64_t testExamples) {
  double work = 0;
  const auto policies = static_cast<double>(c.policies.size());
  const double test = static_cast<double>(c.testLimit > 0 ? std::min(c.testLimit, testExamples) : testExamples);
  for (int64_t pool : pools)
    for (double keep : c.keeps) {
      const double trainings = keep >= 1.0 ? 1.0 : policies;  // f = 1 is trained once
      const double epochs = budgetEpochs(c.train, c.budget, keep);
      work += trainings * (keptOf(static_cast<double>(pool), keep) * epochs + test * kPass);
    }
  return work * c.seeds;
}
}  // namespace

double scoringWork(const ScoreConfig& c, int64_t trainExamples) {
  const double n = static_cast<double>(c.limit > 0 ? std::min(c.limit, trainExamples) : trainExamples);
  const double passes = static_cast<double>(c.scores.size()) * kPass;  // each score's look at the data
  return n * (c.train.epochs + passes) * c.seeds;
}

double frontierWork(const FrontierConfig& c, int64_t trainExamples, int64_t testExamples) {
  return studyWork(c, {trainExamples}, testExamples) * static_cast<double>(1 + c.moreScores.size());
}

double scalingWork(const ScalingConfig& c, int64_t trainExamples, int64_t testExamples) {
  const std::vector<int64_t> pools =
      c.sizes.empty() ? geometricSizes(std::min(c.minSize, trainExamples), trainExamples, c.steps) : c.sizes;
  return studyWork(c, pools, testExamples);
}

double measureTrainingRate(const std::string& model, const ImageShape& shape, int64_t classes, int batchSize,
                           const DeviceChoice& device, int batches) {
  if (batchSize < 1 || batches < 1) throw ConfigError("a training rate needs a positive batch size and step count");
  const torch::Device dev = chooseDevice(device);
  auto net = makeClassifier(model, shape, classes, 0);
  net->to(dev);
  net->setTraining(true);
  torch::optim::SGD opt(net->parameters(), torch::optim::SGDOptions(0.01).momentum(0.9));
  // inputs without drawing from torch's global generator (a running job's may be in use)
  const auto x = torch::linspace(-1, 1, int64_t(batchSize) * shape.channels * shape.height * shape.width)
                     .reshape({batchSize, shape.channels, shape.height, shape.width})
                     .to(dev);
  const auto y = torch::arange(int64_t(batchSize), torch::kInt64).remainder(std::max<int64_t>(classes, 1)).to(dev);
  auto step = [&] {
    opt.zero_grad();
    torch::nn::functional::cross_entropy(net->forward(x), y).backward();
    opt.step();
  };
  for (int i = 0; i < 2; ++i) step();  // warm-up: allocations, thread pools, kernel choices
  if (dev.is_cuda()) torch::cuda::synchronize();
  const auto start = std::chrono::steady_clock::now();
  double seconds = 0;
  int done = 0;
  while (done < batches || (seconds < 0.3 && done < 50)) {  // long enough to be read
    step();
    ++done;
    if (dev.is_cuda()) torch::cuda::synchronize();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return seconds > 0 ? static_cast<double>(done) * batchSize / seconds : 0.0;
}

}  // namespace ps
