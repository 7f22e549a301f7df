#pragma once
// The pruned scaling envelope of a scaling study (Sorscher et al.'s question on one's own
// data: does pruning beat power-law scaling?). For each pool size, the kept fraction
// with the lowest mean test error among those measured (f = 1 included: not pruning is
// one of the choices), per policy and across policies; the envelope's error against the
// examples it keeps is fitted by the power law, the exponential and the broken power
// law (study/curve_fits.h: AICc decides), and its power-law exponent is compared with the
// unpruned curve's (f = 1). Plain data from a ScalingResult, no torch.
#include <cstdint>
#include <string>
#include <vector>

#include "study/curve_fits.h"
#include "study/scaling_study.h"
#include "util/wording.h"

namespace ps {

struct EnvelopePoint {
  int64_t pool = 0, kept = 0;
  std::string policy;
  double keep = 0;
  double errorMean = 0, errorStd = 0;  // over the point's seeds
  int seeds = 0;
};

// NotPruned: f = 1 was best at every pool, so the envelope is the unpruned curve itself.
enum class EnvelopeOutcome { Beats, Worse, CannotTell, NotPruned };

// Whether the envelope's exponent b exceeds the unpruned curve's: decided when the
// difference is more than twice its standard error sqrt(se_env² + se_full²) (the two
// fits treated as independent, which they are not quite: they can share f = 1 points),
// and only where both standard errors mean something (power_law.h's rule: 5 pool sizes,
// or 4 with 2 or more seeds each); the fits' `seeds` say how many seeds each point had.
struct EnvelopeVerdict {
  EnvelopeOutcome outcome = EnvelopeOutcome::CannotTell;
  double delta = 0, deltaStdErr = 0;  // b_envelope − b_unpruned
  std::string text;                   // one sentence, with the numbers
};

struct ScalingEnvelope {
  std::string score;
  std::string policy;                 // "hard", "easy", ... or "any" (the best over every policy)
  std::vector<EnvelopePoint> points;  // by pool size
  std::string choices;  // what was best at each pool, in words ("not pruning (f = 1) at every pool measured")
  bool fitted = false;  // at least 2 points with positive error
  CurveComparison fit;  // of the envelope, against examples kept
  bool hasUnpruned = false;
  PowerLawFit unpruned;  // f = 1, pure power law, against examples kept
  EnvelopeVerdict verdict;
};

// At f = 1 every policy trains on the whole pool: the policy whose f = 1 points stand for
// the unpruned curve (random when measured, else the first; "" when none was).
std::string unprunedPolicy(const ScalingResult& r);

// One envelope per policy that was measured below f = 1, and one over every policy when
// there are several. Pools where a policy has no point are skipped.
// Their sentences (verdict, choices) in `w`'s words.
std::vector<ScalingEnvelope> scalingEnvelopes(const ScalingResult& r, const Wording& w = englishWording());

// A spread across seeds as people read it: "+- 0.0040" with 2 or more seeds; with one,
// "(1 seed)" (the spread of one value is not measured: "+- 0.0000" would claim it was).
std::string spreadText(double std, size_t seeds, int decimals = 4);

// The verdict from two power-law fits (exposed for tests).
EnvelopeVerdict compareExponents(const CurveModelFit& envelope, const PowerLawFit& unpruned, size_t envelopePoints,
                                 size_t unprunedPoints, const Wording& w = englishWording());

}  // namespace ps
