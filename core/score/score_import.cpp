// Import of external per-example scores (CSV or .npy) as a run of kind "import".
#include <torch/torch.h>
#include <cmath>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

std::vector<double> readNpy(const std::string& path, const std::vector<uint8_t>& b) {
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
  const std::string header(b.begin() + static_cast<std::ptrdiff_t>(offset),
                           b.begin() + static_cast<std::ptrdiff_t>(offset + headerLen));
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
  std::vector<size_t> dims;
  std::stringstream ss(shape);
  for (std::string d; std::getline(ss, d, ',');)
    if (d.find_first_of("0123456789") != std::string::npos) dims.push_back(std::stoull(d));
  size_t n = 1;
  for (size_t d : dims) n *= d;
  if (dims.size() != 1 && !(dims.size() == 2 && (dims[0] == 1 || dims[1] == 1)))
    throw DatasetError(path + ": array of shape (" + shape + "); expected one value per example (1-D)");
  const size_t dataOff = offset + headerLen;
  size_t width;
  if (descr == "<f4" || descr == "<i4" || descr == "<u4")
    width = 4;
  else if (descr == "<f8" || descr == "<i8" || descr == "<u8")
    width = 8;
  else
    throw DatasetError(path + ": dtype '" + descr + "' not supported (expected float32/64 or int32/64, little-endian)");
  if (b.size() < dataOff + n * width)
    throw DatasetError(path + ": truncated: header declares " + std::to_string(n) + " values");
  std::vector<double> out(n);
  const uint8_t* p = b.data() + dataOff;
  for (size_t i = 0; i < n; ++i, p += width) {
    if (descr == "<f4") {
      float v;
      std::memcpy(&v, p, 4);
      out[i] = v;
    } else if (descr == "<f8") {
      std::memcpy(&out[i], p, 8);
    } else if (descr == "<i4") {
      int32_t v;
      std::memcpy(&v, p, 4);
      out[i] = v;
    } else if (descr == "<u4") {
      uint32_t v;
      std::memcpy(&v, p, 4);
      out[i] = v;
    } else if (descr == "<i8") {
      int64_t v;
      std::memcpy(&v, p, 8);
      out[i] = static_cast<double>(v);
    } else {
      uint64_t v;
      std::memcpy(&v, p, 8);
      out[i] = static_cast<double>(v);
    }
  }
  return out;
}

std::vector<double> readCsv(const std::string& path, const std::vector<uint8_t>& bytes, size_t n) {
  std::istringstream in(std::string(bytes.begin(), bytes.end()));
  std::vector<double> out;
  std::vector<int64_t> index;
  int valueCol = 0, indexCol = -1;
  size_t lineNo = 0;
  for (std::string line; std::getline(in, line);) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cols.push_back(c);
    if (out.empty() && index.empty() && lineNo == 1) {
      // A header names the columns: use "score"/"value"/"difficulty" and "index" if present.
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
      if (header) continue;
      if (cols.size() > 1) throw DatasetError(path + ":1: several columns but no header naming a score/value column");
    }
    if (static_cast<int>(cols.size()) <= std::max(valueCol, indexCol))
      throw DatasetError(path + ":" + std::to_string(lineNo) + ": missing column");
    try {
      size_t used = 0;
      out.push_back(std::stod(cols[static_cast<size_t>(valueCol)], &used));
      if (indexCol >= 0) index.push_back(std::stoll(cols[static_cast<size_t>(indexCol)]));
    } catch (const std::exception&) {
      throw DatasetError(path + ":" + std::to_string(lineNo) + ": '" + cols[static_cast<size_t>(valueCol)] +
                         "' is not a number");
    }
  }
  if (indexCol < 0) return out;
  std::vector<double> placed(n, std::nan(""));
  for (size_t k = 0; k < index.size(); ++k) {
    if (index[k] < 0 || static_cast<size_t>(index[k]) >= n)
      throw DatasetError(path + ": index " + std::to_string(index[k]) + " is outside 0.." + std::to_string(n - 1));
    placed[static_cast<size_t>(index[k])] = out[k];
  }
  return placed;
}

}  // namespace

ScoreRun importScores(const Dataset& ds, Store& store, const std::string& path, const std::string& name,
                      bool higherIsHarder) {
  if (name.empty() || name.find('/') != std::string::npos)
    throw ConfigError("score name '" + name + "' must be non-empty and contain no '/'");
  const size_t n = ds.size(Split::Train);
  const std::vector<uint8_t> bytes = readFileBytes(path);  // read once: parsed and hashed
  const std::vector<double> values = endsWith(toLower(path), ".npy") ? readNpy(path, bytes) : readCsv(path, bytes, n);
  if (values.size() != n)
    throw DatasetError(path + ": holds " + std::to_string(values.size()) + " values; expected " + std::to_string(n) +
                       " (one per training example)");
  for (size_t i = 0; i < n; ++i)
    if (!std::isfinite(values[i]))
      throw DatasetError(path + ": value for example " + std::to_string(i) + " is missing or not finite");

  Hasher h;
  h.update(bytes.data(), bytes.size());
  nlohmann::json cfg{{"file", path}, {"name", name}, {"higher_is_harder", higherIsHarder}, {"content", h.hex()}};
  const std::string key = Store::cacheKey("import", cfg.dump(), ds.fingerprint());
  if (auto done = store.findRun(key, RunStatus::Done)) {
    ScoreRun run = loadScoreRun(store, done->id);
    run.fromCache = true;
    return run;
  }
  ScoreRun run;
  run.runId = store.beginRun(store.registerDataset(ds), "import", cfg.dump(), key, 0, "cpu");
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
  nlohmann::json summary{{"kind", "import"}, {"examples", n}, {"seeds", 1}, {"device", "cpu"}};
  summary["scores"][name] = {{"seed_spearman", nullptr}, {"description", "imported from " + path}};
  Store::Transaction t(store);
  store.putVector(run.runId, name, diff);
  store.putVector(run.runId, name + "/raw", raw);
  store.putVector(run.runId, name + "/std", run.spread[name]);
  store.putIndexVector(run.runId, "indices", run.indices);
  store.putResult(run.runId, "summary", summary.dump());
  store.finishRun(run.runId, RunStatus::Done);
  t.commit();
  return run;
}

}  // namespace ps
