#include "study/train_eval.h"

#include <torch/torch.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "job/job.h"
#include "model/classifier.h"
#include "model/model_factory.h"
#include "store/run_guard.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "store/store_checkpoints.h"
#include "train/batch_source.h"
#include "train/trainer.h"
#include "util/errors.h"

namespace ps {

namespace {
std::string trainConfigJson(const std::vector<int64_t>& idx, const TrainConfig& t, int64_t testLimit) {
  Hasher h;
  h.update(idx.data(), idx.size() * sizeof(int64_t));
  nlohmann::json j = t.toJson();
  j["subset_size"] = idx.size();
  j["subset_hash"] = h.hex();
  j["test_limit"] = testLimit;
  return j.dump();
}
}  // namespace

std::string trainCacheKey(const Dataset& ds, const std::vector<int64_t>& trainIndices, const TrainConfig& train,
                          int64_t testLimit) {
  return Store::cacheKey(runKindName(RunKind::Train), trainConfigJson(trainIndices, train, testLimit),
                         ds.fingerprint());
}

void logPoint(const JobContext& ctx, const std::string& what, const EvalResult& e) {
  std::ostringstream s;
  s.precision(3);
  s << what << ": ";
  if (e.fromCache) s << "from the store, ";
  if (!e.curve.epochs.empty()) {
    const EpochHealth& h = e.curve.epochs.back();
    s << h.epoch << " epochs, loss " << h.loss << ", train accuracy " << h.accuracy << ", ";
  }
  s << "test error " << e.error;
  if (!e.learned)
    s << " — did not learn (balanced train accuracy " << e.trainBalancedAccuracy << ", chance " << e.chance << ")";
  ctx.log(s.str());
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

namespace {

// Correct and total test predictions per class over the given test positions, and the
// prediction at each position (when asked for).
struct ClassTally {
  std::vector<int64_t> correct, total, predicted;
  double error() const {
    int64_t right = 0, all = 0;
    for (size_t c = 0; c < total.size(); ++c) {
      right += correct[c];
      all += total[c];
    }
    return all ? 1.0 - double(right) / double(all) : std::nan("");
  }
};

ClassTally evaluate(Classifier& model, const Dataset& ds, const BatchSource& test,
                    const std::vector<int64_t>& positions, JobContext& ctx, bool keepPredictions = false) {
  ClassTally t{std::vector<int64_t>(ds.numClasses(), 0), std::vector<int64_t>(ds.numClasses(), 0), {}};
  if (keepPredictions) t.predicted.assign(test.indices().size(), -1);
  model.setTraining(false);
  c10::InferenceMode guard;
  test.forEachBatch(positions, 512, [&](const std::vector<int64_t>& pos, const torch::Tensor& x) {
    ctx.throwIfCancelled();
    const auto pred = model.forward(x).argmax(1).cpu();
    const auto* p = pred.data_ptr<int64_t>();
    for (size_t k = 0; k < pos.size(); ++k) {
      const int y = ds.label(Split::Test, static_cast<size_t>(test.indices()[static_cast<size_t>(pos[k])]));
      ++t.total[static_cast<size_t>(y)];
      t.correct[static_cast<size_t>(y)] += p[k] == y;
      if (keepPredictions) t.predicted[static_cast<size_t>(pos[k])] = p[k];
    }
  });
  return t;
}

}  // namespace

namespace {

const char* const kTestPredictions = "test_predictions";

// The run's stored test predictions, each checked to name a class; empty when the run
// has none.
std::vector<int32_t> loadTestPredictions(const Store& store, int64_t runId, size_t classes, int64_t testExamples) {
  const auto names = store.vectorNames(runId);
  if (std::find(names.begin(), names.end(), kTestPredictions) == names.end()) return {};
  const std::vector<int64_t> v = store.indexVector(runId, kTestPredictions);
  const std::string what = store.path() + ": run " + std::to_string(runId) + "'s test predictions";
  if (testExamples > 0 && static_cast<int64_t>(v.size()) != testExamples)
    throw StoreError(what + " hold " + std::to_string(v.size()) + " values for " + std::to_string(testExamples) +
                     " test examples");
  std::vector<int32_t> out;
  out.reserve(v.size());
  for (int64_t p : v) {
    if (p < 0 || static_cast<size_t>(p) >= classes)
      throw StoreError(what + " hold class " + std::to_string(p) + ", not one of the " + std::to_string(classes));
    out.push_back(static_cast<int32_t>(p));
  }
  return out;
}

}  // namespace

EvalResult loadEvalResult(const Store& store, int64_t runId) {
  EvalResult r;
  try {
    const auto j = nlohmann::json::parse(store.result(runId, "eval").value_or("{}"));
    r.error = j.value("error", 0.0);
    for (const auto& a : j.value("per_class_accuracy", nlohmann::json::array()))
      r.perClassAccuracy.push_back(a.is_number() ? a.get<double>() : std::nan(""));  // null: no test example
    r.trainExamples = j.value("train_examples", int64_t(0));
    r.epochs = j.value("epochs", 0);
    r.learned = j.value("learned", true);
    r.trainBalancedAccuracy = j.value("train_balanced_accuracy", 0.0);
    r.chance = j.value("chance", 0.0);
    r.testPredictions =
        loadTestPredictions(store, runId, r.perClassAccuracy.size(), j.value("test_examples", int64_t(0)));
    if (auto c = store.result(runId, "curve"))
      r.curve = TrainingCurve::fromJson(*c, "run " + std::to_string(runId) + "'s training curve");
  } catch (const nlohmann::json::exception& e) {
    throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s evaluation is not readable: " + e.what());
  }
  r.runId = runId;
  r.fromCache = true;
  return r;
}

namespace {

// The trained run's result (`r` holds its curve, run and sizes): per-class accuracy and
// error from the final test tally, whether it learned, stored with the run finished.
void finishEvalRun(Store& store, const ClassTally& final, int64_t nTest, EvalResult& r) {
  const int64_t runId = r.runId;
  for (size_t c = 0; c < final.total.size(); ++c)
    r.perClassAccuracy.push_back(final.total[c] ? double(final.correct[c]) / double(final.total[c]) : std::nan(""));
  r.error = final.error();
  if (!r.curve.epochs.empty()) {
    const EpochHealth& last = r.curve.epochs.back();
    r.trainBalancedAccuracy = last.balancedAccuracy;
    r.chance = last.chance;
    r.learned = !(last.balancedAccuracy <= last.learnedAbove);
  }
  nlohmann::json j{{"error", r.error},     {"train_examples", r.trainExamples},
                   {"epochs", r.epochs},   {"test_examples", nTest},
                   {"learned", r.learned}, {"train_balanced_accuracy", r.trainBalancedAccuracy},
                   {"chance", r.chance}};
  j["per_class_accuracy"] = nlohmann::json::array();
  for (double a : r.perClassAccuracy)
    j["per_class_accuracy"].push_back(std::isnan(a) ? nlohmann::json() : nlohmann::json(a));
  r.testPredictions.assign(final.predicted.begin(), final.predicted.end());
  Store::Transaction t(store);
  store.putResult(runId, "eval", j.dump());
  store.putIndexVector(runId, kTestPredictions, final.predicted);
  store.putResult(runId, "curve", r.curve.toJson());
  store.finishRun(runId, RunStatus::Done);
  store.clearCheckpoints(runId);
  t.commit();
}

}  // namespace

EvalResult trainAndEvaluate(const Dataset& ds, Store& store, const std::vector<int64_t>& trainIndices,
                            const TrainConfig& train, int64_t testLimit, JobContext& ctx,
                            const std::function<void(double, const std::string&)>& progress, bool mustLearn) {
  train.validate();
  if (trainIndices.empty()) throw ConfigError("cannot train on an empty subset");
  const size_t classes = ds.numClasses();
  checkSubsetCoversClasses(ds, trainIndices);
  const int64_t nTest = testLimit > 0 ? std::min<int64_t>(testLimit, static_cast<int64_t>(ds.size(Split::Test)))
                                      : static_cast<int64_t>(ds.size(Split::Test));
  if (nTest == 0) throw ConfigError("the dataset has no test split to evaluate on");

  const std::string config = trainConfigJson(trainIndices, train, testLimit);
  const std::string key = Store::cacheKey(runKindName(RunKind::Train), config, ds.fingerprint());
  EvalResult r;
  if (auto done = store.findRun(key, RunStatus::Done)) return loadEvalResult(store, done->id);
  configureCompute(train.threads);
  const torch::Device device = chooseDevice(train.device);
  const int64_t runId = store.beginOrResumeRun(store.registerDataset(ds), runKindName(RunKind::Train), config, key,
                                               static_cast<int64_t>(train.seed), deviceName(device));
  StoreCheckpoints checkpoints(store, runId);
  return runRecorded(store, runId, "cancelled", [&] {
    auto model = makeClassifier(train.model, ds.shape(), static_cast<int64_t>(classes), train.seed);
    BatchSource data(ds, Split::Train, trainIndices, device, size_t(4) << 30, &ctx);
    std::vector<int64_t> testIdx(static_cast<size_t>(nTest));
    std::iota(testIdx.begin(), testIdx.end(), 0);
    // Normalised as the model saw its training subset.
    BatchSource test(ds, Split::Test, testIdx, device, size_t(4) << 30, &ctx, &data);
    // Test error per epoch on up to 2 000 evenly spaced test examples; the last epoch
    // on all of them (that is the study's number).
    const int64_t sampleSize = std::min<int64_t>(nTest, 2000);
    std::vector<int64_t> sample(static_cast<size_t>(sampleSize));
    for (int64_t k = 0; k < sampleSize; ++k) sample[static_cast<size_t>(k)] = k * nTest / sampleSize;
    ClassTally final;
    Trainer trainer(*model, data, train, device);
    if (!mustLearn) trainer.setLearningChecks({});
    trainer.setEpochListener([&](TrainingCurve& curve) {
      EpochHealth& h = curve.epochs.back();
      if (std::isfinite(h.loss)) {
        if (h.epoch == train.epochs) {
          final = evaluate(*model, ds, test, testIdx, ctx, true);
          h.testError = final.error();
        } else {
          h.testError = evaluate(*model, ds, test, sample, ctx).error();
        }
        model->setTraining(true);
      }
      store.putResult(runId, "curve", curve.toJson());
    });
    JobContext sub(ctx, &checkpoints);
    trainer.run(sub, {}, "train", [&](double f, const std::string& m) {
      if (progress) progress(f * 0.95, m);
    });
    model->setTraining(false);
    if (final.total.empty()) final = evaluate(*model, ds, test, testIdx, ctx, true);  // resumed after the last epoch
    r.trainExamples = static_cast<int64_t>(trainIndices.size());
    r.epochs = train.epochs;
    r.runId = runId;
    r.curve = trainer.curve();
    finishEvalRun(store, final, nTest, r);
    if (progress) progress(1.0, "evaluated");
    return r;
  });
}

}  // namespace ps
