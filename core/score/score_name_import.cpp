// Import of external scores keyed by file name (score/score_name_import.h).
#include "score/score_name_import.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <fstream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "score/score_config.h"
#include "store/run_kind.h"
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
  size_t k = s.size();
  while (k > 0 && s[k - 1] != '/' && s[k - 1] != '#') --k;
  return s.substr(k);
}

std::string_view stemOf(std::string_view s) {
  const size_t dot = s.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? s : s.substr(0, dot);
}

// An open-addressing table from a name (a view into the caller's strings) to an example;
// a name added twice maps to kAmbiguous. Flat, so a million names cost two cache misses
// a lookup rather than a chain of nodes.
class FlatNameTable {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX, kAmbiguous = UINT32_MAX - 1;
  FlatNameTable(const std::vector<std::string>& names, std::string_view (*part)(std::string_view))
      : names_(names), part_(part) {
    size_t cap = 16;
    while (cap < 2 * names.size()) cap *= 2;
    slots_.assign(cap, Slot{0, kEmpty});
    for (size_t i = 0; i < names.size(); ++i) add(static_cast<uint32_t>(i));
  }
  // The example named `key`, kAmbiguous, or kEmpty when none.
  uint32_t find(std::string_view key) const {
    const uint64_t h = XXH3_64bits(key.data(), key.size());
    for (size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[at];
      if (s.index == kEmpty) return kEmpty;
      if (s.hash == h && nameOf(s) == key) return s.index;
    }
  }

 private:
  struct Slot {
    uint64_t hash;
    uint32_t index, first;  // first: an example with this name (kept for comparing when ambiguous)
    Slot(uint64_t h, uint32_t i) : hash(h), index(i), first(i) {}
  };
  std::string_view nameOf(const Slot& s) const { return part_(names_[s.first]); }
  void add(uint32_t i) {
    const std::string_view key = part_(names_[i]);
    const uint64_t h = XXH3_64bits(key.data(), key.size());
    for (size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[at];
      if (s.index == kEmpty) {
        s = Slot(h, i);
        return;
      }
      if (s.hash == h && nameOf(s) == key) {
        s.index = kAmbiguous;
        return;
      }
    }
  }
  const std::vector<std::string>& names_;
  std::string_view (*part_)(std::string_view);
  std::vector<Slot> slots_;
};

std::string_view wholeName(std::string_view s) { return s; }
std::string_view stemOfBase(std::string_view s) { return stemOf(baseOf(s)); }

// Lookup of training examples by full relative name, by base name, and by base name
// without extension (a base name or stem two examples share matches neither). Each table
// is built when a row first needs it.
class NameIndex {
 public:
  explicit NameIndex(const std::vector<std::string>& names) : names_(names) {}
  // The example named `key`, or -1. A key with a folder is looked up whole first; a bare
  // file name (as published score files have) by base name first, whole only when two
  // examples share the base name, so the tables a file's keys never need are not built.
  int64_t find(std::string_view key) {
    const std::string_view base = baseOf(key);
    uint32_t i = FlatNameTable::kEmpty;
    if (base.size() != key.size()) i = table(full_, wholeName).find(key);
    if (i == FlatNameTable::kEmpty) i = table(base_, baseOf).find(base);
    if (i == FlatNameTable::kAmbiguous && base.size() == key.size()) i = table(full_, wholeName).find(key);
    if (i == FlatNameTable::kEmpty) i = table(stem_, stemOfBase).find(base);
    return i >= FlatNameTable::kAmbiguous ? -1 : static_cast<int64_t>(i);
  }

 private:
  using Part = std::string_view (*)(std::string_view);
  FlatNameTable& table(std::unique_ptr<FlatNameTable>& t, Part part) {
    if (!t) t = std::make_unique<FlatNameTable>(names_, part);
    return *t;
  }
  const std::vector<std::string>& names_;
  std::unique_ptr<FlatNameTable> full_, base_, stem_;
};

struct ParsedRows {
  std::vector<std::string> header;
  std::vector<std::string_view> keys;      // views into the file's text, or into `normalised`
  std::deque<std::string> normalised;      // keys that needed rewriting ("./a", "a\\b")
  std::vector<size_t> lines;               // of each row, 1-based
  std::vector<std::vector<float>> values;  // per column, per row
};

float cellValue(const std::string& path, size_t lineNo, const std::string& column, std::string_view text) {
  const size_t a = text.find_first_not_of(" \t");
  const std::string_view t =
      a == std::string_view::npos ? std::string_view() : text.substr(a, text.find_last_not_of(" \t") - a + 1);
  double v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
    throw DatasetError(path + ":" + std::to_string(lineNo) + ": " + column + " '" + std::string(text) +
                       "' is not a finite number");
  if (std::abs(v) > std::numeric_limits<float>::max())
    throw DatasetError(path + ":" + std::to_string(lineNo) + ": " + column + " " + std::string(t) +
                       " does not fit the stored type (32-bit float, up to about 3.4e38)");
  return static_cast<float>(v);
}

// The fields of a line as views; a line with quotes goes through splitCsvLine into `owned`.
void lineFields(std::string_view line, std::vector<std::string_view>& out, std::vector<std::string>& owned) {
  out.clear();
  if (line.find('"') != std::string_view::npos) {
    splitCsvLine(line, owned);
    for (const auto& f : owned) out.emplace_back(f);
    return;
  }
  size_t start = 0;
  for (size_t comma; (comma = line.find(',', start)) != std::string_view::npos; start = comma + 1)
    out.push_back(line.substr(start, comma - start));
  out.push_back(line.substr(start));
}

std::string_view trimmedView(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

void addKey(ParsedRows& rows, std::string_view key) {
  if (key.find('\\') == std::string_view::npos && key.rfind("./", 0) != 0) {
    rows.keys.push_back(key);
    return;
  }
  rows.normalised.push_back(normalName(std::string(key)));
  rows.keys.emplace_back(rows.normalised.back());
}

// The header's columns: the key's and the score columns' positions.
size_t readHeader(const std::string& path, ParsedRows& rows, const std::vector<std::string_view>& f,
                  const std::string& keyColumn, const std::vector<std::string>& columns, std::vector<size_t>& at) {
  for (const auto& h : f) rows.header.emplace_back(trimmedView(h));
  const size_t keyAt = columnIndex(path, rows.header, keyColumnOf(path, rows.header, keyColumn), "key");
  for (const auto& c : columns) at.push_back(columnIndex(path, rows.header, c, "score"));
  rows.values.resize(columns.size());
  return keyAt;
}

ParsedRows parseRows(const std::string& path, const std::string& text, const std::string& keyColumn,
                     const std::vector<std::string>& columns) {
  ParsedRows rows;
  const auto spans = lineSpans(text);
  std::vector<std::string_view> f;
  std::vector<std::string> owned;
  size_t keyAt = 0;
  std::vector<size_t> at;
  for (size_t l = 0; l < spans.size(); ++l) {
    const std::string_view line(text.data() + spans[l].first, spans[l].second - spans[l].first);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    lineFields(line, f, owned);
    if (rows.header.empty()) {
      keyAt = readHeader(path, rows, f, keyColumn, columns, at);
      continue;
    }
    if (f.size() < rows.header.size())
      throw DatasetError(path + ":" + std::to_string(l + 1) + ": " + std::to_string(f.size()) + " columns; expected " +
                         std::to_string(rows.header.size()) + " as the header names");
    if (!owned.empty() && line.find('"') != std::string_view::npos) {  // views into `owned`: keep a copy
      rows.normalised.push_back(normalName(std::string(trimmedView(f[keyAt]))));
      rows.keys.emplace_back(rows.normalised.back());
    } else {
      addKey(rows, trimmedView(f[keyAt]));
    }
    rows.lines.push_back(l + 1);
    for (size_t c = 0; c < at.size(); ++c) rows.values[c].push_back(cellValue(path, l + 1, columns[c], f[at[c]]));
  }
  if (rows.header.empty()) throw DatasetError(path + ": empty file; expected a header naming a key and score columns");
  return rows;
}

// The example of each row (-1: unmatched); DatasetError for a name given twice.
std::vector<int64_t> matchRows(const std::string& path, const ParsedRows& rows, NameIndex& index, size_t n) {
  std::vector<size_t> rowOf(n, SIZE_MAX);
  std::vector<int64_t> match(rows.keys.size(), -1);
  std::unordered_map<std::string_view, size_t> unmatchedSeen;  // matched rows meet again in rowOf
  for (size_t r = 0; r < rows.keys.size(); ++r) {
    match[r] = index.find(rows.keys[r]);
    const size_t* first = nullptr;
    if (match[r] < 0) {
      const auto [it, added] = unmatchedSeen.emplace(rows.keys[r], r);
      if (added) continue;
      first = &it->second;
    } else {
      size_t& slot = rowOf[static_cast<size_t>(match[r])];
      if (slot == SIZE_MAX) {
        slot = r;
        continue;
      }
      first = &slot;
    }
    const std::string line = path + ":" + std::to_string(rows.lines[r]) + ": ";
    const std::string firstLine = std::to_string(rows.lines[*first]);
    if (rows.keys[*first] == rows.keys[r])
      throw DatasetError(line + "name '" + std::string(rows.keys[r]) + "' appears twice (first at line " + firstLine +
                         "); expected one row per file");
    throw DatasetError(line + "'" + std::string(rows.keys[r]) + "' names the same training example as '" +
                       std::string(rows.keys[*first]) + "' (line " + firstLine + ")");
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
      rep.unmatchedExamples.emplace_back(rows.keys[r]);
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
      raw[k] = rows.values[c][order[k]];
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
  return std::any_of(defaultKeyColumns().begin(), defaultKeyColumns().end(),
                     [&](const std::string& k) { return std::find(header.begin(), header.end(), k) != header.end(); });
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
  nlohmann::json summary{
      {"kind", runKindName(RunKind::Import)}, {"examples", run.indices.size()}, {"seeds", 1}, {"device", "cpu"}};
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
  NameIndex index(exampleNames);
  const std::vector<int64_t> match = matchRows(path, rows, index, exampleNames.size());
  NameImportResult out;
  out.report = reportOf(rows, match, exampleNames.size());
  checkShare(path, out.report, req.minMatchedShare, exampleNames.empty() ? "" : exampleNames.front());

  Hasher h;
  h.update(bytes.data(), bytes.size());
  nlohmann::json cfg{{"file", path},           {"names", names},
                     {"columns", req.columns}, {"key_column", req.keyColumn},
                     {"by", "name"},           {"higher_is_harder", req.higherIsHarder},
                     {"content", h.hex()}};
  const std::string key = Store::cacheKey(runKindName(RunKind::Import), cfg.dump(), ds.fingerprint());
  if (auto done = store.findRun(key, RunStatus::Done)) {
    out.run = loadScoreRun(store, done->id);
    out.run.fromCache = true;
    return out;
  }
  out.run = buildRun(rows, match, names, req.higherIsHarder);
  out.run.runId = store.beginRun(store.registerDataset(ds), runKindName(RunKind::Import), cfg.dump(), key, 0, "cpu");
  storeImportRun(store, out.run, exampleNames.size(), req.higherIsHarder, "imported by file name from " + path);
  return out;
}

}  // namespace ps
