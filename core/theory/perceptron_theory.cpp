#include "theory/perceptron_theory.h"

#include <linear.h>
#include <algorithm>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "job/job.h"
#include "prune/prune_policy.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/pareto.h"

namespace ps {

namespace {
void quiet(const char*) {}
}  // namespace

std::vector<std::string> theoryPolicyNames() {
  return {PrunePolicy::KeepHard.name(), PrunePolicy::KeepEasy.name(), PrunePolicy::Random.name()};
}

void TheoryConfig::validate() const {
  if (dim < 2 || dim > kMaxTheoryDim)
    throw ConfigError("dimension N " + std::to_string(dim) + " must be in 2.." + std::to_string(kMaxTheoryDim));
  if (alphaTot.empty()) throw ConfigError("no alpha_tot values given");
  for (double a : alphaTot) {
    if (!(a > 0) || !std::isfinite(a) || a * dim < 1)
      throw ConfigError("alpha_tot " + std::to_string(a) + " must be a finite number giving at least one example");
    if (a * dim * dim > kMaxTheoryNumbers)  // the examples of one trial are held in memory
      throw ConfigError("alpha_tot " + std::to_string(a) + " with N=" + std::to_string(dim) + " asks for " +
                        std::to_string(static_cast<int64_t>(a * dim)) + " examples of " + std::to_string(dim) +
                        " dimensions; at most " + std::to_string(static_cast<int64_t>(kMaxTheoryNumbers)) +
                        " numbers per trial (lower alpha_tot or N)");
  }
  if (keeps.empty()) throw ConfigError("no kept fractions given");
  for (double f : keeps)
    if (!(f > 0 && f <= 1)) throw ConfigError("kept fraction " + std::to_string(f) + " is outside (0, 1]");
  const auto known = theoryPolicyNames();
  for (const auto& p : policies)
    if (std::find(known.begin(), known.end(), p) == known.end())
      throw ConfigError("theory policy '" + p + "': expected " + known[0] + ", " + known[1] + " or " + known[2]);
  if (policies.empty()) throw ConfigError("no policy given");
  if (!(thetaDegrees >= 0 && thetaDegrees <= 90)) throw ConfigError("probe angle theta must be in [0, 90] degrees");
  if (threads < 0 || threads > 1024)
    throw ConfigError("threads " + std::to_string(threads) + " must be 0 (every core) or at most 1024");
  if (trials < 1 || trials > 100000) throw ConfigError("trials " + std::to_string(trials) + " must be in 1..100000");
}

double maxMarginStudentError(const std::vector<double>& x, const std::vector<double>& y, int dim,
                             const std::vector<double>& teacher) {
  static std::once_flag once;
  std::call_once(once, [] { set_print_string_function(&quiet); });
  const size_t p = y.size();
  bool pos = false, neg = false;
  for (double v : y) (v > 0 ? pos : neg) = true;
  if (!pos || !neg) {
    // One class only: the max-margin direction is the mean input of that class.
    std::vector<double> w(static_cast<size_t>(dim), 0.0);
    for (size_t i = 0; i < p; ++i)
      for (int d = 0; d < dim; ++d)
        w[static_cast<size_t>(d)] += y[i] * x[i * static_cast<size_t>(dim) + static_cast<size_t>(d)];
    double wt = 0, ww = 0;
    for (int d = 0; d < dim; ++d) {
      wt += w[static_cast<size_t>(d)] * teacher[static_cast<size_t>(d)];
      ww += w[static_cast<size_t>(d)] * w[static_cast<size_t>(d)];
    }
    return ww > 0 ? std::acos(std::max(-1.0, std::min(1.0, wt / std::sqrt(ww)))) / M_PI : 0.5;
  }
  std::vector<feature_node> nodes(p * static_cast<size_t>(dim + 1));
  std::vector<feature_node*> rows(p);
  for (size_t i = 0; i < p; ++i) {
    feature_node* r = &nodes[i * static_cast<size_t>(dim + 1)];
    for (int d = 0; d < dim; ++d) r[d] = {d + 1, x[i * static_cast<size_t>(dim) + static_cast<size_t>(d)]};
    r[dim] = {-1, 0.0};
    rows[i] = r;
  }
  std::vector<double> labels(y);
  problem prob;
  prob.l = static_cast<int>(p);
  prob.n = dim;
  prob.y = labels.data();
  prob.x = rows.data();
  prob.bias = -1;  // no bias: the student passes through the origin, like the teacher
  parameter param{};
  param.solver_type = L2R_L1LOSS_SVC_DUAL;
  param.C = 1e3;  // large C: the hard-margin (max-margin) solution on separable data
  param.eps = 1e-4;
  // liblinear's dual solver shuffles with the C library's rand(), one state for the
  // whole process: trained one at a time from a state seeded by the data, a trial's
  // error no longer depends on which thread ran first (the same config, the same numbers).
  static std::mutex solverMutex;
  const std::lock_guard<std::mutex> lock(solverMutex);
  uint64_t seed = p * 1000003ULL;
  for (size_t i = 0; i < std::min<size_t>(x.size(), 32); ++i) seed = seed * 31 + std::hash<double>{}(x[i]);
  std::srand(static_cast<unsigned>(seed ^ (seed >> 32)));
  model* m = train(&prob, &param);
  double wt = 0, ww = 0;
  const double sign = m->label[0] == 1 ? 1.0 : -1.0;
  for (int d = 0; d < dim; ++d) {
    const double w = sign * m->w[d];
    wt += w * teacher[static_cast<size_t>(d)];
    ww += w * w;
  }
  free_and_destroy_model(&m);
  if (ww <= 0) return 0.5;
  return std::acos(std::max(-1.0, std::min(1.0, wt / std::sqrt(ww)))) / M_PI;
}

namespace {

using Gaussian = std::normal_distribution<double>;

// A random unit teacher T, and the probe J = cos θ T + sin θ T⊥ at angle θ to it.
struct TeacherAndProbe {
  std::vector<double> teacher, probe;
};

TeacherAndProbe drawTeacherAndProbe(int n, double theta, std::mt19937_64& rng, Gaussian& g) {
  const auto dims = static_cast<size_t>(n);
  TeacherAndProbe tp{std::vector<double>(dims), std::vector<double>(dims)};
  std::vector<double> perp(dims);
  double tn = 0;
  for (double& v : tp.teacher) {
    v = g(rng);
    tn += v * v;
  }
  for (double& v : tp.teacher) v /= std::sqrt(tn);
  // A unit vector orthogonal to the teacher.
  double dot = 0, pn = 0;
  for (double& v : perp) v = g(rng);
  for (size_t d = 0; d < dims; ++d) dot += perp[d] * tp.teacher[d];
  for (size_t d = 0; d < dims; ++d) {
    perp[d] -= dot * tp.teacher[d];
    pn += perp[d] * perp[d];
  }
  for (size_t d = 0; d < dims; ++d)
    tp.probe[d] = std::cos(theta) * tp.teacher[d] + std::sin(theta) * perp[d] / std::sqrt(pn);
  return tp;
}

// P examples x ~ N(0, I_N) labelled by the teacher, with the probe's difficulty
// (minus the margin |J·x|: small margin = hard).
struct Examples {
  std::vector<double> x, y;
  std::vector<float> difficulty;
};

Examples drawExamples(size_t p, int n, const TeacherAndProbe& tp, std::mt19937_64& rng, Gaussian& g) {
  const auto dims = static_cast<size_t>(n);
  Examples e{std::vector<double>(p * dims), std::vector<double>(p), std::vector<float>(p)};
  for (size_t i = 0; i < p; ++i) {
    double ty = 0, jm = 0;
    for (size_t d = 0; d < dims; ++d) {
      const double v = g(rng);
      e.x[i * dims + d] = v;
      ty += v * tp.teacher[d];
      jm += v * tp.probe[d];
    }
    e.y[i] = ty >= 0 ? 1.0 : -1.0;
    e.difficulty[i] = static_cast<float>(-std::abs(jm));
  }
  return e;
}

// Test error of the max-margin student trained on what `spec` keeps of the examples.
double prunedStudentError(const Examples& e, int n, const std::vector<double>& teacher, const PruneSpec& spec) {
  const std::vector<int> noLabels(e.y.size(), 0);
  const auto kept = selectSubset(e.difficulty, noLabels, spec);
  std::vector<double> xs, ys;
  xs.reserve(kept.size() * static_cast<size_t>(n));
  for (int64_t k : kept) {
    xs.insert(xs.end(), e.x.begin() + k * n, e.x.begin() + (k + 1) * n);
    ys.push_back(e.y[static_cast<size_t>(k)]);
  }
  return maxMarginStudentError(xs, ys, n, teacher);
}

// Per (alpha, keep, policy): the error of each trial, in trial order.
using TrialErrors = std::map<std::tuple<size_t, size_t, size_t>, std::vector<double>>;

// Mean and standard error over trials per point, and which points are Pareto-optimal.
std::vector<TheoryPoint> summarise(const TheoryConfig& c, const TrialErrors& errors) {
  std::vector<TheoryPoint> out;
  for (const auto& [at, v] : errors) {
    const auto [ai, ki, pi] = at;
    TheoryPoint tp;
    tp.alphaTot = c.alphaTot[ai];
    tp.keep = c.keeps[ki];
    tp.alphaPrune = tp.alphaTot * tp.keep;
    tp.policy = c.policies[pi];
    tp.thetaDegrees = c.thetaDegrees;
    tp.trials = static_cast<int>(v.size());
    tp.trialErrors = v;
    double m = 0;
    for (double e : v) m += e;
    m /= static_cast<double>(v.size());
    double s = 0;
    for (double e : v) s += (e - m) * (e - m);
    tp.errorMean = m;
    tp.errorSem = v.size() > 1 ? std::sqrt(s / static_cast<double>(v.size() - 1) / static_cast<double>(v.size())) : 0;
    out.push_back(tp);
  }
  std::vector<std::pair<double, double>> xy;
  xy.reserve(out.size());
  for (const auto& tp : out) xy.push_back({tp.alphaPrune, tp.errorMean});
  for (size_t i : paretoFront(xy)) out[i].pareto = true;
  return out;
}

}  // namespace

std::vector<TheoryPoint> simulatePerceptron(const TheoryConfig& c, JobContext& ctx) {
  c.validate();
  const int n = c.dim;
  const double theta = c.thetaDegrees * M_PI / 180.0;
  TrialErrors errors;
  std::mutex mu;
  const size_t trials = static_cast<size_t>(c.trials), tasks = c.alphaTot.size() * trials;
  std::atomic<size_t> next{0}, finished{0};
  // One task: one trial at one alpha_tot, every kept fraction and policy on the same data.
  auto runTask = [&](size_t t) {
    const size_t ai = t / trials, trial = t % trials;
    std::mt19937_64 rng(c.seed * 1000003ULL + ai * 7919ULL + trial);
    Gaussian g;
    const TeacherAndProbe tp = drawTeacherAndProbe(n, theta, rng, g);
    const Examples examples = drawExamples(static_cast<size_t>(std::llround(c.alphaTot[ai] * n)), n, tp, rng, g);
    for (size_t ki = 0; ki < c.keeps.size(); ++ki)
      for (size_t pi = 0; pi < c.policies.size(); ++pi) {
        PruneSpec spec;
        spec.policy = parsePrunePolicy(c.policies[pi]);
        spec.keep = c.keeps[ki];
        spec.seed = c.seed * 31 + trial;
        const double e = prunedStudentError(examples, n, tp.teacher, spec);
        std::lock_guard<std::mutex> lock(mu);
        auto& v = errors[{ai, ki, pi}];
        if (v.empty()) v.resize(trials);
        v[trial] = e;  // by trial, not by finishing order: the means are the same every run
      }
    ctx.report(static_cast<double>(++finished), static_cast<double>(tasks), "perceptron trials");
  };
  std::exception_ptr failure;  // the first error of any worker, rethrown here (never a terminate)
  std::atomic<bool> failed{false};
  auto worker = [&] {
    try {
      for (size_t t; !failed && (t = next++) < tasks && !ctx.cancelled();) runTask(t);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
      failed = true;
    }
  };
  const unsigned workers =
      c.threads > 0 ? static_cast<unsigned>(c.threads) : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  ctx.throwIfCancelled();
  return summarise(c, errors);
}

void writeTheoryCsv(const std::vector<TheoryPoint>& points, const std::string& path) {
  CsvWriter csv({"alpha_tot", "keep", "policy", "theta", "alpha_prune", "error_mean", "error_sem", "trials", "pareto"});
  for (const auto& p : points) {
    csv.number(p.alphaTot).number(p.keep).text(p.policy).number(p.thetaDegrees).number(p.alphaPrune);
    csv.number(p.errorMean).number(p.errorSem).integer(p.trials).integer(p.pareto ? 1 : 0).endRow();
  }
  csv.save(path);
}

void writeTheoryJson(const std::vector<TheoryPoint>& points, const TheoryConfig& c, const std::string& path) {
  nlohmann::json j;
  j["provenance"] = {{"tool", "prunescope"},
                     {"kind", "theory"},
                     {"config",
                      {{"dim", c.dim},
                       {"alpha_tot", c.alphaTot},
                       {"keeps", c.keeps},
                       {"policies", c.policies},
                       {"theta_degrees", c.thetaDegrees},
                       {"trials", c.trials},
                       {"seed", c.seed}}}};
  for (const auto& p : points)
    j["points"].push_back({{"alpha_tot", p.alphaTot},
                           {"keep", p.keep},
                           {"policy", p.policy},
                           {"theta", p.thetaDegrees},
                           {"alpha_prune", p.alphaPrune},
                           {"error_mean", p.errorMean},
                           {"error_sem", p.errorSem},
                           {"trials", p.trials},
                           {"pareto", p.pareto}});
  writeFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace ps
