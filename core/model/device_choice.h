#pragma once
// The device a computation is asked to run on, as the user names it. No torch here:
// model_factory.h's chooseDevice() turns it into a torch::Device, checking that it exists.
#include <string>

namespace ps {

// Where to compute: "auto" (a CUDA GPU when LibTorch sees one, else the CPU), "cpu",
// "cuda" (the first GPU) or "cuda:N". Parsed from text when set from text (the CLI, the
// GUI, tests); ConfigError on anything else.
struct DeviceChoice {
  enum class Kind { Auto, Cpu, Cuda };
  Kind kind = Kind::Auto;
  int index = -1;  // cuda:N; -1 = the first (or the current) GPU
  DeviceChoice() = default;
  DeviceChoice(const std::string& text);  // NOLINT(google-explicit-constructor): set from text
  DeviceChoice(const char* text) : DeviceChoice(std::string(text)) {}  // NOLINT
  std::string str() const;                                             // "auto", "cpu", "cuda", "cuda:1"
  bool operator==(const DeviceChoice& o) const { return kind == o.kind && index == o.index; }
};

}  // namespace ps
