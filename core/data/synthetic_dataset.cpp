#include "data/synthetic_dataset.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <random>
#include <sstream>

#include "util/errors.h"

namespace ps {

void SyntheticSpec::validate() const {
  if (classes < 2 || classes > 1000) throw ConfigError("classes " + std::to_string(classes) + " must be in 2..1000");
  if (size < 8 || size > 512) throw ConfigError("image size " + std::to_string(size) + " must be in 8..512");
  if (channels != 1 && channels != 3) throw ConfigError("channels " + std::to_string(channels) + " must be 1 or 3");
  if (train < classes) throw ConfigError("train examples " + std::to_string(train) + " must be at least the classes");
  if (test < 0) throw ConfigError("test examples " + std::to_string(test) + " must be 0 or more");
  if (!(imbalance >= 1 && imbalance <= 1000)) throw ConfigError("imbalance must be in [1, 1000]");
  if (!(noise >= 0 && noise <= 1)) throw ConfigError("noise must be in [0, 1]");
}

std::string SyntheticSpec::str() const {
  std::ostringstream s;
  s << size << "x" << size << "x" << channels << ", " << classes << " classes, " << train << " train, ";
  if (imbalance > 1)
    s << "imbalanced " << imbalance << ":1";
  else
    s << "balanced";
  if (sparse) s << ", sparse";
  if (shuffleLabels) s << ", shuffled labels";
  return s.str();
}

namespace {

struct Shape {
  int kind;           // 0 disc, 1 bar, 2 ring
  double x, y, r;     // centre and size, as fractions of the image
  double angle;       // bars
  cv::Scalar colour;  // RGB (grey: first channel)
};

struct ClassLayout {
  cv::Scalar background;
  std::vector<Shape> shapes;
  cv::Mat texture;  // binary: a random 0/255 pattern, tiled with a random shift
};

cv::Scalar randomColour(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(30, 255);
  return {u(rng), u(rng), u(rng)};
}

ClassLayout makeLayout(std::mt19937_64& rng, bool sparse) {
  std::uniform_real_distribution<double> pos(0.2, 0.8), rad(sparse ? 0.03 : 0.08, sparse ? 0.08 : 0.22), ang(0, M_PI),
      bg(0, sparse ? 1e-9 : 90);
  std::uniform_int_distribution<int> kind(0, 2), count(2, 4);
  ClassLayout l;
  l.background = {bg(rng), bg(rng), bg(rng)};
  const int n = count(rng);
  for (int k = 0; k < n; ++k)
    l.shapes.push_back({kind(rng), pos(rng), pos(rng), rad(rng), ang(rng), randomColour(rng)});
  return l;
}

cv::Mat render(const ClassLayout& l, int size, int channels, double noise, bool smooth, bool faintBlue,
               std::mt19937_64& rng, cv::RNG& pixels) {
  if (!l.texture.empty()) {
    std::uniform_int_distribution<int> off(0, l.texture.rows - 1);
    const int oy = off(rng), ox = off(rng);
    cv::Mat out(size, size, CV_8UC(channels));
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x)
        for (int c = 0; c < channels; ++c)
          out.ptr<uint8_t>(y)[x * channels + c] =
              l.texture.ptr<uint8_t>((y + oy) % l.texture.rows)[((x + ox) % l.texture.cols) * 3 + c];
    return out;
  }
  std::uniform_real_distribution<double> shift(-0.12, 0.12), gain(0.7, 1.2),
      offset(noise > 0 ? -25 : 0, noise > 0 ? 25 : 1e-9), jitter(-0.03, 0.03);
  const double dx = shift(rng) * size, dy = shift(rng) * size, g = gain(rng), o = offset(rng);
  const int scale = 4;  // drawn at 4× with anti-aliasing, then shrunk
  const int big = size * scale;
  cv::Mat img(big, big, CV_8UC3, l.background);
  for (const Shape& s : l.shapes) {
    const cv::Point c(static_cast<int>(((s.x + jitter(rng)) * size + dx) * scale),
                      static_cast<int>(((s.y + jitter(rng)) * size + dy) * scale));
    const int r = std::max(1, static_cast<int>(s.r * big));
    if (s.kind == 0) {
      cv::circle(img, c, r, s.colour, cv::FILLED, cv::LINE_AA);
    } else if (s.kind == 1) {
      const cv::Point d(static_cast<int>(std::cos(s.angle) * r * 1.5), static_cast<int>(std::sin(s.angle) * r * 1.5));
      cv::line(img, c - d, c + d, s.colour, std::max(1, r / 2), cv::LINE_AA);
    } else {
      cv::circle(img, c, r, s.colour, std::max(1, r / 3), cv::LINE_AA);
    }
  }
  if (smooth) cv::GaussianBlur(img, img, cv::Size(0, 0), big / 8.0);
  cv::Mat small;
  cv::resize(img, small, cv::Size(size, size), 0, 0, cv::INTER_AREA);
  cv::Mat f;
  small.convertTo(f, CV_32FC3, g, o);
  cv::Mat n(f.size(), f.type());
  pixels.fill(n, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(noise * 255));
  f += n;
  if (faintBlue && channels == 3) {
    std::vector<cv::Mat> planes;
    cv::split(f, planes);
    planes[2].setTo(0);
    std::uniform_int_distribution<int> at(0, size - 1);
    std::bernoulli_distribution hot(0.3);
    if (hot(rng)) planes[2].at<float>(at(rng), at(rng)) = 255;
    cv::merge(planes, f);
  }
  cv::Mat out;
  if (channels == 1) {
    cv::Mat grey;
    cv::cvtColor(f, grey, cv::COLOR_RGB2GRAY);
    grey.convertTo(out, CV_8UC1);
  } else {
    f.convertTo(out, CV_8UC3);
  }
  return out;
}

// Examples per class for `total` examples: shares falling geometrically from the first
// class to the last by `imbalance`, each class at least one.
std::vector<int64_t> classCounts(int classes, int64_t total, double imbalance) {
  std::vector<double> w(static_cast<size_t>(classes));
  for (int c = 0; c < classes; ++c)
    w[static_cast<size_t>(c)] = std::pow(1.0 / imbalance, classes > 1 ? double(c) / (classes - 1) : 0.0);
  double sum = 0;
  for (double x : w) sum += x;
  std::vector<int64_t> n(static_cast<size_t>(classes));
  int64_t given = 0;
  for (int c = 0; c < classes; ++c) {
    n[static_cast<size_t>(c)] =
        std::max<int64_t>(1, static_cast<int64_t>(std::floor(w[static_cast<size_t>(c)] / sum * total)));
    given += n[static_cast<size_t>(c)];
  }
  for (int c = 0; given < total; c = (c + 1) % classes, ++given) ++n[static_cast<size_t>(c)];
  return n;
}

InMemorySplit makeSplit(const std::vector<ClassLayout>& layouts, const SyntheticSpec& spec, int64_t total, bool shuffle,
                        uint64_t seed, const std::string& name) {
  InMemorySplit s;
  s.file = name;
  const auto counts = classCounts(spec.classes, total, spec.imbalance);
  std::vector<int> labels;
  for (int c = 0; c < spec.classes; ++c)
    labels.insert(labels.end(), static_cast<size_t>(counts[static_cast<size_t>(c)]), c);
  std::mt19937_64 rng(seed);
  cv::RNG pixels(seed + 1);
  std::shuffle(labels.begin(), labels.end(), rng);
  const size_t bytes = static_cast<size_t>(spec.size) * spec.size * spec.channels;
  s.pixels.resize(labels.size() * bytes);
  std::uniform_int_distribution<int> anyClass(0, spec.classes - 1);
  for (size_t i = 0; i < labels.size(); ++i) {
    const cv::Mat m = render(layouts[static_cast<size_t>(labels[i])], spec.size, spec.channels, spec.noise, spec.smooth,
                             spec.faintBlue, rng, pixels);
    std::copy(m.data, m.data + bytes, s.pixels.begin() + static_cast<std::ptrdiff_t>(i * bytes));
    s.labels.push_back(shuffle ? anyClass(rng) : labels[i]);
  }
  return s;
}

}  // namespace

std::unique_ptr<InMemoryDataset> makeSyntheticDataset(const SyntheticSpec& spec) {
  spec.validate();
  std::mt19937_64 rng(spec.seed * 7919 + 1);
  std::vector<ClassLayout> layouts;
  std::vector<std::string> names;
  for (int c = 0; c < spec.classes; ++c) {
    layouts.push_back(makeLayout(rng, spec.sparse));
    if (spec.binary) {
      cv::Mat t(8, 8, CV_8UC3);
      std::bernoulli_distribution coin(0.5);
      for (int i = 0; i < 8 * 8 * 3; ++i) t.data[i] = coin(rng) ? 255 : 0;
      layouts.back().texture = t;
    }
    names.push_back("class" + std::to_string(c));
  }
  auto train = makeSplit(layouts, spec, spec.train, spec.shuffleLabels, spec.seed * 31 + 7, "synthetic-train");
  auto test = makeSplit(layouts, spec, spec.test, false, spec.seed * 31 + 11, "synthetic-test");
  return std::make_unique<InMemoryDataset>("synthetic", "synthetic:" + spec.str(),
                                           ImageShape{spec.size, spec.size, spec.channels}, names, std::move(train),
                                           std::move(test));
}

}  // namespace ps
