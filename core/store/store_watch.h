#pragma once
// Notices commits other connections (other processes, other windows, the CLI, a job's
// own connection) made to a store, from SQLite's `PRAGMA data_version` on one long-lived
// connection of its own: the number changes only for other connections' commits, so the
// watch must stay open between looks. One thread at a time (like Store).
#include <cstdint>
#include <memory>
#include <string>

namespace ps {

class SqliteDb;

class StoreWatch {
 public:
  // Opens its connection at once; StoreError (naming the file) when it cannot.
  explicit StoreWatch(const std::string& path);
  ~StoreWatch();
  StoreWatch(const StoreWatch&) = delete;
  StoreWatch& operator=(const StoreWatch&) = delete;

  // True when another connection committed since the previous call (false on the first).
  bool changed();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::unique_ptr<SqliteDb> db_;
  int64_t last_ = -1;
};

}  // namespace ps
