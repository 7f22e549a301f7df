// torchvision ImageFolder layout: root/train/<class>/*, root/test/<class>/*, or a single
// root/<class>/* whose examples get a seeded per-class split. Classes are the sorted
// folder names, as torchvision numbers them. A metadata.csv in the root or in a split
// folder (Hugging Face's ImageFolder convention: a file_name column, relative to the
// metadata file's folder, then attribute columns) gives the images attributes.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <unordered_map>

#include "data/image_file_dataset.h"
#include "data/imagenet_layout.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

constexpr const char* kMetadataFile = "metadata.csv";

// The attribute rows of every metadata.csv found, keyed by the image's normal path.
struct FolderMetadata {
  AttributeColumns columns;
  std::vector<std::string> names;  // the first file's header
  std::string firstFile;
  std::unordered_map<std::string, uint32_t> rowOf;
};

// The header of a metadata file: file_name first, then the attribute columns, the same
// in every metadata file of the dataset.
void readMetadataHeader(const std::vector<std::string>& f, const std::string& file, FolderMetadata& m) {
  if (f.empty() || f[0] != "file_name")
    throw DatasetError(file + ":1: the first column must be 'file_name' (got '" +
                       (f.empty() ? "" : f[0].substr(0, 40)) + "')");
  if (m.firstFile.empty()) {
    m.columns = AttributeColumns(file, std::vector<std::string>(f.begin() + 1, f.end()), 1, {"path", "label", "split"});
    m.names = f;
    m.firstFile = file;
  } else if (f != m.names) {
    throw DatasetError(file + ":1: its columns differ from those of " + m.firstFile +
                       " (every metadata.csv must name the same columns)");
  }
}

void readMetadataFile(const fs::path& path, FolderMetadata& m) {
  const std::string file = path.string();
  std::ifstream in(path);
  if (!in) throw DatasetError(file + ": cannot open the metadata file");
  std::string line;
  size_t lineNo = 0;
  bool header = false;
  while (std::getline(in, line)) {
    if (++lineNo == 1) stripByteOrderMark(line);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::vector<std::string> f = splitCsvLine(line);
    if (!header) {
      readMetadataHeader(f, file, m);
      header = true;
      continue;
    }
    if (f.size() != m.names.size())
      throw DatasetError(file + ":" + std::to_string(lineNo) + ": expected " + std::to_string(m.names.size()) +
                         " columns (as the header names), got " + std::to_string(f.size()));
    if (f[0].empty()) throw DatasetError(file + ":" + std::to_string(lineNo) + ": empty file_name");
    const std::string key = (path.parent_path() / f[0]).lexically_normal().string();
    if (!m.rowOf.emplace(key, m.columns.addRow(f, lineNo)).second)
      throw DatasetError(file + ":" + std::to_string(lineNo) + ": file_name '" + f[0].substr(0, 200) +
                         "' is listed twice");
  }
}

// Reads the metadata files among `folders` and gives each entry its row.
AttributeColumns folderAttributes(const std::vector<fs::path>& folders, FileList& list) {
  FolderMetadata m;
  for (const fs::path& folder : folders) {
    std::error_code ec;
    if (fs::is_regular_file(folder / kMetadataFile, ec)) readMetadataFile(folder / kMetadataFile, m);
  }
  if (m.firstFile.empty()) return {};
  for (ListedFile& f : list.files) {
    const auto it = m.rowOf.find(fs::path(list.path(f.ex)).lexically_normal().string());
    if (it != m.rowOf.end()) f.ex.attributeRow = it->second;
  }
  return std::move(m.columns);
}

// True when `inner` is `outer` or lies inside it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
  return std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end()).first == outer.end();
}

// Class folders overlapping another (the same folder through a link, or one inside the
// other) or holding the dataset itself would count images under two labels: refused.
void checkDistinctFolders(const fs::path& dir, const std::vector<std::pair<std::string, fs::path>>& found) {
  const fs::path self = fs::canonical(dir);
  for (size_t i = 0; i < found.size(); ++i) {
    if (within(self, found[i].second))
      throw DatasetError((dir / found[i].first).string() + ": class folder is a link to " + found[i].second.string() +
                         ", which holds the dataset itself; expected a folder of images");
    for (size_t j = 0; j < found.size(); ++j)
      if (i != j && within(found[j].second, found[i].second))
        throw DatasetError((dir / found[j].first).string() + ": class folder is " +
                           (found[j].second == found[i].second ? "the same folder as " : "inside ") +
                           (dir / found[i].first).string() + " (through a link); each class needs its own folder");
  }
}

// The class folders of `dir` (sub-folders, or links to folders), sorted by name.
std::vector<std::string> classDirs(const fs::path& dir) {
  std::vector<std::pair<std::string, fs::path>> found;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::error_code ec;
    const std::string name = e.path().filename().string();
    if (name[0] == '.' || !e.is_directory(ec)) continue;  // a broken link is no folder
    found.emplace_back(name, fs::canonical(e.path()));
  }
  std::sort(found.begin(), found.end());
  checkDistinctFolders(dir, found);
  std::vector<std::string> names;
  names.reserve(found.size());
  for (auto& f : found) names.push_back(f.first);
  return names;
}

// Adds the files of dir/<class>/ for every class; files directly in dir are reported.
void collect(const fs::path& dir, const std::vector<std::string>& classes, int split, FileList& list,
             std::vector<SkippedFile>& skipped) {
  for (const auto& e : fs::directory_iterator(dir)) {
    std::error_code ec;
    if (e.is_regular_file(ec) && e.path().filename().string()[0] != '.' && e.path().filename() != kMetadataFile)
      skipped.push_back({e.path().string(), "file outside any class folder"});
  }
  for (const std::string& cls : classDirs(dir)) {
    const auto it = std::find(classes.begin(), classes.end(), cls);
    if (it == classes.end()) {
      skipped.push_back({(dir / cls).string(), "class folder not present in the train split"});
      continue;
    }
    const bool any =
        listFolderFiles((dir / cls).string(), static_cast<int>(it - classes.begin()), split, list, skipped);
    if (!any && split == 0) throw DatasetError((dir / cls).string() + ": class folder is empty (expected image files)");
  }
}

}  // namespace

namespace {

// The test split beside train/: test/ or val/ with class folders, or a flat val/ labelled
// by Kaggle's LOC_val_solution.csv.
void collectTestSplit(const fs::path& root, const std::vector<std::string>& classes, FileList& list,
                      std::vector<SkippedFile>& skipped, std::vector<fs::path>& metadataFolders) {
  for (const char* testName : {"test", "val"}) {
    if (!fs::is_directory(root / testName)) continue;
    metadataFolders.push_back(root / testName);
    const fs::path solution = std::string(testName) == "val" ? findValSolution(root) : fs::path();
    if (!solution.empty() && classDirs(root / testName).empty())
      collectKaggleVal(root / testName, solution, classes, list, skipped);
    else
      collect(root / testName, classes, 1, list, skipped);
    return;
  }
}

}  // namespace

std::unique_ptr<Dataset> openImageFolder(const std::string& rootStr, const std::string& spec,
                                         const OpenOptions& options) {
  const fs::path root(rootStr);
  if (!fs::is_directory(root)) throw DatasetError(rootStr + ": not a directory");
  FileList list;
  std::vector<SkippedFile> skipped;
  ClassList classes;
  std::vector<fs::path> metadataFolders{root};
  if (fs::is_directory(root / "train")) {
    metadataFolders.push_back(root / "train");
    classes.ids = classDirs(root / "train");
    if (classes.ids.empty())
      throw DatasetError((root / "train").string() + ": no class folders (expected train/<class>/<image>)");
    collect(root / "train", classes.ids, 0, list, skipped);
    collectTestSplit(root, classes.ids, list, skipped, metadataFolders);
  } else {
    classes.ids = classDirs(root);
    if (classes.ids.empty())
      throw DatasetError(rootStr +
                         ": empty dataset: no class folders (expected <class>/<image> or "
                         "train/<class>/<image>)");
    collect(root, classes.ids, -1, list, skipped);
  }
  classes.names = synsetClassNames(root, classes.ids);
  AttributeColumns attributes = folderAttributes(metadataFolders, list);
  return std::make_unique<ImageFileDataset>("folder", spec, rootStr, std::move(classes), std::move(list),
                                            std::move(skipped), options, std::move(attributes));
}

}  // namespace ps
