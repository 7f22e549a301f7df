// CSV manifest: one row per image, "path,label[,split]", an optional header row.
// Labels are either all non-negative integers (class k is named "k") or class names
// (numbered in sorted order). Split values: train, or test/val/valid; without a split
// column the examples get a seeded per-class split.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "data/image_file_dataset.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  for (std::string& s : out) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }
  return out;
}

bool isNonNegativeInt(const std::string& s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Numeric labels name classes 0..max: a label this large is a mistake (or sparse ids
// that should be given as names), not a request for that many classes.
constexpr int kMaxNumericLabel = 99999;

struct Row {
  std::string path, label;
  int split;  // 0 train, 1 test, -1 not given
  size_t line;
};

std::string where(const std::string& csv, size_t line) { return csv + ":" + std::to_string(line); }

int parseSplit(const std::string& value, const std::string& csv, size_t line) {
  const std::string s = toLower(value);
  if (s == "train") return 0;
  if (s == "test" || s == "val" || s == "valid" || s == "validation") return 1;
  throw DatasetError(where(csv, line) + ": split '" + value + "' is not one of train, test, val");
}

// The manifest's rows, paths made absolute against the manifest's folder; DatasetError
// naming the line for a malformed one.
std::vector<Row> readRows(const std::string& csv) {
  std::ifstream in(csv);
  if (!in) throw DatasetError(csv + ": cannot open CSV manifest");
  const fs::path base = fs::path(csv).parent_path();
  std::vector<Row> rows;
  std::string line;
  size_t lineNo = 0;
  bool headerSeen = false;
  while (std::getline(in, line)) {
    if (++lineNo == 1) stripByteOrderMark(line);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::vector<std::string> f = splitCsvLine(line);
    if (rows.empty() && !headerSeen && toLower(f[0]) == "path") {  // header row
      headerSeen = true;
      continue;
    }
    if (f.size() < 2 || f.size() > 3)
      throw DatasetError(where(csv, lineNo) + ": expected 2 or 3 columns (path,label[,split]), got " +
                         std::to_string(f.size()));
    if (f[0].empty()) throw DatasetError(where(csv, lineNo) + ": empty path");
    if (f[1].empty()) throw DatasetError(where(csv, lineNo) + ": empty label");
    fs::path p(f[0]);
    if (p.is_relative()) p = base / p;
    rows.push_back({p.lexically_normal().string(), f[1], f.size() == 3 ? parseSplit(f[2], csv, lineNo) : -1, lineNo});
  }
  if (rows.empty()) throw DatasetError(csv + ": empty dataset: the manifest lists no images");
  return rows;
}

// Class names and the label of each: numeric labels are class k named "k"; names are
// numbered in sorted order.
struct ClassTable {
  std::vector<std::string> names;
  std::map<std::string, int> labelOf;
};

ClassTable classTable(const std::vector<Row>& rows, const std::string& csv) {
  ClassTable t;
  const bool numeric = std::all_of(rows.begin(), rows.end(), [](const Row& r) { return isNonNegativeInt(r.label); });
  if (numeric) {
    int maxLabel = 0;
    for (const Row& r : rows) {
      const int label = std::stoi(r.label);
      if (label > kMaxNumericLabel)
        throw DatasetError(where(csv, r.line) + ": label " + r.label + " is too large: numeric labels are class " +
                           "numbers from 0 to " + std::to_string(kMaxNumericLabel) +
                           " (give sparse ids as class names, e.g. 'id" + r.label + "')");
      maxLabel = std::max(maxLabel, label);
    }
    for (int c = 0; c <= maxLabel; ++c) {
      t.names.push_back(std::to_string(c));
      t.labelOf[t.names.back()] = c;
    }
    for (const Row& r : rows) t.labelOf[r.label] = std::stoi(r.label);  // "007" is class 7
  } else {
    for (const Row& r : rows) t.labelOf[r.label] = 0;
    for (auto& kv : t.labelOf) {
      kv.second = static_cast<int>(t.names.size());
      t.names.push_back(kv.first);
    }
  }
  return t;
}

}  // namespace

std::unique_ptr<Dataset> openCsvManifest(const std::string& csv, const std::string& spec, const OpenOptions& options) {
  const std::vector<Row> rows = readRows(csv);
  ClassTable classes = classTable(rows, csv);
  std::vector<ImageFileEntry> entries;
  std::vector<SkippedFile> skipped;
  for (const Row& r : rows) {
    std::error_code ec;
    if (!fs::exists(r.path, ec)) {  // a path the system cannot even look up (too long, ...) is skipped too
      skipped.push_back({r.path, (ec ? "cannot read (" + ec.message() + ")" : std::string("missing file")) +
                                     " (listed at " + where(csv, r.line) + ")"});
      continue;
    }
    entries.push_back({r.path, classes.labelOf.at(r.label), r.split});
  }
  const fs::path base = fs::path(csv).parent_path();
  const std::string root = base.empty() ? std::string(".") : base.string();
  return std::make_unique<ImageFileDataset>("csv", spec, root, std::move(classes.names), std::move(entries),
                                            std::move(skipped), options);
}

}  // namespace ps
