#pragma once
// What a run in the store computed. The store keeps each kind as the text below (the
// `kind` column of `runs`, and in cache keys), so the enum and the text are converted
// here and nowhere else: code names a kind by the enum. No Qt, no torch.
#include <optional>
#include <string>

namespace ps {

enum class RunKind {
  Score,       // "score": a scoring run (score/score_engine.h)
  Import,      // "import": scores read from a file
  Train,       // "train": one model trained on a subset and evaluated (study/train_eval.h)
  Frontier,    // "frontier": test error against kept fraction
  Scaling,     // "scaling": test error against training-set size
  LabelCheck,  // "label_check": cross-validated label check
  Audit,       // "audit": a fairness audit (a job and a file, not a stored run)
};

// The stored text of each kind: written to the store, never renamed.
constexpr const char* runKindName(RunKind kind) {
  switch (kind) {
    case RunKind::Score: return "score";
    case RunKind::Import: return "import";
    case RunKind::Train: return "train";
    case RunKind::Frontier: return "frontier";
    case RunKind::Scaling: return "scaling";
    case RunKind::LabelCheck: return "label_check";
    case RunKind::Audit: return "audit";
  }
  return "?";
}
// The kind a stored text names, or nothing for a text this build does not know.
std::optional<RunKind> parseRunKind(const std::string& name);
// True when the stored text `name` is `kind`.
inline bool isRunKind(const std::string& name, RunKind kind) { return name == runKindName(kind); }
// A scoring or import run: one whose vectors are scores.
inline bool isScoreLikeRun(const std::string& name) {
  return isRunKind(name, RunKind::Score) || isRunKind(name, RunKind::Import);
}
// A frontier or scaling study.
inline bool isStudyRun(const std::string& name) {
  return isRunKind(name, RunKind::Frontier) || isRunKind(name, RunKind::Scaling);
}

}  // namespace ps
