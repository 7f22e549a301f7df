#pragma once
// What every long computation uses: progress reports (fraction, message, elapsed and
// estimated time left), a cancel token, and checkpoints so an interrupted run resumes.
// No Qt here; the GUI adapts these in ui/.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ps {

struct Progress {
  double fraction = 0.0;  // 0..1
  std::string message;
  double elapsedSeconds = 0.0;
  double etaSeconds = -1.0;  // < 0 while unknown (during the warm-up)
};
std::string formatDuration(double seconds);  // "1h02m", "3m05s", "12s"

class CancelToken {
 public:
  void cancel() { flag_.store(true); }
  bool cancelled() const { return flag_.load(); }
  void reset() { flag_.store(false); }

 private:
  std::atomic<bool> flag_{false};
};

// Where a job keeps its checkpoints: opaque byte strings under a key.
class CheckpointSink {
 public:
  virtual ~CheckpointSink() = default;
  virtual void save(const std::string& key, const std::vector<uint8_t>& data) = 0;
  virtual std::optional<std::vector<uint8_t>> load(const std::string& key) = 0;
  virtual void clear() = 0;
};

// Checkpoints in memory (a job without a store).
class MemoryCheckpoints : public CheckpointSink {
 public:
  void save(const std::string& key, const std::vector<uint8_t>& data) override;
  std::optional<std::vector<uint8_t>> load(const std::string& key) override;
  void clear() override;

 private:
  std::mutex mu_;
  std::map<std::string, std::vector<uint8_t>> data_;
};

using ProgressCallback = std::function<void(const Progress&)>;

// Handed to a running computation. report() is cheap to call per batch: the callback
// is invoked at most every `minInterval` (and always for the final 100%).
class JobContext {
 public:
  JobContext(const CancelToken* token = nullptr, ProgressCallback callback = {}, CheckpointSink* checkpoints = nullptr,
             std::chrono::milliseconds minInterval = std::chrono::milliseconds(100));

  // A context for part of a job: the parent's cancel token, its own checkpoint sink and
  // no progress callback (the part reports through its caller).
  JobContext(const JobContext& parent, CheckpointSink* checkpoints);

  void report(double done, double total, const std::string& message);
  // A line worth keeping (an epoch's loss and accuracy, a finished study point), as
  // opposed to the transient progress message; goes to the log callback of this context
  // or of the nearest parent that has one (the CLI prints it, the GUI shows it).
  void log(const std::string& line) const;
  void setLog(std::function<void(const std::string&)> sink) { log_ = std::move(sink); }
  bool cancelled() const { return token_ && token_->cancelled(); }
  void throwIfCancelled() const;  // throws ps::Cancelled
  CheckpointSink* checkpoints() const { return checkpoints_; }
  // How much work a training may do between checkpoints within an epoch (its own, else
  // the nearest parent's, else a minute): what a resume can lose at most.
  void setCheckpointEvery(std::chrono::milliseconds every) { checkpointEvery_ = every; }
  std::chrono::milliseconds checkpointEvery() const;
  double elapsedSeconds() const;
  Progress last() const;

 private:
  const CancelToken* token_;
  ProgressCallback callback_;
  std::function<void(const std::string&)> log_;
  const JobContext* parent_ = nullptr;
  CheckpointSink* checkpoints_;
  std::optional<std::chrono::milliseconds> checkpointEvery_;
  std::chrono::milliseconds minInterval_;
  std::chrono::steady_clock::time_point start_, lastEmit_;
  mutable std::mutex mu_;
  Progress last_;
  // Time left is measured from throughput after a warm-up (loading, the first batches,
  // a resumed run's skipped part): from an anchor taken once the progress has moved 1%
  // past the first report, or 2 s after it.
  struct Mark {
    std::chrono::steady_clock::time_point at;
    double fraction = 0;
  };
  std::optional<Mark> first_, anchor_;
};

// Runs a job function on its own thread. The destructor cancels and joins.
class JobRunner {
 public:
  enum class State { Idle, Running, Done, Cancelled, Failed };
  using Work = std::function<void(JobContext&)>;

  JobRunner() = default;
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void start(Work work, ProgressCallback callback = {}, CheckpointSink* checkpoints = nullptr);
  void cancel() { token_.cancel(); }
  void wait();
  State state() const { return state_.load(); }
  std::string error() const;

 private:
  CancelToken token_;
  std::thread thread_;
  std::atomic<State> state_{State::Idle};
  mutable std::mutex mu_;
  std::string error_;
};

// Byte (de)serialisation for checkpoints: values are copied in host byte order, which is
// little-endian on every platform PruneScope builds for (asserted here).
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "checkpoints and store vectors are little-endian: a big-endian host needs byte swaps here");
class ByteWriter {
 public:
  template <typename T>
  ByteWriter& pod(const T& v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
    return *this;
  }
  template <typename T>
  ByteWriter& vec(const std::vector<T>& v) {
    pod(static_cast<uint64_t>(v.size()));
    const auto* p = reinterpret_cast<const uint8_t*>(v.data());
    bytes_.insert(bytes_.end(), p, p + v.size() * sizeof(T));
    return *this;
  }
  ByteWriter& str(const std::string& s);
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
};

class ByteReader {
 public:
  explicit ByteReader(const std::vector<uint8_t>& bytes) : bytes_(bytes) {}
  template <typename T>
  T pod() {
    T v;
    need(sizeof(T));
    std::copy(bytes_.begin() + static_cast<std::ptrdiff_t>(pos_),
              bytes_.begin() + static_cast<std::ptrdiff_t>(pos_ + sizeof(T)), reinterpret_cast<uint8_t*>(&v));
    pos_ += sizeof(T);
    return v;
  }
  template <typename T>
  std::vector<T> vec() {
    const auto n = pod<uint64_t>();
    need(n > bytes_.size() / sizeof(T) ? bytes_.size() + 1 : n * sizeof(T));  // no overflow on a hostile count
    std::vector<T> v(n);
    std::copy(bytes_.begin() + static_cast<std::ptrdiff_t>(pos_),
              bytes_.begin() + static_cast<std::ptrdiff_t>(pos_ + n * sizeof(T)), reinterpret_cast<uint8_t*>(v.data()));
    pos_ += n * sizeof(T);
    return v;
  }
  std::string str();

 private:
  void need(size_t n) const;  // throws CheckpointError on a short checkpoint
  const std::vector<uint8_t>& bytes_;
  size_t pos_ = 0;
};

}  // namespace ps
