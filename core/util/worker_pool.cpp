#include "util/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <string>

#include "util/errors.h"

namespace ps {

namespace {
std::atomic<int> defaultWorkers{0};
}  // namespace

int defaultWorkerCount() {
  const int n = defaultWorkers.load();
  return n > 0 ? n : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void setDefaultWorkerCount(int workers) {
  if (workers < 0) throw ConfigError("loader workers " + std::to_string(workers) + " is negative (0 = one per core)");
  defaultWorkers.store(workers);
}

void TaskGroup::wait() {
  std::unique_lock<std::mutex> lock(mu_);
  done_.wait(lock, [this] { return pendingChunks_ == 0; });
  if (error_) std::rethrow_exception(error_);
}

void TaskGroup::cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  stopped_ = true;
}

bool TaskGroup::stopped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stopped_;
}

void TaskGroup::chunkFinished(std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(mu_);
  if (error && !error_) {
    error_ = std::move(error);
    stopped_ = true;
  }
  if (--pendingChunks_ == 0) done_.notify_all();
}

WorkerPool::WorkerPool(int workers) {
  const int n = workers > 0 ? workers : defaultWorkerCount();
  threads_.reserve(static_cast<size_t>(n));
  try {
    for (int i = 0; i < n; ++i) threads_.emplace_back([this] { loop(); });
  } catch (...) {  // no thread left running if one could not start
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
    throw;
  }
}

WorkerPool::~WorkerPool() {
  std::deque<Chunk> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
  for (const Chunk& c : dropped) {  // release anyone still waiting on a dropped chunk
    c.group->cancel();
    c.group->chunkFinished(nullptr);
  }
}

std::shared_ptr<TaskGroup> WorkerPool::submit(size_t n, size_t chunk, std::function<void(size_t)> fn) {
  auto group = std::make_shared<TaskGroup>();
  auto shared = std::make_shared<std::function<void(size_t)>>(std::move(fn));
  chunk = std::max<size_t>(1, chunk);
  {
    std::lock_guard<std::mutex> lock(mu_);
    group->pendingChunks_ = (n + chunk - 1) / chunk;
    for (size_t b = 0; b < n; b += chunk) queue_.push_back({group, shared, b, std::min(n, b + chunk)});
  }
  wake_.notify_all();
  return group;
}

void WorkerPool::runChunk(const Chunk& c) {
  std::exception_ptr error;
  try {
    for (size_t i = c.begin; i < c.end && !c.group->stopped(); ++i) (*c.fn)(i);
  } catch (...) {
    error = std::current_exception();
  }
  c.group->chunkFinished(error);
}

void WorkerPool::loop() {
  for (;;) {
    Chunk c;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      c = std::move(queue_.front());
      queue_.pop_front();
    }
    runChunk(c);
  }
}

}  // namespace ps
