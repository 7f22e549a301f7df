#pragma once
// The file table of data/file_table.h kept in a store (schema migration 5), or read from
// a copy of it that a cluster plan carries (read-only, so that a thousand tasks can read
// one file on a shared file system while none writes it).
#include <memory>
#include <string>

#include "data/file_table.h"
#include "data/readers.h"

namespace ps {

class Dataset;
class Store;
class SqliteDb;

class StoreFileTable : public FileTable {
 public:
  // The table of `store` (which must outlive this); what an open learns is written there.
  explicit StoreFileTable(Store& store);
  // The copy written by exportFileTable, opened read-only: nothing learnt is written.
  static std::unique_ptr<StoreFileTable> openCopy(const std::string& path);
  ~StoreFileTable() override;

  void forEachFile(const std::string& root,
                   const std::function<void(std::string_view path, const FileFacts& facts)>& row) override;
  void updateFiles(const std::string& root, size_t count, const std::function<void(size_t k, FileRow& row)>& changed,
                   const std::vector<std::string>& removed) override;
  std::optional<std::string> fingerprintOf(const std::string& digest) override;
  void rememberFingerprint(const std::string& digest, const std::string& fingerprint) override;

 private:
  explicit StoreFileTable(std::unique_ptr<SqliteDb> own);
  std::unique_ptr<SqliteDb> own_;  // the copy's connection
  SqliteDb& db_;
  bool readOnly_ = false;
};

// Writes the file table of `store` for the dataset `spec` (a folder, or a manifest whose
// folder is the root) with every remembered digest into a new single-file SQLite database at `path`
// (written beside it and renamed into place), for tasks to open with openCopy. A root
// the store has no table for gives an empty copy (tasks then read every file).
void exportFileTable(Store& store, const std::string& spec, const std::string& path);

// Opens `spec` as the commands do with a store: image-file readers check and hash only
// the files that are new or changed since the store's file table last saw them (and
// report to options.job, if any, while they do).
std::unique_ptr<Dataset> openDatasetWithStore(const std::string& spec, Store& store, OpenOptions options = {});

}  // namespace ps
