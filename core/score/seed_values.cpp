#include "score/seed_values.h"

#include "job/job.h"
#include "score/predictions.h"
#include "score/score_hooks.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

std::vector<uint8_t> packSeed(const SeedValues& v) {
  ByteWriter w;
  w.pod<uint64_t>(v.size());
  for (const auto& kv : v) w.str(kv.first).vec(kv.second.difficulty).vec(kv.second.raw);
  return w.bytes();
}

SeedValues unpackSeed(const std::vector<uint8_t>& bytes) {
  ByteReader r(bytes);
  SeedValues v;
  const auto n = r.pod<uint64_t>();
  for (uint64_t i = 0; i < n; ++i) {
    const std::string name = r.str();
    ScoreValues s;
    s.difficulty = r.vec<float>();
    s.raw = r.vec<float>();
    v[name] = std::move(s);
  }
  return v;
}

SeedValues checkedSeedValues(const Store& store, int64_t runId, int s, const std::vector<uint8_t>& bytes, size_t n) {
  SeedValues v = unpackSeed(bytes);
  for (const auto& [name, values] : v) {
    const size_t want = name == kPredictedTop ? n * kTopClasses : n;  // the top classes: kTopClasses each
    if (values.difficulty.size() != want || values.raw.size() != want)
      throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s seed " + std::to_string(s) + " holds " +
                       std::to_string(values.difficulty.size()) + " values of '" + name + "' for " + std::to_string(n) +
                       " examples; the store is damaged");
  }
  return v;
}

void checkSameScores(const Store& store, int64_t runId, const std::vector<SeedValues>& seeds) {
  for (size_t s = 1; s < seeds.size(); ++s) {
    bool same = seeds[s].size() == seeds.front().size();
    for (const auto& kv : seeds.front()) same = same && seeds[s].count(kv.first) == 1;
    if (!same)
      throw StoreError(store.path() + ": run " + std::to_string(runId) + "'s seed " + std::to_string(s) +
                       " holds other scores than seed 0; the store is damaged");
  }
}

}  // namespace ps
