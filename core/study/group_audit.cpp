#include "study/group_audit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <tuple>

#include "data/dataset.h"
#include "job/job.h"
#include "store/store.h"
#include "study/policy_inputs.h"
#include "study/study_runner.h"
#include "util/csv_writer.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

using Key = std::vector<int32_t>;  // pattern, class (or -1), then each attribute's code (or -1)

// Which of (class, attribute 0, attribute 1, ...) each kind of group fixes: class × every
// attribute, then the margins: every attribute, and each attribute alone when several.
std::vector<std::vector<char>> groupPatterns(size_t attributes) {
  std::vector<std::vector<char>> p;
  p.emplace_back(attributes + 1, 1);
  if (attributes == 0) return p;
  std::vector<char> margin(attributes + 1, 1);
  margin[0] = 0;
  p.push_back(margin);
  for (size_t a = 0; attributes > 1 && a < attributes; ++a) {
    std::vector<char> one(attributes + 1, 0);
    one[a + 1] = 1;
    p.push_back(one);
  }
  return p;
}

Key keyOf(const std::vector<char>& fix, size_t pattern, int label, const std::vector<std::vector<uint16_t>>& codes,
          size_t i) {
  Key k{static_cast<int32_t>(pattern), fix[0] ? label : -1};
  for (size_t a = 0; a < codes.size(); ++a) k.push_back(fix[a + 1] ? codes[a][i] : -1);
  return k;
}

// The groups of the pool and test examples, and each test example's group per pattern.
struct Groups {
  std::vector<GroupRow> rows;
  size_t fullRows = 0;                       // rows of class × attributes come first
  std::vector<std::vector<size_t>> testRow;  // [pattern][test example]
};

GroupRow rowOf(const Key& k, const GroupAuditInputs& in) {
  GroupRow g;
  g.label = k[1];
  g.className = k[1] < 0 ? std::string("*") : in.classNames[static_cast<size_t>(k[1])];
  for (size_t a = 0; a < in.attributes.size(); ++a)
    g.values.push_back(k[a + 2] < 0 ? std::string("*") : in.attributes[a]->valueLabel(static_cast<uint16_t>(k[a + 2])));
  return g;
}

Groups buildGroups(const GroupAuditInputs& in) {
  const auto patterns = groupPatterns(in.attributes.size());
  std::map<Key, size_t> index;
  for (size_t p = 0; p < patterns.size(); ++p) {
    for (size_t i = 0; i < in.poolLabels.size(); ++i)
      index.emplace(keyOf(patterns[p], p, in.poolLabels[i], in.poolCodes, i), 0);
    for (size_t i = 0; i < in.testLabels.size(); ++i)
      index.emplace(keyOf(patterns[p], p, in.testLabels[i], in.testCodes, i), 0);
  }
  Groups g;
  for (auto& kv : index) {
    kv.second = g.rows.size();
    g.rows.push_back(rowOf(kv.first, in));
    if (kv.first[0] == 0) g.fullRows = g.rows.size();
  }
  g.testRow.assign(patterns.size(), std::vector<size_t>(in.testLabels.size(), 0));
  for (size_t p = 0; p < patterns.size(); ++p) {
    for (size_t i = 0; i < in.poolLabels.size(); ++i) {
      GroupRow& row = g.rows[index.at(keyOf(patterns[p], p, in.poolLabels[i], in.poolCodes, i))];
      ++row.total;
      row.kept += in.kept[i] ? 1 : 0;
    }
    for (size_t i = 0; i < in.testLabels.size(); ++i) {
      g.testRow[p][i] = index.at(keyOf(patterns[p], p, in.testLabels[i], in.testCodes, i));
      ++g.rows[g.testRow[p][i]].test;
    }
  }
  return g;
}

void fillShares(Groups& g, int64_t pool, int64_t kept) {
  for (GroupRow& row : g.rows) {
    row.keptFraction = row.total > 0 ? double(row.kept) / double(row.total) : kNoValue;
    row.shareFull = pool > 0 ? double(row.total) / double(pool) : kNoValue;
    row.shareKept = kept > 0 ? double(row.kept) / double(kept) : kNoValue;
  }
}

// Test accuracy of one side's models: per group and per class, per seed (NaN where the
// group or class has no test example), and overall per seed.
struct SideAccuracy {
  std::vector<std::vector<double>> group, cls;  // [row or class][seed]
  std::vector<double> overall;                  // [seed]
  std::vector<double> meanCorrect;              // per test example: the fraction of seeds right
};

SideAccuracy sideAccuracy(const Groups& g, const GroupAuditInputs& in, const std::vector<std::vector<int32_t>>& preds) {
  const size_t n = in.testLabels.size(), seeds = preds.size(), classes = in.classNames.size();
  SideAccuracy s{std::vector<std::vector<double>>(g.rows.size(), std::vector<double>(seeds, kNoValue)),
                 std::vector<std::vector<double>>(classes, std::vector<double>(seeds, kNoValue)),
                 std::vector<double>(seeds, kNoValue), std::vector<double>(n, 0.0)};
  for (size_t seed = 0; seed < seeds; ++seed) {
    std::vector<int64_t> rowRight(g.rows.size(), 0), classRight(classes, 0), classTotal(classes, 0);
    int64_t right = 0;
    for (size_t i = 0; i < n; ++i) {
      const bool ok = preds[seed][i] == in.testLabels[i];
      right += ok;
      s.meanCorrect[i] += ok ? 1.0 / double(seeds) : 0.0;
      classRight[static_cast<size_t>(in.testLabels[i])] += ok;
      ++classTotal[static_cast<size_t>(in.testLabels[i])];
      for (const auto& rows : g.testRow) rowRight[rows[i]] += ok;
    }
    for (size_t r = 0; r < g.rows.size(); ++r)
      if (g.rows[r].test > 0) s.group[r][seed] = double(rowRight[r]) / double(g.rows[r].test);
    for (size_t c = 0; c < classes; ++c)
      if (classTotal[c] > 0) s.cls[c][seed] = double(classRight[c]) / double(classTotal[c]);
    if (n > 0) s.overall[seed] = double(right) / double(n);
  }
  return s;
}

double mean(const std::vector<double>& v) { return v.empty() ? kNoValue : meanAndStd(v).mean; }
double spread(const std::vector<double>& v) { return v.empty() ? kNoValue : meanAndStd(v).std; }

// The index among `perSeed` (first `count` entries) whose mean over seeds is least,
// skipping NaN; `count` when all are NaN.
size_t worstOf(const std::vector<std::vector<double>>& perSeed, size_t count) {
  size_t worst = count;
  for (size_t k = 0; k < count; ++k) {
    const double m = mean(perSeed[k]);
    if (!std::isnan(m) && (worst == count || m < mean(perSeed[worst]))) worst = k;
  }
  return worst;
}

// Average, worst group, gap and worst class over the resampled test examples `pick`.
struct Resampled {
  double average, worstGroup, gap, worstClass;
};

Resampled resampledMetrics(const Groups& g, const GroupAuditInputs& in, const std::vector<double>& meanCorrect,
                           const std::vector<size_t>& pick) {
  std::vector<double> rowSum(g.fullRows, 0.0), classSum(in.classNames.size(), 0.0);
  std::vector<int64_t> rowCount(g.fullRows, 0), classCount(in.classNames.size(), 0);
  double total = 0;
  for (size_t i : pick) {
    const double c = meanCorrect[i];
    total += c;
    rowSum[g.testRow[0][i]] += c;
    ++rowCount[g.testRow[0][i]];
    classSum[static_cast<size_t>(in.testLabels[i])] += c;
    ++classCount[static_cast<size_t>(in.testLabels[i])];
  }
  auto least = [](const std::vector<double>& sum, const std::vector<int64_t>& count) {
    double m = kNoValue;
    for (size_t k = 0; k < sum.size(); ++k)
      if (count[k] > 0 && !(sum[k] / double(count[k]) >= m)) m = sum[k] / double(count[k]);
    return m;
  };
  Resampled r{pick.empty() ? kNoValue : total / double(pick.size()), least(rowSum, rowCount), 0,
              least(classSum, classCount)};
  r.gap = r.average - r.worstGroup;
  return r;
}

// The 2.5 % and 97.5 % points of `v` (NaN values left out).
std::pair<double, double> interval(std::vector<double> v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
  if (v.empty()) return {kNoValue, kNoValue};
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[static_cast<size_t>(std::lround(q * double(v.size() - 1)))]; };
  return {at(0.025), at(0.975)};
}

void bootstrap(const Groups& g, const GroupAuditInputs& in, const SideAccuracy& acc, GroupSummary& s) {
  const size_t n = in.testLabels.size();
  if (in.bootstrap <= 0 || n == 0) return;
  std::mt19937_64 rng(in.bootstrapSeed);
  std::uniform_int_distribution<size_t> draw(0, n - 1);
  std::vector<double> average, worstGroup, gap, worstClass;
  std::vector<size_t> pick(n);
  for (int b = 0; b < in.bootstrap; ++b) {
    for (size_t& i : pick) i = draw(rng);
    const Resampled r = resampledMetrics(g, in, acc.meanCorrect, pick);
    average.push_back(r.average);
    worstGroup.push_back(r.worstGroup);
    gap.push_back(r.gap);
    worstClass.push_back(r.worstClass);
  }
  std::tie(s.average.low, s.average.high) = interval(average);
  std::tie(s.worstGroup.low, s.worstGroup.high) = interval(worstGroup);
  std::tie(s.gap.low, s.gap.high) = interval(gap);
  std::tie(s.worstClass.low, s.worstClass.high) = interval(worstClass);
}

GroupSummary summarise(const Groups& g, const GroupAuditInputs& in, const SideAccuracy& acc,
                       const GroupAuditResult& r) {
  GroupSummary s;
  s.average.value = mean(acc.overall);
  s.average.spread = spread(acc.overall);
  const size_t worst = worstOf(acc.group, g.fullRows);
  if (worst < g.fullRows) {
    s.worstGroup = {mean(acc.group[worst]), spread(acc.group[worst]), kNoValue, kNoValue, groupName(r, g.rows[worst])};
    std::vector<double> gap;
    for (size_t seed = 0; seed < acc.overall.size(); ++seed) gap.push_back(acc.overall[seed] - acc.group[worst][seed]);
    s.gap = {mean(gap), spread(gap), kNoValue, kNoValue, s.worstGroup.group};
  }
  const size_t worstClass = worstOf(acc.cls, acc.cls.size());
  if (worstClass < acc.cls.size())
    s.worstClass = {mean(acc.cls[worstClass]), spread(acc.cls[worstClass]), kNoValue, kNoValue,
                    in.classNames[worstClass]};
  bootstrap(g, in, acc, s);
  return s;
}

void fillAccuracy(Groups& g, const SideAccuracy& sub, const SideAccuracy& full) {
  for (size_t k = 0; k < g.rows.size(); ++k) {
    GroupRow& row = g.rows[k];
    if (row.test == 0) continue;  // n/a, never 0
    std::vector<double> change;
    for (size_t seed = 0; seed < sub.group[k].size(); ++seed)
      change.push_back(sub.group[k][seed] - full.group[k][seed]);
    row.accSubset = mean(sub.group[k]);
    row.accSubsetSpread = spread(sub.group[k]);
    row.accFull = mean(full.group[k]);
    row.accFullSpread = spread(full.group[k]);
    row.change = mean(change);
    row.changeSpread = spread(change);
  }
}

void checkInputs(const GroupAuditInputs& in) {
  const size_t attrs = in.attributes.size();
  if (in.poolCodes.size() != attrs || in.testCodes.size() != attrs || in.kept.size() != in.poolLabels.size())
    throw ConfigError("group audit: inputs of mismatched sizes");
  for (size_t a = 0; a < attrs; ++a)
    if (in.poolCodes[a].size() != in.poolLabels.size() || in.testCodes[a].size() != in.testLabels.size())
      throw ConfigError("group audit: attribute '" + in.attributes[a]->name + "' has codes of mismatched size");
  for (const auto* preds : {&in.subsetPredictions, &in.fullPredictions})
    for (const auto& p : *preds)
      if (p.size() != in.testLabels.size())
        throw ConfigError("group audit: " + std::to_string(p.size()) + " predictions for " +
                          std::to_string(in.testLabels.size()) + " test examples");
  for (int l : in.poolLabels)
    if (l < 0 || static_cast<size_t>(l) >= in.classNames.size()) throw ConfigError("group audit: label out of range");
  for (int l : in.testLabels)
    if (l < 0 || static_cast<size_t>(l) >= in.classNames.size()) throw ConfigError("group audit: label out of range");
}

// The pool's and the evaluated test examples' labels and codes of the grouped attributes.
void fillExamples(const Dataset& ds, const ResolvedScore& score, int64_t testLimit, GroupAuditInputs& in) {
  in.poolLabels = ds.labelsOf(Split::Train, score.indices);
  const size_t nTest =
      testLimit > 0 ? std::min<size_t>(static_cast<size_t>(testLimit), ds.size(Split::Test)) : ds.size(Split::Test);
  in.testLabels.resize(nTest);
  for (size_t i = 0; i < nTest; ++i) in.testLabels[i] = ds.label(Split::Test, i);
  for (const Attribute* a : in.attributes) {
    if (a->codes[0].size() != ds.size(Split::Train) || a->codes[1].size() != ds.size(Split::Test))
      throw DatasetError(ds.spec() + ": attribute '" + a->name + "' does not give every example a value");
    std::vector<uint16_t> pool;
    pool.reserve(score.indices.size());
    for (int64_t i : score.indices) pool.push_back(a->codes[0][static_cast<size_t>(i)]);
    in.poolCodes.push_back(std::move(pool));
    in.testCodes.emplace_back(a->codes[1].begin(), a->codes[1].begin() + static_cast<std::ptrdiff_t>(nTest));
  }
}

// Each seed's subset and full-data models' test predictions; "" or why there are none.
std::string fillPredictions(const Dataset& ds, Store& store, const GroupAuditConfig& config,
                            const std::vector<int64_t>& pool, const std::vector<int64_t>& subset, JobContext& ctx,
                            GroupAuditInputs& in) {
  try {
    checkSubsetCoversClasses(ds, subset);
  } catch (const ConfigError& e) {
    return std::string("no model can be trained on the subset: ") + e.what();
  }
  for (int k = 0; k < config.seeds; ++k) {
    AuditConfig c = config.audit;
    c.train.seed += static_cast<uint64_t>(k);
    const std::string seed = " · seed " + std::to_string(c.train.seed);
    const auto full = auditEvaluation(ds, store, pool, c, ctx, "full data" + seed, true);
    const auto sub = auditEvaluation(ds, store, subset, c, ctx, c.spec.label() + seed, false);
    if (!full || !sub) return "no models for these subsets in the store (--train trains them)";
    if (full->testPredictions.empty() || sub->testPredictions.empty())
      return "the stored models were recorded without their test predictions (train them again in a new store)";
    if (full->testPredictions.size() != in.testLabels.size() || sub->testPredictions.size() != in.testLabels.size())
      return "the stored models were evaluated on another number of test examples";
    in.fullPredictions.push_back(full->testPredictions);
    in.subsetPredictions.push_back(sub->testPredictions);
  }
  return {};
}

}  // namespace

void GroupAuditConfig::validate() const {
  if (groupBy.empty()) throw ConfigError("--group-by names no attribute");
  if (seeds < 1 || seeds > 100) throw ConfigError("seeds " + std::to_string(seeds) + " is outside 1..100");
  if (bootstrap < 0 || bootstrap > 100000)
    throw ConfigError("bootstrap resamples " + std::to_string(bootstrap) + " is outside 0..100000");
}

GroupAuditResult tabulateGroups(const GroupAuditInputs& in) {
  checkInputs(in);
  GroupAuditResult r;
  for (const Attribute* a : in.attributes) r.attributes.push_back(a->name);
  r.pool = static_cast<int64_t>(in.poolLabels.size());
  r.kept = std::count(in.kept.begin(), in.kept.end(), 1);
  r.testExamples = static_cast<int64_t>(in.testLabels.size());
  r.seeds = static_cast<int>(in.subsetPredictions.size());
  r.bootstrap = in.bootstrap;
  r.bootstrapSeed = in.bootstrapSeed;
  Groups g = buildGroups(in);
  fillShares(g, r.pool, r.kept);
  r.hasAccuracy = !in.subsetPredictions.empty() && in.subsetPredictions.size() == in.fullPredictions.size();
  if (r.hasAccuracy) {
    const SideAccuracy sub = sideAccuracy(g, in, in.subsetPredictions);
    const SideAccuracy full = sideAccuracy(g, in, in.fullPredictions);
    fillAccuracy(g, sub, full);
    r.subset = summarise(g, in, sub, r);
    r.full = summarise(g, in, full, r);
  }
  r.groups = std::move(g.rows);
  return r;
}

std::string groupName(const GroupAuditResult& r, const GroupRow& g) {
  std::string s = g.className == "*" ? std::string() : "class=" + g.className;
  for (size_t a = 0; a < g.values.size() && a < r.attributes.size(); ++a)
    if (g.values[a] != "*") s += (s.empty() ? "" : ", ") + r.attributes[a] + "=" + g.values[a];
  return s.empty() ? std::string("all") : s;
}

GroupAuditResult runGroupAudit(const Dataset& ds, Store& store, const GroupAuditConfig& config, JobContext& ctx) {
  config.validate();
  config.audit.spec.validate();
  config.audit.train.validate();
  GroupAuditInputs in;
  for (const std::string& name : config.groupBy)
    in.attributes.push_back(&findAttribute(ds.attributes(), name, true));  // before any training
  in.classNames = ds.classNames();
  in.bootstrap = config.bootstrap;
  in.bootstrapSeed = config.bootstrapSeed;
  ResolvedScore score =
      resolveStudyScore(ds, store, config.audit.score, ctx, "", scoresPoliciesNeed({config.audit.spec.policy}));
  attachPolicyInputs(ds, store, {config.audit.spec.policy}, config.audit.train, score, ctx, config.audit.trainModels);
  fillExamples(ds, score, config.audit.testLimit, in);
  const auto kept = selectSubset(score.difficulty, in.poolLabels, config.audit.spec, score.tieBreak(), &score.inputs);
  in.kept.assign(in.poolLabels.size(), 0);
  std::vector<int64_t> subset;
  subset.reserve(kept.size());
  for (int64_t p : kept) {
    in.kept[static_cast<size_t>(p)] = 1;
    subset.push_back(score.indices[static_cast<size_t>(p)]);
  }
  const std::string why = fillPredictions(ds, store, config, score.indices, subset, ctx, in);
  if (!why.empty()) {
    in.subsetPredictions.clear();
    in.fullPredictions.clear();
  }
  GroupAuditResult r = tabulateGroups(in);
  r.noAccuracy = why;
  r.seeds = config.seeds;
  r.keep = config.audit.spec.keep;
  r.scoreName = config.audit.score.name;
  r.scoreRunId = score.runId;
  r.policy = config.audit.spec.label();
  return r;
}

std::string worstGroupLine(const GroupAuditResult& r) {
  if (!r.hasAccuracy) return "worst-group accuracy: n/a (" + r.noAccuracy + ")";
  auto one = [](const GroupMetric& m) {
    if (std::isnan(m.value)) return std::string("n/a");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", m.value);
    return std::string(buf) + " (" + m.group + ")";
  };
  return "worst-group accuracy: subset " + one(r.subset.worstGroup) + ", full " + one(r.full.worstGroup);
}

namespace {

void numberOrNa(CsvWriter& csv, double v) {
  if (std::isnan(v))
    csv.text("n/a");
  else
    csv.number(v);
}

nlohmann::json metricJson(const GroupMetric& m) {
  auto num = [](double v) { return std::isnan(v) ? nlohmann::json("n/a") : nlohmann::json(v); };
  nlohmann::json j{{"value", num(m.value)}, {"spread", num(m.spread)}, {"interval", {num(m.low), num(m.high)}}};
  if (!m.group.empty()) j["group"] = m.group;
  return j;
}

nlohmann::json summaryJson(const GroupSummary& s) {
  return {{"average_accuracy", metricJson(s.average)},
          {"worst_group_accuracy", metricJson(s.worstGroup)},
          {"gap", metricJson(s.gap)},
          {"worst_class_accuracy", metricJson(s.worstClass)}};
}

}  // namespace

void writeGroupAuditCsv(const GroupAuditResult& r, const std::string& path) {
  std::vector<std::string> header{"class_name"};
  header.insert(header.end(), r.attributes.begin(), r.attributes.end());
  for (const char* c : {"total", "kept", "kept_fraction", "share_full", "share_kept", "acc_subset", "acc_full",
                        "change", "acc_subset_spread", "acc_full_spread", "change_spread", "test_examples"})
    header.emplace_back(c);
  CsvWriter csv(header);
  for (const GroupRow& g : r.groups) {
    csv.text(g.className);
    for (const std::string& v : g.values) csv.text(v);
    csv.integer(g.total).integer(g.kept);
    for (double v : {g.keptFraction, g.shareFull, g.shareKept, g.accSubset, g.accFull, g.change, g.accSubsetSpread,
                     g.accFullSpread, g.changeSpread})
      numberOrNa(csv, v);
    csv.integer(g.test).endRow();
  }
  csv.save(path);
}

void writeGroupAuditJson(const GroupAuditResult& r, const std::string& fingerprint, const std::string& path) {
  nlohmann::json j{{"keep", r.keep},
                   {"policy", r.policy},
                   {"score", r.scoreName},
                   {"score_run", r.scoreRunId},
                   {"group_by", r.attributes},
                   {"groups", r.groups.size()},
                   {"pool", r.pool},
                   {"kept", r.kept},
                   {"test_examples", r.testExamples},
                   {"seeds", r.seeds},
                   {"has_accuracy", r.hasAccuracy}};
  j["bootstrap"] = {{"resamples", r.bootstrap}, {"seed", r.bootstrapSeed}, {"interval", "2.5% to 97.5% percentiles"}};
  if (r.hasAccuracy) {
    j["subset"] = summaryJson(r.subset);
    j["full"] = summaryJson(r.full);
  } else {
    j["no_accuracy"] = r.noAccuracy;
  }
  j["provenance"] = {{"tool", "prunescope"}, {"kind", "audit-by-group"}, {"dataset_fingerprint", fingerprint}};
  writeFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace ps
