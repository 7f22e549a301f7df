#include "data/dataset_summary.h"

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
  return s;
}

}  // namespace ps
