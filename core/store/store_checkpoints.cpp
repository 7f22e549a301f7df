#include "store/store_checkpoints.h"

#include "store/store.h"

namespace ps {

void StoreCheckpoints::save(const std::string& key, const std::vector<uint8_t>& data) {
  store_.putCheckpoint(runId_, key, data);
}
std::optional<std::vector<uint8_t>> StoreCheckpoints::load(const std::string& key) {
  return store_.checkpoint(runId_, key);
}
void StoreCheckpoints::clear() { store_.clearCheckpoints(runId_); }

}  // namespace ps
