#include "data/file_list.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "data/dataset.h"
#include "data/file_table.h"
#include "util/errors.h"

namespace ps {

namespace {
std::string prefixOf(const std::string& dir) {
  if (dir.empty()) return {};
  return dir.back() == '/' ? dir : dir + "/";
}
}  // namespace

uint32_t FileList::addDir(const std::string& dir) {
  if (lastDir_ != UINT32_MAX && dir == lastDirName_) return lastDir_;
  const std::string prefix = prefixOf(dir);
  lastDirName_ = dir;
  // Readers add a directory's files together: a search back is rare and short.
  for (size_t d = prefixes_.size(); d-- > 0;)
    if (prefixes_[d] == prefix) return lastDir_ = static_cast<uint32_t>(d);
  prefixes_.push_back(prefix);
  return lastDir_ = static_cast<uint32_t>(prefixes_.size() - 1);
}

std::string FileList::dir(uint32_t d) const {
  const std::string& p = prefixes_[d];
  return p.size() > 1 ? p.substr(0, p.size() - 1) : p;
}

void FileList::add(uint32_t dir, std::string_view name, int label, int split, uint32_t attributeRow) {
  if (names_.size() + name.size() + 1 > UINT32_MAX)
    throw DatasetError(prefixes_[dir] + ": too many files (their names pass 4 GiB)");
  ListedFile f;
  f.ex.dir = dir;
  f.ex.name = static_cast<uint32_t>(names_.size());
  f.ex.label = label;
  f.ex.attributeRow = attributeRow;
  f.split = split;
  names_.insert(names_.end(), name.begin(), name.end());
  names_.push_back('\0');
  files.push_back(f);
}

void FileList::add(uint32_t dir, std::string_view name, int label, int split, uint64_t size, int64_t mtimeNs) {
  add(dir, name, label, split);
  files.back().statted = true;
  files.back().size = size;
  files.back().mtimeNs = mtimeNs;
}

namespace {

// a + an against b + bn, byte by byte, without building either.
int compareJoined(const std::string& a, const char* an, const std::string& b, const char* bn) {
  auto at = [](const std::string& prefix, const char* name, size_t i) -> unsigned char {
    return static_cast<unsigned char>(i < prefix.size() ? prefix[i] : name[i - prefix.size()]);
  };
  for (size_t i = 0;; ++i) {
    const unsigned char x = at(a, an, i), y = at(b, bn, i);
    if (x != y) return x < y ? -1 : 1;
    if (x == 0) return 0;
  }
}

}  // namespace

void FileList::sortByPath() {
  // Directories ranked by their prefix: two files of directories neither of whose prefix
  // begins the other compare as their prefixes do; the rest compare whole paths.
  std::vector<uint32_t> order(prefixes_.size());
  for (uint32_t d = 0; d < order.size(); ++d) order[d] = d;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return prefixes_[a] < prefixes_[b]; });
  std::vector<uint32_t> rank(prefixes_.size());
  std::vector<char> nested(prefixes_.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) {
    rank[order[k]] = static_cast<uint32_t>(k);
    const std::string& p = prefixes_[order[k]];
    if (k + 1 < order.size() && prefixes_[order[k + 1]].compare(0, p.size(), p) == 0)
      nested[order[k]] = nested[order[k + 1]] = 1;
  }
  std::sort(files.begin(), files.end(), [&](const ListedFile& x, const ListedFile& y) {
    if (x.ex.dir == y.ex.dir) return std::strcmp(name(x.ex), name(y.ex)) < 0;
    if (!nested[x.ex.dir] && !nested[y.ex.dir]) return rank[x.ex.dir] < rank[y.ex.dir];
    return compareJoined(prefixes_[x.ex.dir], name(x.ex), prefixes_[y.ex.dir], name(y.ex)) < 0;
  });
}

namespace {

std::string errnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

int64_t mtimeOf(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

}  // namespace

void FileList::statAll(std::vector<SkippedFile>& skipped) {
  std::vector<ListedFile> kept;
  kept.reserve(files.size());
  for (ListedFile& f : files) {
    if (!f.statted) {
      struct stat st {};
      if (::stat(path(f.ex).c_str(), &st) != 0) {
        skipped.push_back({path(f.ex), "cannot read (" + errnoText(errno) + ")"});
        continue;
      }
      f.statted = true;
      f.size = static_cast<uint64_t>(st.st_size);
      f.mtimeNs = mtimeOf(st);
    }
    kept.push_back(f);
  }
  files = std::move(kept);
}

void FileList::shrink() {
  files.shrink_to_fit();
  names_.shrink_to_fit();
  prefixes_.shrink_to_fit();
}

namespace {

struct DirCloser {
  DIR* d;
  ~DirCloser() {
    if (d) ::closedir(d);
  }
};

// What one directory entry is: a folder to walk, a regular file (with its stat), or
// neither (left out, or skipped with the reason).
enum class EntryKind { Folder, File, Other };

EntryKind classify(int fd, const dirent& e, const std::string& folder, struct stat& st,
                   std::vector<SkippedFile>& skipped) {
  const char* name = e.d_name;
  if (e.d_type == DT_DIR) return EntryKind::Folder;
  if (e.d_type == DT_UNKNOWN && ::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
    return EntryKind::Folder;
  if (name[0] == '.') return EntryKind::Other;
  if (::fstatat(fd, name, &st, 0) != 0) {
    const int err = errno;
    const bool link = e.d_type == DT_LNK || e.d_type == DT_UNKNOWN;
    skipped.push_back({folder + "/" + name, err == ENOENT && link
                                                ? std::string("broken link (its target does not exist)")
                                                : "cannot read (" + errnoText(err) + ")"});
    return EntryKind::Other;
  }
  return S_ISREG(st.st_mode) ? EntryKind::File : EntryKind::Other;
}

// One folder's entries: files added, sub-folders (not links to them) walked in turn.
// As std::filesystem::recursive_directory_iterator did before: hidden entries are left
// out but hidden folders are still walked.
// NOLINTNEXTLINE(misc-no-recursion): folders nest as deep as the file system lets them
bool walk(const std::string& folder, int label, int split, FileList& list, std::vector<SkippedFile>& skipped) {
  DirCloser dir{::opendir(folder.c_str())};
  if (!dir.d) {
    if (errno == EACCES) return false;  // passed over, as skip_permission_denied did
    throw DatasetError(folder + ": cannot list the folder (" + errnoText(errno) + ")");
  }
  const int fd = ::dirfd(dir.d);
  bool any = false;
  uint32_t dirIndex = UINT32_MAX;
  std::vector<std::string> subfolders;
  // readdir on a stream only this call reads is safe (glibc locks per stream).
  while (const dirent* e = ::readdir(dir.d)) {  // NOLINT(concurrency-mt-unsafe)
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    struct stat st {};
    const EntryKind kind = classify(fd, *e, folder, st, skipped);
    if (kind == EntryKind::Folder) subfolders.push_back(folder + "/" + e->d_name);
    if (kind != EntryKind::File) continue;
    if (dirIndex == UINT32_MAX) dirIndex = list.addDir(folder);
    list.add(dirIndex, e->d_name, label, split, static_cast<uint64_t>(st.st_size), mtimeOf(st));
    any = true;
  }
  for (const std::string& sub : subfolders)
    if (walk(sub, label, split, list, skipped)) any = true;
  return any;
}

}  // namespace

std::string fileTableRoot(const std::string& root) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(root), ec);
  if (ec) p = std::filesystem::absolute(root).lexically_normal();
  std::string s = p.generic_string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool listFolderFiles(const std::string& folder, int label, int split, FileList& list,
                     std::vector<SkippedFile>& skipped) {
  return walk(folder, label, split, list, skipped);
}

}  // namespace ps
