#include "prune/robust_pruning.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

#include "util/errors.h"

namespace ps {

namespace {

void checkDropInputs(const std::vector<int64_t>& sizes, const std::vector<double>& recall, double keep) {
  if (!(keep > 0 && keep <= 1)) throw ConfigError("kept fraction " + std::to_string(keep) + " is outside (0, 1]");
  if (sizes.size() != recall.size())
    throw ConfigError("DRoP: " + std::to_string(recall.size()) + " class recalls for " + std::to_string(sizes.size()) +
                      " classes");
  for (size_t k = 0; k < recall.size(); ++k) {
    if (!(recall[k] >= 0 && recall[k] <= 1))
      throw ConfigError("DRoP: recall " + std::to_string(recall[k]) + " of class " + std::to_string(k) +
                        " is outside [0, 1]");
    if (sizes[k] < 0) throw ConfigError("DRoP: class " + std::to_string(k) + " has a negative size");
  }
}

}  // namespace

std::vector<double> dropDensities(const std::vector<int64_t>& classSizes, const std::vector<double>& recall,
                                  double keep) {
  checkDropInputs(classSizes, recall, keep);
  const size_t k = classSizes.size();
  const double n = static_cast<double>(std::accumulate(classSizes.begin(), classSizes.end(), int64_t(0)));
  std::vector<double> d(k, 0.0);
  std::vector<char> open(k, 0);
  for (size_t c = 0; c < k; ++c) open[c] = classSizes[c] > 0;
  double excess = keep * n;
  // Each pass saturates at least one class or spends the whole excess: at most k + 1 passes.
  for (size_t pass = 0; pass <= k && excess > 1e-9 * std::max(1.0, n); ++pass) {
    double z = 0, sizeOpen = 0;
    for (size_t c = 0; c < k; ++c)
      if (open[c]) {
        z += static_cast<double>(classSizes[c]) * (1.0 - recall[c]);
        sizeOpen += static_cast<double>(classSizes[c]);
      }
    if (sizeOpen == 0) break;
    const double budget = excess;
    for (size_t c = 0; c < k; ++c) {
      if (!open[c]) continue;
      // No error left among the open classes: spread the rest in proportion to size.
      const double add = z > 0 ? budget * (1.0 - recall[c]) / z : budget / sizeOpen;
      d[c] += add;
      excess -= static_cast<double>(classSizes[c]) * add;
      if (d[c] > 1.0) {
        excess += static_cast<double>(classSizes[c]) * (d[c] - 1.0);
        d[c] = 1.0;
        open[c] = 0;
      }
    }
  }
  return d;
}

std::vector<int64_t> dropQuotas(const std::vector<int64_t>& classSizes, const std::vector<double>& recall,
                                double keep) {
  const std::vector<double> d = dropDensities(classSizes, recall, keep);
  const int64_t n = std::accumulate(classSizes.begin(), classSizes.end(), int64_t(0));
  const int64_t total = n > 0 ? keptCount(n, keep) : 0;
  std::vector<int64_t> quota(classSizes.size(), 0);
  std::vector<std::pair<double, size_t>> remainder;
  int64_t assigned = 0;
  for (size_t c = 0; c < classSizes.size(); ++c) {
    const double exact = d[c] * static_cast<double>(classSizes[c]);
    quota[c] = std::min<int64_t>(classSizes[c], static_cast<int64_t>(std::floor(exact + 1e-9)));
    assigned += quota[c];
    remainder.emplace_back(exact - static_cast<double>(quota[c]), c);
  }
  std::stable_sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t r = 0; assigned < total && r < remainder.size(); ++r) {
    const size_t c = remainder[r].second;
    if (quota[c] < classSizes[c]) {
      ++quota[c];
      ++assigned;
    }
  }
  return quota;
}

std::vector<int64_t> selectRobust(const std::vector<int>& labels, const std::vector<double>& recall, double keep,
                                  uint64_t seed) {
  std::vector<std::vector<int64_t>> byClass(recall.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] < 0 || static_cast<size_t>(labels[i]) >= recall.size())
      throw ConfigError("DRoP: label " + std::to_string(labels[i]) + " has no recall (" +
                        std::to_string(recall.size()) + " classes)");
    byClass[static_cast<size_t>(labels[i])].push_back(static_cast<int64_t>(i));
  }
  std::vector<int64_t> sizes;
  sizes.reserve(byClass.size());
  for (const auto& c : byClass) sizes.push_back(static_cast<int64_t>(c.size()));
  const auto quota = dropQuotas(sizes, recall, keep);
  std::mt19937_64 rng(seed);
  std::vector<int64_t> kept;
  for (size_t c = 0; c < byClass.size(); ++c) {
    std::shuffle(byClass[c].begin(), byClass[c].end(), rng);
    kept.insert(kept.end(), byClass[c].begin(), byClass[c].begin() + static_cast<std::ptrdiff_t>(quota[c]));
  }
  std::sort(kept.begin(), kept.end());
  return kept;
}

std::vector<int> groupIds(const std::vector<int>& labels, const std::vector<std::vector<uint16_t>>& codes) {
  for (const auto& c : codes)
    if (c.size() != labels.size())
      throw ConfigError("group ids: " + std::to_string(c.size()) + " attribute codes for " +
                        std::to_string(labels.size()) + " examples");
  std::map<std::vector<int>, int> ids;
  std::vector<int> out(labels.size());
  std::vector<int> key(codes.size() + 1);
  for (size_t i = 0; i < labels.size(); ++i) {
    key[0] = labels[i];
    for (size_t a = 0; a < codes.size(); ++a) key[a + 1] = codes[a][i];
    out[i] = ids.emplace(key, static_cast<int>(ids.size())).first->second;
  }
  return out;
}

std::vector<int64_t> selectGroupBalanced(const std::vector<float>& difficulty, const std::vector<int>& groups,
                                         const PruneSpec& spec) {
  PruneSpec balanced = spec;
  balanced.classBalanced = true;  // the class-balanced rule, with groups for classes
  if (balanced.policy == PrunePolicy::GroupBalanced) balanced.policy = PrunePolicy::KeepHard;
  return selectSubset(difficulty, groups, balanced);
}

}  // namespace ps
