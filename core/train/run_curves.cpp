#include "train/run_curves.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/run_kind.h"
#include "store/store.h"
#include "util/csv_writer.h"

namespace ps {

namespace {
std::string what(const Store& store, int64_t runId) {
  return store.path() + ": run " + std::to_string(runId) + "'s training curve";
}

// The model a study point names ("point/<label>" → {"train_run": id, ...}); 0 when none.
constexpr int64_t kFoldCurveBase = 10000000;  // above any seed's number (six digits)

int64_t trainedRun(const std::string& key, const std::string& json) {
  if (key.rfind("point/", 0) != 0) return 0;
  const auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("train_run") || !j["train_run"].is_number_integer()) return 0;
  return j["train_run"].get<int64_t>();
}
}  // namespace

std::vector<LabelledCurve> loadTrainingCurves(const Store& store, int64_t runId) {
  std::vector<LabelledCurve> out;
  std::vector<std::pair<int64_t, std::string>> seeds;
  std::vector<std::pair<std::string, int64_t>> trained;
  for (const auto& [key, json] : store.results(runId)) {
    if (key == "curve") {
      out.push_back({"model", runId, TrainingCurve::fromJson(json, what(store, runId))});
    } else if (key.rfind("curve/seed", 0) == 0 || key.rfind("curve/fold", 0) == 0) {
      // A scoring run's seeds; a label check's fold models (numbered after the seeds).
      const std::string digits = key.substr(10);
      if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
      seeds.emplace_back(std::stoll(digits) + (key[6] == 'f' ? kFoldCurveBase : 0), json);
    } else if (const int64_t id = trainedRun(key, json)) {
      trained.emplace_back(key.substr(6), id);
    }
  }
  std::sort(seeds.begin(), seeds.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [k, json] : seeds)
    out.push_back(
        {(k >= kFoldCurveBase ? "fold " + std::to_string(k - kFoldCurveBase + 1) : "seed " + std::to_string(k + 1)),
         runId, TrainingCurve::fromJson(json, what(store, runId))});
  for (const auto& [label, id] : trained)
    if (id > 0 && id != runId)
      if (const auto json = store.result(id, "curve"))
        out.push_back({label, id, TrainingCurve::fromJson(*json, what(store, id))});
  return out;
}

std::map<int64_t, int64_t> studiesOfTrainedModels(const Store& store, const std::vector<RunRecord>& runs) {
  std::map<int64_t, int64_t> listed, parent;
  for (const RunRecord& r : runs) listed[r.id] = 0;
  for (const RunRecord& r : runs) {  // ascending ids: a model shared by studies goes to the first
    if (!isStudyRun(r.kind)) continue;
    for (const auto& [key, json] : store.results(r.id)) {
      const int64_t id = trainedRun(key, json);
      if (id > 0 && id != r.id && listed.count(id) && !parent.count(id)) parent[id] = r.id;
    }
  }
  return parent;
}

void writeCurvesCsv(const std::vector<LabelledCurve>& curves, const std::string& path) {
  CsvWriter csv({"label", "run", "epoch", "steps", "loss", "accuracy", "balanced_accuracy", "chance", "lr",
                 "test_error", "seconds"});
  for (const LabelledCurve& c : curves)
    for (const EpochHealth& e : c.curve.epochs) {
      csv.text(c.label).integer(c.runId).integer(e.epoch).integer(e.steps).number(e.loss).number(e.accuracy);
      csv.number(e.balancedAccuracy).number(e.chance).number(e.lr).number(e.testError).number(e.seconds).endRow();
    }
  csv.save(path);
}

}  // namespace ps
