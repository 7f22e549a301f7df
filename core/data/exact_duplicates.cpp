#include "data/exact_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <tuple>

#include "job/job.h"

namespace ps {

namespace {

struct Hashed {
  XXH128_hash_t hash;
  ExampleRef ref;
};

bool hashLess(const Hashed& a, const Hashed& b) {
  return std::tie(a.hash.high64, a.hash.low64, a.ref.split, a.ref.index) <
         std::tie(b.hash.high64, b.hash.low64, b.ref.split, b.ref.index);
}

bool sameHash(const Hashed& a, const Hashed& b) {
  return a.hash.high64 == b.hash.high64 && a.hash.low64 == b.hash.low64;
}

// Hashes every image of one split, reading them in blocks.
void hashSplit(const Dataset& ds, Split split, std::vector<Hashed>& out, JobContext* ctx, double done, double total) {
  const size_t n = ds.size(split);
  const size_t bytes = ds.shape().bytes();
  constexpr size_t kBlock = 2048;
  std::vector<uint8_t> buffer;
  std::vector<int64_t> indices;
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t count = std::min(kBlock, n - start);
    indices.resize(count);
    for (size_t k = 0; k < count; ++k) indices[k] = static_cast<int64_t>(start + k);
    buffer.resize(count * bytes);
    ds.readImages(split, indices, buffer.data());
    for (size_t k = 0; k < count; ++k)
      out.push_back({XXH3_128bits(buffer.data() + k * bytes, bytes), {split, indices[k]}});
    if (ctx) {
      ctx->throwIfCancelled();
      ctx->report(done + static_cast<double>(start + count), total,
                  std::string("hashing the decoded ") + splitName(split) + " images");
    }
  }
}

bool samePixels(const Dataset& ds, const ExampleRef& a, const ExampleRef& b) {
  const cv::Mat x = ds.image(a.split, static_cast<size_t>(a.index));
  const cv::Mat y = ds.image(b.split, static_cast<size_t>(b.index));
  if (x.size != y.size || x.type() != y.type()) return false;
  const cv::Mat xc = x.isContinuous() ? x : x.clone();
  const cv::Mat yc = y.isContinuous() ? y : y.clone();
  return std::memcmp(xc.data, yc.data, xc.total() * xc.elemSize()) == 0;
}

void count(ExactDuplicates& r, const DuplicatePair& p) {
  if (p.first.split == Split::Train && p.copy.split == Split::Train) {
    ++r.withinTrain;
    ++r.trainExamplesAffected;
  } else if (p.first.split == Split::Test) {
    ++r.withinTest;
  } else {
    ++r.leaks;
    ++r.testExamplesLeaked;
  }
}

// The pairs of one run of equal hashes [from, to): members equal in pixels to an earlier
// member form a group with it (a hash collision with different pixels starts its own).
void pairRun(const Dataset& ds, const std::vector<Hashed>& all, size_t from, size_t to, ExactDuplicates& r) {
  std::vector<ExampleRef> firsts;
  std::vector<bool> grouped;
  for (size_t k = from; k < to; ++k) {
    const ExampleRef& e = all[k].ref;
    bool placed = false;
    for (size_t g = 0; g < firsts.size() && !placed; ++g) {
      if (!samePixels(ds, firsts[g], e)) continue;
      const DuplicatePair p{firsts[g], e};
      r.pairs.push_back(p);
      count(r, p);
      if (!grouped[g]) ++r.groups;
      grouped[g] = true;
      placed = true;
    }
    if (!placed) {
      firsts.push_back(e);
      grouped.push_back(false);
    }
  }
}

}  // namespace

ExactDuplicates findExactDuplicates(const Dataset& ds, JobContext* ctx) {
  const double total = static_cast<double>(ds.size(Split::Train) + ds.size(Split::Test));
  std::vector<Hashed> all;
  all.reserve(static_cast<size_t>(total));
  hashSplit(ds, Split::Train, all, ctx, 0.0, total);
  hashSplit(ds, Split::Test, all, ctx, static_cast<double>(ds.size(Split::Train)), total);
  std::sort(all.begin(), all.end(), hashLess);
  ExactDuplicates r;
  for (size_t from = 0; from < all.size();) {
    size_t to = from + 1;
    while (to < all.size() && sameHash(all[from], all[to])) ++to;
    if (to - from > 1) pairRun(ds, all, from, to, r);
    from = to;
  }
  std::sort(r.pairs.begin(), r.pairs.end(), [](const DuplicatePair& a, const DuplicatePair& b) {
    return std::tie(a.first.split, a.first.index, a.copy.split, a.copy.index) <
           std::tie(b.first.split, b.first.index, b.copy.split, b.copy.index);
  });
  return r;
}

}  // namespace ps
