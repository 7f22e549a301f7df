#include "study/fairness_audit.h"

#include <torch/torch.h>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "data/dataset.h"
#include "job/job.h"
#include "store/store.h"
#include "study/frontier_study.h"
#include "study/policy_inputs.h"
#include "study/study_runner.h"
#include "study/train_eval.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

std::optional<EvalResult> auditEvaluation(const Dataset& ds, Store& store, const std::vector<int64_t>& idx,
                                          const AuditConfig& c, JobContext& ctx, const std::string& what,
                                          bool mustLearn) {
  if (c.trainModels)
    return trainAndEvaluate(
        ds, store, idx, c.train, c.testLimit, ctx,
        [&](double f, const std::string& m) { ctx.report(f, 1, what + " · " + m); }, mustLearn);
  const auto run = store.findRun(trainCacheKey(ds, idx, c.train, c.testLimit), RunStatus::Done);
  if (!run) return std::nullopt;
  return loadEvalResult(store, run->id);
}

namespace {

AuditSide auditSide(const Dataset& ds, Store& store, const AuditConfig& c, const PruneSpec& spec,
                    const ResolvedScore& score, const std::vector<int>& labels, const std::optional<EvalResult>& full,
                    JobContext& ctx) {
  AuditSide side;
  side.label = spec.label();
  const auto kept = selectSubset(score.difficulty, labels, spec, score.tieBreak(), &score.inputs);
  side.kept = static_cast<int64_t>(kept.size());
  const size_t classes = ds.numClasses();
  std::vector<int64_t> total(classes, 0), keptPer(classes, 0);
  for (int l : labels) ++total[static_cast<size_t>(l)];
  for (int64_t p : kept) ++keptPer[static_cast<size_t>(labels[static_cast<size_t>(p)])];
  std::vector<int64_t> trainIdx;
  trainIdx.reserve(kept.size());
  for (int64_t p : kept) trainIdx.push_back(score.indices[static_cast<size_t>(p)]);
  std::optional<EvalResult> sub;
  bool coversClasses = true;
  try {
    checkSubsetCoversClasses(ds, trainIdx);
  } catch (const ConfigError&) {
    coversClasses = false;  // reported per class (kept 0); no model can be trained
  }
  if (coversClasses) sub = auditEvaluation(ds, store, trainIdx, c, ctx, side.label, false);
  side.hasAccuracy = sub.has_value() && full.has_value();
  for (size_t k = 0; k < classes; ++k) {
    ClassAudit a;
    a.label = static_cast<int>(k);
    a.name = ds.classNames()[k];
    a.total = total[k];
    a.kept = keptPer[k];
    a.keptFraction = total[k] ? double(keptPer[k]) / double(total[k]) : std::nan("");
    a.disproportionate = total[k] > 0 && a.keptFraction < c.threshold * spec.keep;
    if (a.disproportionate) side.flagged.push_back(a.name);
    if (side.hasAccuracy) {
      a.accuracySubset = sub->perClassAccuracy[k];
      a.accuracyFull = full->perClassAccuracy[k];
      a.change = a.accuracySubset - a.accuracyFull;
      if (!std::isnan(a.accuracySubset) && (std::isnan(side.worstAccuracy) || a.accuracySubset < side.worstAccuracy)) {
        side.worstAccuracy = a.accuracySubset;
        side.worstClass = a.name;
      }
    }
    side.classes.push_back(a);
  }
  if (side.hasAccuracy) {
    side.errorSubset = sub->error;
    side.errorFull = full->error;
  }
  return side;
}

nlohmann::json sideJson(const AuditSide& s) {
  nlohmann::json j{{"policy", s.label}, {"kept", s.kept}, {"has_accuracy", s.hasAccuracy}, {"flagged", s.flagged}};
  auto num = [](double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); };
  j["error_subset"] = num(s.errorSubset);
  j["error_full"] = num(s.errorFull);
  j["worst_accuracy"] = num(s.worstAccuracy);
  j["worst_class"] = s.worstClass;
  for (const auto& a : s.classes)
    j["classes"].push_back({{"label", a.label},
                            {"name", a.name},
                            {"total", a.total},
                            {"kept", a.kept},
                            {"kept_fraction", num(a.keptFraction)},
                            {"disproportionate", a.disproportionate},
                            {"acc_subset", num(a.accuracySubset)},
                            {"acc_full", num(a.accuracyFull)},
                            {"change", num(a.change)}});
  return j;
}

}  // namespace

AuditConfig auditConfigForPoint(const std::string& frontierConfigJson, int64_t scoreRunId, const FrontierPoint& point) {
  const FrontierConfig f = parseFrontierConfig(frontierConfigJson);
  AuditConfig a;
  a.score.runId = scoreRunId;
  a.score.name = point.score.empty() ? f.score.name : point.score;
  a.spec.policy = parsePrunePolicy(point.policy);
  a.spec.keep = point.keep;
  a.spec.classBalanced = f.classBalanced;  // both forms are audited; this says which one the study trained
  a.spec.beta = f.beta;
  a.spec.strata = f.strata;
  a.spec.seed = f.train.seed;
  a.train = f.train;
  a.train.epochs = point.epochs > 0 ? point.epochs : budgetEpochs(f.train, f.budget, point.keep);
  a.testLimit = f.testLimit;
  a.trainModels = true;
  return a;
}

AuditResult runFairnessAudit(const Dataset& ds, Store& store, const AuditConfig& config, JobContext& ctx) {
  config.spec.validate();
  config.train.validate();
  if (!(config.threshold > 0 && config.threshold <= 1))
    throw ConfigError("disproportion threshold " + std::to_string(config.threshold) + " is outside (0, 1]");
  ResolvedScore score = resolveStudyScore(ds, store, config.score, ctx, "", scoresPoliciesNeed({config.spec.policy}));
  attachPolicyInputs(ds, store, {config.spec.policy}, config.train, score, ctx, config.trainModels);
  const std::vector<int> labels = ds.labelsOf(Split::Train, score.indices);
  AuditResult r;
  r.keep = config.spec.keep;
  r.threshold = config.threshold;
  r.scoreRunId = score.runId;
  r.scoreName = config.score.name;
  const std::optional<EvalResult> full = auditEvaluation(ds, store, score.indices, config, ctx, "full data", true);
  PruneSpec plain = config.spec, balanced = config.spec;
  plain.classBalanced = false;
  balanced.classBalanced = true;
  r.policy = auditSide(ds, store, config, plain, score, labels, full, ctx);
  r.balanced = auditSide(ds, store, config, balanced, score, labels, full, ctx);
  return r;
}

void writeAuditCsv(const AuditResult& r, const std::string& path) {
  CsvWriter csv({"class", "class_name", "total", "kept", "kept_fraction", "overall_keep", "disproportionate",
                 "acc_subset", "acc_full", "change", "balanced_kept", "balanced_kept_fraction", "balanced_acc_subset",
                 "balanced_change"});
  for (size_t k = 0; k < r.policy.classes.size(); ++k) {
    const auto& a = r.policy.classes[k];
    const auto& b = r.balanced.classes[k];
    csv.integer(a.label).text(a.name).integer(a.total).integer(a.kept).number(a.keptFraction).number(r.keep);
    csv.integer(a.disproportionate ? 1 : 0).number(a.accuracySubset).number(a.accuracyFull).number(a.change);
    csv.integer(b.kept).number(b.keptFraction).number(b.accuracySubset).number(b.change).endRow();
  }
  csv.save(path);
}

void writeAuditJson(const AuditResult& r, const std::string& fingerprint, const std::string& path) {
  nlohmann::json j{{"keep", r.keep}, {"threshold", r.threshold}, {"score", r.scoreName}, {"score_run", r.scoreRunId}};
  j["policy"] = sideJson(r.policy);
  j["class_balanced"] = sideJson(r.balanced);
  j["provenance"] = {{"tool", "prunescope"}, {"kind", "audit"}, {"dataset_fingerprint", fingerprint}};
  writeFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace ps
