#pragma once
// What the trained models said about each example, stored with every scoring run that
// trains a classifier: the final model's predicted class and its probability for the
// given label, how often (across seeds) the prediction disagreed with the label, and the
// three most probable classes. From these, `findLabelIssues` flags likely mislabelled
// examples by confident learning (Northcutt et al., "Confident Learning: Estimating
// Uncertainty in Dataset Labels", JAIR 2021): an example labelled i is flagged when the
// most probable class j whose probability reaches class j's own threshold (the mean
// probability the models give class j on examples labelled j) is not i, and the models
// disagree with the label in at least half of the seeds (and their most frequent
// prediction is not the label).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ps {

class Store;

constexpr int kTopClasses = 3;

// One seed's final-model outputs, position by position (the run's example order).
struct SeedPredictions {
  std::vector<int32_t> topClass;  // kTopClasses per example, most probable first (-1: fewer classes)
  std::vector<float> topProb;     // their probabilities
  std::vector<float> pLabel;      // probability of the given label
};

struct Predictions {
  int seeds = 0;
  std::vector<int32_t> predicted;  // per example: the class predicted most often across seeds
  std::vector<float> pPredicted;   // mean probability of that class
  std::vector<float> pLabel;       // mean probability of the given label
  std::vector<float> disagree;     // fraction of seeds whose prediction is not the label
  std::vector<int32_t> topClass;   // kTopClasses per example, by mean probability
  std::vector<float> topProb;
  bool empty() const { return predicted.empty(); }
  size_t size() const { return predicted.size(); }
};

// Combines the seeds (a class outside a seed's top three counts as probability 0 there).
Predictions combineSeeds(const std::vector<SeedPredictions>& seeds, const std::vector<int>& labels);

// Stored as the run's vectors "pred/…"; loadPredictions gives an empty result for a run
// without them (an import, a run without a classifier, or one stored by an older version)
// and StoreError when their lengths do not fit `n` examples.
void putPredictions(Store& store, int64_t runId, const Predictions& p);
Predictions loadPredictions(const Store& store, int64_t runId, size_t n);

struct LabelIssues {
  std::vector<uint8_t> flagged;      // per example (run order): 1 = likely mislabelled
  std::vector<int64_t> perClass;     // flagged examples per given label
  std::vector<double> threshold;     // per class: mean probability of the class on its own examples
  std::vector<int64_t> disagreeing;  // per class: examples whose predicted class is not the label
  int64_t total = 0;
};
LabelIssues findLabelIssues(const Predictions& p, const std::vector<int>& labels, size_t numClasses);

}  // namespace ps
