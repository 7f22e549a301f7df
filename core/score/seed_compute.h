#pragma once
// How the seeds of a scoring run are computed: one after another, or several together on
// threads of their own (score/seed_scheduler.h); each seed read back from its checkpoint
// when it was computed before, else trained and kept as a checkpoint. Only c10's Device header here, not the whole of
// torch.
#include <c10/core/Device.h>

#include <mutex>
#include <string>
#include <vector>

#include "job/job.h"
#include "score/score_config.h"
#include "score/seed_values.h"

namespace ps {

class BatchSource;
class Dataset;
class Store;
struct ScoreRun;

// What the seeds of a scoring run share while computing: the store (its run, its
// checkpoints) and the job's context, reached under `lock` when seeds run together.
struct SeedShared {
  SeedShared(const Dataset& d, const BatchSource& b, const ScoreConfig& c, c10::Device dev, Store& st,
             const ScoreRun& r, CheckpointSink& sink, JobContext& context, std::mutex* l = nullptr)
      : ds(d),
        data(b),
        cfg(c),
        device(dev),
        store(st),
        run(r),
        checkpoints(sink),
        ctx(context),
        lock(l),
        fractions(static_cast<size_t>(c.seeds), 0.0),
        held(static_cast<size_t>(c.seeds)),
        finished(static_cast<size_t>(c.seeds), false) {}
  const Dataset& ds;
  const BatchSource& data;
  const ScoreConfig& cfg;
  c10::Device device;
  Store& store;
  const ScoreRun& run;
  CheckpointSink& checkpoints;
  JobContext& ctx;
  std::mutex* lock = nullptr;                  // null: one seed at a time
  std::vector<double> fractions;               // each seed's share done, for the progress
  std::vector<std::vector<std::string>> held;  // log lines of seeds after the one being shown
  std::vector<bool> finished;
  size_t shown = 0;  // the seed whose lines go out as they come: the others wait their turn

  std::unique_lock<std::mutex> hold() const {
    return lock ? std::unique_lock<std::mutex>(*lock) : std::unique_lock<std::mutex>();
  }
  // The seeds' lines in seed order, whatever order they are written in (under the lock).
  void logLine(int s, const std::string& line) {
    if (!lock || static_cast<size_t>(s) <= shown) return ctx.log(line);
    held[static_cast<size_t>(s)].push_back(line);
  }
  void seedFinished(int s) {
    if (!lock) return;
    finished[static_cast<size_t>(s)] = true;
    while (shown < finished.size() && finished[shown]) {
      ++shown;
      if (shown < held.size()) {
        for (const auto& line : held[shown]) ctx.log(line);
        held[shown].clear();
      }
    }
  }
  void flushHeld() {
    for (auto& lines : held) {
      for (const auto& line : lines) ctx.log(line);
      lines.clear();
    }
  }
};

// How the seeds of a request are computed: `together` at a time, each with `threadsEach`
// intra-op threads; `how` is what the run records, `why` what the log says.
struct SeedPlan {
  int together = 1;
  int threadsEach = 0;
  std::string why;
};

// The plan for the request on this machine: seeds together when they fit the cores and
// the memory (and nothing asks for one at a time).
SeedPlan planSeeds(const Dataset& ds, const ScoreConfig& cfg, const c10::Device& device);

// Seed `s` of the run: read back when it was computed before, else trained (resuming from
// its last finished epoch) and kept as a checkpoint until the whole run is stored.
SeedValues seedValues(SeedShared& sh, int s, JobContext& ctx);

// Every seed of the run, as the plan says; with seeds together, a run out of memory is
// retried with half as many (the seeds resume from their checkpoints), and said so.
std::vector<SeedValues> computeSeeds(SeedShared& sh, SeedPlan plan, ScoreRun& run);

}  // namespace ps
