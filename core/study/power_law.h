#pragma once
// Power-law fits of test error against training-set size: err = a·n^(−b), and
// err = a·n^(−b) + c when the data supports an offset (at least four points, and the
// offset cuts the squared error of the fit by at least half). b's uncertainty is the
// standard error of the log-log regression slope (at the chosen c).
#include <cstddef>
#include <string>
#include <vector>

namespace ps {

struct PowerLawFit {
  double a = 0, b = 0, bStdErr = 0;
  double c = 0;  // 0 when no offset
  bool hasOffset = false;
  double rmse = 0;  // of err, in the original scale
  size_t points = 0;
  std::string str() const;
  double predict(double n) const;  // a·n^(−b) + c  // "err = 1.23·n^-0.45±0.03 + 0.050"
};

// ns > 0, errs > 0 for the pure power law; throws ConfigError with fewer than 2 points.
// `allowOffset` = false fits the pure power law only (exponents of two fits compare).
PowerLawFit fitPowerLaw(const std::vector<double>& ns, const std::vector<double>& errs, bool allowOffset = true);

}  // namespace ps
