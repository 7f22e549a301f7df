#include "score/seed_scheduler.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <new>
#include <sstream>
#include <thread>

#include "job/job.h"
#include "model/model_names.h"
#include "util/errors.h"

namespace ps {

namespace {
std::function<void(int)>& startProbe() {
  static std::function<void(int)> probe;
  return probe;
}
}  // namespace

void setSeedStartProbe(std::function<void(int together)> probe) { startProbe() = std::move(probe); }

size_t availableMemoryBytes() {
  std::ifstream in("/proc/meminfo");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    size_t kb = 0;
    if (fields >> key >> kb && key == "MemAvailable:") return kb * 1024;
  }
  return 0;
}

int fittingPack(int seeds, int cores, size_t perSeedBytes, size_t availableBytes) {
  int pack = std::max(1, std::min(seeds, cores));
  if (availableBytes > 0 && perSeedBytes > 0)
    pack = std::min(pack, static_cast<int>(std::max<size_t>(1, availableBytes / 2 / perSeedBytes)));
  return pack;
}

SeedPack seedPack(const ScoreConfig& cfg, bool cuda) {
  SeedPack p;
  p.cores =
      cfg.train.threads > 0 ? cfg.train.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (cfg.seeds <= 1) return p;
  if (cfg.sequentialSeeds) {
    p.why = "seeds one after another, as --sequential-seeds asks";
  } else if (!cfg.needsClassifier()) {
    return p;
  } else if (!isBuiltinModel(cfg.train.model)) {
    p.why = "TorchScript models train one seed at a time: seeds one after another";
  } else if (cfg.needsEmbedding() && cfg.prototypeEmbedding != "classifier") {
    p.why = "the prototype encoder trains one seed at a time: seeds one after another";
  } else if (cfg.packSeeds > 0) {
    p.together = std::min(cfg.packSeeds, cfg.seeds);
  } else if (cuda) {
    p.why = "on a GPU the seeds train one after another unless --pack-seeds N asks for N at once";
  } else {
    p.together = std::max(1, std::min(cfg.seeds, p.cores));
    p.fitMemory = true;
  }
  return p;
}

int seedsTogether(const ScoreConfig& cfg, bool cuda) { return seedPack(cfg, cuda).together; }

bool isOutOfMemory(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    return true;
  } catch (const c10::Error& err) {
    const std::string what = err.what();
    return what.find("out of memory") != std::string::npos || what.find("not enough memory") != std::string::npos ||
           what.find("can't allocate memory") != std::string::npos;
  } catch (const TrainingError& err) {
    return std::string(err.what()).find("out of memory") != std::string::npos;
  } catch (...) {
    return false;
  }
}

TogetherFailure runSeedsTogether(const std::vector<int>& seeds, int together, int threadsEach, JobContext& ctx,
                                 std::mutex& lock, const std::function<void(int, JobContext&)>& work) {
  CancelToken group;
  JobContext groupCtx(&group);
  groupCtx.setCheckpointEvery(ctx.checkpointEvery());
  groupCtx.setLog([&](const std::string& line) {
    const std::lock_guard<std::mutex> hold(lock);
    ctx.log(line);
  });
  std::atomic<size_t> next{0};
  std::atomic<int> finished{0};
  std::mutex failMu;
  TogetherFailure failure;
  auto worker = [&] {
    at::set_num_threads(std::max(1, threadsEach));  // this thread's intra-op threads
    for (size_t i = next++; i < seeds.size() && !group.cancelled(); i = next++) {
      try {
        if (startProbe()) startProbe()(together);
        work(seeds[i], groupCtx);  // a cancel reaches the seed through the group, polled per batch
      } catch (...) {
        const std::lock_guard<std::mutex> hold(failMu);
        if (!failure.error && !group.cancelled()) failure = {std::current_exception(), seeds[i]};
        group.cancel();
      }
    }
    ++finished;
  };
  std::vector<std::thread> threads;
  const int workers = std::max(1, std::min<int>(together, static_cast<int>(seeds.size())));
  threads.reserve(static_cast<size_t>(workers));
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker);
  // The job's cancel token is polled here and handed on to the group.
  while (finished.load() < workers) {
    if (ctx.cancelled()) group.cancel();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (auto& t : threads) t.join();
  if (!failure.error && ctx.cancelled()) failure.error = std::make_exception_ptr(Cancelled());
  return failure;
}

}  // namespace ps
