#include "prune/subset_export.h"

#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "util/csv_writer.h"
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
                   {"seed", spec.seed},
                   {"excluded_tagged", excluded}};
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
  writeFileAtomically(path + ".json", j.dump(2) + "\n");
}
}  // namespace

void exportSubset(const Dataset& ds, const std::vector<int64_t>& indices, const std::vector<float>& scores,
                  const SubsetProvenance& provenance, const std::string& path, const ExtraCsvColumns* extra) {
  const std::string lower = toLower(path);
  OutputGroup files;  // a subset and its sidecar change together
  if (endsWith(lower, ".txt")) {
    std::string text = "# prunescope subset " + provenance.json() + "\n";
    for (int64_t i : indices) text += std::to_string(i) + "\n";
    writeFileAtomically(path, text);
    files.commit();
    return;
  }
  if (endsWith(lower, ".npy")) {
    std::string header =
        "{'descr': '<i8', 'fortran_order': False, 'shape': (" + std::to_string(indices.size()) + ",), }";
    while ((10 + header.size() + 1) % 64 != 0) header += ' ';
    header += '\n';
    std::string bytes("\x93NUMPY\x01\x00", 8);
    const auto len = static_cast<uint16_t>(header.size());
    bytes += static_cast<char>(len & 0xff);
    bytes += static_cast<char>(len >> 8);
    bytes += header;
    bytes.append(reinterpret_cast<const char*>(indices.data()), indices.size() * sizeof(int64_t));
    writeFileAtomically(path, bytes);
    writeSidecar(path, provenance, indices.size());
    files.commit();
    return;
  }
  if (endsWith(lower, ".csv")) {
    std::vector<std::string> header = {"index", "source", "label", "class_name", "score"};
    if (extra) header.insert(header.end(), extra->header.begin(), extra->header.end());
    CsvWriter csv(header);
    for (size_t k = 0; k < indices.size(); ++k) {
      const auto i = static_cast<size_t>(indices[k]);
      const int label = ds.label(Split::Train, i);
      csv.integer(indices[k]).text(ds.source(Split::Train, i)).integer(label);
      csv.text(ds.classNames()[static_cast<size_t>(label)]).number(scores[k]);
      if (extra) extra->write(csv, indices[k]);
      csv.endRow();
    }
    csv.save(path);
    writeSidecar(path, provenance, indices.size());
    files.commit();
    return;
  }
  throw ConfigError(path + ": unknown subset format; expected a .txt, .npy or .csv file name");
}

}  // namespace ps
