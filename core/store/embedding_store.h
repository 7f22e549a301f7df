#pragma once
// A run's embedding of a dataset kept in the store (schema migration 6): one matrix per
// run and split, float32 row-major, one row per example in the dataset's order of that
// split (the training order for Split::Train), with the name of what produced it.
// Read back checked like every stored value: the sizes must match the blob and every
// value must be finite.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace ps {

class Store;

// Names of the embeddings the workbench computes ("torchscript:<file>" for an encoder file).
inline const char* const kClassifierEmbedding = "classifier";
inline const char* const kSelfSupervisedEmbedding = "self-supervised";
inline const char* const kTorchScriptEmbeddingPrefix = "torchscript:";

struct Embedding {
  std::string source;         // what produced it, e.g. "classifier"
  int64_t rows = 0, dims = 0;  // examples × dimensions
  std::vector<float> values;   // rows × dims, row-major

  const float* row(int64_t i) const { return values.data() + i * dims; }
};

// ConfigError unless `e` is well-formed: source named, rows ≥ 0, dims ≥ 1, values sized
// rows × dims, all finite. `what` names it in the message.
void checkEmbedding(const Embedding& e, const std::string& what);

// Stores `e` for (run, split), replacing one stored before; checked first (ConfigError).
void saveEmbedding(Store& store, int64_t runId, Split split, const Embedding& e);
// The embedding stored for (run, split), or none. StoreError (naming the store, run and
// what is wrong) when the stored sizes disagree with the blob or a value is not finite.
std::optional<Embedding> loadEmbedding(const Store& store, int64_t runId, Split split);
bool hasEmbedding(const Store& store, int64_t runId, Split split);
// The runs of a dataset that have a stored training-split embedding, newest first.
std::vector<int64_t> runsWithEmbeddings(const Store& store, int64_t datasetId);

}  // namespace ps
