// CSV manifest: one row per image, "path,label[,split]", an optional header row. With a
// header, columns after path,label[,split] are attributes named by the header.
// Labels are either all non-negative integers (class k is named "k") or class names
// (numbered in sorted order); integers with a negative one among them are refused, not
// taken as names. Split values: train, or test/val/valid; without a split
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

bool isNonNegativeInt(const std::string& s) {
  return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isNegativeInt(const std::string& s) { return s.size() > 1 && s[0] == '-' && isNonNegativeInt(s.substr(1)); }

// Numeric labels name classes 0..max: a label this large is a mistake (or sparse ids
// that should be given as names), not a request for that many classes.
constexpr int kMaxNumericLabel = 99999;

struct Row {
  std::string path, label;
  int split;  // 0 train, 1 test, -1 not given
  size_t line;
  uint32_t attributeRow;
};

std::string where(const std::string& csv, size_t line) { return csv + ":" + std::to_string(line); }

int parseSplit(const std::string& value, const std::string& csv, size_t line) {
  const std::string s = toLower(value);
  if (s == "train") return 0;
  if (s == "test" || s == "val" || s == "valid" || s == "validation") return 1;
  throw DatasetError(where(csv, line) + ": split '" + value + "' is not one of train, test, val");
}

// The manifest's columns as its header names them: path, label, then split when the
// third is named so, then attribute columns. Without a header (or with only path,label
// [,split]) rows have 2 or 3 columns; with attribute columns, as many as the header.
struct Layout {
  bool hasSplit = true;        // the third column (when present) is the split
  size_t attributeColumn = 3;  // first attribute column (0-based)
  size_t columns = 0;          // every row's column count; 0 = 2 or 3
};

const std::vector<std::string> kManifestColumns = {"path", "label", "split"};

Layout headerLayout(const std::vector<std::string>& f, const std::string& csv, AttributeColumns& attributes) {
  Layout l;
  if (f.size() <= 2) return l;
  l.hasSplit = toLower(f[2]) == "split";
  l.attributeColumn = l.hasSplit ? 3 : 2;
  if (f.size() <= l.attributeColumn) return l;
  attributes = AttributeColumns(
      csv, std::vector<std::string>(f.begin() + static_cast<std::ptrdiff_t>(l.attributeColumn), f.end()),
      l.attributeColumn, kManifestColumns);
  l.columns = f.size();
  return l;
}

void checkColumns(const std::vector<std::string>& f, const Layout& layout, const std::string& csv, size_t lineNo) {
  if (layout.columns > 0 && f.size() != layout.columns)
    throw DatasetError(where(csv, lineNo) + ": expected " + std::to_string(layout.columns) +
                       " columns (as the header names), got " + std::to_string(f.size()));
  if (layout.columns == 0 && (f.size() < 2 || f.size() > 3))
    throw DatasetError(where(csv, lineNo) + ": expected 2 or 3 columns (path,label[,split]), got " +
                       std::to_string(f.size()) +
                       (f.size() > 3 ? " (attribute columns need a header row naming them)" : ""));
  if (f[0].empty()) throw DatasetError(where(csv, lineNo) + ": empty path");
  if (f[1].empty()) throw DatasetError(where(csv, lineNo) + ": empty label");
}

// The manifest's rows, paths made absolute against the manifest's folder, and their
// attribute cells in `attributes`; DatasetError naming the line for a malformed one.
std::vector<Row> readRows(const std::string& csv, AttributeColumns& attributes) {
  std::ifstream in(csv);
  if (!in) throw DatasetError(csv + ": cannot open CSV manifest");
  const fs::path base = fs::path(csv).parent_path();
  std::vector<Row> rows;
  std::string line;
  size_t lineNo = 0;
  bool headerSeen = false;
  Layout layout;
  while (std::getline(in, line)) {
    if (++lineNo == 1) stripByteOrderMark(line);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::vector<std::string> f = splitCsvLine(line);
    if (rows.empty() && !headerSeen && toLower(f[0]) == "path") {  // header row
      headerSeen = true;
      layout = headerLayout(f, csv, attributes);
      continue;
    }
    checkColumns(f, layout, csv, lineNo);
    fs::path p(f[0]);
    if (p.is_relative()) p = base / p;
    const int split = f.size() >= 3 && layout.hasSplit ? parseSplit(f[2], csv, lineNo) : -1;
    const uint32_t attributeRow = attributes.size() > 0 ? attributes.addRow(f, lineNo) : AttributeColumns::kNoRow;
    rows.push_back({p.lexically_normal().string(), f[1], split, lineNo, attributeRow});
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

// Integer labels with negative ones among them (a "-1" for "unlabelled", say) are a
// mistake to report, not class names: taken as names they would renumber every class.
void refuseNegativeLabels(const std::vector<Row>& rows, const std::string& csv) {
  if (!std::all_of(rows.begin(), rows.end(),
                   [](const Row& r) { return isNonNegativeInt(r.label) || isNegativeInt(r.label); }))
    return;
  for (const Row& r : rows)
    if (isNegativeInt(r.label))
      throw DatasetError(where(csv, r.line) + ": label " + r.label +
                         " is negative: labels are either all class names or all non-negative integers "
                         "(class numbers from 0)");
}

ClassTable classTable(const std::vector<Row>& rows, const std::string& csv) {
  ClassTable t;
  refuseNegativeLabels(rows, csv);
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
  AttributeColumns attributes;
  const std::vector<Row> rows = readRows(csv, attributes);
  ClassTable classes = classTable(rows, csv);
  FileList list;
  std::vector<SkippedFile> skipped;
  for (const Row& r : rows) {
    std::error_code ec;
    if (!fs::exists(r.path, ec)) {  // a path the system cannot even look up (too long, ...) is skipped too
      skipped.push_back({r.path, (ec ? "cannot read (" + ec.message() + ")" : std::string("missing file")) +
                                     " (listed at " + where(csv, r.line) + ")"});
      continue;
    }
    const size_t slash = r.path.rfind('/');
    const uint32_t dir = list.addDir(slash == std::string::npos ? std::string() : r.path.substr(0, slash + 1));
    list.add(dir, slash == std::string::npos ? std::string_view(r.path) : std::string_view(r.path).substr(slash + 1),
             classes.labelOf.at(r.label), r.split, r.attributeRow);
  }
  const fs::path base = fs::path(csv).parent_path();
  const std::string root = base.empty() ? std::string(".") : base.string();
  return std::make_unique<ImageFileDataset>("csv", spec, root, ClassList{std::move(classes.names), {}}, std::move(list),
                                            std::move(skipped), options, std::move(attributes));
}

}  // namespace ps
