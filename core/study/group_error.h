#pragma once
// Per-group test accuracy of a trained model, for the studies' worst-group metric. A
// group is a class × the values of every attribute of the dataset that can be grouped by
// (data/attributes.h); a dataset without such attributes has no groups. No torch here.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

class Dataset;

// The test examples' groups: their names ("class=Shirt, bg=warm"), in a fixed order, and
// each test example's group.
struct TestGroups {
  std::vector<std::string> names;
  std::vector<int> ofTest;  // one per test example
  bool empty() const { return names.empty(); }
};
TestGroups testGroups(const Dataset& ds);

// Accuracy per group on the first predictions.size() test examples (NaN for a group
// with none of them); empty when `groups` is empty or predictions are missing.
// ConfigError when a prediction is not a class or there are more than test examples.
std::vector<double> groupAccuracy(const TestGroups& groups, const std::vector<int>& testLabels,
                                  const std::vector<int32_t>& predictions);

// 1 − the smallest accuracy (NaN entries skipped); NaN when there is none.
double worstError(const std::vector<double>& accuracy);

}  // namespace ps
