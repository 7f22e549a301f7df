#pragma once
// Incremental XXH3-64 content hash used for dataset fingerprints and cache keys.
#include <cstddef>
#include <cstdint>
#include <string>

namespace ps {

class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void update(const void* data, size_t n);
  void update(const std::string& s);  // length-prefixed, so "ab"+"c" != "a"+"bc"
  void update(uint64_t v);
  uint64_t digest() const;
  std::string hex() const;  // 16 lowercase hex digits

 private:
  void* state_;
};

std::string hashHex(const std::string& s);

}  // namespace ps
