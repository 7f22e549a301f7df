#pragma once
// Competing descriptions of test error against examples n, chosen between by a stated
// criterion: the pure power law err = a·n^(−b), the exponential err = a·exp(−n/s), and
// the broken power law (exponent b1 below a break n_b, b2 above it, continuous there).
// All three are fitted by least squares on log(err), so their residuals compare; the
// criterion is AICc (Akaike's criterion with the small-sample correction) on log error,
// and another model replaces the power law only when its AICc is lower by more than 2.
// The residual sum of squares is floored at (1e-6)² per point: exact synthetic curves
// would otherwise compare rounding noise. Standard errors are those of the least-squares
// coefficients (for the broken law, at the chosen break). Plain data, no torch.
#include <cstddef>
#include <string>
#include <vector>

#include "study/power_law.h"

namespace ps {

enum class CurveModel { PowerLaw, Exponential, BrokenPowerLaw };
const char* curveModelName(CurveModel m);  // "power law", "exponential", "broken power law"

struct CurveModelFit {
  CurveModel model = CurveModel::PowerLaw;
  bool ok = false;  // false: too few points for this model (see minimumPoints)
  int parameters = 0;
  double aicc = 0;
  // power law: a, b (± bStdErr); exponential: a, scale s (± its standard error);
  // broken: a (error at the break), b1 ± se, b2 ± se, break n_b.
  double a = 0, b = 0, bStdErr = 0, b2 = 0, b2StdErr = 0, scale = 0, scaleStdErr = 0, breakN = 0;
  size_t points = 0;
  int seeds = 0;  // the fewest seeds behind a point (set by the caller; 0: not known)
  double predict(double n) const;
  // The formula; standard errors only where power_law.h's exponentErrorMeaningful allows.
  std::string str() const;
};

// Points each model needs: power law 3, exponential 3, broken power law 6.
size_t minimumPoints(CurveModel m);

struct CurveComparison {
  CurveModelFit powerLaw, exponential, broken;
  CurveModel best = CurveModel::PowerLaw;
  // false: too few points for AICc to compare two models (fewer than 4); the power law
  // is then the description shown, not one chosen as best
  bool compared = false;
  std::string criterion;  // how `best` was chosen, in words
  const CurveModelFit& bestFit() const;
  void setSeeds(int seeds);  // of every model's fit
};

// ns > 0 and errs > 0, same length, at least 2 points (ConfigError otherwise). With 2
// points only the power law is fitted, without a standard error.
CurveComparison compareCurveModels(const std::vector<double>& ns, const std::vector<double>& errs);

}  // namespace ps
