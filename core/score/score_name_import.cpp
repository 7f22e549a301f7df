// Import of external scores keyed by file name (score/score_name_import.h).
#include "score/score_name_import.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "score/score_config.h"
#include "store/store.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

constexpr size_t kUnmatchedShown = 5;

// Splits one CSV line into fields (RFC 4180 quotes: "a,b" and "" inside quotes).
void splitCsvLine(std::string_view line, std::vector<std::string>& out) {
  out.clear();
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  out.push_back(std::move(field));
}

std::string trimmedField(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t");
  if (a == std::string::npos) return "";
  const size_t b = s.find_last_not_of(" \t");
  return s.substr(a, b - a + 1);
}

// The text's lines: [begin, end) offsets, with a trailing '\r' dropped.
std::vector<std::pair<size_t, size_t>> lineSpans(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> spans;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t stop = end;
    if (stop > start && text[stop - 1] == '\r') --stop;
    spans.emplace_back(start, stop);
    start = end + 1;
  }
  return spans;
}

std::string joinedNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

size_t columnIndex(const std::string& path, const std::vector<std::string>& header, const std::string& name,
                   const char* role) {
  for (size_t c = 0; c < header.size(); ++c)
    if (header[c] == name) return c;
  throw DatasetError(path + ": no " + role + " column '" + name + "'; the file's columns are: " + joinedNames(header));
}

std::string keyColumnOf(const std::string& path, const std::vector<std::string>& header, const std::string& given) {
  if (!given.empty()) return header[columnIndex(path, header, given, "key")];
  for (const auto& k : defaultKeyColumns())
    if (std::find(header.begin(), header.end(), k) != header.end()) return k;
  throw DatasetError(path + ": no key column naming the files (expected one of " + joinedNames(defaultKeyColumns()) +
                     ", or --key-column); the file's columns are: " + joinedNames(header));
}

// A name as the dataset's names are written: '/'-separated, without a leading "./".
std::string normalName(std::string s) {
  std::replace(s.begin(), s.end(), '\\', '/');
  while (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

std::string_view baseOf(std::string_view s) {
  const size_t cut = s.find_last_of("/#");
  return cut == std::string_view::npos ? s : s.substr(cut + 1);
}

std::string_view stemOf(std::string_view s) {
  const size_t dot = s.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? s : s.substr(0, dot);
}

// Lookup of training examples by full relative name, by base name and by base name
// without extension; a base name or stem shared by two examples maps to -1 (ambiguous).
class NameIndex {
 public:
  explicit NameIndex(const std::vector<std::string>& names) {
    full_.reserve(names.size());
    base_.reserve(names.size());
    stem_.reserve(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
      const auto id = static_cast<int64_t>(i);
      full_.emplace(names[i], id);
      const std::string_view b = baseOf(names[i]);
      add(base_, b, id);
      add(stem_, stemOf(b), id);
    }
  }
  // The example named `key`, or -1.
  int64_t find(const std::string& key) const {
    if (auto it = full_.find(key); it != full_.end()) return it->second;
    const std::string_view b = baseOf(key);
    if (auto it = base_.find(b); it != base_.end()) return it->second;
    if (auto it = stem_.find(b); it != stem_.end()) return it->second;
    return -1;
  }

 private:
  using Map = std::unordered_map<std::string_view, int64_t>;
  static void add(Map& m, std::string_view k, int64_t id) {
    const auto [it, added] = m.emplace(k, id);
    if (!added) it->second = -1;
  }
  std::unordered_map<std::string_view, int64_t> full_;
  Map base_, stem_;
};

struct ParsedRows {
  std::vector<std::string> header;
  std::vector<std::string> keys;
  std::vector<size_t> lines;                // of each row, 1-based
  std::vector<std::vector<double>> values;  // per column, per row
};

double cellValue(const std::string& path, size_t lineNo, const std::string& column, const std::string& text) {
  const std::string t = trimmedField(text);
  char* end = nullptr;
  const double v = t.empty() ? std::nan("") : std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v))
    throw DatasetError(path + ":" + std::to_string(lineNo) + ": " + column + " '" + text +
                       "' is not a finite number");
  if (std::abs(v) > std::numeric_limits<float>::max())
    throw DatasetError(path + ":" + std::to_string(lineNo) + ": " + column + " " + t +
                       " does not fit the stored type (32-bit float, up to about 3.4e38)");
  return v;
}

ParsedRows parseRows(const std::string& path, const std::string& text, const std::string& keyColumn,
                     const std::vector<std::string>& columns) {
  ParsedRows rows;
  const auto spans = lineSpans(text);
  std::vector<std::string> f;
  size_t keyAt = 0;
  std::vector<size_t> at;
  for (size_t l = 0; l < spans.size(); ++l) {
    const std::string_view line(text.data() + spans[l].first, spans[l].second - spans[l].first);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    splitCsvLine(line, f);
    if (rows.header.empty()) {
      for (auto& h : f) rows.header.push_back(trimmedField(h));
      keyAt = columnIndex(path, rows.header, keyColumnOf(path, rows.header, keyColumn), "key");
      for (const auto& c : columns) at.push_back(columnIndex(path, rows.header, c, "score"));
      rows.values.resize(columns.size());
      continue;
    }
    if (f.size() < rows.header.size())
      throw DatasetError(path + ":" + std::to_string(l + 1) + ": " + std::to_string(f.size()) + " columns; expected " +
                         std::to_string(rows.header.size()) + " as the header names");
    rows.keys.push_back(normalName(trimmedField(f[keyAt])));
    rows.lines.push_back(l + 1);
    for (size_t c = 0; c < at.size(); ++c) rows.values[c].push_back(cellValue(path, l + 1, columns[c], f[at[c]]));
  }
  if (rows.header.empty()) throw DatasetError(path + ": empty file; expected a header naming a key and score columns");
  return rows;
}

// The example of each row (-1: unmatched); DatasetError for a name given twice.
std::vector<int64_t> matchRows(const std::string& path, const ParsedRows& rows, const NameIndex& index, size_t n) {
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(rows.keys.size());
  std::vector<size_t> rowOf(n, SIZE_MAX);
  std::vector<int64_t> match(rows.keys.size(), -1);
  for (size_t r = 0; r < rows.keys.size(); ++r) {
    const auto [it, added] = seen.emplace(rows.keys[r], r);
    if (!added)
      throw DatasetError(path + ":" + std::to_string(rows.lines[r]) + ": name '" + rows.keys[r] +
                         "' appears twice (first at line " + std::to_string(rows.lines[it->second]) +
                         "); expected one row per file");
    match[r] = index.find(rows.keys[r]);
    if (match[r] < 0) continue;
    size_t& first = rowOf[static_cast<size_t>(match[r])];
    if (first != SIZE_MAX)
      throw DatasetError(path + ":" + std::to_string(rows.lines[r]) + ": '" + rows.keys[r] +
                         "' names the same training example as '" + rows.keys[first] + "' (line " +
                         std::to_string(rows.lines[first]) + ")");
    first = r;
  }
  return match;
}

NameMatchReport reportOf(const ParsedRows& rows, const std::vector<int64_t>& match, size_t n) {
  NameMatchReport rep;
  rep.rows = rows.keys.size();
  rep.trainingExamples = n;
  for (size_t r = 0; r < match.size(); ++r) {
    if (match[r] >= 0)
      ++rep.matched;
    else if (rep.unmatchedExamples.size() < kUnmatchedShown)
      rep.unmatchedExamples.push_back(rows.keys[r]);
  }
  return rep;
}

void checkShare(const std::string& path, const NameMatchReport& rep, double minShare, const std::string& example) {
  const double share = rep.rows ? static_cast<double>(rep.matched) / static_cast<double>(rep.rows) : 0.0;
  if (rep.rows > 0 && share >= minShare) return;
  std::string unmatched;
  for (const auto& u : rep.unmatchedExamples) unmatched += (unmatched.empty() ? "" : ", ") + u;
  throw DatasetError(path + ": only " + std::to_string(rep.matched) + " of " + std::to_string(rep.rows) +
                     " rows name a training example (" + std::to_string(static_cast<int>(share * 100)) +
                     " %; at least " + std::to_string(static_cast<int>(minShare * 100)) +
                     " % must). Unmatched, for example: " + (unmatched.empty() ? "(none)" : unmatched) +
                     ". Names are matched against paths relative to the dataset root, such as '" + example +
                     "', or base names where unique");
}

std::vector<std::string> storedNames(const NameImportRequest& req) {
  if (req.columns.empty()) throw ConfigError("no score column given (--column)");
  if (!req.names.empty() && req.names.size() != req.columns.size())
    throw ConfigError(std::to_string(req.names.size()) + " names for " + std::to_string(req.columns.size()) +
                      " score columns; give one --name per --column, or none to use the column names");
  std::vector<std::string> names = req.names.empty() ? req.columns : req.names;
  for (size_t k = 0; k < names.size(); ++k) {
    checkImportName(names[k]);
    for (size_t j = 0; j < k; ++j)
      if (names[j] == names[k]) throw ConfigError("score name '" + names[k] + "' is given twice");
  }
  return names;
}

ScoreRun buildRun(const ParsedRows& rows, const std::vector<int64_t>& match, const std::vector<std::string>& names,
                  bool higherIsHarder) {
  std::vector<size_t> order;
  for (size_t r = 0; r < match.size(); ++r)
    if (match[r] >= 0) order.push_back(r);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return match[a] < match[b]; });
  ScoreRun run;
  run.device = "cpu";
  run.names = names;
  run.indices.reserve(order.size());
  for (size_t r : order) run.indices.push_back(match[r]);
  for (size_t c = 0; c < names.size(); ++c) {
    std::vector<float> raw(order.size()), diff(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      raw[k] = static_cast<float>(rows.values[c][order[k]]);
      diff[k] = higherIsHarder ? raw[k] : -raw[k];
    }
    run.difficulty[names[c]] = std::move(diff);
    run.raw[names[c]] = std::move(raw);
    run.spread[names[c]] = std::vector<float>(order.size(), 0.f);
    run.seedSpearman[names[c]] = std::nan("");
  }
  return run;
}

}  // namespace

const std::vector<std::string>& defaultKeyColumns() {
  static const std::vector<std::string> keys = {"filename", "file_name", "path"};
  return keys;
}

std::vector<std::string> csvHeader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first)) throw DatasetError(path + ": cannot read the file (missing or empty)");
  stripByteOrderMark(first);
  if (!first.empty() && first.back() == '\r') first.pop_back();
  std::vector<std::string> fields;
  splitCsvLine(first, fields);
  for (auto& f : fields) f = trimmedField(f);
  return fields;
}

bool hasKeyColumn(const std::vector<std::string>& header, const std::string& keyColumn) {
  if (!keyColumn.empty()) return std::find(header.begin(), header.end(), keyColumn) != header.end();
  return std::any_of(defaultKeyColumns().begin(), defaultKeyColumns().end(), [&](const std::string& k) {
    return std::find(header.begin(), header.end(), k) != header.end();
  });
}

std::vector<std::string> trainingExampleNames(const Dataset& ds) {
  std::string root = ds.spec();
  if (endsWith(toLower(root), ".csv")) root = root.substr(0, root.find_last_of('/') + 1);  // a manifest's folder
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  const std::string prefix = root.empty() ? "" : root + "/";
  const size_t n = ds.size(Split::Train);
  std::vector<std::string> names(n);
  for (size_t i = 0; i < n; ++i) {
    std::string s = ds.source(Split::Train, i);
    if (!prefix.empty() && s.compare(0, prefix.size(), prefix) == 0) s.erase(0, prefix.size());
    names[i] = normalName(std::move(s));
  }
  return names;
}

void checkImportName(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos)
    throw ConfigError("score name '" + name + "' must be non-empty and contain no '/'");
  const auto& builtins = allScoreNames();
  if (name == "indices" || name == "all" || name == "default" ||
      std::find(builtins.begin(), builtins.end(), name) != builtins.end())
    throw ConfigError("score name '" + name +
                      "' is taken by a built-in score or a reserved name (all, default, indices): choose another "
                      "(--name)");
}

void storeImportRun(Store& store, ScoreRun& run, size_t trainingExamples, bool higherIsHarder,
                    const std::string& description) {
  bool all = run.indices.size() == trainingExamples;
  for (size_t i = 0; all && i < run.indices.size(); ++i) all = run.indices[i] == static_cast<int64_t>(i);
  nlohmann::json summary{{"kind", "import"}, {"examples", run.indices.size()}, {"seeds", 1}, {"device", "cpu"}};
  summary["all_examples"] = all;
  for (const auto& name : run.names)
    summary["scores"][name] = {
        {"seed_spearman", nullptr}, {"description", description}, {"higher_is_harder", higherIsHarder}};
  Store::Transaction t(store);
  for (const auto& name : run.names) store.putVector(run.runId, name, run.difficulty.at(name));
  store.putIndexVector(run.runId, "indices", all ? std::vector<int64_t>{} : run.indices);
  store.putResult(run.runId, "summary", summary.dump());
  store.finishRun(run.runId, RunStatus::Done);
  t.commit();
}

NameImportResult importScoresByName(const Dataset& ds, Store& store, const std::string& path,
                                    const NameImportRequest& req) {
  const std::vector<std::string> names = storedNames(req);
  const std::vector<uint8_t> bytes = readFileBytes(path);
  std::string text(bytes.begin(), bytes.end());
  stripByteOrderMark(text);
  const ParsedRows rows = parseRows(path, text, req.keyColumn, req.columns);
  const std::vector<std::string> exampleNames = trainingExampleNames(ds);
  const std::vector<int64_t> match = matchRows(path, rows, NameIndex(exampleNames), exampleNames.size());
  NameImportResult out;
  out.report = reportOf(rows, match, exampleNames.size());
  checkShare(path, out.report, req.minMatchedShare, exampleNames.empty() ? "" : exampleNames.front());

  Hasher h;
  h.update(bytes.data(), bytes.size());
  nlohmann::json cfg{{"file", path},          {"names", names},
                     {"columns", req.columns}, {"key_column", req.keyColumn},
                     {"by", "name"},           {"higher_is_harder", req.higherIsHarder},
                     {"content", h.hex()}};
  const std::string key = Store::cacheKey("import", cfg.dump(), ds.fingerprint());
  if (auto done = store.findRun(key, RunStatus::Done)) {
    out.run = loadScoreRun(store, done->id);
    out.run.fromCache = true;
    return out;
  }
  out.run = buildRun(rows, match, names, req.higherIsHarder);
  out.run.runId = store.beginRun(store.registerDataset(ds), "import", cfg.dump(), key, 0, "cpu");
  storeImportRun(store, out.run, exampleNames.size(), req.higherIsHarder, "imported by file name from " + path);
  return out;
}

}  // namespace ps
