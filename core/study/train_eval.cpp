#include "study/train_eval.h"

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "store/run_guard.h"
#include "store/store.h"
#include "train/batch_source.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

namespace {
std::string trainConfigJson(const std::vector<int64_t>& idx, const TrainConfig& t, int64_t testLimit) {
  Hasher h;
  h.update(idx.data(), idx.size() * sizeof(int64_t));
  nlohmann::json j{{"model", t.model},         {"epochs", t.epochs},         {"batch_size", t.batchSize},
                   {"lr", t.lr},               {"momentum", t.momentum},     {"weight_decay", t.weightDecay},
                   {"schedule", t.schedule},   {"augment", t.augment},       {"flip", t.flip},
                   {"seed", t.seed},           {"subset_size", idx.size()},  {"subset_hash", h.hex()},
                   {"test_limit", testLimit}};
  return j.dump();
}
}  // namespace

std::string trainCacheKey(const Dataset& ds, const std::vector<int64_t>& trainIndices, const TrainConfig& train,
                          int64_t testLimit) {
  return Store::cacheKey("train", trainConfigJson(trainIndices, train, testLimit), ds.fingerprint());
}

void checkSubsetCoversClasses(const Dataset& ds, const std::vector<int64_t>& trainIndices) {
  const size_t classes = ds.numClasses();
  std::vector<char> present(classes, 0);
  for (int64_t i : trainIndices) present[static_cast<size_t>(ds.label(Split::Train, static_cast<size_t>(i)))] = 1;
  const auto testCounts = ds.classCounts(Split::Test);
  for (size_t c = 0; c < classes; ++c)
    if (!present[c] && testCounts[c] > 0)
      throw ConfigError("the subset of " + std::to_string(trainIndices.size()) + " examples has no example of class '" +
                        ds.classNames()[c] +
                        "', which the test split needs (use a class-balanced policy or a larger kept fraction)");
}

EvalResult trainAndEvaluate(const Dataset& ds, Store& store, const std::vector<int64_t>& trainIndices,
                            const TrainConfig& train, int64_t testLimit, JobContext& ctx,
                            const std::function<void(double, const std::string&)>& progress) {
  train.validate();
  if (trainIndices.empty()) throw ConfigError("cannot train on an empty subset");
  const size_t classes = ds.numClasses();
  checkSubsetCoversClasses(ds, trainIndices);
  const int64_t nTest = testLimit > 0 ? std::min<int64_t>(testLimit, static_cast<int64_t>(ds.size(Split::Test)))
                                      : static_cast<int64_t>(ds.size(Split::Test));
  if (nTest == 0) throw ConfigError("the dataset has no test split to evaluate on");

  const std::string config = trainConfigJson(trainIndices, train, testLimit);
  const std::string key = Store::cacheKey("train", config, ds.fingerprint());
  EvalResult r;
  if (auto done = store.findRun(key, RunStatus::Done)) {
    const auto j = nlohmann::json::parse(store.result(done->id, "eval").value_or("{}"));
    r.error = j.value("error", 0.0);
    r.perClassAccuracy = j.value("per_class_accuracy", std::vector<double>());
    r.trainExamples = j.value("train_examples", int64_t(0));
    r.epochs = j.value("epochs", 0);
    r.runId = done->id;
    r.fromCache = true;
    return r;
  }
  configureCompute(train.threads);
  const torch::Device device = chooseDevice(train.device);
  const int64_t runId = store.beginOrResumeRun(store.registerDataset(ds), "train", config, key,
                                               static_cast<int64_t>(train.seed), device.is_cuda() ? "cuda" : "cpu");
  StoreCheckpoints checkpoints(store, runId);
  return runRecorded(store, runId, "cancelled", [&] {
    auto model = makeClassifier(train.model, ds.shape(), static_cast<int64_t>(classes), train.seed);
    BatchSource data(ds, Split::Train, trainIndices, device, size_t(4) << 30, &ctx);
    Trainer trainer(*model, data, train, device);
    JobContext sub(ctx, &checkpoints);
    trainer.run(sub, {}, "train", [&](double f, const std::string& m) {
      if (progress) progress(f * 0.95, m);
    });
    // Evaluate on the test split.
    std::vector<int64_t> testIdx(static_cast<size_t>(nTest));
    std::iota(testIdx.begin(), testIdx.end(), 0);
    // Normalised as the model saw its training subset.
    BatchSource test(ds, Split::Test, testIdx, device, size_t(4) << 30, &ctx, &data);
    std::vector<int64_t> correct(classes, 0), total(classes, 0);
    model->setTraining(false);
    c10::InferenceMode guard;
    test.forEachBatch(testIdx, 512, [&](const std::vector<int64_t>& pos, const torch::Tensor& x) {
      ctx.throwIfCancelled();
      const auto pred = model->forward(x).argmax(1).cpu();
      const auto* p = pred.data_ptr<int64_t>();
      for (size_t k = 0; k < pos.size(); ++k) {
        const int y = ds.label(Split::Test, static_cast<size_t>(pos[k]));
        ++total[static_cast<size_t>(y)];
        correct[static_cast<size_t>(y)] += p[k] == y;
      }
    });
    int64_t right = 0;
    for (size_t c = 0; c < classes; ++c) {
      right += correct[c];
      r.perClassAccuracy.push_back(total[c] ? double(correct[c]) / double(total[c]) : std::nan(""));
    }
    r.error = 1.0 - double(right) / double(nTest);
    r.trainExamples = static_cast<int64_t>(trainIndices.size());
    r.epochs = train.epochs;
    r.runId = runId;
    nlohmann::json j{{"error", r.error}, {"train_examples", r.trainExamples}, {"epochs", r.epochs}, {"test_examples", nTest}};
    j["per_class_accuracy"] = nlohmann::json::array();
    for (double a : r.perClassAccuracy) j["per_class_accuracy"].push_back(std::isnan(a) ? nlohmann::json() : nlohmann::json(a));
    Store::Transaction t(store);
    store.putResult(runId, "eval", j.dump());
    store.finishRun(runId, RunStatus::Done);
    store.clearCheckpoints(runId);
    t.commit();
    if (progress) progress(1.0, "evaluated");
    return r;
  });
}

}  // namespace ps
