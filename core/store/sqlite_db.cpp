#include "store/sqlite_db.h"

#include <chrono>
#include <thread>

#include "util/errors.h"

namespace ps {

namespace {
constexpr int kBusyTimeoutMs = 60000;
}  // namespace

SqliteDb::SqliteDb(const std::string& path) : path_(path) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": cannot open store (" + msg + ")");
  }
  // Writers queue for the lock: many processes share a store (scoring, imports, studies).
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

SqliteDb::SqliteDb(const std::string& path, Immutable) : path_(path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[static_cast<unsigned char>(c) >> 4];
      uri += hex[static_cast<unsigned char>(c) & 15];
    } else {
      uri += c;
    }
  }
  uri += "?immutable=1";
  const int rc =
      sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": cannot open (" + msg + ")");
  }
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

void SqliteDb::fail(const std::string& what, int rc) const {
  std::string msg = sqlite3_errmsg(db_);
  if (rc == SQLITE_NOTADB) msg = "file is not a database; expected a PruneScope store (SQLite)";
  if (rc == SQLITE_READONLY) msg = "the store file is read-only; expected a writable file";
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    msg = "the store is in use: another process held it locked for more than " + std::to_string(kBusyTimeoutMs / 1000) +
          " s";
  // A write that fails for want of space is rolled back whole by SQLite: say so, without
  // the statement (the user can act on the disk, not on the SQL).
  if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
    throw StoreError(path_ + ": cannot write the store (" +
                     ((rc & 0xff) == SQLITE_FULL ? std::string("the disk is full")
                                                 : "disk I/O error: the disk may be full, or the file too large for "
                                                   "its file system") +
                     "); this change was not saved and the store keeps what it held before");
  throw StoreError(path_ + ": " + msg + " (while " + what + ")");
}

void SqliteDb::exec(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail("running: " + sql.substr(0, 80), rc);
}

void SqliteDb::execRetryingBusy(const std::string& sql) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
      fail("running: " + sql.substr(0, 80), rc);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

int64_t SqliteDb::scalarInt(const std::string& sql) {
  Statement st(*this, sql);
  return st.step() ? st.int64(0) : 0;
}

std::string SqliteDb::scalarText(const std::string& sql) {
  Statement st(*this, sql);
  return st.step() ? st.text(0) : std::string();
}

Statement::Statement(SqliteDb& db, const std::string& sql) : db_(db), sql_(sql) {
  const int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail("preparing: " + sql.substr(0, 80), rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Statement& Statement::bindBlob(int i, const void* data, size_t n) {
  // SQLITE_STATIC: callers keep the buffer alive until step(); avoids a copy of large vectors.
  sqlite3_bind_blob64(stmt_, i, n ? data : "", n, SQLITE_STATIC);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail("executing: " + sql_.substr(0, 80), rc);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}
bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
const void* Statement::blob(int col) const { return sqlite3_column_blob(stmt_, col); }
size_t Statement::blobSize(int col) const { return static_cast<size_t>(sqlite3_column_bytes(stmt_, col)); }

}  // namespace ps
