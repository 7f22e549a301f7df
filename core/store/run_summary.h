#pragma once
// One line of settings for a stored run, read from its config JSON, for lists of runs:
// "el2n, forgetting · small_cnn · 4 epochs · 1 seed · first 10000 examples".
#include <string>

namespace ps {

struct RunRecord;

// Unknown kinds and unreadable configs give the config's first characters.
std::string describeRun(const RunRecord& run);

}  // namespace ps
