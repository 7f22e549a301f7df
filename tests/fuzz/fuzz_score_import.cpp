// Imported scores, CSV or .npy (a first byte 'N' selects .npy), for a 40-example dataset,
// into a store file.
#include <memory>

#include "data/synthetic_dataset.h"
#include "fuzz_support.h"
#include "score/score_engine.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unique_ptr<ps::Dataset> ds = [] {
    ps::SyntheticSpec spec;
    spec.train = 40;
    spec.test = 10;
    spec.size = 8;
    spec.channels = 1;
    return std::unique_ptr<ps::Dataset>(ps::makeSyntheticDataset(spec));
  }();
  static ps::Store store(psfuzz::workDir() + "/import.sqlite");
  const bool npy = size > 0 && data[0] == 'N';
  const std::string bytes(reinterpret_cast<const char*>(data) + (npy ? 1 : 0), size - (npy ? 1 : 0));
  const std::string file = psfuzz::writeFile(npy ? "scores.npy" : "scores.csv", bytes);
  psfuzz::expectOnlyProjectErrors([&] {
    const ps::ScoreRun run = ps::importScores(*ds, store, file, "fuzzed", true);
    store.deleteRun(run.runId);  // keeps the store small
  });
  return 0;
}
