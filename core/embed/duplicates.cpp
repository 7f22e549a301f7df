#include "embed/duplicates.h"

#include <algorithm>
#include <map>
#include <set>

#include "data/dataset.h"
#include "job/job.h"
#include "store/embedding_store.h"
#include "util/errors.h"

// The default threshold, 0.999, is for the default embedding (the classifier's
// penultimate layer, 3 epochs of small_cnn): that layer gathers a class closely, so on
// full Fashion-MNIST 0.95 paired 374 244 training examples and called 9 172 of the 10 000
// test examples leaked; 0.99 still gave 77 999 pairs, 0.995 25 284; at 0.999, 109 pairs
// within training and 24 leaked test examples remain, and a look at them finds the same
// garment twice (mean absolute pixel difference 5 of 255, median). Near copies mean
// pictures a person calls the same (a re-save, noise, a slight shift), not two of a kind.
// Another embedding spreads its similarities differently, hence --threshold (a centred
// pixel embedding, as the tests use, separates σ = 8 noise copies at 0.95).

namespace ps {

void checkNearThreshold(double threshold) {
  if (!(threshold > 0.0 && threshold <= 1.0))
    throw ConfigError("near-duplicate threshold " + std::to_string(threshold) +
                      ": expected a cosine similarity in (0, 1], e.g. 0.95 (1 = only identical directions)");
}

namespace {

using Key = std::pair<int, int64_t>;  // split, index
Key keyOf(const ExampleRef& r) { return {static_cast<int>(r.split), r.index}; }

// Each example of an exact group, mapped to the group's first member.
std::map<Key, Key> exactGroups(const ExactDuplicates& exact) {
  std::map<Key, Key> out;
  for (const DuplicatePair& p : exact.pairs) {
    out[keyOf(p.first)] = keyOf(p.first);
    out[keyOf(p.copy)] = keyOf(p.first);
  }
  return out;
}

bool sameExactGroup(const std::map<Key, Key>& groups, const ExampleRef& a, const ExampleRef& b) {
  const auto ia = groups.find(keyOf(a)), ib = groups.find(keyOf(b));
  return ia != groups.end() && ib != groups.end() && ia->second == ib->second;
}

void checkRows(const Dataset& ds, const Embedding& train, const Embedding* test) {
  checkEmbedding(train, "the training embedding");
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  if (train.rows < 1 || train.rows > n)
    throw ConfigError("the training embedding has " + std::to_string(train.rows) + " rows; " + ds.spec() + " has " +
                      std::to_string(n) + " training examples (expected 1 to " + std::to_string(n) + ")");
  if (!test) return;
  checkEmbedding(*test, "the test embedding");
  const auto m = static_cast<int64_t>(ds.size(Split::Test));
  if (test->rows != m)
    throw ConfigError("the test embedding has " + std::to_string(test->rows) + " rows; " + ds.spec() + " has " +
                      std::to_string(m) + " test examples");
  if (test->dims != train.dims || test->source != train.source)
    throw ConfigError("the test embedding (" + test->source + ", " + std::to_string(test->dims) +
                      " dimensions) is not the training one's (" + train.source + ", " + std::to_string(train.dims) +
                      " dimensions)");
}

bool rowLess(const DuplicateRow& x, const DuplicateRow& y) {
  return std::make_pair(keyOf(x.a), keyOf(x.b)) < std::make_pair(keyOf(y.a), keyOf(y.b));
}

}  // namespace

std::vector<DuplicateRow> findNearDuplicates(const Dataset& ds, const Embedding& train, const Embedding* test,
                                             const ExactDuplicates& exact, const NearDuplicateOptions& options,
                                             JobContext* ctx) {
  checkNearThreshold(options.threshold);
  checkRows(ds, train, test);
  const auto groups = exactGroups(exact);
  KnnOptions knn;
  knn.k = options.neighbours;
  knn.exactUpTo = options.exactSearchUpTo;
  knn.job = ctx;
  const auto t = static_cast<float>(options.threshold);
  std::vector<DuplicateRow> out;
  std::set<std::pair<int64_t, int64_t>> seen;  // training pairs, lower index first
  const Neighbours within = knnWithin({train.values.data(), train.rows, train.dims}, knn);
  for (int64_t i = 0; i < within.rows; ++i)
    for (int j = 0; j < within.k && within.at(i, j) >= 0 && within.simAt(i, j) >= t; ++j) {
      const int64_t other = within.at(i, j);
      const ExampleRef a{Split::Train, std::min(i, other)}, b{Split::Train, std::max(i, other)};
      if (sameExactGroup(groups, a, b) || !seen.insert({a.index, b.index}).second) continue;
      out.push_back({false, a, b, within.simAt(i, j)});
    }
  if (test && test->rows > 0) {
    const Neighbours across =
        knnQuery({test->values.data(), test->rows, test->dims}, {train.values.data(), train.rows, train.dims}, knn);
    for (int64_t q = 0; q < across.rows; ++q)
      for (int j = 0; j < across.k && across.at(q, j) >= 0 && across.simAt(q, j) >= t; ++j) {
        const ExampleRef a{Split::Train, across.at(q, j)}, b{Split::Test, q};
        if (!sameExactGroup(groups, a, b)) out.push_back({false, a, b, across.simAt(q, j)});
      }
  }
  std::sort(out.begin(), out.end(), rowLess);
  return out;
}

DuplicateReport findDuplicates(const Dataset& ds, const Embedding& train, const Embedding* test,
                               const NearDuplicateOptions& options, JobContext* ctx) {
  checkNearThreshold(options.threshold);
  checkRows(ds, train, test);
  DuplicateReport r;
  r.threshold = options.threshold;
  r.embeddingSource = train.source;
  r.trainRowsSearched = train.rows;
  KnnOptions knn;
  knn.k = options.neighbours;
  knn.exactUpTo = options.exactSearchUpTo;
  r.searchMethod = knnMethod(train.rows, knn);
  r.exact = findExactDuplicates(ds, ctx);
  for (const DuplicatePair& p : r.exact.pairs) r.rows.push_back({true, p.first, p.copy, 1.0});
  std::set<int64_t> leaked;
  for (const DuplicatePair& p : r.exact.pairs)
    if (p.first.split == Split::Train && p.copy.split == Split::Test) leaked.insert(p.copy.index);
  for (DuplicateRow& row : findNearDuplicates(ds, train, test, r.exact, options, ctx)) {
    if (row.b.split == Split::Test) {
      ++r.nearLeaks;
      leaked.insert(row.b.index);
    } else {
      ++r.nearWithinTrain;
    }
    r.rows.push_back(row);
  }
  r.testExamplesLeaked = static_cast<int64_t>(leaked.size());
  return r;
}

std::vector<DuplicateRow> trainPairs(const std::vector<DuplicateRow>& rows) {
  std::vector<DuplicateRow> out;
  for (const DuplicateRow& r : rows)
    if (r.a.split == Split::Train && r.b.split == Split::Train) out.push_back(r);
  return out;
}

std::vector<DuplicateRow> leakPairs(const std::vector<DuplicateRow>& rows) {
  std::vector<DuplicateRow> out;
  for (const DuplicateRow& r : rows)
    if (r.a.split == Split::Train && r.b.split == Split::Test) out.push_back(r);
  return out;
}

std::vector<int64_t> copiesToExclude(const std::vector<DuplicateRow>& rows) {
  // Within training, greedily: a pair's copy goes only while both members are still kept,
  // so every excluded example leaves a kept twin (a chain a~b~c loses b alone when a and
  // c differ). A leak's training member always goes: the test split stays as it is.
  std::vector<DuplicateRow> inTrain = trainPairs(rows);
  std::sort(inTrain.begin(), inTrain.end(), rowLess);
  std::set<int64_t> excluded;
  for (const DuplicateRow& r : inTrain)
    if (!excluded.count(r.a.index)) excluded.insert(r.b.index);
  for (const DuplicateRow& r : leakPairs(rows)) excluded.insert(r.a.index);
  return {excluded.begin(), excluded.end()};
}

}  // namespace ps
