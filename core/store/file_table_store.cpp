#include "store/file_table_store.h"

#include <unistd.h>

#include <filesystem>

#include "data/dataset_opener.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "util/errors.h"

namespace fs = std::filesystem;

namespace ps {

StoreFileTable::StoreFileTable(Store& store) : db_(*store.db_) {}

StoreFileTable::StoreFileTable(std::unique_ptr<SqliteDb> own) : own_(std::move(own)), db_(*own_), readOnly_(true) {}

StoreFileTable::~StoreFileTable() = default;

std::unique_ptr<StoreFileTable> StoreFileTable::openCopy(const std::string& path) {
  auto db = std::make_unique<SqliteDb>(path, SqliteDb::Immutable{});
  const int64_t version = db->scalarInt("PRAGMA user_version");
  if (version < 5 || version > currentSchemaVersion())
    throw StoreError(path + ": not a file table written by this PruneScope (schema version " + std::to_string(version) +
                     ", expected 5 to " + std::to_string(currentSchemaVersion()) + ")");
  return std::unique_ptr<StoreFileTable>(new StoreFileTable(std::move(db)));
}

void StoreFileTable::forEachFile(const std::string& root,
                                 const std::function<void(std::string_view path, const FileFacts& facts)>& row) {
  Statement st(db_,
               "SELECT f.path, f.size, f.mtime_ns, f.hash, f.problem FROM dataset_files f "
               "JOIN dataset_roots r ON r.id = f.root_id WHERE r.root = ? ORDER BY f.path");
  st.bind(1, root);
  FileFacts facts;
  while (st.step()) {
    const auto size = st.int64(1);
    if (size < 0) throw StoreError(db_.path() + ": file table row with a negative size under " + root);
    facts.size = static_cast<uint64_t>(size);
    facts.mtimeNs = st.int64(2);
    facts.hash.reset();
    if (!st.isNull(3)) facts.hash = static_cast<uint64_t>(st.int64(3));
    facts.problem = st.isNull(4) ? std::string() : st.text(4);
    const auto* text = static_cast<const char*>(st.blob(0));
    row(std::string_view(text ? text : "", st.blobSize(0)), facts);
  }
}

void StoreFileTable::updateFiles(const std::string& root, size_t count,
                                 const std::function<void(size_t k, FileRow& row)>& changed,
                                 const std::vector<std::string>& removed) {
  if (readOnly_) return;
  Statement begin(db_, "BEGIN IMMEDIATE");
  begin.run();
  try {
    Statement addRoot(db_, "INSERT INTO dataset_roots(root) VALUES(?) ON CONFLICT(root) DO NOTHING");
    addRoot.bind(1, root).run();
    Statement id(db_, "SELECT id FROM dataset_roots WHERE root = ?");
    id.bind(1, root);
    if (!id.step()) throw StoreError(db_.path() + ": cannot record the dataset root " + root);
    const int64_t rootId = id.int64(0);
    Statement del(db_, "DELETE FROM dataset_files WHERE root_id = ? AND path = ?");
    for (const std::string& p : removed) {
      del.bind(1, rootId).bind(2, p).run();
      del.reset();
    }
    Statement put(db_,
                  "INSERT OR REPLACE INTO dataset_files(root_id, path, size, mtime_ns, hash, problem) "
                  "VALUES(?,?,?,?,?,?)");
    FileRow r;
    for (size_t k = 0; k < count; ++k) {
      r.facts = FileFacts{};
      changed(k, r);
      put.bind(1, rootId).bind(2, r.path).bind(3, static_cast<int64_t>(r.facts.size)).bind(4, r.facts.mtimeNs);
      if (r.facts.hash)
        put.bind(5, static_cast<int64_t>(*r.facts.hash));
      else
        put.bindNull(5);
      put.bind(6, r.facts.problem).run();
      put.reset();
    }
    db_.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::optional<std::string> StoreFileTable::fingerprintOf(const std::string& digest) {
  Statement st(db_, "SELECT fingerprint FROM dataset_digests WHERE digest = ?");
  st.bind(1, digest);
  if (!st.step()) return std::nullopt;
  std::string fp = st.text(0);
  if (fp.size() != 16 || fp.find_first_not_of("0123456789abcdef") != std::string::npos)
    throw StoreError(db_.path() + ": the fingerprint '" + fp.substr(0, 40) + "' kept for digest " + digest +
                     " is not 16 hex digits");
  return fp;
}

void StoreFileTable::rememberFingerprint(const std::string& digest, const std::string& fingerprint) {
  if (readOnly_) return;
  Statement st(db_, "INSERT OR REPLACE INTO dataset_digests(digest, fingerprint) VALUES(?,?)");
  st.bind(1, digest).bind(2, fingerprint).run();
}

std::unique_ptr<Dataset> openDatasetWithStore(const std::string& spec, Store& store, OpenOptions options) {
  StoreFileTable table(store);
  options.fileTable = &table;
  return openDataset(spec, options);
}

void exportFileTable(Store& store, const std::string& spec, const std::string& path) {
  std::error_code ec;
  const std::string root = fileTableRoot(fs::is_regular_file(spec, ec) ? fs::path(spec).parent_path().string() : spec);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  fs::remove(tmp, ec);
  {
    SqliteDb copy(tmp);  // a plain rollback-journal file: nothing beside it to share
    migrateSchema(copy, currentSchemaVersion());
  }
  SqliteDb& db = *store.db_;
  Statement attach(db, "ATTACH DATABASE ? AS copy");
  attach.bind(1, tmp).run();
  try {
    db.exec("BEGIN");
    Statement roots(db,
                    "INSERT INTO copy.dataset_roots(id, root) SELECT id, root FROM main.dataset_roots WHERE root = ?");
    roots.bind(1, root).run();
    db.exec(
        "INSERT INTO copy.dataset_files SELECT f.* FROM main.dataset_files f "
        "JOIN copy.dataset_roots r ON r.id = f.root_id");
    db.exec("INSERT INTO copy.dataset_digests SELECT * FROM main.dataset_digests");
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(db.handle(), "DETACH DATABASE copy", nullptr, nullptr, nullptr);
    fs::remove(tmp, ec);
    throw;
  }
  db.exec("DETACH DATABASE copy");
  fs::rename(tmp, path, ec);
  if (ec) throw IoError(path + ": cannot write the file table copy (" + ec.message() + ")");
}

}  // namespace ps
