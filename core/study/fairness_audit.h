#pragma once
// The fairness audit of a pruning: per class, the fraction kept against the overall f,
// and (when models are available or requested) test accuracy of the model trained on the
// subset against the full-data model, the change, and the worst class. Classes keeping
// less than `threshold`·f of their examples are flagged as pruned disproportionately.
// The same policy in its class-balanced form is audited alongside for comparison.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "prune/prune_policy.h"
#include "study/study_config.h"
#include "study/train_eval.h"

namespace ps {

class Dataset;
class Store;
class JobContext;

struct AuditConfig {
  StudyScore score;
  PruneSpec spec;  // spec.classBalanced is ignored: both forms are audited
  TrainConfig train;
  bool trainModels = false;  // train missing models (else use those already in the store)
  int64_t testLimit = 0;
  double threshold = 0.5;  // flag classes keeping < threshold × f
};

struct ClassAudit {
  int label = 0;
  std::string name;
  int64_t total = 0, kept = 0;
  double keptFraction = 0;
  bool disproportionate = false;
  double accuracySubset = std::numeric_limits<double>::quiet_NaN();
  double accuracyFull = std::numeric_limits<double>::quiet_NaN();
  double change = std::numeric_limits<double>::quiet_NaN();
};

struct AuditSide {
  std::string label;  // the spec's label
  int64_t kept = 0;
  std::vector<ClassAudit> classes;
  bool hasAccuracy = false;
  double errorSubset = std::numeric_limits<double>::quiet_NaN();
  double errorFull = std::numeric_limits<double>::quiet_NaN();
  double worstAccuracy = std::numeric_limits<double>::quiet_NaN();
  std::string worstClass;
  std::vector<std::string> flagged;
};

struct AuditResult {
  double keep = 0, threshold = 0;
  int64_t scoreRunId = 0;
  std::string scoreName;
  AuditSide policy, balanced;
};

struct FrontierPoint;
// The audit of one frontier point: its score run and score, policy, kept fraction and
// the recipe the study trained with (`frontierConfigJson`: the study run's config), so
// the models the study trained are answered from the store.
AuditConfig auditConfigForPoint(const std::string& frontierConfigJson, int64_t scoreRunId, const FrontierPoint& point);

// The evaluation of a model trained on the training examples `idx` with c.train: trained
// now when c.trainModels (`what` labels its progress), else read from the store
// (nothing when it was never trained).
std::optional<EvalResult> auditEvaluation(const Dataset& ds, Store& store, const std::vector<int64_t>& idx,
                                          const AuditConfig& c, JobContext& ctx, const std::string& what,
                                          bool mustLearn);

AuditResult runFairnessAudit(const Dataset& ds, Store& store, const AuditConfig& config, JobContext& ctx);
// One row per class: class, class_name, total, kept, kept_fraction, overall_keep,
// disproportionate, acc_subset, acc_full, change, then the same for the balanced policy.
void writeAuditCsv(const AuditResult& r, const std::string& path);
void writeAuditJson(const AuditResult& r, const std::string& fingerprint, const std::string& path);

}  // namespace ps
