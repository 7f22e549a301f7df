// The embedding map's layout (embed/map_layout.h) on synthetic embeddings shaped like a
// classifier's penultimate layer: 10 classes, each a Gaussian cloud around its own centre
// in 64 dimensions, with 3 sub-clusters per class and noise (so neighbours matter).
//   1. 60 000 examples (Fashion-MNIST's training split): the whole method (PCA to 50,
//      FAISS kNN, fuzzy graph, 200 epochs of SGD). Reference in the same process: the PCA
//      step alone, and the plain PCA layout (first two components) it starts from.
//      Target: at most 60 s.
//   2. 1 281 167 examples (ImageNet's training split; --large): a sample of 50 000 laid
//      out, the rest placed at the similarity-weighted mean of their 15 nearest sampled
//      examples (a FAISS query against the sample).
// Quality, for both layouts: the share of examples whose nearest class centre on the map
// is their own class's (1 = classes apart, 0.1 = chance).
// Wall and CPU seconds are printed: on a shared machine the CPU time is the cost.
// Run: build/bench/bench_map [--large]
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

#include "embed/knn.h"
#include "embed/map_layout.h"

namespace {

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpuNow();
  static double cpuNow() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
  }
  double wallS() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count(); }
  double cpuS() const { return cpuNow() - cpu; }
};

ps::FloatMatrix embedding(int64_t n, int dims, std::vector<int>& labels) {
  std::mt19937 rng(7);
  std::normal_distribution<float> normal;
  std::vector<float> centres(30 * size_t(dims));
  for (size_t c = 0; c < 10; ++c)
    for (int d = 0; d < dims; ++d) {
      const float classCentre = 4.0F * normal(rng);
      for (size_t s = 0; s < 3; ++s) centres[(c * 3 + s) * size_t(dims) + size_t(d)] = classCentre + 1.5F * normal(rng);
    }
  ps::FloatMatrix m{n, dims, std::vector<float>(size_t(n) * size_t(dims))};
  labels.resize(size_t(n));
  for (int64_t i = 0; i < n; ++i) {
    const size_t c = size_t(i) % 10, s = (size_t(i) / 10) % 3;
    labels[size_t(i)] = int(c);
    for (int d = 0; d < dims; ++d)
      m.data[size_t(i) * size_t(dims) + size_t(d)] =
          centres[(c * 3 + s) * size_t(dims) + size_t(d)] + 1.6F * normal(rng);
  }
  return m;
}

double ownCentreShare(const std::vector<float>& x, const std::vector<float>& y, const std::vector<int>& labels) {
  double cx[10] = {}, cy[10] = {}, cn[10] = {};
  for (size_t i = 0; i < x.size(); ++i) cx[labels[i]] += x[i], cy[labels[i]] += y[i], cn[labels[i]] += 1;
  for (int c = 0; c < 10; ++c) cx[c] /= std::max(1.0, cn[c]), cy[c] /= std::max(1.0, cn[c]);
  size_t own = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    int best = 0;
    double bestD = 1e300;
    for (int c = 0; c < 10; ++c) {
      const double d = (x[i] - cx[c]) * (x[i] - cx[c]) + (y[i] - cy[c]) * (y[i] - cy[c]);
      if (d < bestD) bestD = d, best = c;
    }
    own += best == labels[i] ? 1 : 0;
  }
  return double(own) / double(std::max<size_t>(1, x.size()));
}

ps::NeighbourLists faissSearch(const ps::FloatMatrix& base, const ps::FloatMatrix* query, int k) {
  ps::KnnOptions o;
  o.k = k;
  const ps::MatrixView b{base.data.data(), base.rows, base.cols};
  return query ? ps::knnQuery({query->data.data(), query->rows, query->cols}, b, o) : ps::knnWithin(b, o);
}

void run(int64_t n) {
  std::vector<int> labels;
  const ps::FloatMatrix m = embedding(n, 64, labels);
  ps::MapSettings s;
  std::printf("%lld examples x 64 dimensions (%s)\n", static_cast<long long>(n),
              ps::knnMethod(n > s.sampleAbove ? s.sampleSize : n, {}).c_str());
  Clock pca;
  const ps::FloatMatrix reduced = ps::pcaReduce(m, s.pcaDims, s.pcaFitRows, s.seed);
  const double pcaWall = pca.wallS(), pcaCpu = pca.cpuS();
  std::vector<float> px(static_cast<size_t>(n)), py(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i)
    px[size_t(i)] = reduced.data[size_t(i * reduced.cols)], py[size_t(i)] = reduced.data[size_t(i * reduced.cols + 1)];
  Clock all;
  const ps::MapLayout layout = ps::layoutEmbedding(m, s, faissSearch, nullptr);
  const double wall = all.wallS(), cpu = all.cpuS();
  std::printf("  reference, PCA to %d dimensions alone:  %7.2f s wall, %7.2f s CPU\n", s.pcaDims, pcaWall, pcaCpu);
  std::printf(
      "  the whole layout:                        %7.2f s wall, %7.2f s CPU  (%.1f x the PCA step's wall time)\n", wall,
      cpu, wall / std::max(1e-9, pcaWall));
  std::printf("  laid out by SGD: %lld examples; placed by their neighbours: %lld\n",
              static_cast<long long>(layout.laidOut), static_cast<long long>(n - layout.laidOut));
  std::printf("  examples nearest their own class's centre on the map: %.3f (plain PCA layout: %.3f; chance 0.1)\n",
              ownCentreShare(layout.x, layout.y, labels), ownCentreShare(px, py, labels));
}

}  // namespace

int main(int argc, char** argv) {
  const bool large = argc > 1 && std::string(argv[1]) == "--large";
  run(60000);
  if (large) run(1281167);
  return 0;
}
