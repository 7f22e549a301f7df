#pragma once
// Exact duplicates: examples whose decoded pixels are identical (not their files: the
// same image saved twice as PNG and JPEG-free re-encodes still match), within the
// training set, within the test set, and across them (a leak: a test example that is
// also a training example). No torch, no Qt.
//
// Each image's bytes (the dataset's shape, HWC) are hashed with XXH3-128; examples of
// equal hash are then compared byte for byte, so nothing is reported that is not
// pixel-identical. A group of k identical images gives k - 1 pairs: each copy against
// the group's first member (training before test, then the lower index).
#include <cstdint>
#include <vector>

#include "data/dataset.h"

namespace ps {

class JobContext;

struct ExampleRef {
  Split split = Split::Train;
  int64_t index = 0;
  bool operator==(const ExampleRef& o) const { return split == o.split && index == o.index; }
};

struct DuplicatePair {
  ExampleRef first;  // the group's first member
  ExampleRef copy;
};

struct ExactDuplicates {
  std::vector<DuplicatePair> pairs;   // ordered by first, then copy
  int64_t groups = 0;                 // sets of two or more identical images
  int64_t withinTrain = 0;            // pairs with both in training
  int64_t withinTest = 0;             // pairs with both in test
  int64_t leaks = 0;                  // pairs of a training example and a test example
  int64_t trainExamplesAffected = 0;  // training examples that are a copy of an earlier one
  int64_t testExamplesLeaked = 0;     // test examples with an identical training example
};

// Scans both splits. Reports progress and honours cancel through `ctx` when given.
ExactDuplicates findExactDuplicates(const Dataset& ds, JobContext* ctx = nullptr);

}  // namespace ps
