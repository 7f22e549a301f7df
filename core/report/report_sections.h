#pragma once
// The sections of the study report, each an HTML fragment built from stored results
// (no I/O here): the scaling studies with their envelopes, the frontier studies, the
// planner's answer beside the theory's optimal kept fraction, the score agreement
// matrix and the fairness audit. Every text from the store is escaped. Numbers show 4
// decimals; each table cell of a stored number also carries it in full (data-v), so a
// reader (or a test) can check the report against the store.
#include <string>
#include <vector>

#include "score/score_agreement.h"
#include "study/fairness_audit.h"
#include "study/frontier_study.h"
#include "study/group_audit.h"
#include "study/pruning_planner.h"
#include "study/scaling_study.h"
#include "theory/optimal_keep.h"

namespace ps {

// A stored number as a table cell: "<td data-v='full'>0.1235</td>".
std::string numberCell(double v, int decimals = 4);

std::string scalingSection(const ScalingResult& r);
std::string frontierSection(const FrontierResult& r);
std::string planSection(const PruningPlan& plan, const std::vector<OptimalKeep>& theory, const std::string& theoryNote);
std::string agreementSection(const ScoreAgreement* agreement, const std::string& whyNot);
std::string auditSection(const AuditResult* audit, const std::string& whyNot);
// The audit by group of the same pruning: the summary (average, worst-group and
// worst-class accuracy of both models), and per group its counts, its share of the full
// and of the kept set drawn as bars (the make-up before and after), and its accuracies;
// the worst group highlighted. With more than `maxRows` groups, the `maxRows` most pruned.
std::string groupAuditSection(const GroupAuditResult* audit, const std::string& whyNot, size_t maxRows = 60);

// The frontier point the report audits: the lowest-error point pruned by a score (an
// audit ranks by the score; random pruning has none). `note` says which point it is and
// its error, and names any lower-error random point beside it; null (and why, in
// `note`) when the run has no point pruned by a score.
const FrontierPoint* auditedPoint(const FrontierResult& r, std::string& note);

}  // namespace ps
