#include "score/score_hooks.h"

#include <torch/torch.h>
#include <cmath>

#include "model/classifier.h"
#include "score/kmeans.h"
#include "score/predictions.h"
#include "train/batch_source.h"

namespace ps {

namespace {
std::vector<float> toVector(const torch::Tensor& t) {
  const auto c = t.to(torch::kCPU, torch::kFloat32).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}
ScoreValues same(std::vector<float> v) { return {v, v}; }
ScoreValues negated(const std::vector<float>& raw) {
  ScoreValues s{raw, raw};
  for (float& d : s.difficulty) d = -d;
  return s;
}
}  // namespace

std::unique_ptr<TrainHook> makeEl2nHook(int epoch) {
  return std::make_unique<EpochPassHook>("el2n", epoch, [](EpochServices& s) {
    const auto& logits = s.logits();
    const auto onehot = torch::one_hot(s.data().labels(), logits.size(1)).to(torch::kFloat32);
    return toVector((torch::softmax(logits, 1) - onehot).norm(2, 1));
  });
}

std::unique_ptr<TrainHook> makeGrandHook(int epoch) {
  return std::make_unique<EpochPassHook>("grand", epoch,
                                         [](EpochServices& s) { return toVector(s.gradSqNorms().sqrt()); });
}

ForgettingHook::ForgettingHook(int64_t n, int epochs)
    : epochs_(epochs),
      last_(static_cast<size_t>(n), -1),
      learned_(static_cast<size_t>(n), 0),
      events_(static_cast<size_t>(n), 0) {}

void ForgettingHook::onBatch(const BatchObservation& b) {
  const auto correct = (b.logits.argmax(1) == b.labels).to(torch::kUInt8).contiguous();
  const uint8_t* c = correct.data_ptr<uint8_t>();
  for (size_t k = 0; k < b.positions.size(); ++k) {
    const auto i = static_cast<size_t>(b.positions[k]);
    if (last_[i] == 1 && c[k] == 0) ++events_[i];
    last_[i] = static_cast<int8_t>(c[k]);
    learned_[i] |= c[k];
  }
}

void ForgettingHook::load(ByteReader& r) {
  last_ = r.vec<int8_t>();
  learned_ = r.vec<uint8_t>();
  events_ = r.vec<int32_t>();
}

std::map<std::string, ScoreValues> ForgettingHook::results() const {
  std::vector<float> v(events_.size());
  for (size_t i = 0; i < v.size(); ++i)
    v[i] = learned_[i] ? static_cast<float>(events_[i]) : static_cast<float>(epochs_);
  return {{"forgetting", same(v)}};
}

TrainingDynamicsHook::TrainingDynamicsHook(int64_t n)
    : marginSum_(static_cast<size_t>(n), 0.0),
      pSum_(static_cast<size_t>(n), 0.0),
      pSqSum_(static_cast<size_t>(n), 0.0),
      count_(static_cast<size_t>(n), 0) {}

void TrainingDynamicsHook::onBatch(const BatchObservation& b) {
  const auto& logits = b.logits;
  const auto y = b.labels.unsqueeze(1);
  const auto assigned = logits.gather(1, y).squeeze(1);
  const auto others = logits.scatter(1, y, -std::numeric_limits<float>::infinity());
  const auto margin = (assigned - std::get<0>(others.max(1))).contiguous();
  const auto py = torch::softmax(logits, 1).gather(1, y).squeeze(1).contiguous();
  const float* m = margin.data_ptr<float>();
  const float* p = py.data_ptr<float>();
  for (size_t k = 0; k < b.positions.size(); ++k) {
    const auto i = static_cast<size_t>(b.positions[k]);
    marginSum_[i] += m[k];
    pSum_[i] += p[k];
    pSqSum_[i] += double(p[k]) * p[k];
    ++count_[i];
  }
}

void TrainingDynamicsHook::load(ByteReader& r) {
  marginSum_ = r.vec<double>();
  pSum_ = r.vec<double>();
  pSqSum_ = r.vec<double>();
  count_ = r.vec<int32_t>();
}

std::map<std::string, ScoreValues> TrainingDynamicsHook::results() const {
  const size_t n = count_.size();
  std::vector<float> aum(n), conf(n), var(n);
  for (size_t i = 0; i < n; ++i) {
    const double c = std::max(1, count_[i]);
    aum[i] = static_cast<float>(marginSum_[i] / c);
    const double mean = pSum_[i] / c;
    conf[i] = static_cast<float>(mean);
    var[i] = static_cast<float>(std::sqrt(std::max(0.0, pSqSum_[i] / c - mean * mean)));
  }
  ScoreValues confidence{conf, conf};
  for (float& d : confidence.difficulty) d = 1.0f - d;
  return {{"aum", negated(aum)}, {"confidence", confidence}, {"variability", same(var)}};
}

void FinalPredictionHook::onEpochEnd(int completed, EpochServices& s) {
  if (completed != epochs_) return;
  const auto& logits = s.logits();
  const auto logp = torch::log_softmax(logits, 1);
  entropy_ = toVector(-(logp.exp() * logp).sum(1));
  const auto p = logp.exp();
  const auto y = s.data().labels().unsqueeze(1);
  const auto py = p.gather(1, y).squeeze(1);
  const auto other = std::get<0>(p.scatter(1, y, -1.0).max(1));
  margin_ = toVector(py - other);
  pLabel_ = toVector(py);
  const int64_t k = std::min<int64_t>(kTopClasses, p.size(1));
  auto [prob, cls] = p.topk(k, 1);
  if (k < kTopClasses) {  // fewer classes than places: pad with class -1 at probability 0
    prob = torch::cat({prob, torch::zeros({p.size(0), kTopClasses - k}, prob.options())}, 1);
    cls = torch::cat({cls, torch::full({p.size(0), kTopClasses - k}, -1, cls.options())}, 1);
  }
  topClass_ = toVector(cls);
  topProb_ = toVector(prob);
}

void FinalPredictionHook::load(ByteReader& r) {
  entropy_ = r.vec<float>();
  margin_ = r.vec<float>();
  topClass_ = r.vec<float>();
  topProb_ = r.vec<float>();
  pLabel_ = r.vec<float>();
}

std::map<std::string, ScoreValues> FinalPredictionHook::results() const {
  return {{"entropy", same(entropy_)},
          {"margin", negated(margin_)},
          {kPredictedTop, {topClass_, topProb_}},
          {kPredictedLabel, same(pLabel_)}};
}

void ClassifierPrototypeHook::onEpochEnd(int completed, EpochServices& s) {
  if (completed != epochs_) return;
  const auto& f = s.features();
  if (agnostic_) agnosticValues_ = toVector(prototypeDistance(f, k_, seed_));
  if (perClass_) perClassValues_ = toVector(perClassPrototypeDistance(f, s.data().labels(), kPerClass_, seed_));
  if (sink_) {
    Classifier& model = s.model();
    model.setTraining(false);
    sink_(kClassifierEmbedding, f, [&model](const torch::Tensor& x) { return model.features(x); });
  }
}

void ClassifierPrototypeHook::load(ByteReader& r) {
  agnosticValues_ = r.vec<float>();
  perClassValues_ = r.vec<float>();
}

std::map<std::string, ScoreValues> ClassifierPrototypeHook::results() const {
  std::map<std::string, ScoreValues> out;
  if (agnostic_) out["prototype"] = same(agnosticValues_);
  if (perClass_) out["prototype_class"] = same(perClassValues_);
  return out;
}

}  // namespace ps
