#pragma once
// What the gallery shows for a score, computed off the GUI thread: the examples in order
// of difficulty (optionally one class), and which of them a pruning keeps.
#include <cstdint>
#include <vector>

#include "prune/prune_policy.h"

namespace ps {

struct ScoreOrder {
  std::vector<int64_t> indices;  // training indices, easiest first
  std::vector<float> values;     // their difficulty
};
// `indices`, `difficulty`, `labels`: one entry per scored example. `onlyClass` < 0: all.
// Ties keep the scored order (stable).
ScoreOrder easiestFirst(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                        const std::vector<int>& labels, int onlyClass);

struct PruneMarks {
  std::vector<int64_t> kept;           // training indices kept, in scored order
  std::vector<uint8_t> prunedByIndex;  // 1 for a training index the pruning drops (size: the split's)
};
// selectSubset's choice, as marks by training index. ConfigError as selectSubset.
PruneMarks pruneMarks(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                      const std::vector<int>& labels, const PruneSpec& spec, size_t splitSize);

}  // namespace ps
