#pragma once
// The training-run scores, as hooks on one training loop (see train/train_hook.h).
// Values are indexed by position in the BatchSource. Every difficulty is "higher = harder".
#include <memory>

#include "score/run_embedding.h"
#include "train/train_hook.h"

namespace ps {

// A score computed by one pass over the data after `epoch` epochs (0 = at init):
// EL2N (||softmax(f(x)) − onehot(y)||₂ on un-augmented inputs) and GraNd (exact
// ||∇θ loss(x, y)||₂ over all parameters) are the two.
class EpochPassHook : public TrainHook {
 public:
  using Compute = std::function<std::vector<float>(EpochServices&)>;
  EpochPassHook(std::string name, int epoch, Compute compute)
      : name_(std::move(name)), epoch_(epoch), compute_(std::move(compute)) {}
  void onEpochEnd(int completed, EpochServices& s) override {
    if (completed == epoch_) values_ = compute_(s);
  }
  std::vector<int> passEpochs() const override { return {epoch_}; }
  void save(ByteWriter& w) const override { w.vec(values_); }
  void load(ByteReader& r) override { values_ = r.vec<float>(); }
  std::map<std::string, ScoreValues> results() const override { return {{name_, {values_, values_}}}; }

 private:
  std::string name_;
  int epoch_;
  Compute compute_;
  std::vector<float> values_;
};

std::unique_ptr<TrainHook> makeEl2nHook(int epoch);
std::unique_ptr<TrainHook> makeGrandHook(int epoch);

// Forgetting events (Toneva et al.): correct→incorrect transitions between consecutive
// presentations in training; an example never classified correctly gets `epochs`, above
// any count it could reach.
class ForgettingHook : public TrainHook {
 public:
  ForgettingHook(int64_t n, int epochs);
  void onBatch(const BatchObservation& b) override;
  void save(ByteWriter& w) const override { w.vec(last_).vec(learned_).vec(events_); }
  void load(ByteReader& r) override;
  std::map<std::string, ScoreValues> results() const override;

 private:
  int epochs_;
  std::vector<int8_t> last_;  // -1 not yet seen, 0 wrong, 1 right
  std::vector<uint8_t> learned_;
  std::vector<int32_t> events_;
};

// AUM (Pleiss et al.): mean over presentations of assigned logit − largest other logit;
// difficulty = −AUM. Data maps (Swayamdipta et al.): confidence = mean p_y (difficulty
// 1 − confidence), variability = std of p_y over presentations.
class TrainingDynamicsHook : public TrainHook {
 public:
  explicit TrainingDynamicsHook(int64_t n);
  void onBatch(const BatchObservation& b) override;
  void save(ByteWriter& w) const override { w.vec(marginSum_).vec(pSum_).vec(pSqSum_).vec(count_); }
  void load(ByteReader& r) override;
  std::map<std::string, ScoreValues> results() const override;

 private:
  std::vector<double> marginSum_, pSum_, pSqSum_;
  std::vector<int32_t> count_;
};

// The final model's outputs on un-augmented inputs: entropy and margin (p_y − max other
// p) as scores, and the predictions every classifier run stores (see score/predictions.h)
// under the reserved names kPredictedTop ("difficulty": classes, "raw": probabilities,
// kTopClasses per example) and kPredictedLabel (probability of the given label).
inline const char* const kPredictedTop = "@top";
inline const char* const kPredictedLabel = "@p_label";
class FinalPredictionHook : public TrainHook {
 public:
  explicit FinalPredictionHook(int epochs) : epochs_(epochs) {}
  void onEpochEnd(int completed, EpochServices& s) override;
  std::vector<int> passEpochs() const override { return {epochs_}; }
  void save(ByteWriter& w) const override { w.vec(entropy_).vec(margin_).vec(topClass_).vec(topProb_).vec(pLabel_); }
  void load(ByteReader& r) override;
  std::map<std::string, ScoreValues> results() const override;

 private:
  int epochs_;
  std::vector<float> entropy_, margin_, topClass_, topProb_, pLabel_;
};

// Prototype scores on the final classifier's penultimate embeddings, which go to `sink`
// when one is given (the run's first seed: score/run_embedding.h).
class ClassifierPrototypeHook : public TrainHook {
 public:
  ClassifierPrototypeHook(int epochs, int k, int kPerClass, uint64_t seed, bool agnostic, bool perClass,
                          EmbeddingSink sink = {})
      : epochs_(epochs),
        k_(k),
        kPerClass_(kPerClass),
        seed_(seed),
        agnostic_(agnostic),
        perClass_(perClass),
        sink_(std::move(sink)) {}
  void onEpochEnd(int completed, EpochServices& s) override;
  std::vector<int> passEpochs() const override { return {epochs_}; }
  void save(ByteWriter& w) const override { w.vec(agnosticValues_).vec(perClassValues_); }
  void load(ByteReader& r) override;
  std::map<std::string, ScoreValues> results() const override;

 private:
  int epochs_, k_, kPerClass_;
  uint64_t seed_;
  bool agnostic_, perClass_;
  EmbeddingSink sink_;
  std::vector<float> agnosticValues_, perClassValues_;
};

}  // namespace ps
