#include "store/embedding_store.h"

#include <cmath>
#include <cstring>

#include "store/sqlite_db.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

void checkEmbedding(const Embedding& e, const std::string& what) {
  if (e.source.empty()) throw ConfigError(what + ": the embedding names no source (e.g. classifier)");
  if (e.rows < 0 || e.dims < 1)
    throw ConfigError(what + ": an embedding of " + std::to_string(e.rows) + " rows × " + std::to_string(e.dims) +
                      " dimensions (expected rows ≥ 0 and at least 1 dimension)");
  if (e.values.size() != static_cast<uint64_t>(e.rows) * static_cast<uint64_t>(e.dims))
    throw ConfigError(what + ": " + std::to_string(e.values.size()) + " values for " + std::to_string(e.rows) +
                      " rows × " + std::to_string(e.dims) + " dimensions");
  for (size_t i = 0; i < e.values.size(); ++i)
    if (!std::isfinite(e.values[i]))
      throw ConfigError(what + ": value " + std::to_string(i) + " (row " + std::to_string(i / e.dims) +
                        ") is not finite");
}

void saveEmbedding(Store& store, int64_t runId, Split split, const Embedding& e) {
  checkEmbedding(e, store.path() + ": embedding of run " + std::to_string(runId));
  Statement st(*store.db_,
               "INSERT OR REPLACE INTO embeddings(run_id, split, source, rows, dims, data) VALUES(?,?,?,?,?,?)");
  st.bind(1, runId).bind(2, std::string(splitName(split))).bind(3, e.source).bind(4, e.rows).bind(5, e.dims);
  st.bindBlob(6, e.values.data(), e.values.size() * sizeof(float));
  st.run();
}

std::optional<Embedding> loadEmbedding(const Store& store, int64_t runId, Split split) {
  Statement st(*store.db_, "SELECT source, rows, dims, data FROM embeddings WHERE run_id = ? AND split = ?");
  st.bind(1, runId).bind(2, std::string(splitName(split)));
  if (!st.step()) return std::nullopt;
  Embedding e;
  e.source = st.text(0);
  e.rows = st.int64(1);
  e.dims = st.int64(2);
  const std::string what = store.path() + ": the " + splitName(split) + " embedding of run " + std::to_string(runId);
  // The sizes are checked against the blob before they size anything (damaged sizes
  // could overflow rows × dims back to the blob's size).
  const auto bytes = static_cast<uint64_t>(st.blobSize(3));
  const bool sane = e.rows >= 0 && e.dims >= 1 && e.rows <= int64_t{1} << 40 && e.dims <= int64_t{1} << 20;
  if (!sane || bytes != static_cast<uint64_t>(e.rows) * static_cast<uint64_t>(e.dims) * sizeof(float))
    throw StoreError(what + " is damaged: " + std::to_string(bytes) + " bytes for " + std::to_string(e.rows) +
                     " rows × " + std::to_string(e.dims) + " float32 values");
  e.values.resize(static_cast<size_t>(e.rows * e.dims));
  if (bytes) std::memcpy(e.values.data(), st.blob(3), bytes);
  try {
    checkEmbedding(e, what);
  } catch (const ConfigError& err) {
    throw StoreError(std::string(err.what()) + " (the store is damaged)");
  }
  return e;
}

bool hasEmbedding(const Store& store, int64_t runId, Split split) {
  Statement st(*store.db_, "SELECT 1 FROM embeddings WHERE run_id = ? AND split = ?");
  st.bind(1, runId).bind(2, std::string(splitName(split)));
  return st.step();
}

std::vector<int64_t> runsWithEmbeddings(const Store& store, int64_t datasetId) {
  Statement st(*store.db_,
               "SELECT e.run_id FROM embeddings e JOIN runs r ON r.id = e.run_id "
               "WHERE r.dataset_id = ? AND e.split = 'train' ORDER BY e.run_id DESC");
  st.bind(1, datasetId);
  std::vector<int64_t> out;
  while (st.step()) out.push_back(st.int64(0));
  return out;
}

}  // namespace ps
