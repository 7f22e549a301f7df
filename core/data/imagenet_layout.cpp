#include "data/imagenet_layout.h"

#include <fstream>
#include <unordered_map>

#include "data/dataset.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

// `name` in `root` or in one of the three folders above it.
fs::path findUpwards(const fs::path& root, const char* name) {
  std::error_code ec;
  fs::path dir = fs::absolute(root, ec).lexically_normal();
  for (int up = 0; up <= 3 && !dir.empty(); ++up) {
    if (dir.filename().empty()) dir = dir.parent_path();  // a trailing separator
    if (fs::is_regular_file(dir / name, ec)) return dir / name;
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

// id -> shown name, from lines "<id> <name>[, more names]" (only the first name is kept
// when `firstName`).
std::unordered_map<std::string, std::string> readIdNames(const fs::path& file, bool firstName) {
  std::ifstream in(file);
  if (!in) throw DatasetError(file.string() + ": cannot open the class-name file");
  std::unordered_map<std::string, std::string> names;
  std::unordered_map<std::string, size_t> lineOf;
  std::string line;
  for (size_t lineNo = 1; std::getline(in, line); ++lineNo) {
    if (lineNo == 1) stripByteOrderMark(line);
    line = trim(line);
    if (line.empty()) continue;
    const size_t sp = line.find_first_of(" \t");
    const std::string where = file.string() + ":" + std::to_string(lineNo);
    if (sp == std::string::npos)
      throw DatasetError(where + ": expected '<class id> <name>', got '" + line.substr(0, 80) + "'");
    const std::string id = line.substr(0, sp);
    std::string name = trim(line.substr(sp + 1));
    if (firstName) name = trim(name.substr(0, name.find(',')));
    if (!lineOf.emplace(id, lineNo).second)
      throw DatasetError(where + ": class id '" + id.substr(0, 80) + "' is listed again (line " +
                         std::to_string(lineOf[id]) + ")");
    names[id] = name.empty() ? id : id + " " + name;
  }
  return names;
}

}  // namespace

std::vector<std::string> synsetClassNames(const fs::path& root, const std::vector<std::string>& ids) {
  fs::path file = findUpwards(root, "LOC_synset_mapping.txt");
  const bool synsets = !file.empty();
  std::error_code ec;
  if (!synsets && fs::is_regular_file(root / "classes.txt", ec)) file = root / "classes.txt";
  if (file.empty()) return {};
  const auto names = readIdNames(file, synsets);
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const std::string& id : ids) {
    const auto it = names.find(id);
    if (it == names.end())
      throw DatasetError(file.string() + ": names no class '" + id + "', but the dataset has a class folder '" + id +
                         "' (the file lists " + std::to_string(names.size()) +
                         " classes; it must name every class folder)");
    out.push_back(it->second);
  }
  return out;
}

fs::path findValSolution(const fs::path& root) { return findUpwards(root, "LOC_val_solution.csv"); }

namespace {

struct SolutionRow {
  int label;
  size_t line;
  bool found = false;
};

std::unordered_map<std::string, SolutionRow> readSolution(const fs::path& csv,
                                                          const std::vector<std::string>& classes) {
  std::unordered_map<std::string, int> labelOf;
  for (size_t c = 0; c < classes.size(); ++c) labelOf.emplace(classes[c], static_cast<int>(c));
  std::ifstream in(csv);
  if (!in) throw DatasetError(csv.string() + ": cannot open the validation solution file");
  std::unordered_map<std::string, SolutionRow> rows;
  std::string line;
  for (size_t lineNo = 1; std::getline(in, line); ++lineNo) {
    if (lineNo == 1) stripByteOrderMark(line);
    line = trim(line);
    if (line.empty() || (lineNo == 1 && line.rfind("ImageId", 0) == 0)) continue;
    const std::string where = csv.string() + ":" + std::to_string(lineNo);
    const size_t comma = line.find(',');
    const std::string id = trim(line.substr(0, comma));
    const std::string prediction = comma == std::string::npos ? std::string() : trim(line.substr(comma + 1));
    const std::string cls = prediction.substr(0, prediction.find_first_of(" \t"));
    if (id.empty() || cls.empty())
      throw DatasetError(where + ": expected 'ImageId,<class id> ...', got '" + line.substr(0, 80) + "'");
    const auto it = labelOf.find(cls);
    if (it == labelOf.end())
      throw DatasetError(where + ": class '" + cls.substr(0, 80) + "' of " + id.substr(0, 80) + " is not one of the " +
                         std::to_string(classes.size()) + " class folders of train/");
    if (!rows.emplace(id, SolutionRow{it->second, lineNo}).second)
      throw DatasetError(where + ": ImageId '" + id.substr(0, 80) + "' is listed again (line " +
                         std::to_string(rows[id].line) + ")");
  }
  return rows;
}

}  // namespace

void collectKaggleVal(const fs::path& val, const fs::path& solution, const std::vector<std::string>& classes,
                      FileList& list, std::vector<SkippedFile>& skipped) {
  auto rows = readSolution(solution, classes);
  const size_t first = list.files.size();
  listFolderFiles(val.string(), -1, 1, list, skipped);
  size_t out = first;
  for (size_t k = first; k < list.files.size(); ++k) {
    ListedFile f = list.files[k];
    std::string stem = list.name(f.ex);
    stem = stem.substr(0, stem.rfind('.'));
    const auto it = rows.find(stem);
    if (it == rows.end()) {
      skipped.push_back({list.path(f.ex), "not listed in " + solution.string()});
      continue;
    }
    it->second.found = true;
    f.ex.label = it->second.label;
    list.files[out++] = f;
  }
  list.files.resize(out);
  const std::pair<const std::string, SolutionRow>* missing = nullptr;  // the first line naming no file
  for (const auto& r : rows)
    if (!r.second.found && (!missing || r.second.line < missing->second.line)) missing = &r;
  if (missing)
    throw DatasetError(solution.string() + ":" + std::to_string(missing->second.line) + ": ImageId '" +
                       missing->first.substr(0, 80) + "' names no image file in " + val.string());
}

}  // namespace ps
