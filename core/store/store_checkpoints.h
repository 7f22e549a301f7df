#pragma once
// Checkpoints kept in the store, attached to one run (the store must outlive it).
#include <cstdint>

#include "job/job.h"

namespace ps {

class Store;

class StoreCheckpoints : public CheckpointSink {
 public:
  StoreCheckpoints(Store& store, int64_t runId) : store_(store), runId_(runId) {}
  void save(const std::string& key, const std::vector<uint8_t>& data) override;
  std::optional<std::vector<uint8_t>> load(const std::string& key) override;
  void clear() override;

 private:
  Store& store_;
  int64_t runId_;
};

}  // namespace ps
