#pragma once
// A score per class in numbers, for datasets with too many classes to draw each: how
// many examples a class has, its median and 90th-percentile difficulty, and the share
// of its examples a pruning removes. With a thousand classes this table, ordered by the
// share removed, tells which classes a pruning hits hardest. No Qt.
#include <cstdint>
#include <vector>

#include "prune/prune_policy.h"

namespace ps {

struct ClassSummaryRow {
  int label = 0;
  int64_t count = 0;        // scored examples of the class
  double median = 0;        // difficulty (higher = harder); NaN for an empty class
  double p90 = 0;           // 90th percentile
  int64_t removed = 0;      // examples of the class the pruning drops
  double removedShare = 0;  // removed / count (0 for an empty class)
};

// One row per class 0..numClasses-1, in label order. `spec` is applied to all examples at
// once (a class-balanced spec removes the same share everywhere). ConfigError (naming the
// value) for a label outside [0, numClasses), vectors of different lengths, or what
// selectSubset refuses.
std::vector<ClassSummaryRow> classSummary(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                          int numClasses, const PruneSpec& spec);

// The rows' labels, the most affected class first: the largest share removed, then the
// highest median, then the lower label.
std::vector<int> mostAffectedFirst(const std::vector<ClassSummaryRow>& rows);

}  // namespace ps
