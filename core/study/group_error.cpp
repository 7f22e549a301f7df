#include "study/group_error.h"

#include <cmath>
#include <map>

#include "data/dataset.h"
#include "util/errors.h"

namespace ps {

TestGroups testGroups(const Dataset& ds) {
  std::vector<const Attribute*> attrs;
  for (const Attribute& a : ds.attributes())
    if (a.groupable()) attrs.push_back(&a);
  TestGroups g;
  if (attrs.empty()) return g;
  const size_t n = ds.size(Split::Test);
  const int split = static_cast<int>(Split::Test);
  std::map<std::vector<int>, int> index;  // class, then each attribute's code
  std::vector<std::vector<int>> keys(n);
  for (size_t i = 0; i < n; ++i) {
    keys[i].push_back(ds.label(Split::Test, i));
    for (const Attribute* a : attrs) keys[i].push_back(i < a->codes[split].size() ? a->codes[split][i] : 0);
    index.emplace(keys[i], 0);
  }
  for (auto& kv : index) {
    kv.second = static_cast<int>(g.names.size());
    std::string name = "class=" + ds.classNames()[static_cast<size_t>(kv.first[0])];
    for (size_t a = 0; a < attrs.size(); ++a)
      name += ", " + attrs[a]->name + "=" + attrs[a]->valueLabel(static_cast<uint16_t>(kv.first[a + 1]));
    g.names.push_back(name);
  }
  for (const auto& k : keys) g.ofTest.push_back(index.at(k));
  return g;
}

std::vector<double> groupAccuracy(const TestGroups& groups, const std::vector<int>& testLabels,
                                  const std::vector<int32_t>& predictions) {
  if (groups.empty() || predictions.empty()) return {};
  if (predictions.size() > groups.ofTest.size() || predictions.size() > testLabels.size())
    throw ConfigError("per-group accuracy: " + std::to_string(predictions.size()) + " predictions for " +
                      std::to_string(groups.ofTest.size()) + " test examples");
  std::vector<double> right(groups.names.size(), 0.0), seen(groups.names.size(), 0.0);
  for (size_t i = 0; i < predictions.size(); ++i) {
    const auto g = static_cast<size_t>(groups.ofTest[i]);
    seen[g] += 1;
    right[g] += predictions[i] == testLabels[i] ? 1 : 0;
  }
  std::vector<double> acc(right.size());
  for (size_t g = 0; g < acc.size(); ++g) acc[g] = seen[g] > 0 ? right[g] / seen[g] : std::nan("");
  return acc;
}

double worstError(const std::vector<double>& accuracy) {
  double worst = std::nan("");
  for (double a : accuracy)
    if (!std::isnan(a) && (std::isnan(worst) || a < worst)) worst = a;
  return std::isnan(worst) ? worst : 1.0 - worst;
}

}  // namespace ps
