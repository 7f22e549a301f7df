#pragma once
// Which embedding a command that compares examples (duplicates, the embedding map) uses:
// the run the user named, which must hold one; else the newest run of the dataset that
// holds one; else one computed now by a short scoring run and cached with that run:
// the prototype score on the classifier's penultimate layer (small_cnn, 3 epochs, one
// seed), the cheapest embedding the workbench makes that has learnt the images (about
// a minute for Fashion-MNIST's 60 000 images on two cores; the self-supervised encoder
// takes several times longer). No torch in this header.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "score/score_config.h"
#include "store/embedding_store.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct ChosenEmbedding {
  int64_t runId = 0;
  Embedding train;
  std::optional<Embedding> test;  // the test split's rows by the same encoder, when stored
  bool computed = false;          // computed now (else read from the store)
  std::string said;               // one line saying which, for people
};

// The scoring request that computes the default embedding (prototype, classifier, 3 epochs).
ScoreConfig defaultEmbeddingRequest();

// The embedding of run `runId` when given (ConfigError naming the run and what to run
// instead when it has none, e.g. imported scores), else the newest stored one of `ds`,
// else `request` computed now (ConfigError first for a dataset of one class, which no
// classifier can learn from). `announce` gets what is about to be computed, if anything.
ChosenEmbedding chooseEmbedding(const Dataset& ds, Store& store, std::optional<int64_t> runId,
                                const ScoreConfig& request, JobContext& ctx,
                                const std::function<void(const std::string&)>& announce = {});

}  // namespace ps
