#pragma once
// Monte-Carlo simulation of the teacher–student perceptron of Sorscher et al. (2022):
// inputs x ~ N(0, I_N), labels y = sign(T·x); P = alpha_tot·N examples; a probe J at
// angle theta to the teacher scores each example by its margin |J·x|/|J|; keep hard
// (smallest margins), keep easy (largest) or random keeps a fraction f; a max-margin
// linear student without bias (liblinear's dual L2-regularised hinge solver with a large
// C) is trained on the kept set; test error = arccos(R)/pi with R = cos(student, T).
#include <cstdint>
#include <string>
#include <vector>

#include "study/study_settings.h"
#include "util/text_list.h"

namespace ps {

class JobContext;

// Bounds of a simulation: the dimension, and the numbers one trial holds in memory
// (examples x dimensions, 8 bytes each).
constexpr int kMaxTheoryDim = 10000;
constexpr double kMaxTheoryNumbers = 1e8;

// The policies the perceptron theory simulates: keep-hard, keep-easy and random, by name.
std::vector<std::string> theoryPolicyNames();

struct TheoryConfig {
  int dim = 100;
  std::vector<double> alphaTot = {1, 2, 5, 10, 20};
  std::vector<double> keeps = parseDoubles(setting::frontierKeeps.text, "kept fraction");  // the frontier's grid
  std::vector<std::string> policies = theoryPolicyNames();
  double thetaDegrees = 0;
  int trials = 8;
  uint64_t seed = 0;
  int threads = 0;  // 0 = every core

  void validate() const;
};

struct TheoryPoint {
  double alphaTot = 0, keep = 0, alphaPrune = 0;
  std::string policy;
  double thetaDegrees = 0;
  double errorMean = 0, errorSem = 0;
  int trials = 0;
  std::vector<double> trialErrors;  // per trial, in trial order (the policies of a trial share its data)
  bool pareto = false;              // non-dominated in (alpha_prune, error) across all points
};

std::vector<TheoryPoint> simulatePerceptron(const TheoryConfig& config, JobContext& ctx);
void writeTheoryCsv(const std::vector<TheoryPoint>& points, const std::string& path);
void writeTheoryJson(const std::vector<TheoryPoint>& points, const TheoryConfig& config, const std::string& path);

// Test error arccos(R)/pi of a max-margin student trained on (x, y), P × N row-major.
double maxMarginStudentError(const std::vector<double>& x, const std::vector<double>& y, int dim,
                             const std::vector<double>& teacher);

}  // namespace ps
