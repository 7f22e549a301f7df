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

// 4: run ids are never used twice. Without AUTOINCREMENT SQLite gives a new row the
// largest id + 1, so deleting the newest run handed its id to the next one and a report
// citing it then pointed at another run. SQLite cannot add AUTOINCREMENT to a table, so
// the table is rebuilt with every row and id kept (SQLite's recipe for a table change:
// foreign keys are off around the migration, so dropping the old table cascades
// nothing). An id deleted before this migration above the largest kept one cannot be
// known and may still be used once.
const char* const kMigration4 = R"sql(
CREATE TABLE runs_rebuilt(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO runs_rebuilt(id, dataset_id, kind, config, cache_key, status, seed, device, started_at, finished_at,
                         elapsed_s, message, owner_pid)
  SELECT id, dataset_id, kind, config, cache_key, status, seed, device, started_at, finished_at, elapsed_s, message,
         owner_pid FROM runs;
DROP TABLE runs;
ALTER TABLE runs_rebuilt RENAME TO runs;
CREATE INDEX runs_by_cache_key ON runs(cache_key);
CREATE INDEX runs_by_dataset ON runs(dataset_id);
)sql";

// 5: the files of file-based datasets, so that an unchanged folder is not read again
// (data/file_table.h): per root, each file's size, modification time, content hash and
// why the reader leaves it out; and the fingerprint found for a digest of the hashes.
const char* const kMigration5 = R"sql(
CREATE TABLE dataset_roots(
  id INTEGER PRIMARY KEY,
  root TEXT NOT NULL UNIQUE);         -- absolute, normal path of the folder
CREATE TABLE dataset_files(
  root_id INTEGER NOT NULL REFERENCES dataset_roots(id) ON DELETE CASCADE,
  path TEXT NOT NULL,                 -- relative to the root, '/'-separated
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  hash INTEGER,                       -- XXH3-64 of the contents (bits as signed); NULL until read
  problem TEXT NOT NULL DEFAULT '',   -- why the reader leaves the file out; '' = a usable image
  PRIMARY KEY(root_id, path)) WITHOUT ROWID;
CREATE TABLE dataset_digests(
  digest TEXT PRIMARY KEY,            -- XXH3-64 over shape, classes, and per file path, label, size, hash
  fingerprint TEXT NOT NULL) WITHOUT ROWID;
)sql";

// 6: a run's embedding of a dataset (store/embedding_store.h): per split, float32
// row-major, rows × dims, one row per example in the split's order.
const char* const kMigration6 = R"sql(
CREATE TABLE embeddings(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  split TEXT NOT NULL CHECK(split IN ('train','test')),
  source TEXT NOT NULL,               -- classifier, self-supervised, torchscript:<file>
  rows INTEGER NOT NULL,
  dims INTEGER NOT NULL,
  data BLOB NOT NULL,                 -- little-endian float32, rows × dims
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(run_id, split));
)sql";

// 7: the embedding map's cache (store/map_store.h): per run whose embedding was laid out
// and per layout settings (canonical JSON), a float32 (x, y) per training example.
const char* const kMigration7 = R"sql(
CREATE TABLE embedding_maps(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,             -- JSON of every setting of the layout
  n INTEGER NOT NULL,                 -- training examples
  laid_out INTEGER NOT NULL,          -- of them in the layout's sample (the rest placed by neighbours)
  seconds REAL NOT NULL,
  xy BLOB NOT NULL,                   -- little-endian float32 x, y per example
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY(run_id, settings));
)sql";

}  // namespace

const std::vector<std::string>& schemaMigrations() {
  static const std::vector<std::string> m = {kMigration1, kMigration2, kMigration3, kMigration4,
                                             kMigration5, kMigration6, kMigration7};
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
  // A migration that rebuilds a table drops the old one: with foreign keys on, that
  // would delete every row referring to it. The switch only works outside a
  // transaction; the connection's setting is restored afterwards. (A rebuild copies
  // every row with its id, so no reference is broken by it.)
  const bool foreignKeys = db.scalarInt("PRAGMA foreign_keys") != 0;
  if (foreignKeys) db.exec("PRAGMA foreign_keys=OFF");
  auto restore = [&] {
    if (foreignKeys) sqlite3_exec(db.handle(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
  };
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
    restore();
    throw;
  }
  restore();
}

}  // namespace ps
