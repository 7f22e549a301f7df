#include "embed/map_layout.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <numeric>
#include <opencv2/core.hpp>
#include <random>

#include "job/job.h"
#include "util/errors.h"

namespace ps {

namespace {

// UMAP's curve 1 / (1 + a d^2b) fitted for min_dist 0.1, spread 1 (umap-learn's find_ab_params).
constexpr float kA = 1.577F;
constexpr float kB = 0.8951F;
constexpr float kClip = 4.0F;
constexpr float kInitSpan = 10.0F;  // the starting layout's half-width, as UMAP scales its own

void reportStep(JobContext* ctx, double fraction, const std::string& message) {
  if (!ctx) return;
  ctx->throwIfCancelled();
  ctx->report(fraction, 1.0, message);
}

// `count` distinct row numbers of [0, rows), drawn with `seed`, ascending.
std::vector<int64_t> sampleRows(int64_t rows, int64_t count, uint64_t seed) {
  std::vector<int64_t> all(static_cast<size_t>(rows));
  std::iota(all.begin(), all.end(), int64_t{0});
  if (count >= rows) return all;
  std::mt19937_64 rng(seed);
  for (int64_t i = 0; i < count; ++i) {  // partial Fisher-Yates
    std::uniform_int_distribution<int64_t> pick(i, rows - 1);
    std::swap(all[static_cast<size_t>(i)], all[static_cast<size_t>(pick(rng))]);
  }
  all.resize(static_cast<size_t>(count));
  std::sort(all.begin(), all.end());
  return all;
}

FloatMatrix takeRows(const FloatMatrix& m, const std::vector<int64_t>& rows) {
  FloatMatrix out{static_cast<int64_t>(rows.size()), m.cols, {}};
  out.data.resize(rows.size() * static_cast<size_t>(m.cols));
  for (size_t r = 0; r < rows.size(); ++r)
    std::copy_n(m.data.begin() + static_cast<std::ptrdiff_t>(rows[r] * m.cols), m.cols,
                out.data.begin() + static_cast<std::ptrdiff_t>(r * static_cast<size_t>(m.cols)));
  return out;
}

// Per row: the distance offset rho and scale sigma of UMAP's smooth kNN distances.
void rowWeights(const int64_t* idx, const float* sim, int k, int64_t self,
                std::vector<std::pair<int64_t, float>>& out) {
  out.clear();
  std::vector<float> d;
  for (int j = 0; j < k; ++j)
    if (idx[j] >= 0 && idx[j] != self) {
      out.emplace_back(idx[j], 0.0F);
      d.push_back(std::max(0.0F, 1.0F - sim[j]));
    }
  if (d.empty()) return;
  float rho = 0;
  for (float v : d)
    if (v > 0 && (rho == 0 || v < rho)) rho = v;
  const double target = std::log2(static_cast<double>(d.size()) + 1.0);
  double lo = 0, hi = INFINITY, sigma = 1;
  for (int it = 0; it < 64; ++it) {
    double sum = 0;
    for (float v : d) sum += std::exp(-std::max(0.0, double(v) - rho) / sigma);
    if (std::abs(sum - target) < 1e-5) break;
    if (sum > target) {
      hi = sigma;
      sigma = (lo + hi) / 2;
    } else {
      lo = sigma;
      sigma = std::isinf(hi) ? sigma * 2 : (lo + hi) / 2;
    }
  }
  sigma = std::max(
      sigma, 1e-3 * [&] {
        double m = 0;
        for (float v : d) m += v;
        return m / double(d.size());
      }());
  for (size_t j = 0; j < d.size(); ++j)
    out[j].second = static_cast<float>(std::exp(-std::max(0.0, double(d[j]) - rho) / sigma));
}

float clip(float v) { return std::clamp(v, -kClip, kClip); }

// x^kB for x > 0 by base-2 logarithm and power approximations (relative error about 1e-3,
// far below the step noise of SGD): std::pow was most of the layout's time. The same
// arithmetic everywhere, so the layout stays deterministic.
float powB(float x) {
  uint32_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  const auto e = static_cast<float>(static_cast<int>((bits >> 23) & 255U) - 127);
  bits = (bits & 0x007fffffU) | 0x3f800000U;
  float m = 0;
  std::memcpy(&m, &bits, sizeof m);  // in [1, 2)
  const float lg = e + ((-0.34484843F * m + 2.02466578F) * m - 0.67487759F);
  const float y = std::clamp(kB * lg, -126.0F, 126.0F);
  const float whole = std::floor(y), f = y - whole;
  const float frac = 1.0F + f * (0.69314718F + f * (0.24022651F + f * 0.06662103F));  // 2^f on [0, 1)
  const uint32_t scaleBits = static_cast<uint32_t>(static_cast<int>(whole) + 127) << 23;
  float scale = 0;
  std::memcpy(&scale, &scaleBits, sizeof scale);
  return scale * frac;
}

struct EdgeSchedule {
  std::vector<float> perSample, nextSample, perNegative, nextNegative;
};

EdgeSchedule scheduleEdges(const FuzzyGraph& g, int epochs, int negatives) {
  EdgeSchedule s;
  const float maxW = g.weight.empty() ? 1.0F : *std::max_element(g.weight.begin(), g.weight.end());
  for (float w : g.weight) {
    const float every = w * float(epochs) / maxW >= 1.0F ? maxW / w : -1.0F;  // -1: never sampled
    s.perSample.push_back(every);
    s.perNegative.push_back(every / float(std::max(1, negatives)));
  }
  s.nextSample = s.perSample;
  s.nextNegative = s.perNegative;
  return s;
}

// xorshift64* (Vigna 2016): the negative samples' draws, several times cheaper than
// std::mt19937_64 with a modulo, and the same sequence on every platform.
struct FastRandom {
  uint64_t state;
  explicit FastRandom(uint64_t seed) : state(seed * 0x9e3779b97f4a7c15ULL + 1) {}
  uint32_t below(uint32_t n) {  // uniform enough in [0, n) by multiply and shift
    state ^= state >> 12, state ^= state << 25, state ^= state >> 27;
    const auto r = static_cast<uint32_t>((state * 0x2545f4914f6cdd1dULL) >> 32);
    return static_cast<uint32_t>((uint64_t{r} * n) >> 32);
  }
};

// One epoch of UMAP's optimize_layout_euclidean (move_other, as when embedding to itself).
void runEpoch(const FuzzyGraph& g, EdgeSchedule& s, int epoch, float alpha, int64_t rows, float* xy, FastRandom& rng) {
  const auto e = static_cast<float>(epoch);
  for (size_t i = 0; i < g.weight.size(); ++i) {
    if (s.perSample[i] <= 0 || s.nextSample[i] > e) continue;
    float* cur = xy + 2 * static_cast<ptrdiff_t>(g.head[i]);
    float* oth = xy + 2 * static_cast<ptrdiff_t>(g.tail[i]);
    float dx = cur[0] - oth[0], dy = cur[1] - oth[1];
    float d2 = dx * dx + dy * dy;
    if (d2 > 0) {
      const float p = powB(d2);  // d2^b, and d2^(b-1) = p / d2
      const float coef = -2.0F * kA * kB * (p / d2) / (kA * p + 1.0F);
      const float gx = clip(coef * dx) * alpha, gy = clip(coef * dy) * alpha;
      cur[0] += gx, cur[1] += gy, oth[0] -= gx, oth[1] -= gy;
    }
    s.nextSample[i] += s.perSample[i];
    const auto n = static_cast<int>((e - s.nextNegative[i]) / s.perNegative[i]);
    for (int p = 0; p < n; ++p) {
      const auto k = static_cast<int64_t>(rng.below(static_cast<uint32_t>(rows)));
      if (k == g.head[i]) continue;
      const float* o = xy + 2 * k;
      dx = cur[0] - o[0], dy = cur[1] - o[1];
      d2 = dx * dx + dy * dy;
      const float coef = d2 > 0 ? 2.0F * kB / ((0.001F + d2) * (kA * powB(d2) + 1.0F)) : 0.0F;
      cur[0] += (coef > 0 ? clip(coef * dx) : kClip) * alpha;
      cur[1] += (coef > 0 ? clip(coef * dy) : kClip) * alpha;
    }
    s.nextNegative[i] += float(n) * s.perNegative[i];
  }
}

// The starting layout: the first two principal components, centred and scaled to +-10,
// with a little seeded jitter so that identical rows do not start on one point.
std::vector<float> initialLayout(const FloatMatrix& reduced, uint64_t seed) {
  const auto n = static_cast<size_t>(reduced.rows);
  std::vector<float> xy(2 * n, 0.0F);
  for (int c = 0; c < std::min(2, reduced.cols); ++c) {
    double mean = 0;
    for (size_t r = 0; r < n; ++r) mean += reduced.data[r * size_t(reduced.cols) + size_t(c)];
    mean /= double(n);
    float span = 0;
    for (size_t r = 0; r < n; ++r) {
      xy[2 * r + size_t(c)] = float(reduced.data[r * size_t(reduced.cols) + size_t(c)] - mean);
      span = std::max(span, std::abs(xy[2 * r + size_t(c)]));
    }
    for (size_t r = 0; r < n; ++r) xy[2 * r + size_t(c)] *= span > 0 ? kInitSpan / span : 0.0F;
  }
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  std::normal_distribution<float> jitter(0.0F, 1e-3F);
  for (float& v : xy) v += jitter(rng);
  return xy;
}

void checkFinite(const FloatMatrix& m) {
  if (m.rows < 3 || m.cols < 1 || m.data.size() != static_cast<size_t>(m.rows) * static_cast<size_t>(m.cols))
    throw ConfigError("embedding map: the embedding has " + std::to_string(m.rows) + " rows of " +
                      std::to_string(m.cols) + " values (expected at least 3 rows of at least 1 value)");
  for (size_t i = 0; i < m.data.size(); ++i)
    if (!std::isfinite(m.data[i]))
      throw ConfigError("embedding map: row " + std::to_string(i / size_t(m.cols)) +
                        " of the embedding holds a value that is not finite");
}

}  // namespace

std::string MapSettings::toJson() const {
  nlohmann::json j;
  j["method"] = "pca+umap-sgd";
  j["pca_dims"] = pcaDims;
  j["neighbours"] = neighbours;
  j["epochs"] = epochs;
  j["negatives"] = negatives;
  j["sample_above"] = sampleAbove;
  j["sample_size"] = sampleSize;
  j["pca_fit_rows"] = pcaFitRows;
  j["seed"] = seed;
  return j.dump();
}

void MapSettings::validate() const {
  auto bad = [](const std::string& what, int64_t v, const std::string& expected) {
    throw ConfigError("embedding map: " + what + " = " + std::to_string(v) + " (expected " + expected + ")");
  };
  if (pcaDims < 2 || pcaDims > 4096) bad("pca dimensions", pcaDims, "2 to 4096");
  if (neighbours < 2 || neighbours > 200) bad("neighbours", neighbours, "2 to 200");
  if (epochs < 0 || epochs > 5000) bad("epochs", epochs, "0 (automatic) to 5000");
  if (negatives < 1 || negatives > 50) bad("negative samples", negatives, "1 to 50");
  if (sampleSize < 100) bad("sample size", sampleSize, "at least 100");
  if (sampleAbove < sampleSize) bad("rows laid out without sampling", sampleAbove, "at least the sample size");
  if (pcaFitRows < 100) bad("PCA fit rows", pcaFitRows, "at least 100");
}

FloatMatrix pcaReduce(const FloatMatrix& m, int dims, int64_t fitRows, uint64_t seed) {
  const int keep = std::min(dims, m.cols);
  const FloatMatrix fit = takeRows(m, sampleRows(m.rows, std::min(m.rows, fitRows), seed));
  // cv::Mat over the caller's memory: no copy of a 1.28 M-row matrix.
  const cv::Mat fitMat(static_cast<int>(fit.rows), fit.cols, CV_32F, const_cast<float*>(fit.data.data()));
  cv::PCA pca(fitMat, cv::noArray(), cv::PCA::DATA_AS_ROW, keep);
  FloatMatrix out{m.rows, pca.eigenvectors.rows, {}};
  out.data.resize(static_cast<size_t>(out.rows) * static_cast<size_t>(out.cols));
  constexpr int64_t kChunk = 65536;
  for (int64_t from = 0; from < m.rows; from += kChunk) {
    const int64_t n = std::min(kChunk, m.rows - from);
    const cv::Mat in(static_cast<int>(n), m.cols, CV_32F, const_cast<float*>(m.data.data() + from * m.cols));
    cv::Mat to(static_cast<int>(n), out.cols, CV_32F, out.data.data() + from * out.cols);
    pca.project(in, to);
  }
  return out;
}

FuzzyGraph fuzzyGraph(const NeighbourLists& nb) {
  if (nb.k < 1 || nb.index.size() != static_cast<size_t>(nb.rows) * size_t(nb.k) ||
      nb.similarity.size() != nb.index.size())
    throw ConfigError("embedding map: neighbour lists of " + std::to_string(nb.rows) + " rows of " +
                      std::to_string(nb.k) + " do not hold one index and one similarity per entry");
  struct Directed {
    uint64_t key;
    float w;
  };
  std::vector<Directed> edges;
  edges.reserve(nb.index.size());
  std::vector<std::pair<int64_t, float>> row;
  for (int64_t i = 0; i < nb.rows; ++i) {
    rowWeights(&nb.index[size_t(i * nb.k)], &nb.similarity[size_t(i * nb.k)], nb.k, i, row);
    for (const auto& [j, w] : row) {
      if (j >= nb.rows)
        throw ConfigError("embedding map: neighbour " + std::to_string(j) + " of row " + std::to_string(i) +
                          " is past the " + std::to_string(nb.rows) + " rows");
      const auto a = uint64_t(std::min(i, j)), b = uint64_t(std::max(i, j));
      edges.push_back({a << 32 | b, w});
    }
  }
  std::sort(edges.begin(), edges.end(), [](const Directed& x, const Directed& y) { return x.key < y.key; });
  FuzzyGraph g;
  for (size_t e = 0; e < edges.size();) {
    float w = edges[e].w;
    size_t next = e + 1;
    for (; next < edges.size() && edges[next].key == edges[e].key; ++next) w = w + edges[next].w - w * edges[next].w;
    g.head.push_back(static_cast<int32_t>(edges[e].key >> 32));
    g.tail.push_back(static_cast<int32_t>(edges[e].key & 0xffffffffULL));
    g.weight.push_back(w);
    e = next;
  }
  return g;
}

void optimiseLayout(const FuzzyGraph& graph, int64_t rows, std::vector<float>& xy, const MapSettings& s,
                    JobContext* ctx) {
  const int epochs = s.epochs > 0 ? s.epochs : (rows < 10000 ? 500 : 200);
  EdgeSchedule sched = scheduleEdges(graph, epochs, s.negatives);
  FastRandom rng(s.seed);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    if (ctx && epoch % 5 == 0)
      reportStep(ctx, 0.15 + 0.7 * epoch / epochs,
                 "laying out the map: epoch " + std::to_string(epoch + 1) + " of " + std::to_string(epochs));
    runEpoch(graph, sched, epoch, 1.0F - float(epoch) / float(epochs), rows, xy.data(), rng);
  }
}

std::vector<float> placeByNeighbours(const NeighbourLists& toBase, const std::vector<float>& baseXy) {
  const auto baseRows = static_cast<int64_t>(baseXy.size() / 2);
  std::vector<float> out(2 * static_cast<size_t>(toBase.rows), 0.0F);
  for (int64_t r = 0; r < toBase.rows; ++r) {
    double sx = 0, sy = 0, sw = 0;
    for (int j = 0; j < toBase.k; ++j) {
      const int64_t b = toBase.index[size_t(r * toBase.k + j)];
      if (b < 0 || b >= baseRows) continue;
      // Similarity in [-1, 1] as a weight in (0, 1]: the nearest count most, none counts zero.
      const double w = std::exp(4.0 * (double(toBase.similarity[size_t(r * toBase.k + j)]) - 1.0));
      sx += w * baseXy[size_t(2 * b)], sy += w * baseXy[size_t(2 * b + 1)], sw += w;
    }
    if (sw > 0) out[size_t(2 * r)] = float(sx / sw), out[size_t(2 * r + 1)] = float(sy / sw);
  }
  return out;
}

MapLayout layoutEmbedding(const FloatMatrix& embedding, const MapSettings& s, const NeighbourSearch& search,
                          JobContext* ctx) {
  const auto start = std::chrono::steady_clock::now();
  s.validate();
  checkFinite(embedding);
  reportStep(ctx, 0.0, "reducing the embedding (PCA)");
  const FloatMatrix reduced = pcaReduce(embedding, s.pcaDims, s.pcaFitRows, s.seed);
  const bool sampled = embedding.rows > s.sampleAbove;
  const std::vector<int64_t> sample =
      sampleRows(reduced.rows, sampled ? std::min(reduced.rows, s.sampleSize) : reduced.rows, s.seed + 1);
  const FloatMatrix base = sampled ? takeRows(reduced, sample) : reduced;
  const int k = static_cast<int>(std::min<int64_t>(s.neighbours, base.rows - 1));
  reportStep(ctx, 0.05, "finding each example's nearest neighbours");
  const NeighbourLists nb = search(base, nullptr, k);  // each row's k nearest others
  reportStep(ctx, 0.12, "building the neighbour graph");
  const FuzzyGraph graph = fuzzyGraph(nb);
  std::vector<float> xy = initialLayout(base, s.seed);
  optimiseLayout(graph, base.rows, xy, s, ctx);
  MapLayout out;
  out.laidOut = base.rows;
  out.x.resize(size_t(embedding.rows));
  out.y.resize(size_t(embedding.rows));
  for (size_t r = 0; r < sample.size(); ++r)
    out.x[size_t(sample[r])] = xy[2 * r], out.y[size_t(sample[r])] = xy[2 * r + 1];
  if (sampled) {
    reportStep(ctx, 0.85, "placing the examples outside the sample by their neighbours");
    std::vector<int64_t> rest;
    rest.reserve(size_t(embedding.rows) - sample.size());
    for (int64_t r = 0, next = 0; r < embedding.rows; ++r) {
      if (next < int64_t(sample.size()) && sample[size_t(next)] == r) {
        ++next;
        continue;
      }
      rest.push_back(r);
    }
    const FloatMatrix query = takeRows(reduced, rest);
    const std::vector<float> placed = placeByNeighbours(search(base, &query, k), xy);
    for (size_t r = 0; r < rest.size(); ++r)
      out.x[size_t(rest[r])] = placed[2 * r], out.y[size_t(rest[r])] = placed[2 * r + 1];
  }
  reportStep(ctx, 1.0, "map laid out");
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace ps
