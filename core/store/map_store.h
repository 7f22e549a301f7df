#pragma once
// The embedding map's cache: one 2-D point per training example, keyed by the run whose
// embedding was laid out and by the layout's settings (canonical JSON), in the table
// `embedding_maps` (schema migration 7). A map is written whole in one statement, so a
// killed process leaves either the old rows or the new ones. Errors: StoreError naming
// the store file and what was wrong with the stored rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps {

class Store;
class SqliteDb;

struct StoredMap {
  std::vector<float> x, y;  // per training example, in the dataset's training order
  int64_t laidOut = 0;      // examples in the layout's sample (the rest placed by neighbours)
  double seconds = 0;       // how long the layout took
};

class MapStore {
 public:
  explicit MapStore(Store& store);
  void put(int64_t runId, const std::string& settings, const StoredMap& map);
  // The map cached for this run and settings, checked (sizes, finite values); nullopt if none.
  std::optional<StoredMap> find(int64_t runId, const std::string& settings) const;

 private:
  SqliteDb& db_;
};

}  // namespace ps
