#include "study/power_law.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/errors.h"

namespace ps {

namespace {

struct LogFit {
  double a, b, bSe, sse;
  bool ok;
};

// OLS of log(err − c) on log n.
LogFit logLogFit(const std::vector<double>& ns, const std::vector<double>& errs, double c) {
  const size_t m = ns.size();
  std::vector<double> x(m), y(m);
  for (size_t i = 0; i < m; ++i) {
    if (errs[i] - c <= 0 || ns[i] <= 0) return {0, 0, 0, 0, false};
    x[i] = std::log(ns[i]);
    y[i] = std::log(errs[i] - c);
  }
  double mx = 0, my = 0;
  for (size_t i = 0; i < m; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(m);
  my /= static_cast<double>(m);
  double sxx = 0, sxy = 0;
  for (size_t i = 0; i < m; ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (y[i] - my);
  }
  if (sxx <= 0) return {0, 0, 0, 0, false};
  const double slope = sxy / sxx, icpt = my - slope * mx;
  double rss = 0, sse = 0;
  for (size_t i = 0; i < m; ++i) {
    const double r = y[i] - (icpt + slope * x[i]);
    rss += r * r;
    const double pred = std::exp(icpt + slope * x[i]) + c;
    sse += (errs[i] - pred) * (errs[i] - pred);
  }
  const double se = m > 2 ? std::sqrt(rss / static_cast<double>(m - 2) / sxx) : 0.0;
  return {std::exp(icpt), -slope, se, sse, true};
}

}  // namespace

bool exponentErrorMeaningful(size_t points, int seeds) { return points >= 5 || (points >= 4 && seeds >= 2); }

std::string exponentErrorText(double stdErr, size_t points, int seeds) {
  if (!exponentErrorMeaningful(points, seeds)) return " (standard error: too few points)";
  char buf[48];
  std::snprintf(buf, sizeof buf, "(+-%.3f)", stdErr);
  return buf;
}

double PowerLawFit::predict(double n) const { return a * std::pow(n, -b) + (hasOffset ? c : 0.0); }

std::string PowerLawFit::str() const {
  char buf[160];
  std::snprintf(buf, sizeof buf, "err = %.3g*n^-%.3f", a, b);
  std::string out = buf + exponentErrorText(bStdErr, points, seeds);
  if (hasOffset) {
    std::snprintf(buf, sizeof buf, " + %.4f", c);
    out += buf;
  }
  return out;
}

PowerLawFit fitPowerLaw(const std::vector<double>& ns, const std::vector<double>& errs, bool allowOffset) {
  if (ns.size() != errs.size() || ns.size() < 2)
    throw ConfigError("a power-law fit needs at least 2 (size, error) points, got " + std::to_string(ns.size()));
  PowerLawFit fit;
  fit.points = ns.size();
  const LogFit plain = logLogFit(ns, errs, 0.0);
  if (!plain.ok) throw ConfigError("a power-law fit needs positive sizes and errors");
  fit.a = plain.a;
  fit.b = plain.b;
  fit.bStdErr = plain.bSe;
  double sse = plain.sse;
  if (allowOffset && ns.size() >= 4) {
    // Profile the offset over [0, min err): the best c by squared error of err itself.
    const double top = *std::min_element(errs.begin(), errs.end());
    LogFit best = plain;
    double bestC = 0;
    for (int k = 1; k < 400; ++k) {
      const double c = top * k / 400.0;
      const LogFit f = logLogFit(ns, errs, c);
      if (f.ok && f.b > 0 && f.sse < best.sse) {
        best = f;
        bestC = c;
      }
    }
    if (bestC > 0 && best.sse <= 0.5 * plain.sse) {
      fit.a = best.a;
      fit.b = best.b;
      fit.bStdErr = best.bSe;
      fit.c = bestC;
      fit.hasOffset = true;
      sse = best.sse;
    }
  }
  fit.rmse = std::sqrt(sse / static_cast<double>(ns.size()));
  return fit;
}

}  // namespace ps
