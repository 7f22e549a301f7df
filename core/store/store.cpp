#include "store/store.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>

#include <nlohmann/json.hpp>

#include "data/dataset.h"
#include "data/fingerprint.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "util/errors.h"

namespace fs = std::filesystem;

namespace ps {

const char* runStatusName(RunStatus s) {
  switch (s) {
    case RunStatus::Running: return "running";
    case RunStatus::Done: return "done";
    case RunStatus::Failed: return "failed";
    case RunStatus::Interrupted: return "interrupted";
  }
  return "failed";
}

RunStatus parseRunStatus(const std::string& s) {
  if (s == "running") return RunStatus::Running;
  if (s == "done") return RunStatus::Done;
  if (s == "interrupted") return RunStatus::Interrupted;
  if (s == "failed") return RunStatus::Failed;
  throw StoreError("unknown run status '" + s + "'");
}

Store::Store(const std::string& path) {
  if (fs::is_directory(path)) throw StoreError(path + ": is a directory; expected a store file path");
  db_ = std::make_unique<SqliteDb>(path);
  if (sqlite3_db_readonly(db_->handle(), "main") == 1)
    throw StoreError(path + ": the store file is read-only; expected a writable file");
  // The first statement that reads the file tells a non-database apart.
  db_->scalarInt("PRAGMA user_version");
  // Two openers of one new file: the one that switches it to WAL second gets BUSY at once.
  db_->execRetryingBusy("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA foreign_keys=ON");
  db_->exec("PRAGMA synchronous=NORMAL");
  migrateSchema(*db_, currentSchemaVersion());
  markStaleRunsInterrupted();
}

Store::~Store() = default;

std::string Store::defaultPath() {
  fs::path dir;
  // Read-only use of the environment, no thread changes it.
  if (const char* p = std::getenv("PRUNESCOPE_DB")) return p;  // NOLINT(concurrency-mt-unsafe)
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)   // NOLINT(concurrency-mt-unsafe)
    dir = fs::path(x) / "prunescope";
  else if (const char* h = std::getenv("HOME"); h && *h)  // NOLINT(concurrency-mt-unsafe)
    dir = fs::path(h) / ".local" / "share" / "prunescope";
  else
    dir = fs::temp_directory_path() / "prunescope";
  std::error_code ec;
  fs::create_directories(dir, ec);
  return (dir / "workspace.sqlite").string();
}

std::string Store::cacheKey(const std::string& kind, const std::string& config, const std::string& fingerprint) {
  // Canonical JSON (sorted keys, no whitespace) so key order in the config does not matter.
  std::string canonical = config;
  try {
    canonical = nlohmann::json::parse(config).dump();
  } catch (const nlohmann::json::exception&) {
  }
  Hasher h;
  h.update(kind);
  h.update(canonical);
  h.update(fingerprint);
  return h.hex();
}

const std::string& Store::path() const { return db_->path(); }
int Store::schemaVersion() const { return static_cast<int>(db_->scalarInt("PRAGMA user_version")); }
std::string Store::integrityCheck() const { return db_->scalarText("PRAGMA integrity_check"); }

int64_t Store::registerDataset(const Dataset& ds) {
  const std::string fp = ds.fingerprint();
  if (auto rec = findDataset(fp)) return rec->id;
  // Another process may add the same dataset at the same moment: the first insert wins.
  Statement st(*db_,
               "INSERT INTO datasets(fingerprint, spec, format, class_names, n_train, n_test, shape) "
               "VALUES(?,?,?,?,?,?,?) ON CONFLICT(fingerprint) DO NOTHING");
  st.bind(1, fp).bind(2, ds.spec()).bind(3, ds.format()).bind(4, nlohmann::json(ds.classNames()).dump());
  st.bind(5, static_cast<int64_t>(ds.size(Split::Train))).bind(6, static_cast<int64_t>(ds.size(Split::Test)));
  st.bind(7, ds.shape().str());
  st.run();
  if (auto rec = findDataset(fp)) return rec->id;
  throw StoreError(path() + ": the dataset " + fp + " could not be recorded");
}

namespace {

bool processAlive(int64_t pid) {
  return pid > 0 && pid <= std::numeric_limits<pid_t>::max() &&
         (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

DatasetRecord datasetFrom(const Statement& st, const std::string& path) {
  DatasetRecord r;
  r.id = st.int64(0);
  r.fingerprint = st.text(1);
  r.spec = st.text(2);
  r.format = st.text(3);
  try {
    r.classNames = nlohmann::json::parse(st.text(4)).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw StoreError(path + ": dataset " + std::to_string(r.id) + " has damaged class names (expected a JSON list)");
  }
  r.numTrain = st.int64(5);
  r.numTest = st.int64(6);
  r.shape = st.text(7);
  r.createdAt = st.text(8);
  return r;
}
constexpr const char* kDatasetCols = "id, fingerprint, spec, format, class_names, n_train, n_test, shape, created_at";

RunRecord runFrom(const Statement& st, const std::string& path) {
  RunRecord r;
  r.id = st.int64(0);
  r.datasetId = st.int64(1);
  r.kind = st.text(2);
  r.config = st.text(3);
  r.cacheKey = st.text(4);
  try {
    r.status = parseRunStatus(st.text(5));
  } catch (const StoreError& e) {
    throw StoreError(path + ": run " + std::to_string(r.id) + ": " + e.what());
  }
  r.seed = st.int64(6);
  r.device = st.text(7);
  r.startedAt = st.text(8);
  r.finishedAt = st.text(9);
  r.elapsedSeconds = st.real(10);
  r.message = st.text(11);
  return r;
}
constexpr const char* kRunCols =
    "id, dataset_id, kind, config, cache_key, status, seed, device, started_at, finished_at, elapsed_s, message";
}  // namespace

std::optional<DatasetRecord> Store::findDataset(const std::string& fingerprint) const {
  Statement st(*db_, std::string("SELECT ") + kDatasetCols + " FROM datasets WHERE fingerprint = ?");
  st.bind(1, fingerprint);
  if (!st.step()) return std::nullopt;
  return datasetFrom(st, path());
}

std::vector<DatasetRecord> Store::datasets() const {
  Statement st(*db_, std::string("SELECT ") + kDatasetCols + " FROM datasets ORDER BY id");
  std::vector<DatasetRecord> out;
  while (st.step()) out.push_back(datasetFrom(st, path()));
  return out;
}

int64_t Store::beginRun(int64_t datasetId, const std::string& kind, const std::string& config,
                        const std::string& cacheKey, int64_t seed, const std::string& device) {
  Statement st(*db_,
               "INSERT INTO runs(dataset_id, kind, config, cache_key, status, seed, device, owner_pid) "
               "VALUES(?,?,?,?,'running',?,?,?)");
  st.bind(1, datasetId).bind(2, kind).bind(3, config).bind(4, cacheKey).bind(5, seed).bind(6, device);
  st.bind(7, static_cast<int64_t>(getpid()));
  st.run();
  return db_->lastInsertId();
}

int64_t Store::beginOrResumeRun(int64_t datasetId, const std::string& kind, const std::string& config,
                                const std::string& cacheKey, int64_t seed, const std::string& device, bool* resumed) {
  // Under the write lock, so two processes asking for the same run at once get one run:
  // the first begins it, the second is told it is in use.
  const bool outer = savepointDepth_ == 0;
  if (outer) db_->exec("BEGIN IMMEDIATE");
  try {
    Statement st(*db_, "SELECT id, status, owner_pid FROM runs WHERE cache_key = ? ORDER BY id DESC LIMIT 1");
    st.bind(1, cacheKey);
    const bool found = st.step();
    const int64_t previous = found ? st.int64(0) : 0;
    const std::string status = found ? st.text(1) : "";
    const int64_t owner = found ? st.int64(2) : 0;
    const bool resume = found && status != "done";
    if (resume && status == "running" && processAlive(owner))
      throw StoreError(path() + ": run " + std::to_string(previous) + " (" + kind + ") is in use: process " +
                       std::to_string(owner) +
                       " is computing it now; wait for it to finish (its result is then read from the store) or "
                       "stop that process to resume it here");
    const int64_t id = resume ? previous : beginRun(datasetId, kind, config, cacheKey, seed, device);
    if (resume) reopenRun(id);
    if (outer) db_->exec("COMMIT");
    if (resumed) *resumed = resume;
    return id;
  } catch (...) {
    if (outer) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Store::finishRun(int64_t runId, RunStatus status, const std::string& message) {
  Statement st(*db_,
               "UPDATE runs SET status = ?, message = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), "
               "elapsed_s = COALESCE(elapsed_s, 0) + (julianday('now') - julianday(started_at)) * 86400.0 "
               "WHERE id = ?");
  st.bind(1, std::string(runStatusName(status))).bind(2, message).bind(3, runId);
  st.run();
  if (sqlite3_changes(db_->handle()) == 0) throw StoreError(path() + ": no run with id " + std::to_string(runId));
}

void Store::reopenRun(int64_t runId) {
  // elapsed_s keeps the time of earlier attempts; started_at restarts the clock.
  Statement st(*db_,
               "UPDATE runs SET status = 'running', finished_at = NULL, owner_pid = ?, "
               "started_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?");
  st.bind(1, static_cast<int64_t>(getpid())).bind(2, runId);
  st.run();
  if (sqlite3_changes(db_->handle()) == 0) throw StoreError(path() + ": no run with id " + std::to_string(runId));
}

RunRecord Store::run(int64_t runId) const {
  Statement st(*db_, std::string("SELECT ") + kRunCols + " FROM runs WHERE id = ?");
  st.bind(1, runId);
  if (!st.step()) throw StoreError(path() + ": no run with id " + std::to_string(runId));
  return runFrom(st, path());
}

std::optional<RunRecord> Store::findRun(const std::string& cacheKey, std::optional<RunStatus> status) const {
  Statement st(*db_, std::string("SELECT ") + kRunCols +
                         " FROM runs WHERE cache_key = ? AND (? = '' OR status = ?) ORDER BY id DESC LIMIT 1");
  const std::string s = status ? runStatusName(*status) : "";
  st.bind(1, cacheKey).bind(2, s).bind(3, s);
  if (!st.step()) return std::nullopt;
  return runFrom(st, path());
}

std::vector<RunRecord> Store::runs(int64_t datasetId) const {
  Statement st(*db_, std::string("SELECT ") + kRunCols + " FROM runs WHERE dataset_id = ? ORDER BY id");
  st.bind(1, datasetId);
  std::vector<RunRecord> out;
  while (st.step()) out.push_back(runFrom(st, path()));
  return out;
}

void Store::deleteRun(int64_t runId) {
  Statement st(*db_, "DELETE FROM runs WHERE id = ?");  // vectors, checkpoints, results cascade
  st.bind(1, runId);
  st.run();
}

int Store::markStaleRunsInterrupted() {
  Statement sel(*db_, "SELECT id, owner_pid FROM runs WHERE status = 'running'");
  std::vector<int64_t> stale;
  while (sel.step()) {
    if (!processAlive(sel.int64(1))) stale.push_back(sel.int64(0));
  }
  for (int64_t id : stale) finishRun(id, RunStatus::Interrupted, "the process running it stopped before it finished");
  return static_cast<int>(stale.size());
}

// Blobs hold the host's bytes, little-endian as the schema says on every platform built for.
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "store vectors are little-endian: byte swaps needed here");

void Store::putBlob(int64_t runId, const std::string& name, const char* dtype, const void* data, size_t n,
                    size_t elem) {
  Statement st(*db_, "INSERT OR REPLACE INTO vectors(run_id, name, dtype, n, data) VALUES(?,?,?,?,?)");
  st.bind(1, runId).bind(2, name).bind(3, std::string(dtype)).bind(4, static_cast<int64_t>(n));
  st.bindBlob(5, data, n * elem);
  st.run();
}

void Store::putVector(int64_t runId, const std::string& name, const std::vector<float>& values) {
  putBlob(runId, name, "f32", values.data(), values.size(), sizeof(float));
}

void Store::putVectors(int64_t runId, const std::map<std::string, std::vector<float>>& vectors) {
  Transaction t(*this);
  for (const auto& kv : vectors) putVector(runId, kv.first, kv.second);
  t.commit();
}

void Store::putIndexVector(int64_t runId, const std::string& name, const std::vector<int64_t>& values) {
  putBlob(runId, name, "i64", values.data(), values.size(), sizeof(int64_t));
}

namespace {
template <typename T>
std::vector<T> readBlob(SqliteDb& db, int64_t runId, const std::string& name, const char* dtype) {
  Statement st(db, "SELECT dtype, n, data FROM vectors WHERE run_id = ? AND name = ?");
  st.bind(1, runId).bind(2, name);
  if (!st.step())
    throw StoreError(db.path() + ": run " + std::to_string(runId) + " has no vector named '" + name + "'");
  if (st.text(0) != dtype)
    throw StoreError(db.path() + ": vector '" + name + "' holds " + st.text(0) + ", expected " + dtype);
  // The count is checked against the blob before it sizes anything (a damaged count
  // could overflow n * sizeof(T) back to the blob's size).
  const int64_t count = st.int64(1);
  const auto bytes = static_cast<size_t>(st.blobSize(2));
  if (count < 0 || bytes % sizeof(T) != 0 || bytes / sizeof(T) != static_cast<uint64_t>(count))
    throw StoreError(db.path() + ": vector '" + name + "' of run " + std::to_string(runId) +
                     " is damaged: " + std::to_string(bytes) + " bytes for " + std::to_string(count) + " values of " +
                     std::to_string(sizeof(T)) + " bytes");
  const auto n = static_cast<size_t>(count);
  std::vector<T> out(n);
  if (n) std::memcpy(out.data(), st.blob(2), n * sizeof(T));
  return out;
}
}  // namespace

std::vector<float> Store::vector(int64_t runId, const std::string& name) const {
  return readBlob<float>(*db_, runId, name, "f32");
}
std::vector<int64_t> Store::indexVector(int64_t runId, const std::string& name) const {
  return readBlob<int64_t>(*db_, runId, name, "i64");
}

std::vector<std::string> Store::vectorNames(int64_t runId) const {
  Statement st(*db_, "SELECT name FROM vectors WHERE run_id = ? ORDER BY name");
  st.bind(1, runId);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

void Store::putCheckpoint(int64_t runId, const std::string& key, const std::vector<uint8_t>& data) {
  Statement st(*db_,
               "INSERT OR REPLACE INTO checkpoints(run_id, key, data, updated_at) "
               "VALUES(?,?,?,strftime('%Y-%m-%dT%H:%M:%fZ','now'))");
  st.bind(1, runId).bind(2, key).bindBlob(3, data.data(), data.size());
  st.run();
}

std::optional<std::vector<uint8_t>> Store::checkpoint(int64_t runId, const std::string& key) const {
  Statement st(*db_, "SELECT data FROM checkpoints WHERE run_id = ? AND key = ?");
  st.bind(1, runId).bind(2, key);
  if (!st.step()) return std::nullopt;
  const auto* p = static_cast<const uint8_t*>(st.blob(0));
  return std::vector<uint8_t>(p, p + st.blobSize(0));
}

void Store::clearCheckpoints(int64_t runId) {
  Statement st(*db_, "DELETE FROM checkpoints WHERE run_id = ?");
  st.bind(1, runId);
  st.run();
}

void Store::setTags(int64_t datasetId, const std::vector<int64_t>& examples, const std::string& tag, bool on) {
  Transaction t(*this);
  Statement st(*db_, on ? "INSERT OR IGNORE INTO tags(dataset_id, example, tag) VALUES(?,?,?)"
                        : "DELETE FROM tags WHERE dataset_id = ? AND example = ? AND tag = ?");
  for (int64_t e : examples) {
    st.bind(1, datasetId).bind(2, e).bind(3, tag);
    st.run();
    st.reset();
  }
  t.commit();
}

std::vector<std::pair<int64_t, std::string>> Store::tags(int64_t datasetId) const {
  Statement st(*db_, "SELECT example, tag FROM tags WHERE dataset_id = ? ORDER BY example, tag");
  st.bind(1, datasetId);
  std::vector<std::pair<int64_t, std::string>> out;
  while (st.step()) out.emplace_back(st.int64(0), st.text(1));
  return out;
}

void Store::putResult(int64_t runId, const std::string& key, const std::string& json) {
  Statement st(*db_, "INSERT OR REPLACE INTO results(run_id, key, value) VALUES(?,?,?)");
  st.bind(1, runId).bind(2, key).bind(3, json);
  st.run();
}

std::optional<std::string> Store::result(int64_t runId, const std::string& key) const {
  Statement st(*db_, "SELECT value FROM results WHERE run_id = ? AND key = ?");
  st.bind(1, runId).bind(2, key);
  if (!st.step()) return std::nullopt;
  return st.text(0);
}

std::map<std::string, std::string> Store::results(int64_t runId) const {
  Statement st(*db_, "SELECT key, value FROM results WHERE run_id = ? ORDER BY key");
  st.bind(1, runId);
  std::map<std::string, std::string> out;
  while (st.step()) out[st.text(0)] = st.text(1);
  return out;
}

Store::Transaction::Transaction(Store& store) : store_(store) {
  name_ = "sp" + std::to_string(store_.savepointDepth_++);
  store_.db_->exec("SAVEPOINT " + name_);
}

Store::Transaction::~Transaction() {
  if (!done_) {
    sqlite3_exec(store_.db_->handle(), ("ROLLBACK TO " + name_ + "; RELEASE " + name_).c_str(), nullptr, nullptr,
                 nullptr);
    --store_.savepointDepth_;
  }
}

void Store::Transaction::commit() {
  store_.db_->exec("RELEASE " + name_);
  --store_.savepointDepth_;
  done_ = true;
}

int64_t Store::registerDatasetRecord(const DatasetRecord& d) {
  if (auto rec = findDataset(d.fingerprint)) return rec->id;
  Statement st(*db_,
               "INSERT INTO datasets(fingerprint, spec, format, class_names, n_train, n_test, shape) "
               "VALUES(?,?,?,?,?,?,?) ON CONFLICT(fingerprint) DO NOTHING");
  st.bind(1, d.fingerprint).bind(2, d.spec).bind(3, d.format).bind(4, nlohmann::json(d.classNames).dump());
  st.bind(5, d.numTrain).bind(6, d.numTest).bind(7, d.shape);
  st.run();
  if (auto rec = findDataset(d.fingerprint)) return rec->id;
  throw StoreError(path() + ": the dataset " + d.fingerprint + " could not be recorded");
}

int64_t Store::insertRunRecord(int64_t datasetId, const RunRecord& r) {
  Statement st(*db_,
               "INSERT INTO runs(dataset_id, kind, config, cache_key, status, seed, device, started_at, finished_at, "
               "elapsed_s, message, owner_pid) VALUES(?,?,?,?,?,?,?,?,?,?,?,0)");
  st.bind(1, datasetId).bind(2, r.kind).bind(3, r.config).bind(4, r.cacheKey);
  st.bind(5, std::string(runStatusName(r.status))).bind(6, r.seed).bind(7, r.device).bind(8, r.startedAt);
  if (r.finishedAt.empty())
    st.bindNull(9);
  else
    st.bind(9, r.finishedAt);
  st.bind(10, r.elapsedSeconds).bind(11, r.message);
  st.run();
  return db_->lastInsertId();
}

std::string Store::vectorType(int64_t runId, const std::string& name) const {
  Statement st(*db_, "SELECT dtype FROM vectors WHERE run_id = ? AND name = ?");
  st.bind(1, runId).bind(2, name);
  if (!st.step()) throw StoreError(path() + ": run " + std::to_string(runId) + " has no vector named '" + name + "'");
  return st.text(0);
}

}  // namespace ps
