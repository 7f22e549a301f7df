#include "support/test_data.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "data/dataset_opener.h"
#include "data/readers.h"

namespace fs = std::filesystem;

namespace pstest {

std::vector<Sample> fashionSamples(size_t n, bool test) {
  static auto ds = ps::openDataset("fashion-mnist");
  const ps::Split split = test ? ps::Split::Test : ps::Split::Train;
  std::vector<Sample> out;
  for (size_t i = 0; i < n; ++i) out.push_back({ds->image(split, i).clone(), ds->label(split, i)});
  return out;
}

std::unique_ptr<ps::Dataset> fashionSubset(const std::string& dir, size_t n, size_t testN,
                                           const std::map<size_t, int>& relabel) {
  auto train = fashionSamples(n);
  for (const auto& [i, label] : relabel) train.at(i).label = label;
  writeIdxDataset(dir, train, fashionSamples(testN, true), false);
  std::string names;
  for (const auto& c : ps::fashionMnistClassNames()) names += c + "\n";
  writeText(dir + "/classes.txt", names);
  return ps::openDataset(dir);
}

ps::ScoreConfig quickScoreConfig(std::vector<std::string> scores, int epochs) {
  ps::ScoreConfig c;
  c.scores = std::move(scores);
  c.train.epochs = epochs;
  c.train.threads = 2;
  c.train.device = "cpu";
  return c;
}

ps::PruneSpec pruneSpec(ps::PrunePolicy p, double keep, bool balanced, double beta, uint64_t seed) {
  ps::PruneSpec s;
  s.policy = p;
  s.keep = keep;
  s.classBalanced = balanced;
  s.beta = beta;
  s.seed = seed;
  return s;
}

std::vector<Sample> colourSamples(size_t n, bool test) {
  std::vector<Sample> out;
  for (Sample s : fashionSamples(n, test)) {
    cv::Mat padded, rgb;
    cv::copyMakeBorder(s.image, padded, 2, 2, 2, 2, cv::BORDER_CONSTANT, 0);
    cv::cvtColor(padded, rgb, cv::COLOR_GRAY2RGB);
    for (int y = 0; y < rgb.rows; ++y)
      for (int x = 0; x < rgb.cols; ++x) rgb.at<cv::Vec3b>(y, x)[s.label % 3] /= 2;  // per-label tint
    out.push_back({rgb, s.label});
  }
  return out;
}

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void writeText(const std::string& path, const std::string& text) {
  writeBytes(path, std::vector<uint8_t>(text.begin(), text.end()));
}

std::vector<uint8_t> gzip(const std::vector<uint8_t>& raw) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::vector<uint8_t> out(deflateBound(&zs, raw.size()) + 64);
  zs.next_in = const_cast<Bytef*>(raw.data());
  zs.avail_in = static_cast<uInt>(raw.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

namespace {
void be32(std::vector<uint8_t>& b, uint32_t v) {
  for (int k = 3; k >= 0; --k) b.push_back(static_cast<uint8_t>(v >> (8 * k)));
}
}  // namespace

std::vector<uint8_t> idxImages(const std::vector<Sample>& s) {
  std::vector<uint8_t> b;
  be32(b, 0x803);
  be32(b, static_cast<uint32_t>(s.size()));
  be32(b, 28);
  be32(b, 28);
  for (const Sample& x : s) b.insert(b.end(), x.image.data, x.image.data + 784);
  return b;
}

std::vector<uint8_t> idxLabels(const std::vector<Sample>& s) {
  std::vector<uint8_t> b;
  be32(b, 0x801);
  be32(b, static_cast<uint32_t>(s.size()));
  for (const Sample& x : s) b.push_back(static_cast<uint8_t>(x.label));
  return b;
}

void writeIdxDataset(const std::string& dir, const std::vector<Sample>& train, const std::vector<Sample>& test,
                     bool gz) {
  auto put = [&](const std::string& name, const std::vector<uint8_t>& bytes) {
    writeBytes(dir + "/" + name + (gz ? ".gz" : ""), gz ? gzip(bytes) : bytes);
  };
  put("train-images-idx3-ubyte", idxImages(train));
  put("train-labels-idx1-ubyte", idxLabels(train));
  put("t10k-images-idx3-ubyte", idxImages(test));
  put("t10k-labels-idx1-ubyte", idxLabels(test));
}

std::vector<uint8_t> cifarRecords(const std::vector<Sample>& s, bool cifar100) {
  std::vector<uint8_t> b;
  for (const Sample& x : s) {
    if (cifar100) b.push_back(static_cast<uint8_t>(x.label / 5));  // coarse label
    b.push_back(static_cast<uint8_t>(x.label));
    for (int c = 0; c < 3; ++c)
      for (int y = 0; y < 32; ++y)
        for (int xx = 0; xx < 32; ++xx) b.push_back(x.image.at<cv::Vec3b>(y, xx)[c]);
  }
  return b;
}

void writeImageFolder(const std::string& dir, const std::string& split, const std::vector<Sample>& s,
                      const std::vector<std::string>& classNames, const std::string& ext) {
  for (size_t i = 0; i < s.size(); ++i) {
    fs::path p = fs::path(dir);
    if (!split.empty()) p /= split;
    p /= classNames[static_cast<size_t>(s[i].label)];
    fs::create_directories(p);
    cv::Mat bgr;  // a new buffer: converting in place would alter the caller's sample
    if (s[i].image.channels() == 3)
      cv::cvtColor(s[i].image, bgr, cv::COLOR_RGB2BGR);
    else
      bgr = s[i].image;
    cv::imwrite((p / (std::to_string(i) + ext)).string(), bgr);
  }
}

}  // namespace pstest
