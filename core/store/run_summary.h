#pragma once
// One line of settings for a stored run, read from its config JSON, for lists of runs:
// "el2n, forgetting · small_cnn · 4 epochs · lr 0.05 · 1 seed · first 10000 examples"
// (" · no health checks" when they were off).
#include <string>

#include "util/wording.h"

namespace ps {

struct RunRecord;

// Unknown kinds and unreadable configs give the config's first characters. Score and
// model names stay as they are (identifiers); policy names and the words around them
// are `w`'s.
std::string describeRun(const RunRecord& run, const Wording& w = englishWording());

}  // namespace ps
