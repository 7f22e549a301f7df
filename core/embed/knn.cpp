#include "embed/knn.h"

#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "job/job.h"
#include "util/errors.h"

namespace ps {

namespace {

constexpr int64_t kQueryBatch = 4096;  // rows searched between progress reports and cancel checks

void checkView(const MatrixView& m, const std::string& what) {
  if (m.rows < 0 || m.dims < 1 || (m.rows > 0 && m.data == nullptr))
    throw ConfigError(what + ": a matrix of " + std::to_string(m.rows) + " rows × " + std::to_string(m.dims) +
                      " dimensions (expected rows ≥ 0, at least 1 dimension and its values)");
}

void checkOptions(const KnnOptions& o) {
  if (o.k < 1) throw ConfigError("nearest neighbours: k = " + std::to_string(o.k) + " (expected at least 1)");
  if (o.hnswM < 2 || o.hnswEfSearch < 1)
    throw ConfigError("nearest neighbours: HNSW M = " + std::to_string(o.hnswM) + ", efSearch = " +
                      std::to_string(o.hnswEfSearch) + " (expected M ≥ 2, efSearch ≥ 1)");
}

// The rows scaled to unit length (a zero row stays zero), so that inner product = cosine.
std::vector<float> normalised(const MatrixView& m) {
  std::vector<float> out(m.data, m.data + m.rows * m.dims);
  for (int64_t r = 0; r < m.rows; ++r) {
    float* row = out.data() + r * m.dims;
    double sq = 0.0;
    for (int64_t d = 0; d < m.dims; ++d) sq += static_cast<double>(row[d]) * row[d];
    if (sq <= 0.0 || !std::isfinite(sq)) continue;
    const auto inv = static_cast<float>(1.0 / std::sqrt(sq));
    for (int64_t d = 0; d < m.dims; ++d) row[d] *= inv;
  }
  return out;
}

int efSearchFor(const KnnOptions& o, int kk) { return std::max(o.hnswEfSearch, 2 * kk); }

std::unique_ptr<faiss::Index> buildIndex(const std::vector<float>& base, const MatrixView& shape,
                                         const KnnOptions& o, int kk) {
  if (shape.rows <= o.exactUpTo) {
    auto flat = std::make_unique<faiss::IndexFlatIP>(shape.dims);
    flat->add(shape.rows, base.data());
    return flat;
  }
  auto hnsw = std::make_unique<faiss::IndexHNSWFlat>(static_cast<int>(shape.dims), o.hnswM,
                                                      faiss::METRIC_INNER_PRODUCT);
  hnsw->hnsw.efConstruction = 40;
  for (int64_t from = 0; from < shape.rows; from += 16 * kQueryBatch) {  // added in parts, to report and cancel
    if (o.job) {
      o.job->throwIfCancelled();
      o.job->report(static_cast<double>(from), 2.0 * static_cast<double>(shape.rows), "building the HNSW graph");
    }
    const int64_t n = std::min(16 * kQueryBatch, shape.rows - from);
    hnsw->add(n, base.data() + from * shape.dims);
  }
  hnsw->hnsw.efSearch = efSearchFor(o, kk);
  return hnsw;
}

// kk neighbours of every query row, in batches; raw FAISS labels and similarities.
void searchAll(const faiss::Index& index, const std::vector<float>& query, int64_t rows, int64_t dims, int kk,
               const KnnOptions& o, std::vector<int64_t>& labels, std::vector<float>& sims) {
  labels.assign(static_cast<size_t>(rows * kk), -1);
  sims.assign(static_cast<size_t>(rows * kk), 0.0F);
  const bool graph = index.ntotal > o.exactUpTo;
  for (int64_t from = 0; from < rows; from += kQueryBatch) {
    if (o.job) {
      o.job->throwIfCancelled();
      const double done = graph ? static_cast<double>(rows + from) : static_cast<double>(from);
      o.job->report(done, graph ? 2.0 * static_cast<double>(rows) : static_cast<double>(rows),
                    "searching nearest neighbours");
    }
    const int64_t n = std::min(kQueryBatch, rows - from);
    index.search(n, query.data() + from * dims, kk, sims.data() + from * kk, labels.data() + from * kk);
  }
}

float clampSimilarity(float s) { return std::isfinite(s) ? std::clamp(s, -1.0F, 1.0F) : 0.0F; }

}  // namespace

bool knnAvailable() { return true; }

std::string knnMethod(int64_t baseRows, const KnnOptions& options) {
  if (baseRows <= options.exactUpTo) return "exact (FAISS IndexFlatIP)";
  return "approximate (FAISS IndexHNSWFlat, M=" + std::to_string(options.hnswM) +
         ", efSearch=" + std::to_string(efSearchFor(options, options.k + 1)) + ")";
}

Neighbours knnWithin(const MatrixView& set, const KnnOptions& options) {
  checkOptions(options);
  checkView(set, "nearest neighbours within a set");
  const std::vector<float> unit = normalised(set);
  const int kk = options.k + 1;  // one more: the row itself is among its own results
  const auto index = buildIndex(unit, set, options, kk);
  std::vector<int64_t> labels;
  std::vector<float> sims;
  searchAll(*index, unit, set.rows, set.dims, kk, options, labels, sims);
  Neighbours out;
  out.rows = set.rows;
  out.k = options.k;
  out.index.assign(static_cast<size_t>(set.rows * options.k), -1);
  out.similarity.assign(out.index.size(), 0.0F);
  for (int64_t r = 0; r < set.rows; ++r) {
    int j = 0;
    // The row itself is dropped wherever it appears among ties; when it is absent (a
    // copy tied with it pushed it out), the kk-th result is dropped instead.
    for (int c = 0; c < kk && j < options.k; ++c) {
      const int64_t label = labels[static_cast<size_t>(r * kk + c)];
      if (label == r || label < 0) continue;
      out.index[static_cast<size_t>(r * options.k + j)] = label;
      out.similarity[static_cast<size_t>(r * options.k + j)] = clampSimilarity(sims[static_cast<size_t>(r * kk + c)]);
      ++j;
    }
  }
  return out;
}

Neighbours knnQuery(const MatrixView& query, const MatrixView& base, const KnnOptions& options) {
  checkOptions(options);
  checkView(query, "nearest neighbours: the query set");
  checkView(base, "nearest neighbours: the base set");
  if (query.dims != base.dims)
    throw ConfigError("nearest neighbours: the query set has " + std::to_string(query.dims) +
                      " dimensions, the base set " + std::to_string(base.dims) + " (expected the same embedding)");
  const std::vector<float> unitBase = normalised(base);
  const std::vector<float> unitQuery = normalised(query);
  const auto index = buildIndex(unitBase, base, options, options.k);
  Neighbours out;
  out.rows = query.rows;
  out.k = options.k;
  searchAll(*index, unitQuery, query.rows, query.dims, options.k, options, out.index, out.similarity);
  for (size_t i = 0; i < out.index.size(); ++i)
    out.similarity[i] = out.index[i] < 0 ? 0.0F : clampSimilarity(out.similarity[i]);
  return out;
}

}  // namespace ps
