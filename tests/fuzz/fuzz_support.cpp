#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>

#include "util/errors.h"

namespace psfuzz {

const std::string& workDir() {
  static const std::string dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("prunescope-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d.string();
  }();
  return dir;
}

std::string writeFile(const std::string& name, const std::string& bytes) {
  const std::string path = workDir() + "/" + name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

std::vector<std::string> parts(const uint8_t* data, size_t size, size_t n) {
  const std::string all(reinterpret_cast<const char*>(data), size);
  static const std::string marker = "\n%%\n";
  std::vector<std::string> out;
  size_t at = 0;
  while (out.size() + 1 < n) {
    const size_t next = all.find(marker, at);
    if (next == std::string::npos) break;
    out.push_back(all.substr(at, next - at));
    at = next + marker.size();
  }
  out.push_back(at <= all.size() ? all.substr(at) : std::string());
  out.resize(n);
  return out;
}

void expectOnlyProjectErrors(void (*work)(void*), void* arg) {
  try {
    work(arg);
  } catch (const ps::Error&) {
    // a clear error naming the file: the expected outcome for bad bytes
  } catch (const std::exception& e) {
    std::fprintf(stderr, "a raw library exception escaped: %s\n", e.what());
    std::abort();
  }
}

}  // namespace psfuzz
