#pragma once
// A scoring run written to the store: its vectors, indices, predictions and summary, in
// one transaction that marks it done. (Reading runs back is declared in score_engine.h.)
#include <string>

namespace ps {

class Store;
struct ScoreRun;

// Stores the computed run under its id and marks it done; `kind` and `seeds` go into its summary.
void storeRun(Store& store, const ScoreRun& run, const std::string& kind, int seeds);

}  // namespace ps
