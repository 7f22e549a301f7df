#pragma once
// Export of a pruned subset as files other tools read: a plain index list (.txt, one
// training index per line after a "# prunescope ..." provenance line, loadable with
// numpy.loadtxt), a NumPy .npy of int64 indices (torch.utils.data.Subset-ready), or a
// CSV (index, source, label, score). .npy and .csv get a sidecar FILE.json with the
// provenance: dataset fingerprint, score run and name, policy, f, beta, seed.
#include <cstdint>
#include <string>
#include <vector>

#include "prune/prune_policy.h"

namespace ps {

class Dataset;

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
// The format follows the extension: .txt, .npy or .csv; ConfigError otherwise.
void exportSubset(const Dataset& ds, const std::vector<int64_t>& indices, const std::vector<float>& scores,
                  const SubsetProvenance& provenance, const std::string& path);

}  // namespace ps
