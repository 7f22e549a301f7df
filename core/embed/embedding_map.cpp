#include "embed/embedding_map.h"

#include "data/dataset.h"
#include "embed/knn.h"
#include "store/embedding_store.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

namespace {

std::string whatToRun(const Dataset& ds) {
  return "run `prunescope-cli score " + ds.spec() +
         "` (a scoring run stores its classifier's embedding of the training examples) and map that run";
}

int64_t datasetIdOf(const Store& store, const Dataset& ds) {
  const auto record = store.findDataset(ds.fingerprint());
  if (!record)
    throw ConfigError("embedding map: " + ds.spec() + " has no runs in the store " + store.path() + ": " +
                      whatToRun(ds));
  return record->id;
}

// The run to map: `runId`, checked, or the newest run with an embedding.
int64_t mapRun(const Store& store, const Dataset& ds, int64_t runId) {
  const int64_t datasetId = datasetIdOf(store, ds);
  if (runId == 0) {
    const std::vector<int64_t> runs = runsWithEmbeddings(store, datasetId);
    if (runs.empty())
      throw ConfigError("embedding map: no run of " + ds.spec() + " in " + store.path() +
                        " stored an embedding (imported scores have none): " + whatToRun(ds));
    return runs.front();
  }
  const RunRecord run = store.run(runId);
  if (run.datasetId != datasetId)
    throw ConfigError("embedding map: run " + std::to_string(runId) + " is a run of another dataset, not of " +
                      ds.spec());
  if (!hasEmbedding(store, runId, Split::Train))
    throw ConfigError(
        "embedding map: run " + std::to_string(runId) + " (" + run.kind +
        ") stored no embedding of the training examples (an import of scores has none): " + whatToRun(ds));
  return runId;
}

NeighbourLists search(const FloatMatrix& base, const FloatMatrix* query, int k, JobContext* ctx) {
  KnnOptions o;
  o.k = k;
  o.job = ctx;
  const MatrixView b{base.data.data(), base.rows, base.cols};
  return query ? knnQuery(MatrixView{query->data.data(), query->rows, query->cols}, b, o) : knnWithin(b, o);
}

}  // namespace

std::vector<MapSource> mapSources(Store& store, const Dataset& ds) {
  const auto record = store.findDataset(ds.fingerprint());
  if (!record) return {};
  std::vector<MapSource> out;
  for (const int64_t id : runsWithEmbeddings(store, record->id)) {
    const RunRecord run = store.run(id);
    out.push_back({id, "run " + std::to_string(id) + " · " + run.kind + " · " + run.finishedAt});
  }
  return out;
}

std::optional<StoredMap> cachedMap(Store& store, int64_t runId, const MapSettings& s) {
  return MapStore(store).find(runId, s.toJson());
}

EmbeddingMap embeddingMap(Store& store, const Dataset& ds, int64_t runId, const MapSettings& s, JobContext* ctx) {
  s.validate();
  EmbeddingMap out;
  out.runId = mapRun(store, ds, runId);
  const auto rows = static_cast<int64_t>(ds.size(Split::Train));
  if (auto cached = cachedMap(store, out.runId, s); cached && static_cast<int64_t>(cached->x.size()) == rows) {
    out.map = std::move(*cached);
    out.fromCache = true;
    return out;
  }
  std::optional<Embedding> e = loadEmbedding(store, out.runId, Split::Train);
  if (!e) throw ConfigError("embedding map: run " + std::to_string(out.runId) + " has no embedding: " + whatToRun(ds));
  if (e->rows != rows)
    throw ConfigError("embedding map: the embedding of run " + std::to_string(out.runId) + " has " +
                      std::to_string(e->rows) + " rows, but " + ds.spec() + " has " + std::to_string(rows) +
                      " training examples (expected one row per example)");
  const FloatMatrix m{e->rows, static_cast<int>(e->dims), std::move(e->values)};
  const MapLayout layout = layoutEmbedding(
      m, s, [](const FloatMatrix& b, const FloatMatrix* q, int k) { return search(b, q, k, nullptr); }, ctx);
  out.map = StoredMap{layout.x, layout.y, layout.laidOut, layout.seconds};
  MapStore(store).put(out.runId, s.toJson(), out.map);
  return out;
}

}  // namespace ps
