#include "store/map_store.h"

#include <cmath>
#include <cstring>

#include "store/sqlite_db.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

MapStore::MapStore(Store& store) : db_(*store.db_) {}

void MapStore::put(int64_t runId, const std::string& settings, const StoredMap& map) {
  if (map.x.size() != map.y.size())
    throw StoreError(db_.path() + ": a map of " + std::to_string(map.x.size()) + " x and " +
                     std::to_string(map.y.size()) + " y coordinates (expected as many of each)");
  std::vector<float> xy(2 * map.x.size());
  for (size_t i = 0; i < map.x.size(); ++i) xy[2 * i] = map.x[i], xy[2 * i + 1] = map.y[i];
  Statement st(db_,
               "INSERT OR REPLACE INTO embedding_maps(run_id, settings, n, laid_out, seconds, xy) "
               "VALUES(?,?,?,?,?,?)");
  st.bind(1, runId).bind(2, settings).bind(3, static_cast<int64_t>(map.x.size())).bind(4, map.laidOut);
  st.bind(5, map.seconds).bindBlob(6, xy.data(), xy.size() * sizeof(float));
  st.run();
}

std::optional<StoredMap> MapStore::find(int64_t runId, const std::string& settings) const {
  Statement st(db_, "SELECT n, laid_out, seconds, xy FROM embedding_maps WHERE run_id = ? AND settings = ?");
  st.bind(1, runId).bind(2, settings);
  if (!st.step()) return std::nullopt;
  const int64_t n = st.int64(0);
  const std::string where = db_.path() + ": the map of run " + std::to_string(runId);
  if (n < 0 || st.blobSize(3) != static_cast<size_t>(n) * 2 * sizeof(float))
    throw StoreError(where + " holds " + std::to_string(st.blobSize(3)) + " bytes for " + std::to_string(n) +
                     " examples (expected 8 bytes per example)");
  StoredMap out;
  out.laidOut = st.int64(1);
  out.seconds = st.real(2);
  std::vector<float> xy(static_cast<size_t>(2 * n));
  if (n > 0) std::memcpy(xy.data(), st.blob(3), xy.size() * sizeof(float));
  out.x.resize(static_cast<size_t>(n));
  out.y.resize(static_cast<size_t>(n));
  for (size_t i = 0; i < out.x.size(); ++i) {
    out.x[i] = xy[2 * i], out.y[i] = xy[2 * i + 1];
    if (!std::isfinite(out.x[i]) || !std::isfinite(out.y[i]))
      throw StoreError(where + " has a coordinate that is not finite at example " + std::to_string(i));
  }
  if (out.laidOut < 0 || out.laidOut > n)
    throw StoreError(where + " says " + std::to_string(out.laidOut) + " examples were laid out (expected 0 to " +
                     std::to_string(n) + ")");
  return out;
}

}  // namespace ps
