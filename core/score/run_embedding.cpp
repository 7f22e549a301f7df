#include "score/run_embedding.h"

#include <torch/torch.h>

#include <filesystem>
#include <numeric>

#include "data/dataset.h"
#include "job/job.h"
#include "train/batch_source.h"

namespace ps {

namespace {

Embedding toEmbedding(const std::string& source, const torch::Tensor& rows) {
  const auto c = rows.detach().to(torch::kCPU, torch::kFloat32).contiguous().flatten(1);
  Embedding e;
  e.source = source;
  e.rows = c.size(0);
  e.dims = c.dim() > 1 ? c.size(1) : 1;
  e.values.assign(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  return e;
}

}  // namespace

RunEmbeddings embedRunSplits(const Dataset& ds, const BatchSource& data, c10::Device device, const std::string& source,
                             const at::Tensor& train, const EncodeBatch& encode, JobContext& ctx) {
  RunEmbeddings out;
  out.train = toEmbedding(source, train);
  std::vector<int64_t> testIdx(ds.size(Split::Test));
  std::iota(testIdx.begin(), testIdx.end(), int64_t{0});
  if (testIdx.empty()) {
    out.test = Embedding{source, 0, out.train.dims, {}};
    return out;
  }
  const BatchSource test(ds, Split::Test, testIdx, device, size_t(4) << 30, &ctx, &data);
  std::vector<int64_t> all(testIdx.size());
  std::iota(all.begin(), all.end(), int64_t{0});
  torch::NoGradGuard guard;
  std::vector<torch::Tensor> parts;
  test.forEachBatch(all, 512, [&](const std::vector<int64_t>&, const torch::Tensor& x) {
    ctx.throwIfCancelled();
    parts.push_back(encode(x).detach().cpu());
  });
  out.test = toEmbedding(source, torch::cat(parts, 0));
  return out;
}

std::string embeddingSourceName(const std::string& prototypeEmbedding) {
  if (prototypeEmbedding == "classifier") return kClassifierEmbedding;
  if (prototypeEmbedding == "ssl") return kSelfSupervisedEmbedding;
  return kTorchScriptEmbeddingPrefix + std::filesystem::path(prototypeEmbedding).filename().string();
}

}  // namespace ps
