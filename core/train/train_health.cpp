#include "train/train_health.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "job/job.h"
#include "util/errors.h"

namespace ps {

namespace {
std::string fmt(double v, int precision = 3) {
  std::ostringstream s;
  s.precision(precision);
  s << v;
  return s.str();
}
nlohmann::json finiteOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }
double numberOr(const nlohmann::json& j, const char* key, double fallback) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}
}  // namespace

std::string TrainingCurve::toJson() const {
  nlohmann::json arr = nlohmann::json::array();
  for (const EpochHealth& e : epochs)
    arr.push_back({{"epoch", e.epoch},
                   {"steps", e.steps},
                   {"loss", finiteOrNull(e.loss)},
                   {"accuracy", finiteOrNull(e.accuracy)},
                   {"balanced_accuracy", finiteOrNull(e.balancedAccuracy)},
                   {"chance", finiteOrNull(e.chance)},
                   {"learned_above", finiteOrNull(e.learnedAbove)},
                   {"lr", e.lr},
                   {"test_error", finiteOrNull(e.testError)},
                   {"seconds", e.seconds}});
  return nlohmann::json{{"epochs", arr}}.dump();
}

TrainingCurve TrainingCurve::fromJson(const std::string& json, const std::string& what) {
  TrainingCurve c;
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("epochs") || !j["epochs"].is_array())
    throw StoreError(what + " is not a training curve (expected an object with an \"epochs\" array)");
  for (const auto& e : j["epochs"]) {
    if (!e.is_object() || !e.contains("epoch") || !e["epoch"].is_number_integer())
      throw StoreError(what + ": an entry has no integer \"epoch\"");
    EpochHealth h;
    const auto epoch = e["epoch"].get<int64_t>();
    if (epoch < 0 || epoch > 1000000) throw StoreError(what + ": epoch " + std::to_string(epoch) + " is out of range");
    h.epoch = static_cast<int>(epoch);
    h.steps = static_cast<int64_t>(numberOr(e, "steps", 0));
    h.loss = numberOr(e, "loss", EpochHealth::kNone);
    h.accuracy = numberOr(e, "accuracy", EpochHealth::kNone);
    h.balancedAccuracy = numberOr(e, "balanced_accuracy", EpochHealth::kNone);
    h.chance = numberOr(e, "chance", EpochHealth::kNone);
    h.learnedAbove = numberOr(e, "learned_above", EpochHealth::kNone);
    h.lr = numberOr(e, "lr", 0);
    h.testError = numberOr(e, "test_error", EpochHealth::kNone);
    h.seconds = numberOr(e, "seconds", 0);
    c.epochs.push_back(h);
  }
  return c;
}

EpochTally::EpochTally(int64_t classes)
    : seenPerClass_(static_cast<size_t>(std::max<int64_t>(classes, 1)), 0),
      rightPerClass_(static_cast<size_t>(std::max<int64_t>(classes, 1)), 0) {}

void EpochTally::addBatch(double meanLoss, int64_t batchSize, const int64_t* labels, const int64_t* predictions) {
  ++steps_;
  if (std::isfinite(meanLoss)) {
    lossSum_ += meanLoss * static_cast<double>(batchSize);
    lossCount_ += batchSize;
  }
  const auto k = static_cast<int64_t>(seenPerClass_.size());
  for (int64_t i = 0; i < batchSize; ++i) {
    const int64_t y = labels[i];
    if (y < 0 || y >= k) continue;
    ++seen_;
    ++seenPerClass_[static_cast<size_t>(y)];
    if (predictions[i] == y) {
      ++right_;
      ++rightPerClass_[static_cast<size_t>(y)];
    }
  }
}

void EpochTally::save(ByteWriter& w) const {
  w.pod(steps_).pod(seen_).pod(right_).pod(lossSum_).pod(lossCount_).vec(seenPerClass_).vec(rightPerClass_);
}

EpochTally EpochTally::load(ByteReader& r) {
  EpochTally t(1);
  t.steps_ = r.pod<int64_t>();
  t.seen_ = r.pod<int64_t>();
  t.right_ = r.pod<int64_t>();
  t.lossSum_ = r.pod<double>();
  t.lossCount_ = r.pod<int64_t>();
  auto seen = r.vec<int64_t>();
  auto right = r.vec<int64_t>();
  if (seen.empty() || right.size() != seen.size() || t.steps_ < 0 || t.seen_ < 0 || t.right_ < 0 ||
      t.right_ > t.seen_ || t.lossCount_ < 0)
    throw CheckpointError("checkpoint is damaged: its epoch tally is not one");
  t.seenPerClass_ = std::move(seen);
  t.rightPerClass_ = std::move(right);
  return t;
}

double learnedThreshold(const std::vector<int64_t>& seenPerClass) {
  double classes = 0, inverseSum = 0;
  for (int64_t n : seenPerClass)
    if (n > 0) {
      classes += 1;
      inverseSum += 1.0 / static_cast<double>(n);
    }
  if (classes < 2) return std::numeric_limits<double>::quiet_NaN();  // one class: nothing to tell apart
  const double chance = 1.0 / classes;
  // A chance-level model's per-class recall is binomial with p ≈ 1/K; their mean has
  // variance C(1 - C) / K² · Σ 1/n_c.
  const double se = std::sqrt(chance * (1 - chance) * inverseSum) / classes;
  return chance + std::max(0.05 * (1 - chance), 4 * se);
}

EpochHealth EpochTally::finish(int epoch, double lr, double seconds) const {
  EpochHealth h;
  h.epoch = epoch;
  h.steps = steps_;
  h.lr = lr;
  h.seconds = seconds;
  if (lossCount_ > 0) h.loss = lossSum_ / static_cast<double>(lossCount_);
  if (seen_ > 0) h.accuracy = static_cast<double>(right_) / static_cast<double>(seen_);
  double classes = 0, recall = 0;
  for (size_t c = 0; c < seenPerClass_.size(); ++c)
    if (seenPerClass_[c] > 0) {
      classes += 1;
      recall += static_cast<double>(rightPerClass_[c]) / static_cast<double>(seenPerClass_[c]);
    }
  if (classes > 0) {
    h.balancedAccuracy = recall / classes;
    h.chance = 1.0 / classes;
    h.learnedAbove = learnedThreshold(seenPerClass_);
  }
  return h;
}

std::string describeEpoch(const EpochHealth& h, int epochs) {
  std::ostringstream s;
  s << "epoch " << h.epoch << "/" << epochs << ": loss " << fmt(h.loss);
  if (std::isfinite(h.accuracy)) s << ", train accuracy " << fmt(h.accuracy);
  if (std::isfinite(h.balancedAccuracy))
    s << " (balanced " << fmt(h.balancedAccuracy) << ", chance " << fmt(h.chance) << ")";
  s << ", lr " << fmt(h.lr, 3);
  if (std::isfinite(h.testError)) s << ", test error " << fmt(h.testError);
  s << ", " << fmt(h.seconds, 2) << "s";
  return s.str();
}

std::string divergedMessage(int epoch, int64_t step, double loss, double lr) {
  return "training diverged at epoch " + std::to_string(epoch) + ", step " + std::to_string(step) + " (loss " +
         fmt(loss) + "): lower the learning rate (now " + fmt(lr, 4) +
         "), or clip the gradient norm; prunescope-cli lr-range suggests a learning rate";
}

int batchSizeForExamples(int batchSize, int64_t examples) {
  constexpr int64_t kSmallestBatch = 8;
  if (batchSize <= 0 || examples <= 0) return batchSize;
  const int64_t fitting = std::max<int64_t>(kSmallestBatch, examples / kMinStepsPerEpoch);
  return static_cast<int>(std::min<int64_t>(batchSize, fitting));
}

std::string notLearnedMessage(const EpochHealth& h, double configuredLr, const SettingWords& words) {
  std::string s = "the model did not learn by epoch " + std::to_string(h.epoch) + " (balanced train accuracy " +
                  fmt(h.balancedAccuracy) + ", chance " + fmt(h.chance) + ", needed above " + fmt(h.learnedAbove) +
                  "): ";
  if (h.steps > 0 && h.steps < kMinStepsPerEpoch)
    s += "too few steps per epoch (" + std::to_string(h.steps) + "; at least " + std::to_string(kMinStepsPerEpoch) +
         " are needed): lower " + words.batchSize + " or raise " + words.epochs + "; otherwise ";
  s += "try a lower " + words.learningRate + " (now " + fmt(configuredLr, 4) + "; " + words.findLearningRate +
       " suggests one), more " + words.epochs + ", or check the labels";
  return s + (words.keepAnyway.empty() ? "." : ". Or " + words.keepAnyway);
}

void checkLearned(const EpochHealth& h, double configuredLr) {
  if (!std::isfinite(h.balancedAccuracy) || !std::isfinite(h.learnedAbove)) return;
  if (h.balancedAccuracy > h.learnedAbove) return;
  throw NotLearnedError(h, configuredLr);
}

void checkFiniteScores(const std::string& name, const std::vector<float>& values) {
  size_t bad = 0, first = 0;
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i])) {
      if (bad++ == 0) first = i;
    }
  if (bad > 0)
    throw TrainingError("score '" + name + "' has " + std::to_string(bad) +
                        " non-finite values (the first at position " + std::to_string(first) +
                        "): the model's outputs are not finite numbers");
}

std::string noSpreadReason(const std::string& name, const std::vector<float>& values) {
  if (values.size() < 2) return {};
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const double scale = std::max({1.0, std::fabs(double(*lo)), std::fabs(double(*hi))});
  if (double(*hi) - double(*lo) > 1e-6 * scale) return {};
  return "score '" + name + "' has no spread: all " + std::to_string(values.size()) + " examples have the value " +
         fmt(*lo, 6) +
         ", so it cannot rank them. Leave the score out, or turn the health checks off "
         "(--no-health-checks) to keep it anyway";
}

void checkScoreVector(const std::string& name, const std::vector<float>& values, bool requireSpread) {
  checkFiniteScores(name, values);
  if (!requireSpread) return;
  if (const std::string why = noSpreadReason(name, values); !why.empty()) throw TrainingError(why);
}

}  // namespace ps
