#include "score/prediction_columns.h"

#include <cmath>

#include "util/csv_writer.h"

namespace ps {

PredictionColumns::PredictionColumns(const Predictions& predictions, const std::vector<int64_t>& indices,
                                     const std::vector<int>& labels, const std::vector<std::string>& classNames)
    : predictions_(predictions), classNames_(classNames) {
  if (predictions_.empty()) return;
  flagged_ = findLabelIssues(predictions_, labels, classNames_.size()).flagged;
  position_.reserve(indices.size());
  for (size_t k = 0; k < indices.size(); ++k) position_.emplace(indices[k], k);
}

const std::vector<std::string>& PredictionColumns::header() {
  static const std::vector<std::string> names = {"predicted",         "predicted_class", "p_predicted",       "p_label",
                                                 "disagreeing_seeds", "seeds",           "likely_mislabelled"};
  return names;
}

void PredictionColumns::writeAt(CsvWriter& csv, size_t position) const {
  const size_t k = position;
  const Predictions& p = predictions_;
  const int32_t c = p.predicted[k];
  csv.integer(c).text(c >= 0 && static_cast<size_t>(c) < classNames_.size() ? classNames_[static_cast<size_t>(c)]
                                                                            : std::string());
  csv.number(p.pPredicted[k]).number(p.pLabel[k]);
  csv.integer(std::llround(static_cast<double>(p.disagree[k]) * p.seeds)).integer(p.seeds);
  csv.integer(k < flagged_.size() ? flagged_[k] : 0);
}

void PredictionColumns::write(CsvWriter& csv, int64_t trainIndex) const {
  const auto at = position_.find(trainIndex);
  if (at != position_.end() && at->second < predictions_.size()) {
    writeAt(csv, at->second);
    return;
  }
  for (size_t i = 0; i < header().size(); ++i) csv.text("");
}

}  // namespace ps
