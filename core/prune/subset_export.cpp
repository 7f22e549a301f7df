#include "prune/subset_export.h"

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

std::string SubsetProvenance::json() const {
  nlohmann::json j{{"tool", "prunescope"},
                   {"dataset", datasetSpec},
                   {"dataset_fingerprint", fingerprint},
                   {"score_run", scoreRunId},
                   {"score", scoreName},
                   {"policy", prunePolicyName(spec.policy)},
                   {"keep", spec.keep},
                   {"class_balanced", spec.classBalanced},
                   {"beta", spec.beta},
                   {"strata", spec.strata},
                   {"seed", spec.seed}};
  if (!selection.empty()) {
    for (const char* k : {"policy", "keep", "class_balanced", "beta", "strata", "seed"}) j.erase(k);
    j["selection"] = selection;
  }
  return j.dump();
}

namespace {
void writeSidecar(const std::string& path, const SubsetProvenance& p, size_t count) {
  auto j = nlohmann::json::parse(p.json());
  j["count"] = count;
  j["file"] = path;
  std::ofstream out(path + ".json");
  if (!out) throw ConfigError(path + ".json: cannot write the provenance file");
  out << j.dump(2) << "\n";
}
}  // namespace

void exportSubset(const Dataset& ds, const std::vector<int64_t>& indices, const std::vector<float>& scores,
                  const SubsetProvenance& provenance, const std::string& path) {
  const std::string lower = toLower(path);
  if (endsWith(lower, ".txt")) {
    std::ofstream out(path);
    if (!out) throw ConfigError(path + ": cannot write the subset file");
    out << "# prunescope subset " << provenance.json() << "\n";
    for (int64_t i : indices) out << i << "\n";
    if (!out) throw ConfigError(path + ": write error");
    return;
  }
  if (endsWith(lower, ".npy")) {
    std::string header = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + std::to_string(indices.size()) + ",), }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::ofstream out(path, std::ios::binary);
    if (!out) throw ConfigError(path + ": cannot write the subset file");
    const char magic[] = "\x93NUMPY\x01\x00";
    out.write(magic, 8);
    const uint16_t len = static_cast<uint16_t>(header.size());
    out.put(static_cast<char>(len & 0xff)).put(static_cast<char>(len >> 8));
    out << header;
    out.write(reinterpret_cast<const char*>(indices.data()), static_cast<std::streamsize>(indices.size() * sizeof(int64_t)));
    if (!out) throw ConfigError(path + ": write error");
    writeSidecar(path, provenance, indices.size());
    return;
  }
  if (endsWith(lower, ".csv")) {
    std::ofstream out(path);
    if (!out) throw ConfigError(path + ": cannot write the subset file");
    out << "index,source,label,class_name,score\n";
    out.precision(7);
    for (size_t k = 0; k < indices.size(); ++k) {
      const auto i = static_cast<size_t>(indices[k]);
      std::string src = ds.source(Split::Train, i), name = ds.classNames()[static_cast<size_t>(ds.label(Split::Train, i))];
      for (std::string* s : {&src, &name})
        if (s->find_first_of(",\"") != std::string::npos) {
          std::string q = "\"";
          for (char ch : *s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          *s = q + "\"";
        }
      out << i << "," << src << "," << ds.label(Split::Train, i) << "," << name << "," << scores[k] << "\n";
    }
    if (!out) throw ConfigError(path + ": write error");
    writeSidecar(path, provenance, indices.size());
    return;
  }
  throw ConfigError(path + ": unknown subset format; expected a .txt, .npy or .csv file name");
}

}  // namespace ps
