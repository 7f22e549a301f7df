#pragma once
// The files of a file-based dataset, held compactly: each directory once, each file name
// once in one character buffer, and per file a few integers (about 40 bytes per file
// while the dataset is opened, 16 once it is). Paths are spelled as the reader built
// them: directory + "/" + name (or the bare name a manifest gives).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/attributes.h"

namespace ps {

struct SkippedFile;

// One file of the dataset as kept after the open.
struct FileExample {
  uint32_t dir = 0;   // index into FileList's directories
  uint32_t name = 0;  // offset of its NUL-terminated name in FileList's name buffer
  int32_t label = 0;
  uint32_t attributeRow = AttributeColumns::kNoRow;
};

// One file while the dataset is opened: the example plus its split and what stat said.
struct ListedFile {
  FileExample ex;
  int32_t split = -1;  // 0 train, 1 test, -1 not yet assigned (seeded split)
  bool statted = false;
  uint64_t size = 0;
  int64_t mtimeNs = 0;
};

class FileList {
 public:
  // The index of a directory (the same string gives the same index).
  uint32_t addDir(const std::string& dir);
  void add(uint32_t dir, std::string_view name, int label, int split, uint32_t attributeRow = AttributeColumns::kNoRow);
  // With what stat said of the file.
  void add(uint32_t dir, std::string_view name, int label, int split, uint64_t size, int64_t mtimeNs);

  std::string path(const FileExample& e) const { return prefixes_[e.dir] + name(e); }
  const char* name(const FileExample& e) const { return names_.data() + e.name; }
  // A directory as added ("" for none, as a manifest's bare file name has).
  std::string dir(uint32_t d) const;
  size_t dirCount() const { return prefixes_.size(); }

  // Sorts the files by path (byte order of directory + "/" + name).
  void sortByPath();
  // Fills in size and modification time of the files not yet statted; a file that
  // cannot be stat'ed is dropped and reported in `skipped`.
  void statAll(std::vector<SkippedFile>& skipped);

  std::vector<ListedFile> files;

  // Frees what was reserved beyond the contents.
  void shrink();

 private:
  std::vector<std::string> prefixes_;  // what comes before a file's name: "dir/", "/" or ""
  std::vector<char> names_;
  uint32_t lastDir_ = UINT32_MAX;
  std::string lastDirName_;
};

// The regular files below `folder` (links to files followed, links to folders not, entries
// whose name starts with '.' left out), added with `label` and `split`, each with its size
// and modification time. Broken links and unreadable entries go to `skipped`, unreadable
// folders are passed over. Returns whether any file was found.
bool listFolderFiles(const std::string& folder, int label, int split, FileList& list,
                     std::vector<SkippedFile>& skipped);

}  // namespace ps
