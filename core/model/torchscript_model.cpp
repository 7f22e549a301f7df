#include "model/torchscript_model.h"

#include <torch/script.h>
#include <torch/torch.h>
#include <filesystem>

#include "util/errors.h"

namespace ps {

namespace {

torch::jit::script::Module loadModule(const std::string& path) {
  if (!std::filesystem::exists(path)) throw ConfigError(path + ": no such TorchScript file");
  try {
    auto m = torch::jit::load(path, torch::kCPU);
    m.eval();
    return m;
  } catch (const c10::Error& e) {
    std::string what = e.what_without_backtrace();
    if (what.size() > 200) what = what.substr(0, 200) + "…";
    throw ConfigError(path + ": not a TorchScript model saved with torch.jit.save (" + what + ")");
  }
}

torch::Tensor runProbe(torch::jit::script::Module& m, const std::string& path, const ImageShape& shape,
                       const char* what) {
  torch::NoGradGuard guard;
  const auto probe = torch::zeros({2, shape.channels, shape.height, shape.width});
  torch::jit::IValue out;
  try {
    out = m.forward({probe});
  } catch (const std::exception& e) {
    std::string msg = e.what();
    msg = msg.substr(0, msg.find('\n'));
    throw ConfigError(path + ": the " + std::string(what) + " fails on a batch of shape 2x" +
                      std::to_string(shape.channels) + "x" + std::to_string(shape.height) + "x" +
                      std::to_string(shape.width) + " (" + msg + ")");
  }
  if (!out.isTensor())
    throw ConfigError(path + ": the " + std::string(what) + " returns a " + out.tagKind() + ", expected a tensor");
  return out.toTensor();
}

}  // namespace

TorchScriptClassifier::TorchScriptClassifier(const std::string& path, const ImageShape& shape, int64_t classes)
    : path_(path), module_(loadModule(path)) {
  const auto out = runProbe(module_, path, shape, "model");
  if (out.dim() != 2 || out.size(0) != 2 || out.size(1) != classes) {
    std::string got;
    for (int64_t d : out.sizes()) got += (got.empty() ? "" : "x") + std::to_string(d);
    throw ConfigError(path + ": the model returns shape " + got + " for 2 images; expected 2x" +
                      std::to_string(classes) + " (one logit per class)");
  }
}

torch::Tensor TorchScriptClassifier::forward(const torch::Tensor& x, LayerRecorder*) {
  return module_.forward({x}).toTensor();
}

torch::Tensor TorchScriptClassifier::features(const torch::Tensor& x) {
  for (const char* method : {"features", "embed"})
    if (module_.find_method(method)) return module_.get_method(method)({x}).toTensor().flatten(1);
  throw ConfigError(path_ + ": the TorchScript model has no features() or embed() method for embeddings");
}

std::vector<torch::Tensor> TorchScriptClassifier::parameters() {
  std::vector<torch::Tensor> out;
  for (const auto& p : module_.parameters()) out.push_back(p);
  return out;
}

std::vector<torch::Tensor> TorchScriptClassifier::buffers() {
  std::vector<torch::Tensor> out;
  for (const auto& b : module_.buffers()) out.push_back(b);
  return out;
}

TorchScriptEncoder::TorchScriptEncoder(const std::string& path, const ImageShape& shape)
    : path_(path), module_(loadModule(path)) {
  const auto out = runProbe(module_, path, shape, "encoder");
  if (out.dim() < 2 || out.size(0) != 2) {
    std::string got;
    for (int64_t d : out.sizes()) got += (got.empty() ? "" : "x") + std::to_string(d);
    throw ConfigError(path + ": the encoder returns shape " + got + " for 2 images; expected 2xD embeddings");
  }
}

torch::Tensor TorchScriptEncoder::embed(const torch::Tensor& x) { return module_.forward({x}).toTensor().flatten(1); }

}  // namespace ps
