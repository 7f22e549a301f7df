#pragma once
// The finished score runs the store holds for the open dataset, read once and shared by
// the gallery, the score view and the study forms. An entry is one score of one run.
#include <QString>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "score/score_engine.h"

namespace ps {
class Dataset;
}

namespace ps::ui {

struct ScoreCatalog {
  std::vector<ScoreRun> runs;                           // newest first
  std::vector<std::pair<size_t, std::string>> entries;  // (position in runs, score name)

  QString entryLabel(size_t k) const;  // "el2n (run 3)"
  const ScoreRun& run(size_t k) const { return runs[entries[k].first]; }
  const std::string& name(size_t k) const { return entries[k].second; }
  const std::vector<float>& difficulty(size_t k) const { return run(k).difficulty.at(name(k)); }
};

// Reads the catalogue from the store at `storePath`; StoreError names the file.
std::shared_ptr<const ScoreCatalog> loadScoreCatalog(const Dataset& dataset, const QString& storePath);

}  // namespace ps::ui
