#include "data/fingerprint.h"

#include <xxhash.h>

#include <cstdio>

namespace ps {

Hasher::Hasher() : state_(XXH3_createState()) { XXH3_64bits_reset(static_cast<XXH3_state_t*>(state_)); }
Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void Hasher::update(const void* data, size_t n) { XXH3_64bits_update(static_cast<XXH3_state_t*>(state_), data, n); }
void Hasher::update(const std::string& s) {
  update(static_cast<uint64_t>(s.size()));
  update(s.data(), s.size());
}
void Hasher::update(uint64_t v) { update(&v, sizeof v); }

uint64_t Hasher::digest() const { return XXH3_64bits_digest(static_cast<XXH3_state_t*>(state_)); }

std::string Hasher::hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(digest()));
  return buf;
}

std::string hashHex(const std::string& s) {
  Hasher h;
  h.update(s);
  return h.hex();
}

}  // namespace ps
