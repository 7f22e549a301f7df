// torchvision ImageFolder layout: root/train/<class>/*, root/test/<class>/*, or a single
// root/<class>/* whose examples get a seeded per-class split. Classes are the sorted
// folder names, as torchvision numbers them.
#include <algorithm>
#include <filesystem>
#include <set>

#include "data/image_file_dataset.h"
#include "util/errors.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

std::vector<std::string> classDirs(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory() && e.path().filename().string()[0] != '.') names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Adds the files of dir/<class>/ for every class; files directly in dir are reported.
void collect(const fs::path& dir, const std::vector<std::string>& classes, int split,
             std::vector<ImageFileEntry>& entries, std::vector<SkippedFile>& skipped) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename().string()[0] != '.')
      skipped.push_back({e.path().string(), "file outside any class folder"});
  for (const std::string& cls : classDirs(dir)) {
    const auto it = std::find(classes.begin(), classes.end(), cls);
    if (it == classes.end()) {
      skipped.push_back({(dir / cls).string(), "class folder not present in the train split"});
      continue;
    }
    const int label = static_cast<int>(it - classes.begin());
    bool any = false;
    for (const auto& f : fs::recursive_directory_iterator(dir / cls)) {
      if (!f.is_regular_file() || f.path().filename().string()[0] == '.') continue;
      entries.push_back({f.path().string(), label, split});
      any = true;
    }
    if (!any && split == 0) throw DatasetError((dir / cls).string() + ": class folder is empty (expected image files)");
  }
}

}  // namespace

std::unique_ptr<Dataset> openImageFolder(const std::string& rootStr, const std::string& spec,
                                         const OpenOptions& options) {
  const fs::path root(rootStr);
  if (!fs::is_directory(root)) throw DatasetError(rootStr + ": not a directory");
  std::vector<ImageFileEntry> entries;
  std::vector<SkippedFile> skipped;
  std::vector<std::string> classes;
  if (fs::is_directory(root / "train")) {
    classes = classDirs(root / "train");
    if (classes.empty())
      throw DatasetError((root / "train").string() + ": no class folders (expected train/<class>/<image>)");
    collect(root / "train", classes, 0, entries, skipped);
    for (const char* testName : {"test", "val"})
      if (fs::is_directory(root / testName)) {
        collect(root / testName, classes, 1, entries, skipped);
        break;
      }
  } else {
    classes = classDirs(root);
    if (classes.empty())
      throw DatasetError(rootStr +
                         ": empty dataset: no class folders (expected <class>/<image> or "
                         "train/<class>/<image>)");
    collect(root, classes, -1, entries, skipped);
  }
  return std::make_unique<ImageFileDataset>("folder", spec, rootStr, std::move(classes), std::move(entries),
                                            std::move(skipped), options);
}

}  // namespace ps
