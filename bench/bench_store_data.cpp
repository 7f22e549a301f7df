// Benchmark: the store's per-example vector round trip (1.28 M floats, ImageNet-sized)
// and dataset opening / fingerprinting on Fashion-MNIST. Each figure is printed with
// a ratio against a reference done in the same process: a plain file write/read of the
// same bytes for the store, a memcpy of the same bytes for the fingerprint.
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "data/dataset_opener.h"
#include "data/fingerprint.h"
#include "data/in_memory_dataset.h"
#include "store/store.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

template <typename F>
double best(int reps, F&& f) {
  double b = 1e30;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    f();
    b = std::min(b, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return b;
}

int main() {
  const fs::path dir = fs::temp_directory_path() / ("prunescope_bench_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const size_t n = 1281167;  // ImageNet-1k training set
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<float>(i % 977) * 0.001f;

  ps::Store store((dir / "bench.sqlite").string());
  auto ds = ps::openDataset("fashion-mnist");
  const int64_t run = store.beginRun(store.registerDataset(*ds), "bench", "{}", "bench", 0, "cpu");
  std::vector<float> back;
  const double tWrite = best(5, [&] { store.putVector(run, "scores", v); });
  const double tRead = best(5, [&] { back = store.vector(run, "scores"); });
  if (back != v) {
    std::fprintf(stderr, "round trip mismatch\n");
    return 1;
  }
  const fs::path raw = dir / "raw.bin";
  const double rWrite = best(5, [&] {
    std::ofstream out(raw, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(float)));
  });
  const double rRead = best(5, [&] {
    std::ifstream in(raw, std::ios::binary);
    back.assign(n, 0.f);
    in.read(reinterpret_cast<char*>(back.data()), static_cast<std::streamsize>(n * sizeof(float)));
  });
  std::printf("store vector of %zu floats (%.1f MB)\n", n, n * 4 / 1e6);
  std::printf("  write: %7.1f ms   plain file write: %6.1f ms   ratio %.2f   (target < 500 ms)\n", tWrite * 1e3,
              rWrite * 1e3, tWrite / rWrite);
  std::printf("  read:  %7.1f ms   plain file read:  %6.1f ms   ratio %.2f   (target < 500 ms)\n", tRead * 1e3,
              rRead * 1e3, tRead / rRead);

  const double tOpen = best(3, [&] { ds = ps::openDataset("fashion-mnist"); });
  const auto* mem = dynamic_cast<const ps::InMemoryDataset*>(ds.get());
  const size_t bytes = mem->pixels(ps::Split::Train).size() + mem->pixels(ps::Split::Test).size();
  std::string fp;
  const double tFp = best(5, [&] {
    auto fresh = ps::openDataset("fashion-mnist");  // fingerprint is cached per object
    fp = fresh->fingerprint();
  });
  const double tFpOnly = best(5, [&] {
    ps::Hasher h;
    h.update(mem->pixels(ps::Split::Train).data(), mem->pixels(ps::Split::Train).size());
    h.update(mem->pixels(ps::Split::Test).data(), mem->pixels(ps::Split::Test).size());
    fp = h.hex();
  });
  std::vector<uint8_t> copy(bytes);
  const double tCopy = best(5, [&] {
    std::memcpy(copy.data(), mem->pixels(ps::Split::Train).data(), mem->pixels(ps::Split::Train).size());
    std::memcpy(copy.data() + mem->pixels(ps::Split::Train).size(), mem->pixels(ps::Split::Test).data(),
                mem->pixels(ps::Split::Test).size());
  });
  std::printf("Fashion-MNIST (70000 images, %.1f MB of pixels)\n", bytes / 1e6);
  std::printf("  open (gunzip + parse): %7.1f ms\n", tOpen * 1e3);
  std::printf("  open + fingerprint:    %7.1f ms   fingerprint alone %.1f ms\n", tFp * 1e3, tFpOnly * 1e3);
  std::printf("  hash throughput %.2f GB/s   memcpy %.2f GB/s   ratio to memcpy %.2f\n", bytes / tFpOnly / 1e9,
              bytes / tCopy / 1e9, tFpOnly / tCopy);
  fs::remove_all(dir);
  return 0;
}
