#pragma once
// What a file-based reader knows about its files between opens: for each file under the
// dataset's root, its relative path, size, modification time, content hash and whether
// it is a usable image. The store keeps this table (store/file_table_store.h); a reader
// given one (OpenOptions::fileTable) reads a file's contents only when the file is new or
// its size or modification time changed, so a second open of an unchanged folder only
// lists and stats it.
//
// The dataset's fingerprint is then found from the per-file hashes: their digest is
// looked up among the digests whose full-read fingerprint the table remembers (an
// unchanged dataset keeps the fingerprint it had before tables existed), and is the
// fingerprint itself for contents never read in full (a file changed since).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

// One file as the table remembers it.
struct FileFacts {
  uint64_t size = 0;
  int64_t mtimeNs = 0;
  std::optional<uint64_t> hash;  // XXH3-64 of the contents; none until read
  std::string problem;           // why the reader leaves the file out; "" = a usable image
};

// A row to write: the path relative to the root ('/'-separated) and its facts.
struct FileRow {
  std::string path;
  FileFacts facts;
};

class FileTable {
 public:
  virtual ~FileTable() = default;
  // Calls `row` for every file remembered under `root` (an absolute, normal path), in
  // byte order of the relative paths.
  virtual void forEachFile(const std::string& root,
                           const std::function<void(std::string_view path, const FileFacts& facts)>& row) = 0;
  // Remembers `count` rows, the k-th filled in by `changed(k, row)` (added, or replacing
  // the row of the same path), and forgets `removed`; in one transaction.
  virtual void updateFiles(const std::string& root, size_t count,
                           const std::function<void(size_t k, FileRow& row)>& changed,
                           const std::vector<std::string>& removed) = 0;
  // The fingerprint remembered for a digest of per-file hashes, if any.
  virtual std::optional<std::string> fingerprintOf(const std::string& digest) = 0;
  virtual void rememberFingerprint(const std::string& digest, const std::string& fingerprint) = 0;
};

// The key a dataset's files are kept under: its root folder, absolute and normal, links
// resolved, no trailing '/'.
std::string fileTableRoot(const std::string& root);

}  // namespace ps
