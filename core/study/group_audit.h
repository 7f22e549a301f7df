#pragma once
// The fairness audit by group: the per-class audit (study/fairness_audit.h) extended to
// the dataset's attributes. A group is a class × values of the chosen attributes (as
// Waterbirds' label × place); margins over every class are reported as well (class "*").
// Per group: total and kept examples, kept fraction, share of the full and of the kept
// set, and test accuracy of the models trained on the subset and on the full data (one
// per seed: mean and spread), and the change. The summary gives, for each model, the
// average accuracy, the worst group's accuracy and which group, the gap between them and
// the worst class's accuracy, each with its spread over seeds and a percentile bootstrap
// interval over test examples (resampled `bootstrap` times with `bootstrapSeed`). A group
// without test examples has no accuracy (NaN here, "n/a" in files), never 0.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "data/attributes.h"
#include "study/fairness_audit.h"

namespace ps {

struct GroupAuditConfig {
  AuditConfig audit;                 // spec.classBalanced is used as given
  std::vector<std::string> groupBy;  // attribute names, each groupable
  int seeds = 1;                     // models per side: seeds train.seed, train.seed + 1, ...
  int bootstrap = 1000;              // resamples of the test examples
  uint64_t bootstrapSeed = 0;
  void validate() const;  // ConfigError naming the setting
};

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct GroupRow {
  int label = -1;                   // -1: a margin over every class
  std::string className;            // "*" for a margin
  std::vector<std::string> values;  // one per grouped attribute; "*" = any value
  int64_t total = 0, kept = 0, test = 0;
  double keptFraction = kNoValue, shareFull = kNoValue, shareKept = kNoValue;
  double accSubset = kNoValue, accFull = kNoValue, change = kNoValue;  // means over seeds
  double accSubsetSpread = kNoValue, accFullSpread = kNoValue, changeSpread = kNoValue;
  bool margin() const { return label < 0 || className == "*"; }
};

// One summary figure: its mean over seeds, spread (sample std) over seeds, bootstrap
// interval, and the group or class it is about (worst group, worst class).
struct GroupMetric {
  double value = kNoValue, spread = kNoValue, low = kNoValue, high = kNoValue;
  std::string group;
};

struct GroupSummary {
  GroupMetric average, worstGroup, gap, worstClass;
};

// What the audit counts and compares, without models or a store: the pool's labels and
// attribute codes (one vector per grouped attribute), which pool examples are kept, the
// test labels and codes, and the predictions of each seed's subset and full models on
// the test examples (empty: no accuracy).
struct GroupAuditInputs {
  std::vector<std::string> classNames;
  std::vector<const Attribute*> attributes;
  std::vector<int> poolLabels;
  std::vector<std::vector<uint16_t>> poolCodes;
  std::vector<char> kept;
  std::vector<int> testLabels;
  std::vector<std::vector<uint16_t>> testCodes;
  std::vector<std::vector<int32_t>> subsetPredictions, fullPredictions;
  int bootstrap = 1000;
  uint64_t bootstrapSeed = 0;
};

struct GroupAuditResult {
  double keep = 0;
  std::string scoreName, policy;
  int64_t scoreRunId = 0;
  std::vector<std::string> attributes;
  int seeds = 0, bootstrap = 0;
  uint64_t bootstrapSeed = 0;
  int64_t pool = 0, kept = 0, testExamples = 0;
  bool hasAccuracy = false;
  std::string noAccuracy;        // why there is no accuracy, when there is none
  std::vector<GroupRow> groups;  // class × attributes first (by class, then values), then the margins
  GroupSummary subset, full;
};

// The groups and summary of `in` (result's counting part; the caller fills provenance).
GroupAuditResult tabulateGroups(const GroupAuditInputs& in);

// Resolves the score, prunes, trains (or finds) the models of every seed and tabulates.
// ConfigError for an attribute the dataset lacks (listing those it has) or one too wide
// to group by, before any training.
GroupAuditResult runGroupAudit(const Dataset& ds, Store& store, const GroupAuditConfig& config, JobContext& ctx);

// "class=Shirt, bg=warm" (a margin leaves the class out).
std::string groupName(const GroupAuditResult& r, const GroupRow& g);
// "worst-group accuracy: subset 0.712 (class=Shirt, bg=warm), full 0.801 (...)".
std::string worstGroupLine(const GroupAuditResult& r);

// class_name, <attribute columns>, total, kept, kept_fraction, share_full, share_kept,
// acc_subset, acc_full, change, acc_subset_spread, acc_full_spread, change_spread,
// test_examples; "n/a" where there is no value.
void writeGroupAuditCsv(const GroupAuditResult& r, const std::string& path);
// The summary (both models), the settings (seeds, bootstrap resamples and seed) and provenance.
void writeGroupAuditJson(const GroupAuditResult& r, const std::string& fingerprint, const std::string& path);

}  // namespace ps
