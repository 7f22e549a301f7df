#pragma once
// Import of external scores keyed by file name (a CSV with a key column and one or more
// score columns), as published score files are: each row is matched to a training
// example by the example's path relative to the dataset root, or else by its base name
// (with or without the extension) where that is unique. Each score column becomes its
// own score of one "import" run over the matched examples. No torch in this header.
#include <cstddef>
#include <string>
#include <vector>

#include "score/score_engine.h"

namespace ps {

class Dataset;
class Store;

// The key columns a CSV may use without --key-column, in order of preference.
const std::vector<std::string>& defaultKeyColumns();

struct NameImportRequest {
  std::string keyColumn;             // empty: the first of defaultKeyColumns() the header has
  std::vector<std::string> columns;  // score columns; each is stored as its own score
  std::vector<std::string> names;    // stored names, one per column; empty: the column names
  bool higherIsHarder = true;        // the file's direction; stored difficulty is higher = harder
  double minMatchedShare = 0.9;      // refused when fewer of the rows match an example
};

struct NameMatchReport {
  size_t rows = 0;                             // data rows of the CSV
  size_t matched = 0;                          // rows matched to a training example
  size_t trainingExamples = 0;                 // of the dataset; those without a row are not scored
  std::vector<std::string> unmatchedExamples;  // the first few names that matched nothing
  size_t unmatched() const { return rows - matched; }
};

struct NameImportResult {
  ScoreRun run;
  NameMatchReport report;
};

// The column names of a CSV's first line (DatasetError when unreadable or empty).
std::vector<std::string> csvHeader(const std::string& path);

// True when `header` holds `keyColumn` (or, when it is empty, one of defaultKeyColumns()).
bool hasKeyColumn(const std::vector<std::string>& header, const std::string& keyColumn);

// The training examples' names: their paths relative to the dataset root, '/'-separated
// ("train/n01440764/x.JPEG"; "shard-0.tar#key.jpg" for a tar shard).
std::vector<std::string> trainingExampleNames(const Dataset& ds);

// Matches the rows of `path` to the training examples of `ds` and stores one score per
// column as a run of kind "import" (from the cache when the same file was imported with
// the same request). DatasetError naming the file for: no key column (with the columns it
// has), a missing score column, a name given twice, a value that is not a finite number,
// or a share of matched rows under `minMatchedShare` (with counts and unmatched names);
// ConfigError for a stored name that is taken or a names list of the wrong length.
NameImportResult importScoresByName(const Dataset& ds, Store& store, const std::string& path,
                                    const NameImportRequest& request);

// Checks a name to store an imported score under (ConfigError when it is empty, holds
// '/', or is a built-in score or reserved name).
void checkImportName(const std::string& name);

// Stores an import run: one difficulty vector per score (raw values and spread are
// derived on reading: `higherIsHarder` and zero), and the indices, left empty when they are
// every training example in order (`summary` then says so), so the store grows by about 4
// bytes per example per score.
void storeImportRun(Store& store, ScoreRun& run, size_t trainingExamples, bool higherIsHarder,
                    const std::string& description);

}  // namespace ps
