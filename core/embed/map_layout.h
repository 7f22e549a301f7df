#pragma once
// The embedding map's layout: every training example placed on a plane so that examples
// near in the run's embedding are near on the map.
//
// Method (a UMAP-like layout, after McInnes, Healy & Melville 2018, "UMAP: Uniform Manifold
// Approximation and Projection for Dimension Reduction", arXiv 1802.03426; its
// edge-sampling SGD with negative sampling is that of Tang et al. 2016, "Visualizing
// Large-scale and High-dimensional Data" (LargeVis), WWW 2016):
//   1. PCA of the embedding to `pcaDims` dimensions (fitted on at most `pcaFitRows` rows,
//      every row projected); the first two components are the layout's starting point;
//   2. the k nearest neighbours of every row by cosine similarity of the reduced vectors
//      (FAISS, core/embed/knn.h), turned into UMAP's fuzzy graph: per row a distance offset
//      rho (the nearest neighbour's) and a scale sigma with sum_j exp(-(d_ij - rho)/sigma) =
//      log2 k, then symmetrised as w_ij + w_ji - w_ij w_ji;
//   3. stochastic gradient descent on UMAP's cross-entropy with low-dimensional similarity
//      1 / (1 + a d^2b) (min_dist 0.1: a = 1.577, b = 0.8951): each edge is sampled in
//      proportion to its weight, with `negatives` random repulsions per sample, the step
//      falling linearly from 1 to 0 over `epochs`, gradients clipped at 4.
// Everything is single-threaded and draws from one std::mt19937_64 seeded by `seed`, so a
// seed gives the same map on every machine with the same floating point.
//
// Above `sampleAbove` examples (1.28 M ImageNet-sized sets) steps 2 and 3 run on a uniform
// sample of `sampleSize` rows (seeded); every other row is then placed at the
// similarity-weighted mean of its k nearest sampled rows (a query against the sample).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "embed/knn.h"

namespace ps {

class JobContext;

// k neighbours per row, row-major (embed/knn.h): index (-1 where a row has fewer) and
// cosine similarity. Rows index a base set (itself for a layout, the sample for placing the rest).
using NeighbourLists = Neighbours;

struct MapSettings {
  int pcaDims = 50;
  int neighbours = 15;
  int epochs = 0;  // 0: 500 below 10 000 laid-out rows, 200 from there (UMAP's default)
  int negatives = 5;
  int64_t sampleAbove = 100000;  // more rows than this: lay out a sample
  int64_t sampleSize = 50000;
  int64_t pcaFitRows = 20000;
  uint64_t seed = 0;
  // Canonical JSON of every setting that changes the map (the cache key's part).
  std::string toJson() const;
  void validate() const;  // ConfigError naming the setting
};

// A row-major float matrix.
struct FloatMatrix {
  int64_t rows = 0;
  int cols = 0;
  std::vector<float> data;
};

// The rows of `m` projected on its first `dims` principal components (fewer when `m` has
// fewer columns), fitted on at most `fitRows` rows drawn with `seed`.
FloatMatrix pcaReduce(const FloatMatrix& m, int dims, int64_t fitRows, uint64_t seed);

// The symmetrised fuzzy graph of UMAP's step 2, as an edge list (i < j once each).
struct FuzzyGraph {
  std::vector<int32_t> head, tail;
  std::vector<float> weight;
};
FuzzyGraph fuzzyGraph(const NeighbourLists& nb);

// Step 3: moves `xy` (2 per row, the starting layout) by SGD over `graph`'s edges.
void optimiseLayout(const FuzzyGraph& graph, int64_t rows, std::vector<float>& xy, const MapSettings& s,
                    JobContext* ctx);

// Each query row at the similarity-weighted mean of its neighbours' positions in `baseXy`.
std::vector<float> placeByNeighbours(const NeighbourLists& toBase, const std::vector<float>& baseXy);

// The kNN the layout uses: within `base` (query null) or from `query` to `base`, cosine.
using NeighbourSearch = std::function<NeighbourLists(const FloatMatrix& base, const FloatMatrix* query, int k)>;

struct MapLayout {
  std::vector<float> x, y;  // per row of the embedding
  int64_t laidOut = 0;      // rows in the SGD layout (the sample); the rest placed by neighbours
  double seconds = 0;
};
// The whole method: PCA, kNN through `search`, fuzzy graph, SGD; sampling above
// `s.sampleSize` rows. ConfigError for fewer than 3 rows or bad settings; Cancelled.
MapLayout layoutEmbedding(const FloatMatrix& embedding, const MapSettings& s, const NeighbourSearch& search,
                          JobContext* ctx);

}  // namespace ps
