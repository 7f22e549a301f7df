#pragma once
// Several seeds of one scoring request trained at once, each on its own thread with a
// share of the cores (LibTorch's intra-op threads are set per thread), as measured
// faster than one seed after another on a small CPU (see README, "Many seeds"). Each
// seed keeps its own model, initialisation, data order, augmentation stream, batch-norm
// statistics, optimiser state, hooks and checkpoints: what it computes is what it
// computes alone, up to the order of float additions. No torch in this header.
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "score/score_config.h"

namespace ps {

class JobContext;

// How the scoring engine trains the seeds of `cfg`, before any memory bound: one at a time
// for one seed, --sequential-seeds, no classifier to train, a TorchScript model or an
// encoder of its own (prototypes, semdedup), or a GPU (`cuda`) without --pack-seeds (with
// the reason for the run's log); else --pack-seeds, or as many as the cores
// (cfg.train.threads, or every core) and the seeds allow, to be bounded by the memory a
// seed needs (fittingPack) when `fitMemory`.
struct SeedPack {
  int together = 1;
  int cores = 1;
  bool fitMemory = false;
  std::string why;
};
SeedPack seedPack(const ScoreConfig& cfg, bool cuda);
// seedPack's seeds at once (what the time estimate counts).
int seedsTogether(const ScoreConfig& cfg, bool cuda);

// The memory the machine can still give (MemAvailable of /proc/meminfo; 0 when unknown).
size_t availableMemoryBytes();
// Seeds that fit together: at most `seeds` and `cores`, and as many as `perSeedBytes`
// each fit in half of `availableBytes` (at least 1; availableBytes 0 = no memory bound).
int fittingPack(int seeds, int cores, size_t perSeedBytes, size_t availableBytes);
// Whether a failure is running out of memory (std::bad_alloc, LibTorch's allocator, or
// the trainer's "out of memory" TrainingError).
bool isOutOfMemory(const std::exception_ptr& e);

// Runs work(seed, seedCtx) for every seed of `seeds`, `together` at a time, each worker
// with `threadsEach` intra-op threads. The first failure cancels the others (they stop
// at their next batch, their checkpoints kept) and is rethrown once all have stopped,
// as the exception of `failedSeed`; a cancel of `ctx` cancels them all. `lock` guards
// what the workers share (the store, the context's log and progress): work takes it
// around such calls. The workers' contexts log through `ctx` under `lock`.
struct TogetherFailure {
  std::exception_ptr error;
  int seed = -1;
};
TogetherFailure runSeedsTogether(const std::vector<int>& seeds, int together, int threadsEach, JobContext& ctx,
                                 std::mutex& lock, const std::function<void(int, JobContext&)>& work);

// For tests: called by each worker before its seed starts, with the number of seeds
// running together (a test throws std::bad_alloc to check the fallback to fewer).
void setSeedStartProbe(std::function<void(int together)> probe);

}  // namespace ps
