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

}  // namespace

std::unique_ptr<Dataset> openCsvManifest(const std::string& csv, const std::string& spec, const OpenOptions& options) {
  std::ifstream in(csv);
  if (!in) throw DatasetError(csv + ": cannot open CSV manifest");
  const fs::path base = fs::path(csv).parent_path();
  struct Row {
    std::string path, label;
    int split;
    size_t line;
  };
  std::vector<Row> rows;
  std::string line;
  size_t lineNo = 0;
  int columns = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::vector<std::string> f = splitCsvLine(line);
    if (rows.empty() && columns == 0 && toLower(f[0]) == "path") {  // header row
      columns = static_cast<int>(f.size());
      continue;
    }
    if (f.size() < 2 || f.size() > 3)
      throw DatasetError(csv + ":" + std::to_string(lineNo) + ": expected 2 or 3 columns (path,label[,split]), got " +
                         std::to_string(f.size()));
    if (f[0].empty()) throw DatasetError(csv + ":" + std::to_string(lineNo) + ": empty path");
    if (f[1].empty()) throw DatasetError(csv + ":" + std::to_string(lineNo) + ": empty label");
    int split = -1;
    if (f.size() == 3) {
      const std::string s = toLower(f[2]);
      if (s == "train")
        split = 0;
      else if (s == "test" || s == "val" || s == "valid" || s == "validation")
        split = 1;
      else
        throw DatasetError(csv + ":" + std::to_string(lineNo) + ": split '" + f[2] +
                           "' is not one of train, test, val");
    }
    fs::path p(f[0]);
    if (p.is_relative()) p = base / p;
    rows.push_back({p.lexically_normal().string(), f[1], split, lineNo});
  }
  if (rows.empty()) throw DatasetError(csv + ": empty dataset: the manifest lists no images");

  const bool numeric = std::all_of(rows.begin(), rows.end(), [](const Row& r) { return isNonNegativeInt(r.label); });
  std::vector<std::string> classNames;
  std::map<std::string, int> labelOf;
  if (numeric) {
    int maxLabel = 0;
    for (const Row& r : rows) maxLabel = std::max(maxLabel, std::stoi(r.label));
    for (int c = 0; c <= maxLabel; ++c) classNames.push_back(std::to_string(c));
    for (const std::string& n : classNames) labelOf[n] = std::stoi(n);
  } else {
    for (const Row& r : rows) labelOf[r.label] = 0;
    for (auto& kv : labelOf) {
      kv.second = static_cast<int>(classNames.size());
      classNames.push_back(kv.first);
    }
  }

  std::vector<ImageFileEntry> entries;
  std::vector<SkippedFile> skipped;
  for (const Row& r : rows) {
    const int label = numeric ? std::stoi(r.label) : labelOf.at(r.label);
    if (!fs::exists(r.path)) {
      skipped.push_back({r.path, "missing file (listed at " + csv + ":" + std::to_string(r.line) + ")"});
      continue;
    }
    entries.push_back({r.path, label, r.split});
  }
  const std::string root = base.empty() ? std::string(".") : base.string();
  return std::make_unique<ImageFileDataset>("csv", spec, root, std::move(classNames), std::move(entries),
                                            std::move(skipped), options);
}

}  // namespace ps
