#include "embed/run_embedding_choice.h"

#include <algorithm>

#include "data/dataset.h"
#include "job/job.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

ScoreConfig defaultEmbeddingRequest() {
  ScoreConfig c;
  c.scores = {"prototype"};
  c.prototypeEmbedding = "classifier";
  c.train.epochs = 3;
  return c;
}

namespace {

std::string whatToRun(const Dataset& ds) {
  return "prunescope-cli score " + ds.spec() +
         " --scores prototype (the classifier's embedding; --prototype-embedding ssl for the self-supervised "
         "encoder's), or name no run to have one computed";
}

ChosenEmbedding fromRun(const Dataset& ds, const Store& store, int64_t runId) {
  const RunRecord rec = store.run(runId);
  const auto own = store.findDataset(ds.fingerprint());
  if (!own || own->id != rec.datasetId)
    throw ConfigError("run " + std::to_string(runId) + " was made on another dataset, not on " + ds.spec());
  auto train = loadEmbedding(store, runId, Split::Train);
  if (!train) {
    const std::string what = isRunKind(rec.kind, RunKind::Import) ? "imports scores from a file"
                                                                  : "is a " + rec.kind + " run whose scores need none";
    throw ConfigError("run " + std::to_string(runId) + " holds no embedding (it " + what +
                      "): run one that computes an embedding, e.g. " + whatToRun(ds));
  }
  ChosenEmbedding c;
  c.runId = runId;
  c.train = std::move(*train);
  c.test = loadEmbedding(store, runId, Split::Test);
  c.said = "the " + c.train.source + " embedding of run " + std::to_string(runId) + " (" +
           std::to_string(c.train.rows) + " × " + std::to_string(c.train.dims) + ")";
  return c;
}

}  // namespace

ChosenEmbedding chooseEmbedding(const Dataset& ds, Store& store, std::optional<int64_t> runId,
                                const ScoreConfig& request, JobContext& ctx,
                                const std::function<void(const std::string&)>& announce) {
  if (runId) return fromRun(ds, store, *runId);
  if (const auto rec = store.findDataset(ds.fingerprint()))
    for (const int64_t id : runsWithEmbeddings(store, rec->id))
      if (store.run(id).status == RunStatus::Done) return fromRun(ds, store, id);
  const auto counts = ds.classCounts(Split::Train);
  const auto present = std::count_if(counts.begin(), counts.end(), [](size_t c) { return c > 0; });
  if (request.prototypeEmbedding == "classifier" && present < 2)
    throw ConfigError(ds.spec() +
                      " has one class in its training split: a classifier learns no embedding from it; "
                      "use the self-supervised encoder (--embedding ssl) or a TorchScript encoder file");
  if (announce)
    announce("no stored embedding of " + ds.spec() + ": computing one with a scoring run (" +
             std::to_string(request.train.epochs) + " epochs of " + request.train.model + ", prototype score on the " +
             request.prototypeEmbedding + " embedding), kept in the store for the next time");
  const ScoreRun run = scoreDataset(ds, store, request, ctx);
  if (!hasEmbedding(store, run.runId, Split::Train))
    throw ConfigError("run " + std::to_string(run.runId) +
                      " answered the request from the store but holds no "
                      "embedding (it was made before runs kept theirs): name another request, e.g. " +
                      whatToRun(ds) + " --epochs 4");
  ChosenEmbedding c = fromRun(ds, store, run.runId);
  c.computed = !run.fromCache;
  return c;
}

}  // namespace ps
