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

// An attribute's values (as Attribute::valueLabel shows them) and their example counts per split.
struct AttributeSummary {
  std::string name;
  bool groupable = true;
  std::vector<std::string> values;
  std::vector<size_t> train, test;
};

struct DatasetSummary {
  std::string spec, format, fingerprint;
  size_t train = 0, test = 0;
  ImageShape shape;
  std::vector<ClassSummary> classes;
  std::vector<SkippedFile> skipped;
  std::vector<AttributeSummary> attributes;
  // A CSV manifest's labels: "integers" (class k named "k") or "names"; empty for the
  // other formats.
  std::string labels;
};

DatasetSummary summarize(const Dataset& ds);

// The attributes as `info` prints them: "attributes:  none", or one block per attribute
// with its values and their train/test counts (the `maxValues` most frequent first).
std::string describeAttributes(const DatasetSummary& s, size_t maxValues = 20);

}  // namespace ps
