#pragma once
// The embedding map of a dataset's run: its stored embedding (store/embedding_store.h)
// laid out by embed/map_layout.h, and cached in the store by run and settings
// (store/map_store.h), so that a second request for the same map reads it back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "embed/map_layout.h"
#include "store/map_store.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

// A run of the dataset that stored an embedding, newest first: what a map can be made of.
struct MapSource {
  int64_t runId = 0;
  std::string label;  // "run 3 · classifier penultimate layer · 60000 × 128"
};
std::vector<MapSource> mapSources(Store& store, const Dataset& ds);

// The map of `runId` with settings `s` if the store holds it.
std::optional<StoredMap> cachedMap(Store& store, int64_t runId, const MapSettings& s);

struct EmbeddingMap {
  int64_t runId = 0;
  StoredMap map;
  bool fromCache = false;
};
// The map of run `runId` (0: the newest run with an embedding), from the cache or laid
// out and cached. ConfigError when the run has no embedding (an import of scores: it
// names the command that computes one), when the dataset has none at all, when the
// embedding's rows are not the training split's, or for bad settings; Cancelled.
EmbeddingMap embeddingMap(Store& store, const Dataset& ds, int64_t runId, const MapSettings& s, JobContext* ctx);

}  // namespace ps
