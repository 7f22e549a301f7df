#include "job/job.h"

#include <cmath>
#include <cstdio>

#include "util/errors.h"

namespace ps {

std::string formatDuration(double seconds) {
  if (seconds < 0 || !std::isfinite(seconds)) return "?";
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

void MemoryCheckpoints::save(const std::string& key, const std::vector<uint8_t>& data) {
  std::lock_guard<std::mutex> lock(mu_);
  data_[key] = data;
}
std::optional<std::vector<uint8_t>> MemoryCheckpoints::load(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = data_.find(key);
  if (it == data_.end()) return std::nullopt;
  return it->second;
}
void MemoryCheckpoints::clear() {
  std::lock_guard<std::mutex> lock(mu_);
  data_.clear();
}

JobContext::JobContext(const CancelToken* token, ProgressCallback callback, CheckpointSink* checkpoints,
                       std::chrono::milliseconds minInterval)
    : token_(token),
      callback_(std::move(callback)),
      checkpoints_(checkpoints),
      minInterval_(minInterval),
      start_(std::chrono::steady_clock::now()),
      lastEmit_(start_ - minInterval) {}

JobContext::JobContext(const JobContext& parent, CheckpointSink* checkpoints)
    : JobContext(parent.token_, {}, checkpoints, parent.minInterval_) {
  parent_ = &parent;
}

void JobContext::log(const std::string& line) const {
  for (const JobContext* c = this; c; c = c->parent_)
    if (c->log_) {
      c->log_(line);
      return;
    }
}

std::chrono::milliseconds JobContext::checkpointEvery() const {
  for (const JobContext* c = this; c; c = c->parent_)
    if (c->checkpointEvery_) return *c->checkpointEvery_;
  return std::chrono::minutes(1);
}

double JobContext::elapsedSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void JobContext::report(double done, double total, const std::string& message) {
  const auto now = std::chrono::steady_clock::now();
  Progress p;
  p.fraction = total > 0 ? std::min(1.0, std::max(0.0, done / total)) : 0.0;
  p.message = message;
  p.elapsedSeconds = std::chrono::duration<double>(now - start_).count();
  bool emit = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!first_) first_ = Mark{now, p.fraction};
    const bool warm = p.fraction - first_->fraction >= 0.01 || now - first_->at >= std::chrono::seconds(2);
    if (!anchor_ && warm && p.fraction > first_->fraction) anchor_ = Mark{now, p.fraction};
    if (anchor_ && p.fraction - anchor_->fraction > 1e-4)
      p.etaSeconds = std::chrono::duration<double>(now - anchor_->at).count() * (1.0 - p.fraction) /
                     (p.fraction - anchor_->fraction);
    last_ = p;
    if (now - lastEmit_ >= minInterval_ || p.fraction >= 1.0) {
      lastEmit_ = now;
      emit = true;
    }
  }
  if (emit && callback_) callback_(p);
}

void JobContext::throwIfCancelled() const {
  if (cancelled()) throw Cancelled();
}

Progress JobContext::last() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_;
}

JobRunner::~JobRunner() {
  token_.cancel();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::start(Work work, ProgressCallback callback, CheckpointSink* checkpoints) {
  if (thread_.joinable()) thread_.join();
  token_.reset();
  state_ = State::Running;
  thread_ = std::thread([this, work = std::move(work), callback = std::move(callback), checkpoints] {
    JobContext ctx(&token_, callback, checkpoints);
    try {
      work(ctx);
      state_ = token_.cancelled() ? State::Cancelled : State::Done;
    } catch (const Cancelled&) {
      state_ = State::Cancelled;
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = describeError(e);
      state_ = State::Failed;
    }
  });
}

void JobRunner::wait() {
  if (thread_.joinable()) thread_.join();
}

std::string JobRunner::error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return error_;
}

ByteWriter& ByteWriter::str(const std::string& s) {
  pod(static_cast<uint64_t>(s.size()));
  bytes_.insert(bytes_.end(), s.begin(), s.end());
  return *this;
}

std::string ByteReader::str() {
  const auto n = pod<uint64_t>();
  need(n);
  std::string s(bytes_.begin() + static_cast<std::ptrdiff_t>(pos_),
                bytes_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
  pos_ += n;
  return s;
}

void ByteReader::need(size_t n) const {
  if (pos_ + n > bytes_.size())
    throw CheckpointError("checkpoint is damaged: needs " + std::to_string(pos_ + n) + " bytes, holds " +
                          std::to_string(bytes_.size()));
}

}  // namespace ps
