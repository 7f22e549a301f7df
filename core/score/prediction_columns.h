#pragma once
// A scoring run's stored predictions as CSV columns, so that a score export carries them:
// predicted (the class predicted most often across seeds), predicted_class (its name),
// p_predicted (its mean probability), p_label (the given label's mean probability),
// disagreeing_seeds (seeds whose prediction is not the label), seeds, and
// likely_mislabelled (1 when confident learning flags the label, in-sample; see
// predictions.h). A run without predictions (an import, a run without a classifier) has
// no such columns.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "score/predictions.h"

namespace ps {

class CsvWriter;

class PredictionColumns {
 public:
  // `indices`: the run's training indices (its vector order); `labels`: their labels.
  // `predictions` must outlive this.
  PredictionColumns(const Predictions& predictions, const std::vector<int64_t>& indices, const std::vector<int>& labels,
                    const std::vector<std::string>& classNames);
  bool empty() const { return predictions_.empty(); }
  static const std::vector<std::string>& header();
  // The cells of the example at `position` of the run; of training example `trainIndex`
  // (empty cells when the run did not score it).
  void writeAt(CsvWriter& csv, size_t position) const;
  void write(CsvWriter& csv, int64_t trainIndex) const;

 private:
  const Predictions& predictions_;
  std::vector<std::string> classNames_;
  std::vector<uint8_t> flagged_;
  std::unordered_map<int64_t, size_t> position_;
};

}  // namespace ps
