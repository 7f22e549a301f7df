// Import of external per-example scores (CSV or .npy) as a run of kind "import".
#include <torch/torch.h>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "score/score_config.h"
#include "score/score_engine.h"
#include "score/score_name_import.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "util/text_list.h"

namespace ps {

namespace {

// The .npy header's text, after checking the magic and the header's length; `dataOff` is
// where the values begin.
std::string npyHeaderText(const std::string& path, const std::vector<uint8_t>& b, size_t& dataOff) {
  if (b.size() < 10 || std::memcmp(b.data(), "\x93NUMPY", 6) != 0)
    throw DatasetError(path + ": not a NumPy .npy file (missing \\x93NUMPY magic)");
  const int major = b[6];
  size_t headerLen, offset;
  if (major == 1) {
    headerLen = b[8] | (size_t(b[9]) << 8);
    offset = 10;
  } else {
    if (b.size() < 12) throw DatasetError(path + ": truncated .npy header");
    headerLen = b[8] | (size_t(b[9]) << 8) | (size_t(b[10]) << 16) | (size_t(b[11]) << 24);
    offset = 12;
  }
  if (offset + headerLen > b.size()) throw DatasetError(path + ": truncated .npy header");
  dataOff = offset + headerLen;
  return std::string(b.begin() + static_cast<std::ptrdiff_t>(offset),
                     b.begin() + static_cast<std::ptrdiff_t>(offset + headerLen));
}

// The number of values of a shape "(5,)", "(5, 1)" or "(1, 5)": one value per example.
uint64_t npyCount(const std::string& path, const std::string& shape) {
  std::vector<uint64_t> dims;
  std::stringstream ss(shape);
  for (std::string d; std::getline(ss, d, ',');) {
    if (d.find_first_not_of(" \t") == std::string::npos) continue;  // "(5,)"
    const auto v = parseInteger(d);
    if (!v || *v < 0) throw DatasetError(path + ": .npy shape (" + shape + ") is not a list of sizes");
    dims.push_back(static_cast<uint64_t>(*v));
  }
  if (dims.size() != 1 && !(dims.size() == 2 && (dims[0] == 1 || dims[1] == 1)))
    throw DatasetError(path + ": array of shape (" + shape + "); expected one value per example (1-D)");
  return dims.size() == 1 ? dims[0] : dims[0] * dims[1];  // one of two is 1: no overflow
}

// One little-endian value of dtype `descr` (one of the six readNpy accepts) at `p`.
double npyValue(const std::string& descr, const uint8_t* p) {
  if (descr == "<f4") {
    float v;
    std::memcpy(&v, p, 4);
    return v;
  }
  if (descr == "<f8") {
    double v;
    std::memcpy(&v, p, 8);
    return v;
  }
  if (descr == "<i4") {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  if (descr == "<u4") {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  if (descr == "<i8") {
    int64_t v;
    std::memcpy(&v, p, 8);
    return static_cast<double>(v);
  }
  uint64_t v;
  std::memcpy(&v, p, 8);
  return static_cast<double>(v);
}

std::vector<double> readNpy(const std::string& path, const std::vector<uint8_t>& b) {
  size_t dataOff = 0;
  const std::string header = npyHeaderText(path, b, dataOff);
  auto field = [&](const std::string& key) {
    const auto k = header.find("'" + key + "'");
    if (k == std::string::npos) throw DatasetError(path + ": .npy header has no '" + key + "'");
    return header.substr(header.find(':', k) + 1);
  };
  std::string descr = field("descr");
  descr = descr.substr(descr.find('\'') + 1);
  descr = descr.substr(0, descr.find('\''));
  if (field("fortran_order").find("True") < field("fortran_order").find(','))
    throw DatasetError(path + ": Fortran-ordered arrays are not supported");
  std::string shape = field("shape");
  shape = shape.substr(shape.find('(') + 1, shape.find(')') - shape.find('(') - 1);
  const uint64_t n = npyCount(path, shape);
  size_t width;
  if (descr == "<f4" || descr == "<i4" || descr == "<u4")
    width = 4;
  else if (descr == "<f8" || descr == "<i8" || descr == "<u8")
    width = 8;
  else
    throw DatasetError(path + ": dtype '" + descr + "' not supported (expected float32/64 or int32/64, little-endian)");
  // The declared count is checked against the bytes present before it sizes anything.
  if (n > (b.size() - dataOff) / width)
    throw DatasetError(path + ": truncated: header declares " + std::to_string(n) + " values, the file holds " +
                       std::to_string((b.size() - dataOff) / width));
  std::vector<double> out(n);
  const uint8_t* p = b.data() + dataOff;
  for (size_t i = 0; i < n; ++i, p += width) out[i] = npyValue(descr, p);
  return out;
}

// A line's cells between commas.
std::vector<std::string> csvCells(const std::string& line) {
  std::vector<std::string> cols;
  std::stringstream ss(line);
  for (std::string c; std::getline(ss, c, ',');) cols.push_back(c);
  return cols;
}

// A header names the columns: "score"/"value"/"difficulty" and "index"/"idx" when present
// (their positions go to valueCol and indexCol); false when no column is named so.
bool readCsvHeader(const std::vector<std::string>& cols, int& valueCol, int& indexCol) {
  bool header = false;
  for (size_t c = 0; c < cols.size(); ++c) {
    const std::string h = toLower(cols[c]);
    if (h == "score" || h == "value" || h == "difficulty") {
      valueCol = static_cast<int>(c);
      header = true;
    }
    if (h == "index" || h == "idx") {
      indexCol = static_cast<int>(c);
      header = true;
    }
  }
  return header;
}

// The training index of line `lineNo`'s index cell `at`, one of the n examples.
int64_t csvIndex(const std::string& path, size_t lineNo, const std::string& at, size_t n) {
  const auto i = parseInteger(at);
  if (!i) throw DatasetError(path + ":" + std::to_string(lineNo) + ": index '" + at + "' is not a whole number");
  if (*i < 0 || static_cast<uint64_t>(*i) >= n)
    throw DatasetError(path + ":" + std::to_string(lineNo) + ": index " + std::to_string(*i) + " is outside 0.." +
                       std::to_string(n - 1));
  return *i;
}

// The values at their indices (NaN where no line gives one); an index given twice is refused.
std::vector<double> placeByIndex(const std::string& path, const std::vector<double>& values,
                                 const std::vector<int64_t>& index, const std::vector<size_t>& lines, size_t n) {
  std::vector<double> placed(n, std::nan(""));
  std::vector<size_t> placedAt(n, 0);
  for (size_t k = 0; k < index.size(); ++k) {
    const auto i = static_cast<size_t>(index[k]);
    if (placedAt[i] != 0)
      throw DatasetError(path + ":" + std::to_string(lines[k]) + ": index " + std::to_string(i) +
                         " is given twice (first at line " + std::to_string(placedAt[i]) + ")");
    placedAt[i] = lines[k];
    placed[i] = values[k];
  }
  return placed;
}

std::vector<double> readCsv(const std::string& path, const std::vector<uint8_t>& bytes, size_t n) {
  std::istringstream in(std::string(bytes.begin(), bytes.end()));
  std::vector<double> out;
  std::vector<int64_t> index;
  std::vector<size_t> lines;  // the line of each indexed value
  int valueCol = 0, indexCol = -1;
  size_t lineNo = 0;
  for (std::string line; std::getline(in, line);) {
    if (++lineNo == 1) stripByteOrderMark(line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::vector<std::string> cols = csvCells(line);
    if (out.empty() && index.empty() && lineNo == 1) {
      if (readCsvHeader(cols, valueCol, indexCol)) continue;
      if (cols.size() > 1) throw DatasetError(path + ":1: several columns but no header naming a score/value column");
    }
    if (static_cast<int>(cols.size()) <= std::max(valueCol, indexCol))
      throw DatasetError(path + ":" + std::to_string(lineNo) + ": missing column");
    const std::string& text = cols[static_cast<size_t>(valueCol)];
    const auto value = parseNumber(text);
    if (!value) throw DatasetError(path + ":" + std::to_string(lineNo) + ": '" + text + "' is not a number");
    out.push_back(*value);
    if (indexCol < 0) continue;
    index.push_back(csvIndex(path, lineNo, cols[static_cast<size_t>(indexCol)], n));
    lines.push_back(lineNo);
  }
  return indexCol < 0 ? out : placeByIndex(path, out, index, lines, n);
}

}  // namespace

ScoreRun importScores(const Dataset& ds, Store& store, const std::string& path, const std::string& name,
                      bool higherIsHarder) {
  checkImportName(name);
  const size_t n = ds.size(Split::Train);
  const std::vector<uint8_t> bytes = readFileBytes(path);  // read once: parsed and hashed
  const std::vector<double> values = endsWith(toLower(path), ".npy") ? readNpy(path, bytes) : readCsv(path, bytes, n);
  if (values.size() != n)
    throw DatasetError(path + ": holds " + std::to_string(values.size()) + " values; expected " + std::to_string(n) +
                       " (one per training example)");
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(values[i]))
      throw DatasetError(path + ": value for example " + std::to_string(i) + " is missing or not finite");
    if (std::abs(values[i]) > std::numeric_limits<float>::max())
      throw DatasetError(path + ": value " + std::to_string(values[i]) + " for example " + std::to_string(i) +
                         " does not fit the stored type (32-bit float, up to about 3.4e38)");
  }

  Hasher h;
  h.update(bytes.data(), bytes.size());
  nlohmann::json cfg{{"file", path}, {"name", name}, {"higher_is_harder", higherIsHarder}, {"content", h.hex()}};
  const std::string key = Store::cacheKey(runKindName(RunKind::Import), cfg.dump(), ds.fingerprint());
  if (auto done = store.findRun(key, RunStatus::Done)) {
    ScoreRun run = loadScoreRun(store, done->id);
    run.fromCache = true;
    return run;
  }
  ScoreRun run;
  run.runId = store.beginRun(store.registerDataset(ds), runKindName(RunKind::Import), cfg.dump(), key, 0, "cpu");
  run.device = "cpu";
  run.indices.resize(n);
  std::iota(run.indices.begin(), run.indices.end(), 0);
  std::vector<float> raw(n), diff(n);
  for (size_t i = 0; i < n; ++i) {
    raw[i] = static_cast<float>(values[i]);
    diff[i] = higherIsHarder ? raw[i] : -raw[i];
  }
  run.names = {name};
  run.difficulty[name] = diff;
  run.raw[name] = raw;
  run.spread[name] = std::vector<float>(n, 0.f);
  run.seedSpearman[name] = std::nan("");
  storeImportRun(store, run, n, higherIsHarder, "imported from " + path);
  return run;
}

}  // namespace ps
