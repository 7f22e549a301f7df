#pragma once
// The workspace store: one SQLite file (WAL, foreign keys on) holding datasets, runs,
// per-example vectors, job checkpoints and study results. Every multi-row write runs in
// one transaction, so a process killed mid-write leaves the file consistent and the run
// not marked done. Errors are thrown as StoreError naming the file.
//
// A Store is one connection; use it from one thread at a time (open one per thread).
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps {

class Dataset;
class SqliteDb;
struct Embedding;
enum class Split;

struct DatasetRecord {
  int64_t id = 0;
  std::string fingerprint, spec, format;
  std::vector<std::string> classNames;
  int64_t numTrain = 0, numTest = 0;
  std::string shape;
  std::string createdAt;
};

enum class RunStatus { Running, Done, Failed, Interrupted };
const char* runStatusName(RunStatus s);
RunStatus parseRunStatus(const std::string& s);

struct RunRecord {
  int64_t id = 0;
  int64_t datasetId = 0;
  std::string kind;
  std::string config;  // JSON
  std::string cacheKey;
  RunStatus status = RunStatus::Running;
  int64_t seed = 0;
  std::string device;
  std::string startedAt, finishedAt;
  double elapsedSeconds = 0.0;
  std::string message;
};

class Store {
 public:
  // Opens (creating if needed) and migrates the store at `path`. Runs left 'running' by
  // a process that no longer exists are marked 'interrupted'.
  explicit Store(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // $PRUNESCOPE_DB, else $XDG_DATA_HOME/prunescope/workspace.sqlite, else
  // ~/.local/share/prunescope/workspace.sqlite. The directory is created.
  static std::string defaultPath();
  // Cache key of a run: hash of kind, canonical config JSON and dataset fingerprint.
  static std::string cacheKey(const std::string& kind, const std::string& config, const std::string& fingerprint);

  const std::string& path() const;
  int schemaVersion() const;
  std::string integrityCheck() const;  // "ok" when healthy

  // Datasets
  int64_t registerDataset(const Dataset& ds);  // insert or find by fingerprint
  std::optional<DatasetRecord> findDataset(const std::string& fingerprint) const;
  std::vector<DatasetRecord> datasets() const;

  // Tags on training examples of a dataset (see store/example_tags.h for the names).
  // setTags adds (on) or removes (off) one tag on several examples in one transaction.
  void setTags(int64_t datasetId, const std::vector<int64_t>& examples, const std::string& tag, bool on);
  // Every (example, tag) of the dataset, by example then tag.
  std::vector<std::pair<int64_t, std::string>> tags(int64_t datasetId) const;

  // Runs
  int64_t beginRun(int64_t datasetId, const std::string& kind, const std::string& config, const std::string& cacheKey,
                   int64_t seed, const std::string& device);
  // The unfinished run with this cache key reopened (`*resumed` = true), or a new one.
  int64_t beginOrResumeRun(int64_t datasetId, const std::string& kind, const std::string& config,
                           const std::string& cacheKey, int64_t seed, const std::string& device,
                           bool* resumed = nullptr);
  void finishRun(int64_t runId, RunStatus status, const std::string& message = {});
  void reopenRun(int64_t runId);  // back to 'running' to resume it
  RunRecord run(int64_t runId) const;
  std::optional<RunRecord> findRun(const std::string& cacheKey, std::optional<RunStatus> status = {}) const;
  std::vector<RunRecord> runs(int64_t datasetId) const;
  void deleteRun(int64_t runId);
  int markStaleRunsInterrupted();

  // Per-example vectors (replaced when written again).
  void putVector(int64_t runId, const std::string& name, const std::vector<float>& values);
  void putVectors(int64_t runId, const std::map<std::string, std::vector<float>>& vectors);
  void putIndexVector(int64_t runId, const std::string& name, const std::vector<int64_t>& values);
  std::vector<float> vector(int64_t runId, const std::string& name) const;
  std::vector<int64_t> indexVector(int64_t runId, const std::string& name) const;
  std::vector<std::string> vectorNames(int64_t runId) const;

  // Checkpoints of a job (opaque bytes) and results (JSON), keyed per run.
  void putCheckpoint(int64_t runId, const std::string& key, const std::vector<uint8_t>& data);
  std::optional<std::vector<uint8_t>> checkpoint(int64_t runId, const std::string& key) const;
  void clearCheckpoints(int64_t runId);
  void putResult(int64_t runId, const std::string& key, const std::string& json);
  std::optional<std::string> result(int64_t runId, const std::string& key) const;
  std::map<std::string, std::string> results(int64_t runId) const;

  // Records made in another store (a cluster task's shard) brought into this one: the
  // dataset as recorded there (found by fingerprint, else inserted), a run with its
  // status, timing, device and message (its vectors and results are put separately),
  // and the element type of a vector ("f32" or "i64") so it can be copied as it is.
  int64_t registerDatasetRecord(const DatasetRecord& d);
  int64_t insertRunRecord(int64_t datasetId, const RunRecord& r);
  std::string vectorType(int64_t runId, const std::string& name) const;

  // RAII transaction (nestable via savepoints): commits in commit(), rolls back otherwise.
  class Transaction {
   public:
    explicit Transaction(Store& store);
    ~Transaction();
    void commit();

   private:
    Store& store_;
    std::string name_;
    bool done_ = false;
  };

 private:
  friend class StoreFileTable;  // its own tables, through this connection
  friend class MapStore;        // the embedding maps' table
  friend void exportFileTable(Store& store, const std::string& spec, const std::string& path);
  friend void saveEmbedding(Store& store, int64_t runId, Split split, const Embedding& e);  // its own table
  friend std::optional<Embedding> loadEmbedding(const Store& store, int64_t runId, Split split);
  friend bool hasEmbedding(const Store& store, int64_t runId, Split split);
  friend std::vector<int64_t> runsWithEmbeddings(const Store& store, int64_t datasetId);
  void putBlob(int64_t runId, const std::string& name, const char* dtype, const void* data, size_t n, size_t elem);
  std::unique_ptr<SqliteDb> db_;
  int savepointDepth_ = 0;
};

}  // namespace ps
