#include "score/score_order.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace ps {

namespace {

const std::vector<float>* usable(const std::vector<float>* key, size_t n) {
  return key && !key->empty() && key->size() == n ? key : nullptr;
}

}  // namespace

std::vector<float> tieBreakKey(const Predictions& p) {
  std::vector<float> key;
  key.reserve(p.pLabel.size());
  for (float q : p.pLabel) key.push_back(std::isfinite(q) ? 1.0f - q : 0.0f);  // unreadable: as if never predicted
  return key;
}

ScoreOrder easiestFirst(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                        const std::vector<int>& labels, int onlyClass, const std::vector<uint8_t>* onlyPositions,
                        const std::vector<float>* tieKey) {
  // Plain structs sort with contiguous memory; easiest first is the reverse of
  // rankedHarder: difficulty up, tie key up, training index down.
  struct Entry {
    float value, tie;
    int64_t index;
    uint32_t pos;
  };
  const std::vector<float>* key = usable(tieKey, indices.size());
  std::vector<Entry> order;
  order.reserve(indices.size());
  for (size_t p = 0; p < indices.size(); ++p)
    if ((onlyClass < 0 || labels[p] == onlyClass) && (!onlyPositions || (*onlyPositions)[p]))
      order.push_back({difficulty[p], key ? (*key)[p] : 0.0f, indices[p], static_cast<uint32_t>(p)});
  std::sort(order.begin(), order.end(), [](const Entry& a, const Entry& b) {
    if (a.value != b.value) return a.value < b.value;
    if (a.tie != b.tie) return a.tie < b.tie;
    return a.index > b.index;
  });
  ScoreOrder out;
  out.indices.reserve(order.size());
  out.values.reserve(order.size());
  for (const Entry& e : order) {
    out.indices.push_back(e.index);
    out.values.push_back(e.value);
  }
  return out;
}

namespace {

std::string threeDigits(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

TopTie topTie(const std::vector<float>& difficulty) {
  TopTie t;
  for (float v : difficulty) {
    if (std::isnan(v)) continue;
    if (t.count == 0 || v > t.value) {
      t.value = v;
      t.count = 1;
    } else if (v == t.value) {
      ++t.count;
    }
  }
  if (t.count == 0) return t;
  // only values within 1% of the maximum can round to its three digits: few are formatted
  const double top = t.value, near = top - 0.01 * std::fabs(top);
  const std::string shown = threeDigits(top);
  for (float v : difficulty)
    if (v >= near && threeDigits(v) == shown) ++t.lookAlike;
  return t;
}

std::string describeTopTie(const TopTie& t, bool byTieKey, const Wording& w) {
  char value[32];
  std::snprintf(value, sizeof value, "%.5g", static_cast<double>(t.value));
  if (t.count == 0) return w(PS_WORDS("Wording", "no examples scored"));
  std::string text;
  if (t.count == 1)
    text = w(PS_WORDS("Wording", "one example holds the maximum %1"), {value});
  else if (byTieKey)
    text = w(PS_WORDS("Wording",
                      "%1 examples tie at the maximum %2, ranked among themselves by the label's probability under "
                      "the trained models"),
             {std::to_string(t.count), value});
  else
    text = w(PS_WORDS("Wording", "%1 examples tie at the maximum %2, ranked among themselves by training index"),
             {std::to_string(t.count), value});
  if (t.lookAlike > t.count)
    text += "; " + w(PS_WORDS("Wording", "%1 show as %2 at three digits (distinct values, ranked by them)"),
                     {std::to_string(t.lookAlike), threeDigits(t.value)});
  return text;
}

PruneMarks pruneMarks(const std::vector<int64_t>& indices, const std::vector<float>& difficulty,
                      const std::vector<int>& labels, const PruneSpec& spec, size_t splitSize,
                      const std::vector<float>* tieKey, const PolicyInputs* inputs) {
  PruneMarks m;
  m.prunedByIndex.assign(splitSize, 0);
  std::vector<uint8_t> keptPos(indices.size(), 0);
  const TieBreak tie{usable(tieKey, indices.size()), &indices};
  for (int64_t p : selectSubset(difficulty, labels, spec, tie, inputs)) keptPos[static_cast<size_t>(p)] = 1;
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
