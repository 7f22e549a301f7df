#pragma once
// What the gallery shows for a score, computed off the GUI thread: the examples in order
// of difficulty (optionally one class), and which of them a pruning keeps.
#include <cstdint>
#include <vector>

#include "prune/prune_policy.h"
#include "score/predictions.h"

namespace ps {

struct ScoreOrder {
  std::vector<int64_t> indices;  // training indices, easiest first
  std::vector<float> values;     // their difficulty
};
// `indices`, `difficulty`, `labels`: one entry per scored example. `onlyClass` < 0: all;
// `onlyPositions` (when given): only the scored positions flagged 1. Ties keep the scored
// order (stable).
ScoreOrder easiestFirst(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                        const std::vector<int>& labels, int onlyClass,
                        const std::vector<uint8_t>* onlyPositions = nullptr);

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
// selectSubset's choice, as marks by training index. ConfigError as selectSubset.
PruneMarks pruneMarks(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                      const std::vector<int>& labels, const PruneSpec& spec, size_t splitSize);

}  // namespace ps
