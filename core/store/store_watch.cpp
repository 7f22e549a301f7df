#include "store/store_watch.h"

#include "store/sqlite_db.h"

namespace ps {

StoreWatch::StoreWatch(const std::string& path) : path_(path), db_(std::make_unique<SqliteDb>(path)) {}

StoreWatch::~StoreWatch() = default;

bool StoreWatch::changed() {
  const int64_t now = db_->scalarInt("PRAGMA data_version");
  const bool differs = last_ >= 0 && now != last_;
  last_ = now;
  return differs;
}

}  // namespace ps
