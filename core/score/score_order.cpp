#include "score/score_order.h"

#include <algorithm>
#include <numeric>

namespace ps {

ScoreOrder easiestFirst(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                        const std::vector<int>& labels, int onlyClass, const std::vector<uint8_t>* onlyPositions) {
  // (value, position) pairs sort with contiguous memory; the position breaks ties, so the
  // order is the stable one.
  std::vector<std::pair<float, uint32_t>> order;
  order.reserve(indices.size());
  for (size_t p = 0; p < indices.size(); ++p)
    if ((onlyClass < 0 || labels[p] == onlyClass) && (!onlyPositions || (*onlyPositions)[p]))
      order.push_back({difficulty[p], static_cast<uint32_t>(p)});
  std::sort(order.begin(), order.end());
  ScoreOrder out;
  out.indices.reserve(order.size());
  out.values.reserve(order.size());
  for (const auto& [v, p] : order) {
    out.indices.push_back(indices[p]);
    out.values.push_back(v);
  }
  return out;
}

PruneMarks pruneMarks(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                      const std::vector<int>& labels, const PruneSpec& spec, size_t splitSize) {
  PruneMarks m;
  m.prunedByIndex.assign(splitSize, 0);
  std::vector<uint8_t> keptPos(indices.size(), 0);
  for (int64_t p : selectSubset(difficulty, labels, spec)) keptPos[static_cast<size_t>(p)] = 1;
  m.kept.reserve(static_cast<size_t>(std::count(keptPos.begin(), keptPos.end(), uint8_t(1))));
  for (size_t p = 0; p < keptPos.size(); ++p) {
    if (keptPos[p])
      m.kept.push_back(indices[p]);
    else
      m.prunedByIndex[static_cast<size_t>(indices[p])] = 1;
  }
  return m;
}

ExampleNotes notesByIndex(const std::vector<int64_t>& indices, const Predictions& p, const LabelIssues& issues,
                          size_t splitSize) {
  ExampleNotes notes;
  notes.predicted.assign(splitSize, -1);
  notes.pPredicted.assign(splitSize, 0.f);
  notes.flagged.assign(splitSize, 0);
  if (p.size() != indices.size()) return notes;
  for (size_t pos = 0; pos < indices.size(); ++pos) {
    const auto i = static_cast<size_t>(indices[pos]);
    if (i >= splitSize) continue;
    notes.predicted[i] = p.predicted[pos];
    notes.pPredicted[i] = p.pPredicted[pos];
    notes.flagged[i] = pos < issues.flagged.size() ? issues.flagged[pos] : 0;
  }
  return notes;
}

std::vector<uint8_t> filterPositions(ExampleFilter f, const Predictions& p, const LabelIssues& issues,
                                     const std::vector<int>& labels) {
  std::vector<uint8_t> keep(labels.size(), f == ExampleFilter::All ? 1 : 0);
  if (f == ExampleFilter::All) return keep;
  for (size_t pos = 0; pos < labels.size(); ++pos) {
    if (f == ExampleFilter::Disagrees)
      keep[pos] = pos < p.size() && p.predicted[pos] >= 0 && p.predicted[pos] != labels[pos];
    else
      keep[pos] = pos < issues.flagged.size() && issues.flagged[pos];
  }
  return keep;
}

}  // namespace ps
