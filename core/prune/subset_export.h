#pragma once
// Export of a pruned subset as files other tools read: a plain index list (.txt, one
// training index per line after a "# prunescope ..." provenance line, loadable with
// numpy.loadtxt), a NumPy .npy of int64 indices (torch.utils.data.Subset-ready), or a
// CSV (index, source, label, score). .npy and .csv get a sidecar FILE.json with the
// provenance: dataset fingerprint, score run and name, policy, f, beta, seed.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "prune/prune_policy.h"

namespace ps {

class CsvWriter;
class Dataset;

// Columns a .csv subset carries after its own (a score run's predictions, say): their
// names, and what writes an example's cells (one per name) given its training index.
struct ExtraCsvColumns {
  std::vector<std::string> header;
  std::function<void(CsvWriter&, int64_t)> write;
};

struct SubsetProvenance {
  std::string datasetSpec, fingerprint;
  int64_t scoreRunId = 0;
  std::string scoreName;
  PruneSpec spec;
  std::string selection;  // non-empty: the examples were picked by hand (this says how), not by `spec`
  int64_t excluded = 0;   // examples tagged 'exclude' left out before pruning
  std::string json() const;
};

// `indices`: training-split indices kept; `scores`: their difficulty (same order).
// The format follows the extension: .txt, .npy or .csv; ConfigError otherwise. A .csv
// carries the `extra` columns too, when given.
void exportSubset(const Dataset& ds, const std::vector<int64_t>& indices, const std::vector<float>& scores,
                  const SubsetProvenance& provenance, const std::string& path, const ExtraCsvColumns* extra = nullptr);

}  // namespace ps
