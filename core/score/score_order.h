#pragma once
// What the gallery shows for a score, computed off the GUI thread: the examples in order
// of difficulty (optionally one class), and which of them a pruning keeps.
#include <cstdint>
#include <string>
#include <vector>

#include "prune/prune_policy.h"
#include "score/predictions.h"
#include "util/wording.h"

namespace ps {

struct ScoreOrder {
  std::vector<int64_t> indices;  // training indices, easiest first
  std::vector<float> values;     // their difficulty
};

// The secondary key that ranks examples of equal difficulty, everywhere a ranking is used
// (prune/prune_policy.h's TieBreak): 1 − the probability the scoring run's final models
// give the example's label (mean over seeds, stored with the run as pred/p_label), so
// higher = harder; for EL2N, whose hardest examples tie at sqrt(2), this ranks them by
// how wrong the trained models still are (the same order as their loss, −log p). Empty
// for a run without predictions (an import, prototypes without a classifier): ties then
// go to the training index, the lower one counting as harder.
std::vector<float> tieBreakKey(const Predictions& p);

// `indices`, `difficulty`, `labels`: one entry per scored example. `onlyClass` < 0: all;
// `onlyPositions` (when given): only the scored positions flagged 1. Equal difficulties
// are ordered by `tieKey` (tieBreakKey's, may be null or empty), then by training index:
// exactly the reverse of the order pruning ranks by (rankedHarder).
ScoreOrder easiestFirst(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                        const std::vector<int>& labels, int onlyClass,
                        const std::vector<uint8_t>* onlyPositions = nullptr,
                        const std::vector<float>* tieKey = nullptr);

// How many examples share the highest difficulty (EL2N saturates at sqrt(2)), and how
// many more look the same at the three significant digits captions show ("1.41"):
// distinct values, ranked by their full value, that only look tied.
struct TopTie {
  int64_t count = 0;  // 0 for an empty vector
  float value = 0;
  int64_t lookAlike = 0;  // examples (the tied ones included) whose value rounds to the maximum's 3 digits
};
TopTie topTie(const std::vector<float>& difficulty);
// "1204 examples tie at the maximum 1.4142, ranked among themselves by the label's
// probability under the trained models" (`byTieKey`; else "... by training index"), or
// "one example holds the maximum 3.2"; then "; 17 show as 1.41 at three digits" when
// more look tied than are.
std::string describeTopTie(const TopTie& t, bool byTieKey, const Wording& w = englishWording());

// Which examples the gallery shows: all, those whose label the models' prediction
// disagrees with, or those flagged as likely mislabelled.
enum class ExampleFilter { All, Disagrees, LikelyMislabelled };

// What the models said about each training example, by training index, for captions and
// filters (predicted -1 where the run has no predictions).
struct ExampleNotes {
  std::vector<int32_t> predicted;
  std::vector<float> pPredicted;
  std::vector<uint8_t> flagged;  // likely mislabelled
};
ExampleNotes notesByIndex(const std::vector<int64_t>& indices, const Predictions& p, const LabelIssues& issues,
                          size_t splitSize);
// The scored positions a filter keeps (for easiestFirst's `onlyPositions`).
std::vector<uint8_t> filterPositions(ExampleFilter f, const Predictions& p, const LabelIssues& issues,
                                     const std::vector<int>& labels);

struct PruneMarks {
  std::vector<int64_t> kept;           // training indices kept, in scored order
  std::vector<uint8_t> prunedByIndex;  // 1 for a training index the pruning drops (size: the split's)
};
// selectSubset's choice (ties ranked by `tieKey` when given, then by training index), as
// marks by training index. ConfigError as selectSubset.
PruneMarks pruneMarks(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                      const std::vector<int>& labels, const PruneSpec& spec, size_t splitSize,
                      const std::vector<float>* tieKey = nullptr, const PolicyInputs* inputs = nullptr);

}  // namespace ps
