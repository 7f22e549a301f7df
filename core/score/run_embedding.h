#pragma once
// A scoring run's embedding, kept with the run (store/embedding_store.h) where it is
// produced: the rows of the run's training examples that the prototype scores computed
// (the classifier's penultimate layer, the self-supervised encoder's or a TorchScript
// encoder's output), and the test split's rows from the same encoder, normalised like
// the training data, so that test examples can be compared with training ones (leaks).
// The first seed's embedding is the run's.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <functional>
#include <string>

#include "store/embedding_store.h"

namespace ps {

class BatchSource;
class Dataset;
class JobContext;

// A normalised batch of images (B × C × H × W on the device) to its rows (B × D).
using EncodeBatch = std::function<at::Tensor(const at::Tensor& x)>;

struct RunEmbeddings {
  Embedding train, test;
};

// `train` (one row per example of `data`, in order) under `source`, and the test split of
// `ds` encoded by `encode` in eval mode without gradients. Cancelled through `ctx`.
RunEmbeddings embedRunSplits(const Dataset& ds, const BatchSource& data, c10::Device device, const std::string& source,
                             const at::Tensor& train, const EncodeBatch& encode, JobContext& ctx);

// Where a run's producer hands its embedding (set for the run's first seed only).
using EmbeddingSink =
    std::function<void(const std::string& source, const at::Tensor& train, const EncodeBatch& encode)>;

// The source name of a prototype embedding setting: "classifier", "self-supervised" for
// "ssl", "torchscript:<file name>" for an encoder file.
std::string embeddingSourceName(const std::string& prototypeEmbedding);

}  // namespace ps
