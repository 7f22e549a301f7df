#pragma once
// A seed's score values as a scoring run keeps them: in memory while the run computes,
// and as bytes in the run's checkpoints until the whole run is stored (so a resumed run,
// or a store merged from cluster shards, reads them back). No torch in this header.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "train/train_hook.h"

namespace ps {

class Store;

// Everything one seed produces: each score's values by name (names starting with '@' are
// the predictions, which are no scores).
using SeedValues = std::map<std::string, ScoreValues>;

std::vector<uint8_t> packSeed(const SeedValues& v);
SeedValues unpackSeed(const std::vector<uint8_t>& bytes);

// Seed values kept in a store may come from another machine (a merged cluster shard):
// every vector must hold one value per scored example (StoreError otherwise).
SeedValues checkedSeedValues(const Store& store, int64_t runId, int s, const std::vector<uint8_t>& bytes, size_t n);
// Every seed must hold the same scores (seeds merged from other stores may not).
void checkSameScores(const Store& store, int64_t runId, const std::vector<SeedValues>& seeds);

}  // namespace ps
