#pragma once
// The Slurm side of a plan: plain, editable scripts (users adapt them to their site), the
// submission through sbatch, and the state of each task from squeue/sacct. PruneScope
// schedules nothing itself. No torch here.
#include <string>
#include <vector>

#include "cluster/cluster_plan.h"

namespace ps {

struct SlurmOptions {
  std::string partition, account;
  std::string time;     // HH:MM:SS (or D-HH:MM:SS), empty: the partition's default
  int gpusPerTask = 0;  // 0: no GPU asked for
  int cpusPerTask = 0;  // 0: Slurm's default
  int throttle = 0;     // at most this many array elements at once (0: no limit)
  std::string cli;      // prunescope-cli as every node runs it
};
// ConfigError naming the option when a value is out of range or not Slurm's syntax.
void validateSlurmOptions(const SlurmOptions& o);

// The options as a form holds them, counts as typed ("" or spaces: 0).
struct SlurmOptionText {
  std::string partition, account, time, gpusPerTask, cpusPerTask, throttle, cli;
};
// Parsed and validated: ConfigError naming the option when a count is not a whole
// number, or as validateSlurmOptions.
SlurmOptions parseSlurmOptions(const SlurmOptionText& text);

// The files of a plan's folder: DIR/plan.json, DIR/array.sbatch (one array element per
// task), DIR/merge.sbatch (merges what finished and reports what did not), DIR/submit.sh
// (sbatch of the array, then of the merge with --dependency=afterany on it; `submit.sh
// 1,3` submits only those tasks), DIR/jobs.json (the submissions) and DIR/logs/.
struct SlurmFiles {
  std::string dir, plan, array, merge, submit, jobs, logs;
};
SlurmFiles slurmFiles(const std::string& dir);

// Writes the three scripts (atomically), the logs folder, and the plan.
void writeSlurmFiles(const ClusterPlan& plan, const SlurmFiles& files, const SlurmOptions& options);

// The array's index list for these tasks with the throttle: "0-5%2", "1,3".
std::string arraySpec(const std::vector<int>& tasks, int throttle);

}  // namespace ps
