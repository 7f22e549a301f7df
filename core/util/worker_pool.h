#pragma once
// A fixed pool of worker threads running numbered items in chunks, first submitted
// first run. Used to decode and augment image files in parallel (train/batch_source).
//
// Ownership and errors: the pool owns its threads; its destructor drops queued work,
// waits for the chunks already running and joins every thread, so no thread outlives
// it. An exception thrown by an item is kept in its TaskGroup (the group's other items
// are then skipped) and rethrown, as is, by TaskGroup::wait() on the caller's thread.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ps {

// The number of workers a pool gets when asked for 0: the process-wide setting
// (setDefaultWorkerCount), else one per core.
int defaultWorkerCount();
// Sets that process-wide default; 0 = one per core. Throws ConfigError when negative.
void setDefaultWorkerCount(int workers);

// The items submitted together; wait() for them.
class TaskGroup {
 public:
  // Blocks until every chunk ran or was skipped; rethrows the first item's exception.
  void wait();
  // Skips the items not yet started (those running finish their current item).
  void cancel();
  bool stopped() const;

 private:
  friend class WorkerPool;
  mutable std::mutex mu_;
  std::condition_variable done_;
  size_t pendingChunks_ = 0;
  bool stopped_ = false;
  std::exception_ptr error_;
  void chunkFinished(std::exception_ptr error);
};

class WorkerPool {
 public:
  // `workers` threads; 0 = defaultWorkerCount().
  explicit WorkerPool(int workers = 0);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int workers() const { return static_cast<int>(threads_.size()); }

  // Queues fn(0) .. fn(n - 1) in chunks of `chunk` items (in order within a chunk).
  // fn must stay valid until the group's wait() returns or the pool is destroyed.
  std::shared_ptr<TaskGroup> submit(size_t n, size_t chunk, std::function<void(size_t)> fn);

 private:
  struct Chunk {
    std::shared_ptr<TaskGroup> group;
    std::shared_ptr<std::function<void(size_t)>> fn;
    size_t begin = 0, end = 0;
  };
  void loop();
  static void runChunk(const Chunk& c);

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Chunk> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ps
