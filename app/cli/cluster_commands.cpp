// prunescope-cli: task run, merge, slurm score and slurm status (work split into tasks
// that run as a Slurm job array, each into its own shard store, merged back).
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include "cli/cli_command.h"
#include "cli/progress_line.h"
#include "cli/setting_options.h"
#include "cluster/cluster_plan.h"
#include "cluster/cluster_task.h"
#include "cluster/shard_merge.h"
#include "cluster/slurm_jobs.h"
#include "cluster/slurm_script.h"
#include "data/dataset.h"
#include "data/dataset_opener.h"
#include "store/file_table_store.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "study/study_runner.h"
#include "util/errors.h"

namespace fs = std::filesystem;

namespace ps {

namespace {

struct TaskRunCli {
  std::string plan, db;
  int64_t index = -1;
  TaskRunOptions run;
  bool quiet = false;
};

int runTask(const TaskRunCli& o, CliIo io) {
  const ClusterPlan plan = readPlan(o.plan);
  const ClusterTask& task = planTask(plan, o.index, o.plan);
  const std::string shard = o.db.empty() ? plan.shardPath(task.index) : o.db;
  return withJob(o.quiet, io.err, [&](JobContext& ctx) {
    const bool before = runPlanTask(plan, task, shard, o.run, ctx);
    io.out << "task " << task.index << " (" << task.label << "): " << (before ? "already in " : "done, in ") << shard
           << "\n";
    return 0;
  });
}

struct MergeCli {
  std::vector<std::string> shards;
  std::string into, plan;
  int threads = 0;
  bool quiet = false;
};

void printReport(const MergeReport& r, const MergeCli& o, const std::string& into, std::ostream& out) {
  out << "merged into " << into << ": " << r.runsAdded << " finished runs added, " << r.runsPresent
      << " already there, " << r.seedsAdded << " seeds added\n";
  for (const auto& c : r.completed) out << "completed from its seeds: " << c << "\n";
  for (const auto& w : r.waiting) out << "waiting: " << w << "\n";
  for (const auto& u : r.unfinished) out << "not finished: " << u << "\n";
  if (!r.unfinished.empty())
    out << "resubmit what did not finish with: prunescope-cli slurm status " << fs::path(o.plan).parent_path().string()
        << " --resubmit\n";
}

int runMerge(const MergeCli& o, CliIo io) {
  MergeRequest req;
  req.shards = o.shards;
  req.threads = o.threads;
  if (!o.plan.empty()) req.plan = readPlan(o.plan);
  req.into = !o.into.empty() ? o.into : req.plan ? req.plan->store : storePathOr("");
  return withJob(o.quiet, io.err, [&](JobContext& ctx) {
    const MergeReport r = mergeShards(req, ctx);
    printReport(r, o, req.into, io.out);
    return 0;
  });
}

struct SlurmCli {
  std::string dataset, scores = "default", dir, db, cli;
  ScoreConfig config;
  SlurmOptions slurm;
  bool dryRun = false;
};

void printSubmission(const Submission& s, std::ostream& out) {
  out << "submitted: array job " << s.arrayJob << " (tasks " << arraySpec(s.tasks, 0) << "), merge job " << s.mergeJob
      << " (after the array, afterany)\n";
}

std::string cliPath(const std::string& given) {
  return given.empty() ? fs::read_symlink("/proc/self/exe").string() : fs::absolute(given).string();
}

// Writes the plan and its scripts, and submits them unless --dry-run.
int writeAndSubmit(const ClusterPlan& plan, const SlurmFiles& files, const SlurmCli& o, CliIo io) {
  writeSlurmFiles(plan, files, o.slurm);
  io.out << "plan: " << files.plan << " (" << plan.tasks.size() << " tasks, "
         << (isRunKind(plan.kind, RunKind::Score) ? "one per seed" : "one per study point") << ")\n"
         << "scripts: " << files.array << ", " << files.merge << ", " << files.submit << "\n";
  if (o.dryRun) {
    io.out << "not submitted (--dry-run); submit with: bash " << files.submit << "\n";
    return 0;
  }
  printSubmission(submitPlan(files, plan, {}), io.out);
  return 0;
}

int runSlurmScore(SlurmCli& o, CliIo io) {
  o.config.scores = parseScoreList(o.scores);
  Store store(storePathOr(o.db));
  auto ds = openDatasetFor(o.dataset, store, io.err);
  const SlurmFiles files = slurmFiles(o.dir);
  o.slurm.cli = cliPath(o.cli);
  ClusterPlan plan = planScoring(*ds, o.config, store.path(), (fs::path(files.dir) / "shards").string());
  attachFileTable(plan, store, files.dir);
  return writeAndSubmit(plan, files, o, io);
}

// Options of slurm commands that are not the study's own (left out of its command line).
const std::set<std::string>& slurmOptionNames() {
  static const std::set<std::string> names = {
      "--dir",      "--partition", "--account", "--time", "--gpus-per-task", "--cpus-per-task",
      "--throttle", "--cli",       "--dry-run", "--db",   "--quiet",         "dataset"};
  return names;
}

// The study's own command line, as the merge job runs it once every point is in the
// store: the plan's dataset and store, output paths made absolute (the job runs in the
// plan's folder).
std::vector<std::string> finishCommand(const std::string& kind, const CLI::App* cmd, const ClusterPlan& plan) {
  std::vector<std::string> args = {kind, plan.dataset};
  for (const CLI::Option* opt : cmd->get_options()) {
    const std::string name = opt->get_positional() ? opt->get_name(true) : opt->get_name();
    if (opt->count() == 0 || slurmOptionNames().count(name)) continue;
    if (opt->get_type_size() == 0) {  // a flag
      args.push_back(name);
      continue;
    }
    for (const auto& r : opt->results()) {
      args.push_back(name);
      args.push_back(name == "--out" || name == "--json" ? fs::absolute(r).string() : r);
    }
  }
  args.insert(args.end(), {"--db", plan.store, "--quiet"});
  return args;
}

int runSlurmStudy(const StudyPlanRequest& r, const CLI::App* cmd, SlurmCli& o, CliIo io) {
  Store store(storePathOr(r.db));
  auto ds = openDatasetFor(r.dataset, store, io.err);
  const SlurmFiles files = slurmFiles(o.dir);
  o.slurm.cli = cliPath(o.cli);
  return withJob(true, io.err, [&](JobContext& ctx) {
    const StudyPoints points = r.points(*ds, store, ctx);
    ClusterPlan plan = planStudy(*ds, r.kind, points, store.path(), (fs::path(files.dir) / "shards").string(), {});
    plan.finishCommand = finishCommand(r.kind, cmd, plan);
    attachFileTable(plan, store, files.dir);
    return writeAndSubmit(plan, files, o, io);
  });
}

struct StatusCli {
  std::string where;
  bool resubmit = false;
};

int runSlurmStatus(const StatusCli& o, CliIo io) {
  const std::string dir = fs::is_directory(o.where) ? o.where : fs::path(o.where).parent_path().string();
  const SlurmFiles files = slurmFiles(dir.empty() ? "." : dir);
  const ClusterPlan plan = readPlan(files.plan);
  const PlanStatus status = planStatus(files, plan);
  const std::vector<TaskState>& states = status.tasks;
  for (const auto& s : states) {
    io.out << "task " << s.index << "  " << (s.job.empty() ? "-" : s.job) << "  "
           << (s.slurm.empty() ? "not submitted" : s.slurm) << "  " << (s.finished ? "finished" : "no result") << "  "
           << s.label << "\n";
    if (!s.lastLine.empty()) io.out << "    " << s.lastLine << "\n";  // why it ended, from its log
  }
  const StatusCounts counts = countTasks(states);
  io.out << counts.finished << " of " << states.size() << " tasks finished, " << counts.running << " running, "
         << counts.pending << " waiting, " << counts.failed << " to resubmit (shards in " << plan.shardDir << ")\n";
  for (const auto& [s, state] : status.merges)
    io.out << "merge job " << s.mergeJob << " (after array job " << s.arrayJob << "): " << state << "\n";
  if (!o.resubmit) return 0;
  const std::vector<int> again = tasksToResubmit(states);
  if (again.empty()) {
    io.out << "nothing to resubmit\n";
    return 0;
  }
  printSubmission(submitPlan(files, plan, again), io.out);
  return 0;
}

void addSlurmOptions(CLI::App* cmd, SlurmCli& o, bool withDb) {
  cmd->add_option("--dir", o.dir, "Folder for the plan, scripts, shards and logs (shared by every node)")->required();
  if (withDb)
    cmd->add_option("--db", o.db, "The store the results are merged into (default: the user's workspace store)");
  cmd->add_option("--partition", o.slurm.partition, "Slurm partition");
  cmd->add_option("--account", o.slurm.account, "Slurm account");
  cmd->add_option("--time", o.slurm.time, "Time limit of a task, HH:MM:SS");
  cmd->add_option("--gpus-per-task", o.slurm.gpusPerTask, "GPUs per task (0: none)");
  cmd->add_option("--cpus-per-task", o.slurm.cpusPerTask, "CPU cores per task (its training threads)");
  cmd->add_option("--throttle", o.slurm.throttle, "At most this many tasks at once (0: no limit)");
  cmd->add_option("--cli", o.cli, "prunescope-cli as the nodes run it (default: this one)");
  cmd->add_flag("--dry-run", o.dryRun, "Write the plan and scripts, submit nothing");
}

}  // namespace

void addClusterCommands(CLI::App& app, CliIo io, std::vector<CliCommand>& commands) {
  CLI::App* taskCmd = app.add_subcommand("task", "Run one task of a plan (as a Slurm array element does)");
  auto task = std::make_shared<TaskRunCli>();
  CLI::App* taskRun = taskCmd->add_subcommand("run", "Compute task --index of PLAN into its own shard store");
  taskCmd->require_subcommand(1);
  taskRun->add_option("plan", task->plan, "The plan file (plan.json)")->required();
  taskRun->add_option("--index", task->index, "Which task (0-based; the array's SLURM_ARRAY_TASK_ID)")->required();
  taskRun->add_option("--db", task->db, "Its shard store (default: the plan's shard of the task)");
  addDevice(taskRun, setting::device, task->run.device);  // parsed here, before the plan or dataset is read
  addSetting(taskRun, setting::threads, task->run.threads);
  taskRun->add_flag("--quiet", task->quiet, "No progress line");

  auto merge = std::make_shared<MergeCli>();
  CLI::App* mergeCmd = app.add_subcommand("merge", "Merge shard stores into a store (one transaction, idempotent)");
  mergeCmd->add_option("shards", merge->shards, "Shard stores (default with --plan: the plan's shards)");
  mergeCmd->add_option("--into", merge->into, "The store to merge into (default: the plan's, else the workspace)");
  mergeCmd->add_option("--plan", merge->plan, "The plan: its dataset, and which tasks did not finish");
  mergeCmd->add_option("--threads", merge->threads, "CPU threads for completing multi-seed runs");
  mergeCmd->add_flag("--quiet", merge->quiet, "No progress line");

  CLI::App* slurmCmd = app.add_subcommand("slurm", "Run work as Slurm job arrays, and follow them");
  slurmCmd->require_subcommand(1);
  auto score = std::make_shared<SlurmCli>();
  CLI::App* scoreCmd = slurmCmd->add_subcommand("score", "A scoring request as an array of one task per seed");
  scoreCmd->add_option("dataset", score->dataset, "A dataset path every node sees, or fashion-mnist")->required();
  addScoreRequestOptions(scoreCmd, score->config, score->scores);
  addSlurmOptions(scoreCmd, *score, true);
  auto study = std::make_shared<SlurmCli>();
  addStudyPlanCommands(
      slurmCmd, commands, [study](CLI::App* cmd) { addSlurmOptions(cmd, *study, false); },
      [study, io](const StudyPlanRequest& r, const CLI::App* cmd) { return runSlurmStudy(r, cmd, *study, io); });
  auto status = std::make_shared<StatusCli>();
  CLI::App* statusCmd = slurmCmd->add_subcommand("status", "Per task: its Slurm state and whether its shard is done");
  statusCmd->add_option("plan", status->where, "The plan's folder (or its plan.json)")->required();
  statusCmd->add_flag("--resubmit", status->resubmit, "Submit again the tasks that failed or were cancelled");

  commands.push_back({taskRun, [task, io] { return runTask(*task, io); }});
  commands.push_back({mergeCmd, [merge, io] { return runMerge(*merge, io); }});
  commands.push_back({scoreCmd, [score, io] { return runSlurmScore(*score, io); }});
  commands.push_back({statusCmd, [status, io] { return runSlurmStatus(*status, io); }});
}

}  // namespace ps
