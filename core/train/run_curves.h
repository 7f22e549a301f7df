#pragma once
// The training curves a stored run holds, for the CLI and the runs panel: a scoring run
// keeps one per seed ("curve/seed<k>"), a label check one per fold model ("curve/fold<k>"), a trained model one
// ("curve"), and a study the curves of the models it trained (its points name them as "train_run").
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "train/train_health.h"

namespace ps {

class Store;
struct RunRecord;

struct LabelledCurve {
  std::string label;  // "seed 1", "model", or a study point ("el2n/hard/0.3/0")
  int64_t runId = 0;  // the run that stored it
  TrainingCurve curve;
};

// In order (seeds ascending, study points in key order); empty when the run has none.
// StoreError when a stored curve is not readable.
std::vector<LabelledCurve> loadTrainingCurves(const Store& store, int64_t runId);

// Which study trained each model among `runs` (model run id → study run id, for the
// frontier and scaling studies among `runs`; a model several studies share goes to the
// one with the lowest id). Models no listed study names are absent.
std::map<int64_t, int64_t> studiesOfTrainedModels(const Store& store, const std::vector<RunRecord>& runs);

// CSV, one row per epoch of each curve: label, run, epoch, steps, loss, accuracy,
// balanced_accuracy, chance, lr, test_error, seconds (empty where not measured).
// Written to a temporary file and renamed; IoError naming the path.
void writeCurvesCsv(const std::vector<LabelledCurve>& curves, const std::string& path);

}  // namespace ps
