#pragma once
// Power-law fits of test error against training-set size: err = a·n^(−b), and
// err = a·n^(−b) + c when the data supports an offset (at least four points, and the
// offset cuts the squared error of the fit by at least half). b's uncertainty is the
// standard error of the log-log regression slope (at the chosen c), shown only where it
// means something (exponentErrorMeaningful).
#include <cstddef>
#include <string>
#include <vector>

namespace ps {

// The rule for showing an exponent's standard error: the fit rests on at least 5 sizes,
// or on at least 4 sizes each measured with at least 2 seeds. Through 3 pools a log-log
// regression has one degree of freedom left and its standard error is itself noise
// (3 pools × 1 seed gave "± 0.000"); such a fit is shown with "too few points" instead.
// `seeds`: the fewest seeds behind a point (0 when not known, counted as 1).
bool exponentErrorMeaningful(size_t points, int seeds);
// "(+-0.031)", or " (standard error: too few points)" where the rule says no.
std::string exponentErrorText(double stdErr, size_t points, int seeds);

struct PowerLawFit {
  double a = 0, b = 0, bStdErr = 0;
  double c = 0;  // 0 when no offset
  bool hasOffset = false;
  double rmse = 0;  // of err, in the original scale
  size_t points = 0;
  int seeds = 0;  // the fewest seeds behind a point (set by the caller; 0: not known)
  bool stdErrMeaningful() const { return exponentErrorMeaningful(points, seeds); }
  // "err = 1.23*n^-0.450(+-0.030) + 0.0500", the standard error by the rule above
  std::string str() const;
  double predict(double n) const;  // a·n^(−b) + c
};

// ns > 0, errs > 0 for the pure power law; throws ConfigError with fewer than 2 points.
// `allowOffset` = false fits the pure power law only (exponents of two fits compare).
PowerLawFit fitPowerLaw(const std::vector<double>& ns, const std::vector<double>& errs, bool allowOffset = true);

}  // namespace ps
