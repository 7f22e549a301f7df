#pragma once
// Generated image-classification datasets with a known, learnable structure: each class
// is a layout of coloured shapes (discs, bars, rings) on its own background; examples
// are that layout shifted, rescaled in brightness and contrast, and noised. Used to
// measure the default training recipe over kinds of data (grey or colour, sizes,
// class counts, class imbalance) and by tests that need data of a given kind.
#include <cstdint>
#include <memory>
#include <string>

#include "data/in_memory_dataset.h"

namespace ps {

struct SyntheticSpec {
  int classes = 10;
  int64_t train = 1000;        // training examples in all
  int64_t test = 500;          // test examples in all (same class proportions)
  int size = 32;               // height and width
  int channels = 3;            // 1 (grey) or 3 (RGB)
  double imbalance = 1.0;      // largest / smallest class share (geometric in between)
  double noise = 0.08;         // pixel noise, standard deviation as a fraction of 255
  bool sparse = false;         // small bright shapes on black (few pixels carry the signal)
  bool smooth = false;         // large soft shapes, no pixel noise (spatially smooth images)
  bool faintBlue = false;      // colour images whose blue channel is black but for rare hot pixels
  bool binary = false;         // full-contrast random binary textures (every pixel 0 or 255)
  bool shuffleLabels = false;  // training labels drawn at random (nothing to learn)
  uint64_t seed = 0;

  void validate() const;    // ConfigError naming the bad value
  std::string str() const;  // "32x32x3, 10 classes, 1000 train, balanced"
};

std::unique_ptr<InMemoryDataset> makeSyntheticDataset(const SyntheticSpec& spec);

}  // namespace ps
