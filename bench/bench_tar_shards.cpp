// Benchmark: opening a folder of WebDataset tar shards (indexing every member through
// libarchive) and reading images from it at random, against a plain read of the shards'
// bytes in the same process. The shards are generated: --examples N (default 100 000)
// 32×32 PNGs of 100 classes in shards of 10 000 examples (key.png + key.cls each).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "data/dataset_opener.h"
#include "support/tar_writer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// `count` examples from `first` on, as one shard: a few distinct PNGs reused.
void writeShard(const std::string& path, size_t first, size_t count, const std::vector<std::string>& pngs) {
  std::string tar;
  tar.reserve(count * 2048 + 1024);
  for (size_t i = first; i < first + count; ++i) {
    char key[32];
    std::snprintf(key, sizeof key, "s/%09zu", i);
    pstest::appendTarMember(tar, std::string(key) + ".png", pngs[i % pngs.size()]);
    pstest::appendTarMember(tar, std::string(key) + ".cls", std::to_string(i % 100));
  }
  pstest::endTar(tar);
  std::ofstream(path, std::ios::binary).write(tar.data(), static_cast<std::streamsize>(tar.size()));
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 100000;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::strcmp(argv[i], "--examples") == 0) n = std::stoul(argv[i + 1]);
  const fs::path dir = fs::temp_directory_path() / ("prunescope_bench_tar_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::vector<std::string> pngs;
  std::mt19937 rng(3);
  for (int k = 0; k < 16; ++k) {
    cv::Mat m(32, 32, CV_8UC3);
    cv::randu(m, 0, 255);
    std::vector<uint8_t> buf;
    cv::imencode(".png", m, buf);
    pngs.emplace_back(buf.begin(), buf.end());
  }
  const size_t perShard = 10000;
  for (size_t s = 0; s * perShard < n; ++s) {
    char name[64];
    std::snprintf(name, sizeof name, "bench-%s-%04zu.tar", s % 10 == 9 ? "val" : "train", s);
    writeShard((dir / name).string(), s * perShard, std::min(perShard, n - s * perShard), pngs);
  }
  uintmax_t bytes = 0;
  for (const auto& e : fs::directory_iterator(dir)) bytes += e.file_size();

  const auto r0 = Clock::now();
  std::vector<char> buf(size_t(1) << 20);
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    }
  }
  const double reference = secondsSince(r0);

  const auto t0 = Clock::now();
  auto ds = ps::openDataset(dir.string());
  const double open = secondsSince(t0);
  std::printf("tar shards: %zu examples in %.0f MB of shards\n", n, static_cast<double>(bytes) / 1e6);
  std::printf("  reference (read every shard's bytes, page cache warm): %.3f s\n", reference);
  std::printf("  open (index every member): %.3f s, %.1f us per example, %.1fx the reference; train %zu, test %zu\n",
              open, open / static_cast<double>(n) * 1e6, open / reference, ds->size(ps::Split::Train),
              ds->size(ps::Split::Test));
  std::uniform_int_distribution<size_t> pick(0, ds->size(ps::Split::Train) - 1);
  const int reads = 5000;
  const auto t1 = Clock::now();
  size_t sum = 0;
  for (int k = 0; k < reads; ++k) sum += ds->image(ps::Split::Train, pick(rng)).total();
  const double random = secondsSince(t1);
  std::printf("  random image reads: %.1f us each (read at the offset + PNG decode), %d reads\n", random / reads * 1e6,
              reads);
  const auto t2 = Clock::now();
  const std::string fp = ds->fingerprint();
  std::printf("  fingerprint (hashes every shard): %.3f s  %s\n", secondsSince(t2), fp.c_str());
  fs::remove_all(dir);
  return sum > 0 ? 0 : 1;
}
