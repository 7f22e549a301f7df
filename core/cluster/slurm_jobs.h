#pragma once
// Submitting a plan's scripts with sbatch, and each task's state from Slurm (squeue, else
// sacct) and from its shard store. No torch here.
#include <string>
#include <utility>
#include <vector>

#include "cluster/cluster_plan.h"
#include "cluster/slurm_script.h"

namespace ps {

struct Submission {
  std::string arrayJob, mergeJob;  // Slurm job ids
  std::vector<int> tasks;          // the array's elements
};

// Runs DIR/submit.sh for `tasks` (all of the plan's when empty), records the job ids in
// DIR/jobs.json (atomically) and returns them. IoError with sbatch's message when the
// submission fails (sbatch missing, a partition that does not exist).
Submission submitPlan(const SlurmFiles& files, const ClusterPlan& plan, const std::vector<int>& tasks);
// The submissions recorded so far (none when the plan was not submitted); ConfigError
// naming the file when it is damaged.
std::vector<Submission> readSubmissions(const std::string& jobsPath);

struct TaskState {
  int index = 0;
  std::string label;
  std::string job;        // "12_3" (array job 12, element 3); empty when never submitted
  std::string slurm;      // PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ... or "unknown"
  bool finished = false;  // its shard holds the task's result
  std::string lastLine;   // a task that needs resubmitting: its log's last line (why it ended)
};
struct PlanStatus {
  std::vector<TaskState> tasks;
  std::vector<std::pair<Submission, std::string>> merges;  // every submission and its merge job's state
};
// For every task, its newest submission's state and whether its shard holds its result;
// for every submission, the state of its merge job.
PlanStatus planStatus(const SlurmFiles& files, const ClusterPlan& plan);
// Whether a task waits for Slurm or runs (PENDING, CONFIGURING, REQUEUED, RUNNING,
// COMPLETING, SUSPENDED): its result may still come.
bool taskActive(const TaskState& state);
// Whether a task needs submitting again: not finished, and neither waiting nor running
// (failed, cancelled, timed out, never submitted, or gone from the queue without result).
bool taskNeedsResubmit(const TaskState& state);
// Tasks to submit again: those that need it.
std::vector<int> tasksToResubmit(const std::vector<TaskState>& states);

// How many tasks are finished, running, waiting and in need of a resubmission.
struct StatusCounts {
  int finished = 0, running = 0, pending = 0, failed = 0;
  int total() const { return finished + running + pending + failed; }
};
StatusCounts countTasks(const std::vector<TaskState>& states);

// Cancels (scancel) every recorded submission's array and merge job; IoError with
// scancel's message when it fails. Nothing happens when nothing was submitted.
void cancelSubmissions(const SlurmFiles& files);

}  // namespace ps
