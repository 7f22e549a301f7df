#pragma once
// Builds a classifier from a name ("small_cnn", "resnet18") or a TorchScript file path,
// and chooses the device once.
#include <functional>
#include <memory>
#include <string>

#include <torch/types.h>

#include "data/dataset.h"
#include "model/device_choice.h"
#include "model/model_names.h"

namespace ps {

class Classifier;

// Seeds torch before building, so the same seed gives the same initial weights.
std::unique_ptr<Classifier> makeClassifier(const std::string& nameOrPath, const ImageShape& shape, int64_t classes,
                                           uint64_t seed);

// Runs `build` with torch's global generator seeded by `seed`, as one step with every other
// seeded build in the process (concurrent jobs draw their initial weights from their own
// seed). makeClassifier builds through it.
void seededBuild(uint64_t seed, const std::function<void()>& build);

// Auto: the first CUDA GPU when LibTorch sees one, else the CPU; cpu; cuda or cuda:N,
// ConfigError when LibTorch sees no such GPU (said before any run is recorded).
torch::Device chooseDevice(const DeviceChoice& choice);
// "cpu", "cuda:0", ...: what a run records as its device.
std::string deviceName(const torch::Device& device);
// Prepares the process for tensor work: every core for CPU work (or `threads` when > 0),
// and heap settings that keep large activation buffers reusable (see the .cpp).
void configureCompute(int threads);

}  // namespace ps
