#pragma once
// The perceptron theory's answer to "which policy, and how much to keep, for the data I
// have", per alpha_tot (examples per dimension before pruning), from a simulation
// (Sorscher et al., 2022, Fig. 1): at each alpha_tot the (policy, f) with the lowest
// test error, and at each kept fraction f < 1 the policy that wins there. Few examples
// favour keep-easy, many favour keep-hard (the crossover the paper describes); with a
// max-margin student the error changes little with f at a fixed alpha_tot as long as
// the hard examples stay, so the winning policy per f is the telling part. Theory only:
// it says nothing about a real dataset's numbers, and is labelled so wherever shown.
#include <string>
#include <vector>

#include "theory/perceptron_theory.h"

namespace ps {

struct OptimalKeep {
  double alphaTot = 0;
  double keep = 0;  // of the lowest error at this alpha_tot
  std::string policy;
  double error = 0, errorSem = 0;
  double unprunedError = 0;  // f = 1 at the same alpha_tot (NaN when not simulated)
  // The policy with the lowest mean error at one f, or "tie" when the simulation cannot
  // tell it from the runner-up: the trials run every policy on the same data, so the
  // two are compared trial by trial, and a winner is named only when the mean paired
  // difference exceeds twice its standard error (the trials' spread / sqrt(trials)).
  struct Winner {
    double keep = 0;
    std::string policy;  // "hard", "easy", "random", or "tie"
    double error = 0;    // the leader's mean error
    std::string leader, runnerUp;
    double gap = 0, gapSem = 0;  // runner-up's error minus the leader's: mean over trials, standard error
    bool tie() const { return policy == "tie"; }
  };
  std::vector<Winner> winners;  // per kept fraction f < 1, ascending
};

// One entry per alpha_tot in the points, ascending.
std::vector<OptimalKeep> optimalKeepCurve(const std::vector<TheoryPoint>& points);

// The winner at one f from its points (one per policy, same trials): see Winner.
OptimalKeep::Winner winnerAt(const std::vector<const TheoryPoint*>& policies);

// A small simulation for the optimal-f curve beside a plan (seconds on two cores):
// N = 50, alpha_tot 1 to 100, f from 0.1 to 1, keep hard, keep easy and random.
TheoryConfig optimalKeepTheoryConfig();

}  // namespace ps
