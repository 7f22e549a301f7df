#pragma once
// Training health: what every training records per epoch (its curve) and the checks
// that turn a model that diverged or learned nothing into a failed run instead of a
// finished one. Plain data, no torch: the trainer fills it, the store keeps it as JSON,
// the CLI prints it and the GUI draws it.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "util/errors.h"

namespace ps {

class ByteWriter;
class ByteReader;

struct EpochHealth {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  int epoch = 0;                    // the epoch this entry closes (1-based)
  int64_t steps = 0;                // optimiser steps taken in it
  double loss = kNone;              // mean training loss over its batches (non-finite: diverged)
  double accuracy = kNone;          // training accuracy on its batches (augmented, train mode)
  double balancedAccuracy = kNone;  // mean per-class recall on them (chance = 1/classes)
  double chance = kNone;            // balanced accuracy of a model that learned nothing
  double learnedAbove = kNone;      // the balanced accuracy the "did not learn" check requires
  double lr = 0;                    // learning rate at its last step
  double testError = kNone;         // studies: test error after it (NaN: not measured)
  double seconds = 0;               // wall time of the epoch
};

struct TrainingCurve {
  std::vector<EpochHealth> epochs;
  std::string toJson() const;
  // Reads what toJson wrote; StoreError (naming `what`) when it is not such a curve.
  static TrainingCurve fromJson(const std::string& json, const std::string& what = "training curve");
};

// Per-epoch accumulation of loss and per-class accuracy over training batches.
class EpochTally {
 public:
  explicit EpochTally(int64_t classes);
  void addBatch(double meanLoss, int64_t batchSize, const int64_t* labels, const int64_t* predictions);
  int64_t steps() const { return steps_; }
  // Closes the epoch: mean loss, accuracy, balanced accuracy, chance and threshold.
  EpochHealth finish(int epoch, double lr, double seconds) const;
  int64_t classes() const { return static_cast<int64_t>(seenPerClass_.size()); }
  // Within-epoch checkpoints: what save wrote; CheckpointError when the bytes are not a tally.
  void save(ByteWriter& w) const;
  static EpochTally load(ByteReader& r);

 private:
  int64_t steps_ = 0, seen_ = 0, right_ = 0;
  double lossSum_ = 0;
  int64_t lossCount_ = 0;
  std::vector<int64_t> seenPerClass_, rightPerClass_;
};

// "epoch 3/10: loss 0.412, train accuracy 0.861 (balanced 0.855, chance 0.100), lr 0.0412,
// test error 0.142, 4.1s" (parts that were not measured are left out).
std::string describeEpoch(const EpochHealth& h, int epochs);

// The balanced training accuracy above which a model counts as having learned: chance
// (1 / classes seen) plus the larger of 5% of the way from chance to 1 and four standard
// errors of a chance-level model's balanced accuracy over the examples seen per class.
// NaN (no check) when fewer than two classes were seen.
double learnedThreshold(const std::vector<int64_t>& seenPerClass);

// "training diverged at epoch E, step S: ..." (thrown as TrainingError by the trainer).
std::string divergedMessage(int epoch, int64_t step, double loss, double lr);

// Small training sets: with fewer optimiser steps per epoch than this, a model rarely
// learns in the default epochs (400 images at batch 128 are 4 steps an epoch).
constexpr int64_t kMinStepsPerEpoch = 20;
// The rule the forms and the CLI apply when the user did not choose a batch size: the
// batch is lowered so that `examples` give at least kMinStepsPerEpoch steps an epoch
// (never below 8, never above `batchSize`). The result is the run's setting, stored in
// its config and so in its cache key.
int batchSizeForExamples(int batchSize, int64_t examples);

// How the interface the user is in names the settings a hint refers to: the CLI's
// options, or the GUI's field names.
struct SettingWords {
  std::string learningRate = "--lr";
  std::string epochs = "--epochs";
  std::string batchSize = "--batch-size";
  std::string findLearningRate = "prunescope-cli lr-range";
  std::string keepAnyway = "turn the health checks off (--no-health-checks) to keep such a run anyway";  // may be empty
};

// "the model did not learn by epoch E (...): ..." with what to change, in `words`; when
// the epoch had fewer than kMinStepsPerEpoch steps it says "too few steps per epoch" first.
std::string notLearnedMessage(const EpochHealth& h, double configuredLr, const SettingWords& words = {});

// A model still at chance level: the epoch's health and the learning rate are kept, so an
// interface can say what to change in its own words (notLearnedMessage); what() uses the CLI's.
class NotLearnedError : public TrainingError {
 public:
  NotLearnedError(const EpochHealth& h, double configuredLr)
      : TrainingError(notLearnedMessage(h, configuredLr)), health_(h), lr_(configuredLr) {}
  const EpochHealth& health() const { return health_; }
  double learningRate() const { return lr_; }

 private:
  EpochHealth health_;
  double lr_;
};

// Throws NotLearnedError when `h` is not above its learnedAbove threshold.
void checkLearned(const EpochHealth& h, double configuredLr);

// Throws TrainingError naming the score when a value is not finite.
void checkFiniteScores(const std::string& name, const std::vector<float>& values);
// Why the score cannot rank examples (all values equal), or empty when it can.
std::string noSpreadReason(const std::string& name, const std::vector<float>& values);

// A score vector that can be stored: every value finite (always checked), and, when
// `requireSpread`, not all equal. Throws TrainingError naming the score and what to do.
void checkScoreVector(const std::string& name, const std::vector<float>& values, bool requireSpread);

}  // namespace ps
