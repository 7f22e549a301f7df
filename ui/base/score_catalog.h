#pragma once
// The finished score runs the store holds for the open dataset, read once (off the GUI
// thread) and shared by the gallery, the score view and the study forms. An entry is one
// score of one run. Each run carries the labels of the examples it scores, so views do
// not look them up again on every change.
#include <QString>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "score/label_check.h"
#include "score/score_engine.h"

class QComboBox;

namespace ps {
class Dataset;
class Store;
}  // namespace ps

namespace ps::ui {

struct CatalogRun {
  ScoreRun run;
  std::string finishedAt;   // with the run id, names the run (ids can be reused after a delete)
  std::vector<int> labels;  // training label of each scored example, in run.indices order
  int epochs = 0;           // of its training (0: not known, e.g. an import)
};

struct ScoreCatalog {
  std::vector<std::shared_ptr<const CatalogRun>> runs;  // newest first
  std::vector<std::pair<size_t, std::string>> entries;  // (position in runs, score name)
  // The newest finished cross-validated label check of the dataset (null: none).
  std::shared_ptr<const LabelCheckRun> labelCheck;

  QString entryLabel(size_t k) const;  // "el2n (run 3)"
  // "seed-to-seed rank correlation ρ = 0.831 (mean over seed pairs)"; empty for one seed.
  QString seedAgreementText(size_t k) const;
  const ScoreRun& run(size_t k) const { return runs[entries[k].first]->run; }
  const std::vector<int>& labels(size_t k) const { return runs[entries[k].first]->labels; }
  const std::string& name(size_t k) const { return entries[k].second; }
  const std::vector<float>& difficulty(size_t k) const { return run(k).difficulty.at(name(k)); }
  // The same runs (id and finish time) in the same order: a finished run never changes,
  // so nothing shown from it needs redoing.
  bool sameRuns(const ScoreCatalog& other) const;
};

// Reads the catalogue from `store`; runs already in `previous` are taken from it rather
// than read again. StoreError names the file.
std::shared_ptr<const ScoreCatalog> loadScoreCatalog(const Dataset& dataset, const Store& store,
                                                     const ScoreCatalog* previous = nullptr);

// Fills `box` with the catalogue's entries, keeping the current choice when still listed;
// otherwise the newest run's entry for the score last picked (see rememberScoreChoice),
// else EL2N, else the first.
void fillScoreBox(QComboBox* box, const ScoreCatalog* catalog);
// Remembers (in the settings) the score the user picks in `box`, for every score picker.
void rememberScoreChoice(QComboBox* box);

}  // namespace ps::ui
