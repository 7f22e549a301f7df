#pragma once
// Colours of the pruning policies, shared by the GUI's charts and the HTML report's. Each
// policy's own colour is registered with it (prune/policy_registry.h: keep-hard red,
// keep-easy blue, random grey, CCS green, anything else purple). Curves of one policy at
// several kept fractions (the scaling charts) are shades of its colour, lighter for
// smaller fractions.
#include <cstddef>
#include <string>

namespace ps {

struct Rgb {
  int r = 0, g = 0, b = 0;
  std::string hex() const;  // "#d62728"
};

// `colour` mixed toward white by `shade` steps (0: the colour itself; each step a fifth
// of the way, at most three fifths).
Rgb shaded(Rgb colour, size_t shade);

}  // namespace ps
