#pragma once
// The shareable study report: one self-contained HTML file (no scripts, no files beside
// it; charts as inline SVG) with every finished scaling study and its pruned scaling
// envelope, every frontier study, the pruning planner's answer beside the perceptron
// theory's optimal kept fraction (labelled as theory), the score agreement matrix, the
// fairness audit of the best pruned frontier point (from models already in the store:
// the report trains nothing) and, for a dataset with attributes, its audit by group
// (class × attributes), and full provenance: the dataset's fingerprint, every
// run's settings and device, the program's version, the store.
#include <string>

namespace ps {

class Dataset;
class Store;
class JobContext;

struct ReportOptions {
  double budget = 0;         // the plan's budget (examples before pruning); 0 = the largest pool measured
  bool theory = true;        // simulate the perceptron theory's optimal kept fraction (a few seconds)
  double topFraction = 0.1;  // of the agreement's top-k overlap
  size_t maxScores = 8;      // scores compared in the agreement matrix (newest runs first)
};

// ConfigError when the store holds no finished study of the dataset (nothing to report).
std::string renderStudyReport(const Dataset& ds, Store& store, const ReportOptions& options, JobContext& ctx);

// Renders and writes the report atomically; returns the number of bytes written.
size_t writeStudyReport(const Dataset& ds, Store& store, const ReportOptions& options, JobContext& ctx,
                        const std::string& path);

}  // namespace ps
