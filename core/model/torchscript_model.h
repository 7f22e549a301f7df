#pragma once
// Models the user exported from PyTorch with torch.jit.save: a classifier mapping a
// batch of images to logits, or an encoder mapping it to embeddings. Both are checked
// on a probe batch when loaded, so a file that is not a model, or gives the wrong output
// shape, is rejected with a ConfigError before any work starts.
#include <torch/csrc/jit/api/module.h>  // not torch/script.h: headers stay light

#include "data/dataset.h"
#include "model/classifier.h"

namespace ps {

class TorchScriptClassifier : public Classifier {
 public:
  TorchScriptClassifier(const std::string& path, const ImageShape& shape, int64_t classes);
  std::string name() const override { return path_; }
  torch::Tensor forward(const torch::Tensor& x, LayerRecorder* rec) override;
  torch::Tensor features(const torch::Tensor& x) override;  // the module's features() or embed() method
  std::vector<torch::Tensor> parameters() override;
  std::vector<torch::Tensor> buffers() override;
  void setTraining(bool on) override { module_.train(on); }
  void to(const torch::Device& device) override { module_.to(device); }
  bool recordsLayers() const override { return false; }

 private:
  std::string path_;
  torch::jit::Module module_;
};

// An embedding model: forward(x) gives B × D.
class TorchScriptEncoder {
 public:
  TorchScriptEncoder(const std::string& path, const ImageShape& shape);
  torch::Tensor embed(const torch::Tensor& x);
  void to(const torch::Device& device) { module_.to(device); }

 private:
  std::string path_;
  torch::jit::Module module_;
};

}  // namespace ps
