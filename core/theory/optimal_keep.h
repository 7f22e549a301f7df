#pragma once
// The perceptron theory's optimal kept fraction as a function of alpha_tot (examples per
// dimension before pruning): at each alpha_tot, the (policy, f) with the lowest
// simulated test error. Few examples favour keeping most (or the easy ones), many
// favour keeping a small hard fraction (Sorscher et al., 2022, Fig. 1). Theory only: it
// says nothing about a real dataset's numbers, and is labelled so wherever it is shown.
#include <string>
#include <vector>

#include "theory/perceptron_theory.h"

namespace ps {

struct OptimalKeep {
  double alphaTot = 0, keep = 0;
  std::string policy;
  double error = 0, errorSem = 0;
  double unprunedError = 0;  // f = 1 at the same alpha_tot (NaN when not simulated)
};

// One entry per alpha_tot in the points, ascending.
std::vector<OptimalKeep> optimalKeepCurve(const std::vector<TheoryPoint>& points);

// A small simulation for the optimal-f curve beside a plan (a few seconds on two cores):
// N = 50, alpha_tot 0.5 to 20, f from 0.1 to 1, keep hard, keep easy and random.
TheoryConfig optimalKeepTheoryConfig();

}  // namespace ps
