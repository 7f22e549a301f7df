#include "study/scaling_envelope.h"
#include "prune/prune_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace ps {

namespace {

// The f = 1 curve, by pool.
std::vector<const ScalingPoint*> unprunedPoints(const ScalingResult& r) {
  const std::string policy = unprunedPolicy(r);
  std::map<int64_t, const ScalingPoint*> byPool;
  for (const auto& p : r.points)
    if (p.keep >= 1.0 && p.policy == policy && p.errorMean > 0 && std::isfinite(p.errorMean) && p.kept > 0)
      byPool[p.pool] = &p;
  std::vector<const ScalingPoint*> out;
  out.reserve(byPool.size());
  for (const auto& kv : byPool) out.push_back(kv.second);
  return out;
}

std::vector<EnvelopePoint> envelopePoints(const ScalingResult& r, const std::string& policy) {
  std::map<int64_t, EnvelopePoint> best;
  for (const auto& p : r.points) {
    if (policy != "any" && p.policy != policy && p.keep < 1.0) continue;
    if (!(p.errorMean > 0) || !std::isfinite(p.errorMean) || p.kept <= 0) continue;  // a damaged store's values
    auto it = best.find(p.pool);
    if (it != best.end() && it->second.errorMean <= p.errorMean) continue;
    best[p.pool] = {p.pool, p.kept, p.policy, p.keep, p.errorMean, p.errorStd, static_cast<int>(p.errors.size())};
  }
  std::vector<EnvelopePoint> out;
  out.reserve(best.size());
  for (const auto& kv : best) out.push_back(kv.second);
  return out;
}

// "0.300 +- 0.012", or "0.300 (standard error: too few points)" (power_law.h's rule).
std::string exponent(double b, double se, size_t points, int seeds) {
  char buf[64];
  if (exponentErrorMeaningful(points, seeds))
    std::snprintf(buf, sizeof buf, "%.3f +- %.3f", b, se);
  else
    std::snprintf(buf, sizeof buf, "%.3f (standard error: too few points)", b);
  return buf;
}

// The fewest seeds behind any of the points.
template <typename Points, typename Seeds>
int fewestSeeds(const Points& points, Seeds seedsOf) {
  int fewest = 0;
  for (const auto& p : points) fewest = fewest == 0 ? seedsOf(p) : std::min(fewest, seedsOf(p));
  return fewest;
}

std::string choicesOf(const std::vector<EnvelopePoint>& points, const Wording& w) {
  bool allUnpruned = true;
  for (const auto& p : points) allUnpruned = allUnpruned && p.keep >= 1.0;
  if (allUnpruned) return w(PS_WORDS("Wording", "not pruning (f = 1) was best at every pool measured"));
  std::string list;
  for (const auto& p : points) {
    char keep[32];
    std::snprintf(keep, sizeof keep, "f=%g", p.keep);
    if (!list.empty()) list += "; ";
    list += std::to_string(p.pool) + ": " +
            (p.keep >= 1.0 ? std::string(keep) : w(PS_WORDS("Wording", "keep-%1 %2"), {w.term(p.policy), keep}));
  }
  return w(PS_WORDS("Wording", "best per pool: %1"), {list});
}

ScalingEnvelope envelopeOf(const ScalingResult& r, const std::string& policy, const Wording& w) {
  ScalingEnvelope e;
  e.score = r.scoreName;
  e.policy = policy;
  e.points = envelopePoints(r, policy);
  e.choices = choicesOf(e.points, w);
  std::vector<double> ns, errs;
  for (const auto& p : e.points) {
    ns.push_back(static_cast<double>(p.kept));
    errs.push_back(p.errorMean);
  }
  std::vector<double> fullNs, fullErrs;
  for (const ScalingPoint* p : unprunedPoints(r)) {
    fullNs.push_back(static_cast<double>(p->kept));
    fullErrs.push_back(p->errorMean);
  }
  e.fitted = ns.size() >= 2;
  if (e.fitted) {
    e.fit = compareCurveModels(ns, errs);
    e.fit.setSeeds(fewestSeeds(e.points, [](const EnvelopePoint& p) { return p.seeds; }));
  }
  e.hasUnpruned = fullNs.size() >= 2;
  if (e.hasUnpruned) {
    e.unpruned = fitPowerLaw(fullNs, fullErrs, /*allowOffset=*/false);
    e.unpruned.seeds =
        fewestSeeds(unprunedPoints(r), [](const ScalingPoint* p) { return static_cast<int>(p->errors.size()); });
  }
  if (!e.fitted)
    e.verdict.text =
        w(PS_WORDS("Wording", "the envelope has fewer than 2 pool sizes with a positive error: nothing to fit"));
  else if (!e.hasUnpruned)
    e.verdict.text = w(
        PS_WORDS("Wording", "no unpruned curve (f = 1 at 2 or more pool sizes) was measured: nothing to compare with"));
  else
    e.verdict = compareExponents(e.fit.powerLaw, e.unpruned, ns.size(), fullNs.size(), w);
  bool allUnpruned = e.fitted;
  for (const auto& p : e.points) allUnpruned = allUnpruned && p.keep >= 1.0;
  if (allUnpruned) {
    e.verdict.outcome = EnvelopeOutcome::NotPruned;
    e.verdict.text =
        w(PS_WORDS("Wording",
                   "no pruned point beat not pruning at any pool measured: the envelope is the unpruned "
                   "curve (exponent %1), so pruning does not beat power-law scaling at these sizes"),
          {exponent(e.fit.powerLaw.b, e.fit.powerLaw.bStdErr, e.fit.powerLaw.points, e.fit.powerLaw.seeds)});
  }
  return e;
}

}  // namespace

std::string unprunedPolicy(const ScalingResult& r) {
  std::string policy;
  for (const auto& p : r.points)
    if (p.keep >= 1.0 && (policy.empty() || isPolicy(p.policy, PrunePolicy::Random))) policy = p.policy;
  return policy;
}

EnvelopeVerdict compareExponents(const CurveModelFit& envelope, const PowerLawFit& unpruned, size_t envelopePoints,
                                 size_t unprunedPoints, const Wording& w) {
  EnvelopeVerdict v;
  v.delta = envelope.b - unpruned.b;
  v.deltaStdErr = std::sqrt(envelope.bStdErr * envelope.bStdErr + unpruned.bStdErr * unpruned.bStdErr);
  const bool meaningful = exponentErrorMeaningful(envelopePoints, envelope.seeds) &&
                          exponentErrorMeaningful(unprunedPoints, unpruned.seeds);
  if (!meaningful || !(v.deltaStdErr > 0)) {
    const std::string shown = w(PS_WORDS("Wording", "envelope exponent %1, unpruned %2"),
                                {exponent(envelope.b, envelope.bStdErr, envelopePoints, envelope.seeds),
                                 exponent(unpruned.b, unpruned.bStdErr, unprunedPoints, unpruned.seeds)});
    v.text = w(PS_WORDS("Wording",
                        "the data cannot tell: a standard error needs at least 5 pool sizes, or 4 each measured "
                        "with 2 or more seeds, on each curve (%1)"),
               {shown});
    return v;
  }
  const std::string numbers = w(PS_WORDS("Wording", "envelope exponent %1, unpruned %2, difference %3"),
                                {exponent(envelope.b, envelope.bStdErr, envelopePoints, envelope.seeds),
                                 exponent(unpruned.b, unpruned.bStdErr, unprunedPoints, unpruned.seeds),
                                 exponent(v.delta, v.deltaStdErr, envelopePoints, envelope.seeds)});
  if (v.delta > 2 * v.deltaStdErr) {
    v.outcome = EnvelopeOutcome::Beats;
    v.text =
        w(PS_WORDS("Wording", "pruning beats power-law scaling here: %1 (more than 2 standard errors)"), {numbers});
  } else if (v.delta < -2 * v.deltaStdErr) {
    v.outcome = EnvelopeOutcome::Worse;
    v.text = w(PS_WORDS("Wording", "pruning scales worse than no pruning here: %1 (more than 2 standard errors)"),
               {numbers});
  } else {
    v.text = w(PS_WORDS("Wording",
                        "the data cannot tell whether pruning beats power-law scaling: %1 (within 2 standard errors)"),
               {numbers});
  }
  return v;
}

std::string spreadText(double std, size_t seeds, int decimals) {
  if (seeds < 2) return seeds == 1 ? "(1 seed)" : "(no seeds)";
  char buf[48];
  std::snprintf(buf, sizeof buf, "+- %.*f", decimals, std);
  return buf;
}

std::vector<ScalingEnvelope> scalingEnvelopes(const ScalingResult& r, const Wording& w) {
  std::set<std::string> pruned;
  for (const auto& p : r.points)
    if (p.keep < 1.0) pruned.insert(p.policy);
  std::vector<ScalingEnvelope> out;
  out.reserve(pruned.size() + 1);
  for (const auto& policy : pruned) out.push_back(envelopeOf(r, policy, w));
  if (pruned.size() > 1) out.push_back(envelopeOf(r, "any", w));
  return out;
}

}  // namespace ps
