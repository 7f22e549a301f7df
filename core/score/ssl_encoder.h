#pragma once
// The built-in self-supervised encoder for prototype scores: the small CNN trained
// without labels by contrasting two augmented views of each image (SimCLR's NT-Xent
// loss, temperature 0.5). Returns the 128-d embeddings of the un-augmented inputs.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <functional>

namespace ps {

class BatchSource;
class JobContext;

// `encoder`, when given, receives the trained encoder (eval mode) to embed other images
// (the test split) the same way.
at::Tensor selfSupervisedEmbeddings(const BatchSource& data, int epochs, uint64_t seed, c10::Device device,
                                    JobContext& ctx, const std::function<void(double, const std::string&)>& progress,
                                    std::function<at::Tensor(const at::Tensor&)>* encoder = nullptr);

}  // namespace ps
