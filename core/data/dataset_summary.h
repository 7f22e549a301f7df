#pragma once
// What a user first wants to know about a dataset, gathered once for the CLI and GUI.
#include <string>
#include <vector>

#include "data/dataset.h"

namespace ps {

struct ClassSummary {
  int label = 0;
  std::string name;
  size_t train = 0, test = 0;
};

struct DatasetSummary {
  std::string spec, format, fingerprint;
  size_t train = 0, test = 0;
  ImageShape shape;
  std::vector<ClassSummary> classes;
  std::vector<SkippedFile> skipped;
};

DatasetSummary summarize(const Dataset& ds);

}  // namespace ps
