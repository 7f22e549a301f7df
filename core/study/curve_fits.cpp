#include "study/curve_fits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "util/errors.h"

namespace ps {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Least squares y = X·beta (X holds an intercept column where wanted), with the
// coefficients' covariance σ²(XᵀX)⁻¹, σ² = rss/(m − p). ok = false when XᵀX is singular.
struct Ols {
  std::vector<double> beta;
  std::vector<std::vector<double>> cov;
  double rss = 0;
  bool ok = false;
};

// Inverse of a small symmetric positive matrix by Gauss-Jordan; empty when singular.
std::vector<std::vector<double>> invert(std::vector<std::vector<double>> a) {
  const size_t p = a.size();
  std::vector<std::vector<double>> inv(p, std::vector<double>(p, 0.0));
  for (size_t i = 0; i < p; ++i) inv[i][i] = 1.0;
  for (size_t c = 0; c < p; ++c) {
    size_t piv = c;
    for (size_t r = c + 1; r < p; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
    if (std::fabs(a[piv][c]) < 1e-12) return {};
    std::swap(a[c], a[piv]);
    std::swap(inv[c], inv[piv]);
    const double d = a[c][c];
    for (size_t k = 0; k < p; ++k) {
      a[c][k] /= d;
      inv[c][k] /= d;
    }
    for (size_t r = 0; r < p; ++r) {
      if (r == c) continue;
      const double f = a[r][c];
      for (size_t k = 0; k < p; ++k) {
        a[r][k] -= f * a[c][k];
        inv[r][k] -= f * inv[c][k];
      }
    }
  }
  return inv;
}

Ols leastSquares(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  const size_t m = y.size(), p = x.front().size();
  std::vector<std::vector<double>> xtx(p, std::vector<double>(p, 0.0));
  std::vector<double> xty(p, 0.0);
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < p; ++j) {
      xty[j] += x[i][j] * y[i];
      for (size_t k = 0; k < p; ++k) xtx[j][k] += x[i][j] * x[i][k];
    }
  Ols o;
  const auto inv = invert(xtx);
  if (inv.empty()) return o;
  o.beta.assign(p, 0.0);
  for (size_t j = 0; j < p; ++j)
    for (size_t k = 0; k < p; ++k) o.beta[j] += inv[j][k] * xty[k];
  for (size_t i = 0; i < m; ++i) {
    const double r = y[i] - std::inner_product(x[i].begin(), x[i].end(), o.beta.begin(), 0.0);
    o.rss += r * r;
  }
  const double s2 = m > p ? o.rss / static_cast<double>(m - p) : 0.0;
  o.cov = inv;
  for (auto& row : o.cov)
    for (double& v : row) v *= s2;
  o.ok = true;
  return o;
}

// AICc on log error with `k` fitted coefficients; +inf where the correction is undefined.
double aicc(const std::vector<double>& ns, const std::vector<double>& errs, const CurveModelFit& f, int k) {
  const auto m = static_cast<double>(ns.size());
  double rss = 0;
  for (size_t i = 0; i < ns.size(); ++i) {
    const double pred = f.predict(ns[i]);
    if (!(pred > 0)) return kInf;
    const double r = std::log(errs[i]) - std::log(pred);
    rss += r * r;
  }
  rss = std::max(rss, m * 1e-12);
  if (m - k - 1 <= 0) return kInf;
  return m * std::log(rss / m) + 2.0 * k + 2.0 * k * (k + 1) / (m - k - 1);
}

CurveModelFit powerLawModel(const std::vector<double>& ns, const std::vector<double>& errs) {
  const PowerLawFit p = fitPowerLaw(ns, errs, /*allowOffset=*/false);
  CurveModelFit f;
  f.model = CurveModel::PowerLaw;
  f.parameters = 2;
  f.a = p.a;
  f.b = p.b;
  f.bStdErr = p.bStdErr;
  f.ok = true;
  f.aicc = aicc(ns, errs, f, 2);
  return f;
}

CurveModelFit exponentialModel(const std::vector<double>& ns, const std::vector<double>& errs) {
  CurveModelFit f;
  f.model = CurveModel::Exponential;
  f.parameters = 2;
  if (ns.size() < minimumPoints(f.model)) return f;
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (size_t i = 0; i < ns.size(); ++i) {
    x.push_back({1.0, ns[i]});
    y.push_back(std::log(errs[i]));
  }
  const Ols o = leastSquares(x, y);
  if (!o.ok || o.beta[1] >= 0) return f;  // error that grows with n: no decay scale
  f.a = std::exp(o.beta[0]);
  f.scale = -1.0 / o.beta[1];
  f.scaleStdErr = std::sqrt(o.cov[1][1]) / (o.beta[1] * o.beta[1]);
  f.ok = true;
  f.aicc = aicc(ns, errs, f, 2);
  return f;
}

CurveModelFit brokenModel(const std::vector<double>& ns, const std::vector<double>& errs) {
  CurveModelFit best;
  best.model = CurveModel::BrokenPowerLaw;
  best.parameters = 4;
  if (ns.size() < minimumPoints(best.model)) return best;
  const size_t m = ns.size();
  const double lo = std::log(ns[1]), hi = std::log(ns[m - 2]);
  double bestRss = kInf;
  for (int g = 0; g <= 24; ++g) {
    const double xb = lo + (hi - lo) * g / 24.0;
    std::vector<std::vector<double>> x;
    std::vector<double> y;
    for (size_t i = 0; i < m; ++i) {
      const double lx = std::log(ns[i]);
      x.push_back({1.0, lx, std::max(0.0, lx - xb)});
      y.push_back(std::log(errs[i]));
    }
    const Ols o = leastSquares(x, y);
    if (!o.ok || o.rss >= bestRss) continue;
    bestRss = o.rss;
    best.a = std::exp(o.beta[0] + o.beta[1] * xb);
    best.b = -o.beta[1];
    best.bStdErr = std::sqrt(o.cov[1][1]);
    best.b2 = -(o.beta[1] + o.beta[2]);
    best.b2StdErr = std::sqrt(std::max(0.0, o.cov[1][1] + o.cov[2][2] + 2 * o.cov[1][2]));
    best.breakN = std::exp(xb);
    best.ok = true;
  }
  if (best.ok) best.aicc = aicc(ns, errs, best, 4);
  return best;
}

}  // namespace

const char* curveModelName(CurveModel m) {
  switch (m) {
    case CurveModel::PowerLaw: return "power law";
    case CurveModel::Exponential: return "exponential";
    case CurveModel::BrokenPowerLaw: return "broken power law";
  }
  return "?";
}

size_t minimumPoints(CurveModel m) { return m == CurveModel::BrokenPowerLaw ? 6 : m == CurveModel::PowerLaw ? 2 : 4; }

double CurveModelFit::predict(double n) const {
  switch (model) {
    case CurveModel::PowerLaw: return a * std::pow(n, -b);
    case CurveModel::Exponential: return a * std::exp(-n / scale);
    case CurveModel::BrokenPowerLaw: return a * std::pow(n / breakN, n < breakN ? -b : -b2);
  }
  return 0;
}

std::string CurveModelFit::str() const {
  char buf[200];
  if (!ok) return std::string(curveModelName(model)) + ": too few points";
  const bool se = exponentErrorMeaningful(points, seeds);
  if (model == CurveModel::PowerLaw) {
    std::snprintf(buf, sizeof buf, "err = %.3g*n^-%.3f", a, b);
    return buf + exponentErrorText(bStdErr, points, seeds);
  }
  if (model == CurveModel::Exponential) {
    if (se)
      std::snprintf(buf, sizeof buf, "err = %.3g*exp(-n/%.4g(+-%.2g))", a, scale, scaleStdErr);
    else
      std::snprintf(buf, sizeof buf, "err = %.3g*exp(-n/%.4g)", a, scale);
    return buf + std::string(se ? "" : " (standard error: too few points)");
  }
  std::snprintf(buf, sizeof buf, "err = %.3g*(n/%.4g)^-b, b = %.3f", a, breakN, b);
  std::string out = buf + exponentErrorText(bStdErr, points, seeds);
  std::snprintf(buf, sizeof buf, " below, %.3f", b2);
  return out + buf + exponentErrorText(b2StdErr, points, seeds) + " above";
}

void CurveComparison::setSeeds(int seeds) {
  for (CurveModelFit* f : {&powerLaw, &exponential, &broken}) f->seeds = seeds;
}

const CurveModelFit& CurveComparison::bestFit() const {
  return best == CurveModel::Exponential ? exponential : best == CurveModel::BrokenPowerLaw ? broken : powerLaw;
}

CurveComparison compareCurveModels(const std::vector<double>& nsIn, const std::vector<double>& errsIn) {
  if (nsIn.size() != errsIn.size() || nsIn.size() < 2)
    throw ConfigError("a curve fit needs at least 2 (examples, error) points, got " + std::to_string(nsIn.size()));
  std::vector<size_t> order(nsIn.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t i, size_t j) { return nsIn[i] < nsIn[j]; });
  std::vector<double> ns, errs;
  for (size_t i : order) {
    if (!(nsIn[i] > 0) || !(errsIn[i] > 0) || !std::isfinite(nsIn[i]) || !std::isfinite(errsIn[i]))
      throw ConfigError("a curve fit needs positive, finite examples and errors");
    ns.push_back(nsIn[i]);
    errs.push_back(errsIn[i]);
  }
  CurveComparison c;
  c.powerLaw = powerLawModel(ns, errs);
  c.exponential = exponentialModel(ns, errs);
  c.broken = brokenModel(ns, errs);
  for (CurveModelFit* f : {&c.powerLaw, &c.exponential, &c.broken}) f->points = ns.size();
  double bestAicc = c.powerLaw.aicc;
  for (const CurveModelFit* alt : {&c.exponential, &c.broken})
    if (alt->ok && alt->aicc < bestAicc - 2.0) {
      c.best = alt->model;
      bestAicc = alt->aicc;
    }
  auto value = [](const CurveModelFit& f) {
    char v[32];
    std::snprintf(v, sizeof v, "%.1f", f.aicc);
    return f.ok && std::isfinite(f.aicc) ? std::string(v) : std::string("n/a (too few points)");
  };
  int finite = 0;
  for (const CurveModelFit* f : {&c.powerLaw, &c.exponential, &c.broken}) finite += f->ok && std::isfinite(f->aicc);
  c.compared = finite >= 2;
  if (!c.compared) {
    c.criterion = "none: with " + std::to_string(ns.size()) +
                  " points AICc cannot compare laws (4 or more are needed), so the power law is shown as the "
                  "default description, not as the best";
    return c;
  }
  const std::string text =
      "AICc on log error (lower is better; another model replaces the power law only when "
      "lower by more than 2): power law " +
      value(c.powerLaw) + ", exponential " + value(c.exponential) + ", broken power law " + value(c.broken);
  c.criterion = text;
  return c;
}

}  // namespace ps
