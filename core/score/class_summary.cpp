#include "score/class_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "util/errors.h"

namespace ps {

namespace {
// The q-quantile of `v` (nearest rank), reordering it; NaN when empty.
double quantile(std::vector<float>& v, double q) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto at = static_cast<size_t>(std::llround(q * static_cast<double>(v.size() - 1)));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
  return static_cast<double>(v[at]);
}
}  // namespace

std::vector<ClassSummaryRow> classSummary(const std::vector<float>& difficulty, const std::vector<int>& labels,
                                          int numClasses, const PruneSpec& spec) {
  if (difficulty.size() != labels.size())
    throw ConfigError("class summary: " + std::to_string(difficulty.size()) + " scores but " +
                      std::to_string(labels.size()) + " labels; expected one label per score");
  if (numClasses < 1)
    throw ConfigError("class summary: " + std::to_string(numClasses) + " classes; expected at least 1");
  std::vector<ClassSummaryRow> rows(static_cast<size_t>(numClasses));
  for (size_t c = 0; c < rows.size(); ++c) rows[c].label = static_cast<int>(c);
  for (int l : labels) {
    if (l < 0 || l >= numClasses)
      throw ConfigError("class summary: label " + std::to_string(l) + " is outside the " + std::to_string(numClasses) +
                        " classes");
    ++rows[static_cast<size_t>(l)].count;
  }
  std::vector<int64_t> kept;
  if (!difficulty.empty()) kept = selectSubset(difficulty, labels, spec);
  std::vector<uint8_t> isKept(difficulty.size(), 0);
  for (int64_t p : kept) isKept[static_cast<size_t>(p)] = 1;
  std::vector<std::vector<float>> values(rows.size());
  for (size_t c = 0; c < rows.size(); ++c) values[c].reserve(static_cast<size_t>(rows[c].count));
  for (size_t p = 0; p < difficulty.size(); ++p) {
    const auto c = static_cast<size_t>(labels[p]);
    values[c].push_back(difficulty[p]);
    if (!isKept[p]) ++rows[c].removed;
  }
  for (size_t c = 0; c < rows.size(); ++c) {
    rows[c].median = quantile(values[c], 0.5);
    rows[c].p90 = quantile(values[c], 0.9);
    rows[c].removedShare =
        rows[c].count > 0 ? static_cast<double>(rows[c].removed) / static_cast<double>(rows[c].count) : 0.0;
  }
  return rows;
}

std::vector<int> mostAffectedFirst(const std::vector<ClassSummaryRow>& rows) {
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), size_t{0});
  auto median = [](const ClassSummaryRow& r) { return std::isnan(r.median) ? -1e300 : r.median; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (rows[a].removedShare != rows[b].removedShare) return rows[a].removedShare > rows[b].removedShare;
    if (median(rows[a]) != median(rows[b])) return median(rows[a]) > median(rows[b]);
    return rows[a].label < rows[b].label;
  });
  std::vector<int> out;
  out.reserve(order.size());
  for (size_t i : order) out.push_back(rows[i].label);
  return out;
}

}  // namespace ps
