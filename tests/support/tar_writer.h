#pragma once
// A ustar archive written in memory, for the tests and benchmarks that make WebDataset tar
// shards (key.png + key.cls ...) without a tar tool. Header-only, so the benchmarks (built
// without the test suites) use the same writer.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

namespace pstest {

// Appends one ustar member: a 512-byte header, the data, zero padding to 512 bytes.
// Names longer than 99 characters are cut.
inline void appendTarMember(std::string& tar, const std::string& name, const std::string& data) {
  std::string h(512, '\0');
  name.copy(h.data(), std::min<size_t>(name.size(), 99));
  std::snprintf(h.data() + 100, 8, "%07o", 0644);
  std::snprintf(h.data() + 108, 8, "%07o", 0);
  std::snprintf(h.data() + 116, 8, "%07o", 0);
  std::snprintf(h.data() + 124, 12, "%011lo", static_cast<unsigned long>(data.size()));
  std::snprintf(h.data() + 136, 12, "%011o", 0);
  h[156] = '0';
  std::memcpy(h.data() + 257,
              "ustar\0"
              "00",
              8);
  std::fill(h.begin() + 148, h.begin() + 156, ' ');
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  std::snprintf(h.data() + 148, 8, "%06o", sum);
  tar += h;
  tar += data;
  tar.append((512 - data.size() % 512) % 512, '\0');
}

// Ends the archive: two zero blocks.
inline void endTar(std::string& tar) { tar.append(1024, '\0'); }

}  // namespace pstest
