#pragma once
// Duplicates and train/test leaks of a dataset, exact and near, listed by pair:
// - exact: identical decoded pixels (data/exact_duplicates.h: hashed, then compared byte
//   for byte, so nothing is called exact that is not pixel-identical);
// - near: two examples whose embedding rows have a cosine similarity of at least the
//   threshold, found among each example's nearest neighbours (embed/knn.h), and not
//   already an exact pair;
// - a leak: a test example with an exact or near duplicate in the training split.
// Near pairs are searched within the training split and from each test example to the
// training split (not within the test split, which no pruning touches).
#include <cstdint>
#include <string>
#include <vector>

#include "data/exact_duplicates.h"
#include "embed/knn.h"

namespace ps {

class Dataset;
class JobContext;
struct Embedding;

// The default near-duplicate threshold on cosine similarity; see duplicates.cpp for why.
inline constexpr double kDefaultNearThreshold = 0.999;

// ConfigError unless 0 < threshold ≤ 1 (a similarity of 1 asks for identical directions).
void checkNearThreshold(double threshold);

struct DuplicateRow {
  bool exact = false;
  ExampleRef a;  // the training example (or, for an exact pair within the test split, the earlier test example)
  ExampleRef b;  // its copy
  double similarity = 1.0;  // 1 for exact pairs; cosine similarity for near ones
};

struct NearDuplicateOptions {
  double threshold = kDefaultNearThreshold;
  // Neighbours examined per example: a group of more than neighbours + 1 near copies
  // lists each member's `neighbours` most similar others, not every pair of the group.
  int neighbours = 10;
  int64_t exactSearchUpTo = KnnOptions{}.exactUpTo;
};

struct DuplicateReport {
  std::vector<DuplicateRow> rows;  // exact pairs (as found), then near pairs by a, then b
  ExactDuplicates exact;
  int64_t nearWithinTrain = 0;     // near pairs with both in training
  int64_t nearLeaks = 0;           // near pairs of a training and a test example
  int64_t testExamplesLeaked = 0;  // test examples with an exact or near training duplicate
  int64_t trainRowsSearched = 0;   // training examples with an embedding row (the first ones)
  std::string embeddingSource, searchMethod;
  double threshold = kDefaultNearThreshold;
};

// Near pairs from the embedding rows of the training split (the first train.rows
// examples) and, when `test` is given, of the whole test split; pairs that `exact` holds
// in one group are left out. ConfigError for a bad threshold, rows that do not fit the
// dataset or embeddings of different sources or dimensions.
std::vector<DuplicateRow> findNearDuplicates(const Dataset& ds, const Embedding& train, const Embedding* test,
                                             const ExactDuplicates& exact, const NearDuplicateOptions& options,
                                             JobContext* ctx = nullptr);

// Exact and near duplicates together (findExactDuplicates, then findNearDuplicates), with counts.
DuplicateReport findDuplicates(const Dataset& ds, const Embedding& train, const Embedding* test,
                               const NearDuplicateOptions& options, JobContext* ctx = nullptr);

// The pairs of `rows` within the training split, and those of a test example with a
// training example (leaks), in the order given.
std::vector<DuplicateRow> trainPairs(const std::vector<DuplicateRow>& rows);
std::vector<DuplicateRow> leakPairs(const std::vector<DuplicateRow>& rows);
// The training examples that "tag the copies exclude" tags: the second member of every
// training pair (the copy, never the first of its group) and the training member of
// every leak, sorted and without repeats.
std::vector<int64_t> copiesToExclude(const std::vector<DuplicateRow>& rows);

}  // namespace ps
