#pragma once
// Thin RAII layer over the SQLite C API: a connection and prepared statements whose
// failures become StoreError naming the database file and the statement.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ps {

class SqliteDb;

class Statement {
 public:
  Statement(SqliteDb& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, int64_t v);
  Statement& bind(int i, double v);
  Statement& bind(int i, const std::string& v);
  Statement& bindNull(int i);
  Statement& bindBlob(int i, const void* data, size_t n);

  bool step();  // true while a row is available
  void run();   // step to completion
  void reset();

  int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool isNull(int col) const;
  const void* blob(int col) const;
  size_t blobSize(int col) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class SqliteDb {
 public:
  explicit SqliteDb(const std::string& path);  // opens read-write, creating the file
  // Opens an existing file that nothing writes any more read-only, without locking (a
  // copy many processes read at once, on a shared file system too).
  struct Immutable {};
  SqliteDb(const std::string& path, Immutable);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  void exec(const std::string& sql);
  // For the statements SQLite answers with BUSY at once, without the busy handler (the
  // switch of a new file to WAL while another connection holds it): retried until the
  // same timeout.
  void execRetryingBusy(const std::string& sql);
  int64_t scalarInt(const std::string& sql);
  std::string scalarText(const std::string& sql);
  int64_t lastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  [[noreturn]] void fail(const std::string& what, int rc) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace ps
