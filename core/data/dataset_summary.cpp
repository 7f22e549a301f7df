#include "data/dataset_summary.h"

#include <algorithm>
#include <iomanip>
#include <numeric>
#include <sstream>

namespace ps {

DatasetSummary summarize(const Dataset& ds) {
  DatasetSummary s;
  s.spec = ds.spec();
  s.format = ds.format();
  s.fingerprint = ds.fingerprint();
  s.train = ds.size(Split::Train);
  s.test = ds.size(Split::Test);
  s.shape = ds.shape();
  const auto train = ds.classCounts(Split::Train), test = ds.classCounts(Split::Test);
  for (size_t c = 0; c < ds.numClasses(); ++c)
    s.classes.push_back({static_cast<int>(c), ds.classNames()[c], train[c], test[c]});
  s.skipped = ds.skipped();
  for (const Attribute& a : ds.attributes()) {
    AttributeSummary as{a.name, a.groupable(), {}, a.valueCounts(0), a.valueCounts(1)};
    for (size_t v = 0; v < a.values.size(); ++v) as.values.push_back(a.valueLabel(static_cast<uint16_t>(v)));
    s.attributes.push_back(std::move(as));
  }
  if (s.format == "csv") {  // integer labels name class k "k"; names never all read so (the reader's rule)
    bool integers = true;
    for (size_t c = 0; c < ds.numClasses() && integers; ++c) integers = ds.classNames()[c] == std::to_string(c);
    s.labels = integers ? "integers" : "names";
  }
  return s;
}

std::string describeAttributes(const DatasetSummary& s, size_t maxValues) {
  std::ostringstream out;
  out << "attributes:  " << (s.attributes.empty() ? std::string("none") : std::to_string(s.attributes.size())) << "\n";
  for (const AttributeSummary& a : s.attributes) {
    out << "  " << a.name << ": " << a.values.size() << " values";
    if (!a.groupable) out << " (more than " << kMaxGroupValues << ": cannot be grouped by)";
    out << "\n    train   test  value\n";
    std::vector<size_t> order(a.values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return a.train[x] + a.test[x] > a.train[y] + a.test[y]; });
    for (size_t k = 0; k < order.size() && k < maxValues; ++k)
      out << "  " << std::setw(7) << a.train[order[k]] << " " << std::setw(6) << a.test[order[k]] << "  "
          << a.values[order[k]] << "\n";
    if (order.size() > maxValues) out << "    ... and " << order.size() - maxValues << " more values\n";
  }
  return out.str();
}

}  // namespace ps
