#include "store/schema.h"

#include "store/sqlite_db.h"
#include "util/errors.h"

namespace ps {

namespace {

// 1: datasets and runs.
const char* const kMigration1 = R"sql(
CREATE TABLE datasets(
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  format TEXT NOT NULL,
  class_names TEXT NOT NULL,          -- JSON array
  n_train INTEGER NOT NULL,
  n_test INTEGER NOT NULL,
  shape TEXT NOT NULL,                -- HxWxC
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  config TEXT NOT NULL,               -- JSON
  cache_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK(status IN ('running','done','failed','interrupted')),
  seed INTEGER NOT NULL DEFAULT 0,
  device TEXT NOT NULL DEFAULT 'cpu',
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  finished_at TEXT,
  elapsed_s REAL,
  message TEXT NOT NULL DEFAULT '',
  owner_pid INTEGER NOT NULL DEFAULT 0);
CREATE INDEX runs_by_cache_key ON runs(cache_key);
CREATE INDEX runs_by_dataset ON runs(dataset_id);
)sql";

// 2: per-example vectors, job checkpoints and study results.
const char* const kMigration2 = R"sql(
CREATE TABLE vectors(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  dtype TEXT NOT NULL CHECK(dtype IN ('f32','i64')),
  n INTEGER NOT NULL,
  data BLOB NOT NULL,                 -- little-endian, n elements
  PRIMARY KEY(run_id, name));
CREATE TABLE checkpoints(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  data BLOB NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(run_id, key));
CREATE TABLE results(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,                -- JSON
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(run_id, key));
)sql";

// 3: tags on examples (mislabelled, ambiguous, keep, exclude or the user's own).
const char* const kMigration3 = R"sql(
CREATE TABLE tags(
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  example INTEGER NOT NULL CHECK(example >= 0),  -- training-split index
  tag TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(dataset_id, example, tag));
)sql";

}  // namespace

const std::vector<std::string>& schemaMigrations() {
  static const std::vector<std::string> m = {kMigration1, kMigration2, kMigration3};
  return m;
}

int currentSchemaVersion() { return static_cast<int>(schemaMigrations().size()); }

namespace {

// The file's schema version, checked: any integer can be stored there.
int storedSchemaVersion(SqliteDb& db) {
  const int64_t version = db.scalarInt("PRAGMA user_version");
  if (version < 0)
    throw StoreError(db.path() + ": store schema version " + std::to_string(version) + " is not valid (expected 0 to " +
                     std::to_string(currentSchemaVersion()) + "): the file is damaged or not a PruneScope store");
  if (version > currentSchemaVersion())
    throw StoreError(db.path() + ": store schema version " + std::to_string(version) +
                     " is newer than this PruneScope understands (expected at most " +
                     std::to_string(currentSchemaVersion()) + ")");
  return static_cast<int>(version);
}

}  // namespace

void migrateSchema(SqliteDb& db, int target) {
  if (storedSchemaVersion(db) >= target) return;
  // Under the write lock, the version is read again: another process opening the same
  // new store may have migrated it while this one waited.
  db.exec("BEGIN IMMEDIATE");
  try {
    for (int v = storedSchemaVersion(db); v < target; ++v) {
      db.exec(schemaMigrations()[static_cast<size_t>(v)]);
      db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    }
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace ps
