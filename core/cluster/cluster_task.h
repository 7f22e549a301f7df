#pragma once
// Runs one task of a plan into its own shard store, and tells whether a shard holds a
// task's finished result. A task resumes as every run does: a requeued or preempted task
// finds its run in the shard and continues from the last finished epoch. No torch here.
#include <memory>
#include <string>

#include "cluster/cluster_plan.h"

namespace ps {

class Dataset;
class FileTable;
class JobContext;
class Store;

struct TaskRunOptions {
  std::string device = "auto";  // auto, cpu, cuda, cuda:N
  int threads = 0;              // CPU threads (0 = every core)
};

// Writes a copy of the dataset's file table from `store` into `planDir` (files.sqlite)
// and names it in the plan: its tasks then list and stat the dataset's files instead of
// reading them all.
void attachFileTable(ClusterPlan& plan, Store& store, const std::string& planDir);

// Opens the dataset at `spec`; DatasetError when its fingerprint is not `fingerprint` (the
// data changed since planning, or this node sees other files under that path). With
// `files`, an image folder's unchanged files are not read again.
std::unique_ptr<Dataset> openDatasetWithFingerprint(const std::string& spec, const std::string& fingerprint,
                                                    FileTable* files = nullptr);

// Runs the task into the shard at `shardPath`; returns true when the shard held its
// result already (nothing computed). ConfigError when the task does not match its plan
// (a training index outside the dataset, a cache key the request does not give).
bool runPlanTask(const ClusterPlan& plan, const ClusterTask& task, const std::string& shardPath,
                 const TaskRunOptions& options, JobContext& ctx);

// Whether the shard holds the task's finished result; false when there is no shard yet.
bool taskFinished(const ClusterTask& task, const std::string& shardPath);

}  // namespace ps
