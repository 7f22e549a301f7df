#pragma once
// The training recipe shared by scoring runs and studies. Plain data, no torch.
#include <cstdint>
#include <string>

namespace ps {

struct TrainConfig {
  std::string model = "small_cnn";  // small_cnn, resnet18, or a TorchScript file
  int epochs = 10;
  int batchSize = 128;
  double lr = 0.05;
  double momentum = 0.9;
  double weightDecay = 5e-4;
  std::string schedule = "cosine";  // cosine | step (×0.1 at 50% and 75% of training) | constant
  bool augment = true;              // random crop with padding (+ flip where allowed)
  std::string flip = "auto";        // auto (no flip for digit datasets) | on | off
  uint64_t seed = 0;
  int threads = 0;                  // 0 = every core
  std::string device = "auto";      // auto | cpu | cuda
  bool mixedPrecision = true;       // bf16 autocast on CUDA; ignored on CPU

  void validate() const;  // throws ConfigError naming the bad value
};

}  // namespace ps
