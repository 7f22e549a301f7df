#include "report/report_sections.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "prune/policy_registry.h"
#include "report/svg_chart.h"
#include "study/scaling_envelope.h"

namespace ps {

namespace {

std::string esc(const std::string& s) { return escapeXml(s); }

std::string td(const std::string& text) { return "<td>" + esc(text) + "</td>"; }
std::string td(int64_t v) { return "<td>" + std::to_string(v) + "</td>"; }

std::string g(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The spread across seeds as a cell: the std with 2 or more seeds, "1 seed" with one
// (a spread of one value is no measurement: "0.0000" would claim a precision there is not).
std::string spreadCell(double std, int64_t seeds) {
  if (seeds >= 2) return numberCell(std);
  return "<td class='na'>" + std::string(seeds == 1 ? "1 seed" : "n/a") + "</td>";
}

// A policy as a chart's legend names it: "keep hard", "keep easy", "keep CCS", "random".
std::string policyLabel(const std::string& policy) {
  const PolicyInfo* info = findPolicy(policy);
  if (!policyUsesScore(policy)) return policy;
  return "keep " + (info ? std::string(info->term) : policy);
}

std::string header(const std::vector<std::string>& names) {
  std::string h = "<tr>";
  for (const auto& n : names) h += "<th>" + esc(n) + "</th>";
  return h + "</tr>\n";
}

// Per-f curves, their fitted power laws and the envelope, on log-log axes.
std::string scalingChart(const ScalingResult& r, const ScalingEnvelope* env) {
  SvgChart c;
  c.title = "Test error against examples kept (" + r.scoreName + ")";
  c.xLabel = "training examples kept";
  c.yLabel = "test error";
  c.logX = c.logY = true;
  // At f = 1 every policy keeps the whole pool: one curve, random's when measured.
  const std::string fullPolicy = unprunedPolicy(r);
  std::map<std::pair<std::string, double>, SvgSeries> curves;
  for (const auto& p : r.points) {
    if (p.keep >= 1 && p.policy != fullPolicy) continue;
    const std::pair<std::string, double> key{p.keep >= 1 ? std::string("all") : p.policy, p.keep};
    SvgSeries& s = curves[key];
    s.name = p.keep >= 1 ? "all data (f=1)" : policyLabel(p.policy) + " f=" + g(p.keep);
    s.xs.push_back(double(p.kept));
    s.ys.push_back(p.errorMean);
    s.yErr.push_back(p.errorStd);
  }
  // The policy's colour (the GUI's too), lighter for smaller kept fractions; black at f = 1.
  std::vector<double> keeps;
  for (const auto& p : r.points) keeps.push_back(p.keep);
  std::sort(keeps.begin(), keeps.end());
  keeps.erase(std::unique(keeps.begin(), keeps.end()), keeps.end());
  for (auto& kv : curves) {
    const auto rank = static_cast<size_t>(std::find(keeps.begin(), keeps.end(), kv.first.second) - keeps.begin());
    kv.second.colour = kv.first.second >= 1 ? "#000000" : policyShade(kv.first.first, keeps.size() - 1 - rank).hex();
    kv.second.width = 1.2;
    c.series.push_back(kv.second);
  }
  if (env && env->fitted) {
    SvgSeries e;
    e.name =
        env->policy == "any" ? std::string("envelope: best f and policy") : "envelope: best f, keep-" + env->policy;
    e.colour = "#ff7f0e";
    e.width = 3.2;
    for (const auto& p : env->points) {
      e.xs.push_back(double(p.kept));
      e.ys.push_back(p.errorMean);
    }
    c.series.push_back(e);
    SvgSeries fit;
    fit.name = "envelope fit: " + std::string(curveModelName(env->fit.best));
    fit.colour = "#ff7f0e";
    fit.dashed = true;
    fit.markers = false;
    const double lo = e.xs.front(), hi = e.xs.back();
    for (int i = 0; i <= 30; ++i) {
      const double n = lo * std::pow(hi / lo, i / 30.0);
      fit.xs.push_back(n);
      fit.ys.push_back(env->fit.bestFit().predict(n));
    }
    c.series.push_back(fit);
  }
  return renderSvg(c);
}

bool sameChoices(const ScalingEnvelope& a, const ScalingEnvelope& b) {
  if (a.points.size() != b.points.size()) return false;
  for (size_t i = 0; i < a.points.size(); ++i)
    if (a.points[i].keep != b.points[i].keep || a.points[i].errorMean != b.points[i].errorMean) return false;
  return true;
}

std::string envelopeTable(const ScalingEnvelope& e) {
  std::ostringstream o;
  o << "<h4>Envelope: " << esc(e.policy == "any" ? std::string("best over every policy") : "keep-" + e.policy)
    << "</h4>\n<p class='verdict'>" << esc(e.verdict.text) << "</p>\n<p>" << esc(e.choices) << ".</p>\n";
  if (e.fitted && e.fit.compared)
    o << "<p>Best description: " << esc(curveModelName(e.fit.best)) << ", " << esc(e.fit.bestFit().str())
      << ". Power law: " << esc(e.fit.powerLaw.str()) << ". Criterion: " << esc(e.fit.criterion) << ".</p>\n";
  else if (e.fitted)  // too few points to choose: the power law is shown, not called best
    o << "<p>Description: power law, " << esc(e.fit.powerLaw.str()) << ". Criterion: " << esc(e.fit.criterion)
      << ".</p>\n";
  if (e.hasUnpruned) o << "<p>Unpruned curve (f = 1): " << esc(e.unpruned.str()) << ".</p>\n";
  o << "<table>" << header({"pool", "best policy", "f", "kept", "error", "± std", "seeds"});
  for (const auto& p : e.points)
    o << "<tr>" << td(p.pool) << td(p.keep >= 1 ? std::string("no pruning") : p.policy) << numberCell(p.keep, 2)
      << td(p.kept) << numberCell(p.errorMean) << spreadCell(p.errorStd, p.seeds) << td(int64_t(p.seeds)) << "</tr>\n";
  o << "</table>\n";
  return o.str();
}

}  // namespace

std::string numberCell(double v, int decimals) {
  char shown[48], full[48];
  std::snprintf(shown, sizeof shown, "%.*f", decimals, v);
  std::snprintf(full, sizeof full, "%.17g", v);
  return std::string("<td data-v='") + full + "'>" + (std::isfinite(v) ? shown : "–") + "</td>";
}

std::string scalingSection(const ScalingResult& r) {
  const std::vector<ScalingEnvelope> envs = scalingEnvelopes(r);
  std::ostringstream o;
  o << "<section><h2>Scaling study, run " << r.runId << " (score " << esc(r.scoreName) << ")</h2>\n";
  o << "<div class='chart'>" << scalingChart(r, envs.empty() ? nullptr : &envs.back()) << "</div>\n";
  o << "<p class='note'>Dots: mean test error over seeds (bars: ± std); orange: the envelope, for each pool the "
       "kept fraction with the lowest error; dashed: its best-fitting law.</p>\n";
  // a policy's envelope is listed when it differs from the one over every policy (the last)
  for (const auto& e : envs)
    if (&e == &envs.back() || !sameChoices(e, envs.back())) o << envelopeTable(e);
  o << "<h4>Measured points</h4><table>" << header({"policy", "f", "pool", "kept", "error", "± std", "seeds"});
  for (const auto& p : r.points)
    o << "<tr>" << td(p.policy) << numberCell(p.keep, 2) << td(p.pool) << td(p.kept) << numberCell(p.errorMean)
      << spreadCell(p.errorStd, int64_t(p.errors.size())) << td(int64_t(p.errors.size())) << "</tr>\n";
  o << "</table>\n<h4>Power-law fit per curve</h4><ul>";
  if (r.curves.empty()) o << "<li>none stored with this study</li>";
  for (const auto& c : r.curves)
    o << "<li>" << esc(c.policy) << " f=" << g(c.keep) << ": " << esc(c.fitted ? c.fit.str() : "too few points")
      << "</li>";
  for (const auto& x : r.crossovers) o << "<li>f=" << g(x.keep) << ": " << esc(x.description) << "</li>";
  o << "</ul></section>\n";
  return o.str();
}

namespace {

std::string frontierChart(const FrontierResult& r, const std::string& what) {
  SvgChart c;
  c.title = what + " against kept fraction (frontier run " + std::to_string(r.runId) + ")";
  c.xLabel = "kept fraction f";
  c.yLabel = what;
  // A line per score × policy, named as the GUI's legend names it ("keep hard (el2n)",
  // "random"): coloured by policy, dashed for a second score.
  std::map<std::pair<std::string, std::string>, SvgSeries> series;
  std::vector<std::string> scores;
  for (const auto& p : r.points) {
    SvgSeries& s = series[{p.score, p.policy}];
    s.xs.push_back(p.keep);
    s.ys.push_back(p.errorMean);
    s.yErr.push_back(p.errorStd);
    if (!p.score.empty() && std::find(scores.begin(), scores.end(), p.score) == scores.end()) scores.push_back(p.score);
  }
  for (auto& [key, s] : series) {
    const auto& [score, policy] = key;
    s.name = score.empty() ? policyLabel(policy) : policyLabel(policy) + " (" + score + ")";
    s.colour = policyColour(policy).hex();
    s.dashed = !score.empty() && (std::find(scores.begin(), scores.end(), score) - scores.begin()) % 2 == 1;
    c.series.push_back(s);
  }
  return "<div class='chart'>" + renderSvg(c) + "</div>\n";
}

std::string metricCell(const FrontierPoint& p, FrontierMetric m) {
  const std::vector<double> v = metricErrors(p, m);
  return v.empty() ? std::string("<td class='na'>n/a</td>") : numberCell(meanAndStd(v).mean);
}

}  // namespace

std::string frontierSection(const FrontierResult& r) {
  const bool worstGroup = hasMetric(r, FrontierMetric::WorstGroup);
  std::ostringstream o;
  o << "<section><h2>Frontier study, run " << r.runId << " (" << esc(r.budget) << " budget)</h2>\n"
    << frontierChart(r, "test error");
  if (worstGroup)  // does keeping the hard examples hurt the minority group? this chart answers it
    o << frontierChart(frontierByMetric(r, FrontierMetric::WorstGroup), "worst-group error");
  o << "<table>"
    << header({"score", "policy", "f", "kept", "epochs", "error", "± std", "seeds", "Pareto", "worst-class error",
               "worst-group error"});
  for (const auto& p : r.points)
    o << "<tr>" << td(p.score.empty() ? std::string("-") : p.score) << td(p.policy) << numberCell(p.keep, 2)
      << td(p.kept) << td(int64_t(p.epochs)) << numberCell(p.errorMean)
      << spreadCell(p.errorStd, int64_t(p.errors.size())) << td(int64_t(p.errors.size())) << td(p.pareto ? "yes" : "")
      << metricCell(p, FrontierMetric::WorstClass) << metricCell(p, FrontierMetric::WorstGroup) << "</tr>\n";
  o << "</table>";
  if (!worstGroup)
    o << "<p class='note'>Worst-group error: n/a (the dataset has no attribute to group by, or the study was "
         "trained before per-group error was recorded).</p>";
  o << "</section>\n";
  return o.str();
}

namespace {
// The plan's ranked options, the best first (at most 12).
void planOptionsTable(std::ostringstream& o, const PruningPlan& plan) {
  if (plan.options.empty()) return;
  o << "<table>" << header({"rank", "run", "score", "policy", "f", "pool", "kept", "error", "± std", "seeds", "how"});
  for (size_t i = 0; i < plan.options.size() && i < 12; ++i) {
    const PlanOption& p = plan.options[i];
    std::string runs = std::to_string(p.runId);
    for (const auto& also : p.alsoRuns) runs += ", " + std::to_string(also.second);  // the same models
    o << "<tr" << (i == 0 ? " class='best'" : "") << ">" << td(int64_t(i + 1)) << td(runs)
      << td(p.keep >= 1 || !policyUsesScore(p.policy) ? std::string("-") : p.score)
      << td(p.keep >= 1 ? std::string("no pruning") : p.policy) << numberCell(p.keep, 2) << numberCell(p.pool, 0)
      << numberCell(p.kept, 0) << numberCell(p.error) << spreadCell(p.errorStd, p.seeds) << td(int64_t(p.seeds))
      << td(p.how) << "</tr>\n";
  }
  o << "</table>\n";
}

// The theory's best policy and kept fraction per alpha_tot, and its winners per f.
void theoryTable(std::ostringstream& o, const std::vector<OptimalKeep>& theory) {
  if (theory.empty()) return;
  std::vector<std::string> columns = {"alpha_tot", "lowest error: policy", "f", "error", "error at f=1"};
  for (const auto& w : theory.front().winners) columns.push_back("winner at f=" + g(w.keep));
  o << "<table class='theory'>" << header(columns);
  for (const auto& t : theory) {
    o << "<tr>" << numberCell(t.alphaTot, 0) << td(t.keep >= 1 ? std::string("no pruning") : t.policy)
      << numberCell(t.keep, 2) << numberCell(t.error) << numberCell(t.unprunedError);
    for (const auto& w : t.winners) o << "<td class='" << esc(w.policy) << "'>" << esc(w.policy) << "</td>";
    o << "</tr>\n";
  }
  o << "</table>\n";
}
}  // namespace

std::string planSection(const PruningPlan& plan, const std::vector<OptimalKeep>& theory,
                        const std::string& theoryNote) {
  std::ostringstream o;
  o << "<section><h2>Pruning plan</h2>\n<p class='verdict'>" << esc(plan.answer) << "</p>\n";
  for (const auto& n : plan.notes) o << "<p class='note'>" << esc(n) << "</p>\n";
  planOptionsTable(o, plan);
  o << "<h3>Theory, for comparison only</h3>\n<p class='note'>" << esc(theoryNote) << "</p>\n";
  theoryTable(o, theory);
  o << "</section>\n";
  return o.str();
}

std::string agreementSection(const ScoreAgreement* a, const std::string& whyNot) {
  std::ostringstream o;
  o << "<section><h2>Score agreement</h2>\n";
  if (!a) return o.str() + "<p class='note'>" + esc(whyNot) + "</p></section>\n";
  o << "<p class='note'>On the " << a->common << " training examples every score covers. Upper right: Spearman rank "
    << "correlation; lower left: overlap of the top " << g(100 * a->topFraction) << "% hardest (" << a->k
    << " examples).</p>\n<table class='matrix'><tr><th></th>";
  for (const auto& n : a->names) o << "<th>" << esc(n) << "</th>";
  o << "</tr>\n";
  for (size_t i = 0; i < a->names.size(); ++i) {
    o << "<tr><th>" << esc(a->names[i]) << "</th>";
    for (size_t j = 0; j < a->names.size(); ++j) {
      const double v = i == j ? 1.0 : i < j ? a->spearman[i][j] : a->topK[i][j];
      const int shade = std::isfinite(v) ? static_cast<int>(255 - 120 * std::fabs(v)) : 255;
      std::string cell = numberCell(v, 3);
      cell.insert(3, " style='background:rgb(" + std::to_string(shade) + "," + std::to_string(shade) + ",255)'");
      o << cell;
    }
    o << "</tr>\n";
  }
  o << "</table></section>\n";
  return o.str();
}

namespace {

std::string auditSide(const AuditSide& s) {
  std::ostringstream o;
  o << "<h4>" << esc(s.label) << ": kept " << s.kept << "</h4>\n";
  if (s.hasAccuracy)
    o << "<p>Test error " << g(s.errorSubset) << " (full data " << g(s.errorFull) << "); worst class "
      << esc(s.worstClass) << " at accuracy " << g(s.worstAccuracy) << ".</p>\n";
  o << "<table>" << header({"class", "kept", "total", "kept fraction", "acc subset", "acc full", "change", "flag"});
  for (const auto& c : s.classes)
    o << "<tr" << (c.disproportionate ? " class='flag'" : "") << ">" << td(c.name) << td(c.kept) << td(c.total)
      << numberCell(c.keptFraction, 3) << numberCell(c.accuracySubset, 3) << numberCell(c.accuracyFull, 3)
      << numberCell(c.change, 3) << td(c.disproportionate ? "pruned disproportionately" : "") << "</tr>\n";
  o << "</table>\n";
  return o.str();
}

}  // namespace

const FrontierPoint* auditedPoint(const FrontierResult& r, std::string& note) {
  const FrontierPoint *best = nullptr, *lowest = nullptr;
  for (const auto& p : r.points) {
    if (p.keep >= 1.0) continue;
    if (!lowest || p.errorMean < lowest->errorMean) lowest = &p;
    if (policyUsesScore(p.policy) && (!best || p.errorMean < best->errorMean)) best = &p;
  }
  const std::string run = std::to_string(r.runId);
  if (!best) {
    note = "Frontier run " + run + " has no pruned point by a score: nothing to audit.";
    return nullptr;
  }
  note = "Audit of keep-" + best->policy + " by " + best->score + " at f = " + g(best->keep) + " (test error " +
         g(best->errorMean) + "), the lowest-error point pruned by a score in frontier run " + run + ".";
  if (lowest != best)
    note += " Random pruning at f = " + g(lowest->keep) + " has a lower error (" + g(lowest->errorMean) +
            ") but prunes by no score, so there is no ranking to audit.";
  return best;
}

std::string auditSection(const AuditResult* audit, const std::string& whyNot) {
  std::ostringstream o;
  o << "<section><h2>Fairness audit</h2>\n";
  if (!audit) return o.str() + "<p class='note'>" + esc(whyNot) + "</p></section>\n";
  o << "<p class='note'>" << esc(whyNot) << " Classes keeping less than " << g(audit->threshold) << " × f are flagged; "
    << "the class-balanced form of the same policy is shown below it.</p>\n";
  // the form the study trained (its models are in the store) first
  const bool balancedFirst = audit->balanced.hasAccuracy && !audit->policy.hasAccuracy;
  o << auditSide(balancedFirst ? audit->balanced : audit->policy)
    << auditSide(balancedFirst ? audit->policy : audit->balanced);
  if (!audit->policy.hasAccuracy || !audit->balanced.hasAccuracy)
    o << "<p class='note'>Accuracy columns show where the subset's model is in the store; "
         "prunescope-cli audit --train trains the missing ones.</p>\n";
  o << "</section>\n";
  return o.str();
}

namespace {

// A share as a number with a bar under it (the make-up, drawn without scripts or SVG).
std::string shareCell(double v, double scale, const char* colour) {
  if (!std::isfinite(v)) return "<td class='na'>n/a</td>";
  const int width = static_cast<int>(std::lround(100.0 * std::min(1.0, v / scale)));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return "<td data-v='" + g(v) + "'>" + buf + "<div style='height:6px;width:" + std::to_string(width) +
         "px;background:" + colour + "'></div></td>";
}

std::string summaryRow(const std::string& model, const GroupSummary& s) {
  auto metric = [](const GroupMetric& m) {
    std::string t = g(m.value);
    if (std::isfinite(m.spread)) t += " ± " + g(m.spread);
    if (std::isfinite(m.low)) t += " [" + g(m.low) + ", " + g(m.high) + "]";
    return t;
  };
  return "<tr>" + td(model) + td(metric(s.average)) + td(metric(s.worstGroup)) + td(s.worstGroup.group) +
         td(metric(s.gap)) + td(metric(s.worstClass)) + td(s.worstClass.group) + "</tr>\n";
}

// The class × attribute groups shown: all of them, or the maxRows most pruned.
std::vector<size_t> shownGroups(const GroupAuditResult& a, size_t maxRows) {
  std::vector<size_t> rows;
  for (size_t i = 0; i < a.groups.size(); ++i)
    if (!a.groups[i].margin()) rows.push_back(i);
  if (rows.size() > maxRows) {
    auto kept = [&](size_t i) { return std::isnan(a.groups[i].keptFraction) ? 2.0 : a.groups[i].keptFraction; };
    std::stable_sort(rows.begin(), rows.end(), [&](size_t x, size_t y) { return kept(x) < kept(y); });
    rows.resize(maxRows);
  }
  for (size_t i = 0; i < a.groups.size(); ++i)
    if (a.groups[i].margin()) rows.push_back(i);  // the margins over classes, always
  return rows;
}

}  // namespace

std::string groupAuditSection(const GroupAuditResult* a, const std::string& whyNot, size_t maxRows) {
  std::ostringstream o;
  o << "<section><h2>Fairness audit by group</h2>\n";
  if (!a) return o.str() + "<p class='note'>" + esc(whyNot) + "</p></section>\n";
  std::string by;
  for (const auto& n : a->attributes) by += (by.empty() ? "" : " × ") + n;
  o << "<p class='note'>" << esc(whyNot) << " Groups: class × " << esc(by) << "; " << a->kept << " of " << a->pool
    << " examples kept (" << esc(a->policy) << "). Rows with class * are margins over the classes.</p>\n";
  if (a->hasAccuracy)
    o << "<table>"
      << header({"model", "average accuracy", "worst-group accuracy", "worst group", "gap", "worst-class accuracy",
                 "worst class"})
      << summaryRow("subset", a->subset) << summaryRow("full data", a->full) << "</table>\n";
  else
    o << "<p class='note'>No accuracy: " << esc(a->noAccuracy) << "</p>\n";
  double scale = 1e-9;
  for (const auto& gr : a->groups)
    if (!gr.margin())
      scale = std::max(
          {scale, std::isfinite(gr.shareFull) ? gr.shareFull : 0.0, std::isfinite(gr.shareKept) ? gr.shareKept : 0.0});
  std::vector<std::string> cols = {"class"};
  cols.insert(cols.end(), a->attributes.begin(), a->attributes.end());
  for (const char* c : {"total", "kept", "kept fraction", "share of full set", "share of kept set", "acc subset",
                        "acc full", "change", "test examples"})
    cols.push_back(c);
  const std::vector<size_t> rows = shownGroups(*a, maxRows);
  if (rows.size() < a->groups.size())
    o << "<p class='note'>The " << maxRows << " most pruned groups of " << a->groups.size() << ".</p>\n";
  o << "<table>" << header(cols);
  const std::string worst = a->hasAccuracy ? a->subset.worstGroup.group : std::string();
  for (size_t i : rows) {
    const GroupRow& gr = a->groups[i];
    o << "<tr" << (!gr.margin() && !worst.empty() && groupName(*a, gr) == worst ? " class='best'" : "") << ">"
      << td(gr.className);
    for (const auto& v : gr.values) o << td(v);
    o << td(gr.total) << td(gr.kept) << numberCell(gr.keptFraction, 3) << shareCell(gr.shareFull, scale, "#7f7f7f")
      << shareCell(gr.shareKept, scale, "#1f77b4") << numberCell(gr.accSubset, 3) << numberCell(gr.accFull, 3)
      << numberCell(gr.change, 3) << td(gr.test) << "</tr>\n";
  }
  o << "</table>\n<p class='note'>Highlighted: the worst group (lowest test accuracy of the subset's model). "
       "Bars: the group's share of the full set (grey) and of the kept set (blue).</p></section>\n";
  return o.str();
}

}  // namespace ps
