#include "report/study_report.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <sstream>

#include "data/dataset.h"
#include "report/report_sections.h"
#include "report/svg_chart.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "store/run_summary.h"
#include "store/store.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/version.h"

namespace ps {

namespace {

const char* kStyle = R"(<style>
body{font-family:sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#222;line-height:1.4}
h1{font-size:24px;margin-bottom:4px}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:36px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}
td:first-child,th:first-child{text-align:left}tr.best td{background:#fff3cd;font-weight:bold}
tr.flag td{background:#fde2e2}.verdict{font-size:15px;background:#eef6ff;border-left:4px solid #1f77b4;padding:8px}
.note{color:#555;font-size:13px}.chart{margin:8px 0}pre{white-space:pre-wrap;font-size:11px;background:#f7f7f7}
details{margin:2px 0}table.kv td,table.kv th{text-align:left;vertical-align:top}table.kv td{white-space:nowrap}
table.kv td:last-child{white-space:normal}td.na{color:#777}td.hard{background:#fde2e2}td.easy{background:#e2ecfd}
</style>)";

std::string esc(const std::string& s) { return escapeXml(s); }

std::string utcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

// The agreement of the newest cached scores; nullopt and why when fewer than two.
std::optional<ScoreAgreement> agreementOf(const Store& store, const Dataset& ds, const ReportOptions& o,
                                          std::string& whyNot) {
  std::vector<ScoreSeries> series;
  for (const CachedScoreRun& run : listScoreRuns(store, ds.fingerprint())) {
    const std::vector<int64_t> indices = loadRunIndices(store, run.runId);
    for (const auto& name : run.names) {
      if (series.size() >= o.maxScores) break;
      std::vector<float> values = store.vector(run.runId, name);
      if (values.size() != indices.size()) {
        whyNot += "run " + std::to_string(run.runId) + "'s score '" + name + "' holds " +
                  std::to_string(values.size()) + " values for " + std::to_string(indices.size()) +
                  " examples (left out). ";
        continue;
      }
      series.push_back({name + " (run " + std::to_string(run.runId) + ")", indices, std::move(values)});
    }
  }
  if (series.size() < 2) {
    whyNot += "Fewer than two cached scores of this dataset: nothing to compare.";
    return std::nullopt;
  }
  try {
    return scoreAgreement(series, o.topFraction);
  } catch (const std::exception& e) {
    whyNot += describeError(e);
    return std::nullopt;
  }
}

// The audit of the newest frontier run's lowest-error point pruned by a score
// (auditedPoint), from the models already in the store; nullopt and why otherwise.
std::optional<AuditResult> auditOf(const Dataset& ds, Store& store, const std::vector<FrontierResult>& frontiers,
                                   JobContext& ctx, std::string& note) {
  if (frontiers.empty()) {
    note = "No frontier study: no pruning to audit.";
    return std::nullopt;
  }
  const FrontierResult& r = frontiers.back();
  std::string which;
  const FrontierPoint* best = auditedPoint(r, which);
  if (!best) {
    note = which;
    return std::nullopt;
  }
  try {
    const RunRecord scoreRun = store.run(r.scoreRunId);
    if (scoreRun.status != RunStatus::Done) throw StoreError("score run is not finished");
    AuditConfig config = auditConfigForPoint(store.run(r.runId).config, r.scoreRunId, *best);
    config.trainModels = false;  // a report reads the store, it trains nothing
    note = which;
    return runFairnessAudit(ds, store, config, ctx);
  } catch (const std::exception& e) {
    note = "No audit: frontier run " + std::to_string(r.runId) + "'s score run " + std::to_string(r.scoreRunId) +
           " cannot be used (" + describeError(e) + ").";
    return std::nullopt;
  }
}

// The same audit by group (class × every attribute that can be grouped by, at most
// three), from the store's models; "" for a dataset without such attributes.
std::string groupAuditPart(const Dataset& ds, Store& store, const std::vector<FrontierResult>& frontiers,
                           JobContext& ctx) {
  std::vector<std::string> names;
  for (const Attribute& a : ds.attributes())
    if (a.groupable() && names.size() < 3) names.push_back(a.name);
  if (names.empty()) return {};
  std::string which;
  const FrontierPoint* best = frontiers.empty() ? nullptr : auditedPoint(frontiers.back(), which);
  if (!best) return groupAuditSection(nullptr, frontiers.empty() ? "No frontier study: no pruning to audit." : which);
  const FrontierResult& r = frontiers.back();
  try {
    GroupAuditConfig config;
    config.audit = auditConfigForPoint(store.run(r.runId).config, r.scoreRunId, *best);
    config.audit.trainModels = false;  // a report reads the store, it trains nothing
    config.groupBy = names;
    config.bootstrap = 200;
    const GroupAuditResult audit = runGroupAudit(ds, store, config, ctx);
    return groupAuditSection(&audit, which + " 200 bootstrap resamples of the test examples.");
  } catch (const std::exception& e) {
    return groupAuditSection(nullptr, "No audit by group: " + describeError(e));
  }
}

std::string provenanceSection(const Dataset& ds, const Store& store, const std::vector<RunRecord>& runs) {
  std::ostringstream o;
  const ImageShape shape = ds.shape();
  o << "<section><h2>Provenance</h2>\n<table class='kv'>"
    << "<tr><th>dataset</th><td>" << esc(ds.spec()) << "</td></tr>"
    << "<tr><th>format</th><td>" << esc(ds.format()) << "</td></tr>"
    << "<tr><th>fingerprint (XXH3-64 of labels and images)</th><td>" << esc(ds.fingerprint()) << "</td></tr>"
    << "<tr><th>examples</th><td>" << ds.size(Split::Train) << " train, " << ds.size(Split::Test)
    << " test</td></tr><tr><th>image shape</th><td>" << esc(shape.str()) << "</td></tr><tr><th>classes</th><td>";
  for (size_t i = 0; i < ds.classNames().size(); ++i) o << (i ? ", " : "") << esc(ds.classNames()[i]);
  o << "</td></tr><tr><th>program</th><td>PruneScope " << kVersion << "</td></tr><tr><th>store</th><td>"
    << esc(store.path()) << " (schema " << store.schemaVersion() << ")</td></tr><tr><th>generated</th><td>" << utcNow()
    << "</td></tr></table>\n<h3>Runs of this dataset</h3>\n<table class='kv'>"
    << "<tr><th>run</th><th>kind</th><th>status</th><th>device</th><th>started</th><th>finished</th><th>seconds</th>"
    << "<th>settings</th></tr>\n";
  for (const RunRecord& r : runs)
    o << "<tr><td>" << r.id << "</td><td>" << esc(r.kind) << "</td><td>" << runStatusName(r.status) << "</td><td>"
      << esc(r.device) << "</td><td>" << esc(r.startedAt) << "</td><td>" << esc(r.finishedAt) << "</td>"
      << numberCell(r.elapsedSeconds, 1) << "<td>" << esc(describeRun(r))
      << "<details><summary>configuration</summary><pre>" << esc(r.config) << "</pre></details></td></tr>\n";
  o << "</table></section>\n";
  return o.str();
}

// The planner's answer at the budget asked for (else the largest pool measured), and the theory beside it.
std::string planPart(const Store& store, const std::vector<ScalingResult>& scaling,
                     const std::vector<FrontierResult>& frontier, const ReportOptions& o, JobContext& ctx) {
  PlanInputs in = planInputsFrom(scaling, frontier);  // skipped runs are listed once, at the top
  attachModels(store, in);                            // a model two runs share is one option
  double budget = o.budget;
  for (const auto& c : in.curves)
    if (o.budget <= 0) budget = std::max(budget, static_cast<double>(c.points.back().pool));
  const PruningPlan plan = planForBudget(in, budget);
  std::vector<OptimalKeep> theory;
  std::string note = "Not simulated (--no-theory).";
  if (o.theory) {
    const TheoryConfig config = optimalKeepTheoryConfig();
    theory = optimalKeepCurve(simulatePerceptron(config, ctx));
    note = "Teacher-student perceptron (Sorscher et al. 2022, Fig. 1), simulated: N = " + std::to_string(config.dim) +
           ", " + std::to_string(config.trials) +
           " trials per point; alpha_tot = examples per dimension before pruning. Per alpha_tot: the policy and "
           "kept fraction with the lowest error, and which policy wins at each kept fraction (a tie where the best "
           "two are within 2 standard errors of their trial-by-trial difference). It shows the shape of the "
           "decision (keep-easy with little data, keep-hard with much), not numbers for this dataset.";
  }
  return planSection(plan, theory, note);
}

}  // namespace

std::string renderStudyReport(const Dataset& ds, Store& store, const ReportOptions& o, JobContext& ctx) {
  const auto record = store.findDataset(ds.fingerprint());
  if (!record) throw ConfigError(store.path() + " holds nothing about " + ds.spec() + ": no study to report");
  const std::vector<RunRecord> runs = store.runs(record->id);
  std::vector<ScalingResult> scaling;
  std::vector<FrontierResult> frontier;
  std::vector<std::string> skipped;
  for (const RunRecord& r : runs) {
    if (r.status != RunStatus::Done || !isStudyRun(r.kind)) continue;
    try {
      if (isRunKind(r.kind, RunKind::Scaling))
        scaling.push_back(loadScalingStudy(store, r.id));
      else
        frontier.push_back(loadFrontierStudy(store, r.id));
    } catch (const std::exception& e) {
      skipped.push_back(r.kind + " run " + std::to_string(r.id) + ": " + describeError(e));
    }
  }
  if (scaling.empty() && frontier.empty())
    throw ConfigError(store.path() + " holds no finished scaling or frontier study of " + ds.spec() +
                      ": nothing to report (run prunescope-cli frontier or scaling first)");
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>PruneScope report: " << esc(ds.spec())
       << "</title>\n"
       << kStyle << "</head><body>\n<h1>Data pruning report: " << esc(ds.spec()) << "</h1>\n"
       << "<p class='note'>Dataset fingerprint " << esc(ds.fingerprint()) << " · PruneScope " << kVersion << " · "
       << utcNow() << "</p>\n";
  for (const auto& s : skipped) html << "<p class='note'>Skipped " << esc(s) << "</p>\n";
  html << planPart(store, scaling, frontier, o, ctx);
  for (const auto& r : scaling) html << scalingSection(r);
  for (const auto& r : frontier) html << frontierSection(r);
  std::string why;
  const auto agreement = agreementOf(store, ds, o, why);
  html << agreementSection(agreement ? &*agreement : nullptr, why);
  std::string auditNote;
  const auto audit = auditOf(ds, store, frontier, ctx, auditNote);
  html << auditSection(audit ? &*audit : nullptr, auditNote);
  html << groupAuditPart(ds, store, frontier, ctx);
  html << provenanceSection(ds, store, runs) << "</body></html>\n";
  return html.str();
}

size_t writeStudyReport(const Dataset& ds, Store& store, const ReportOptions& options, JobContext& ctx,
                        const std::string& path) {
  const std::string html = renderStudyReport(ds, store, options, ctx);
  writeFileAtomically(path, html);
  return html.size();
}

}  // namespace ps
