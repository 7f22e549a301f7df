#include "cluster/slurm_script.h"

#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>

#include "util/errors.h"
#include "util/file_io.h"
#include "util/text_list.h"

namespace fs = std::filesystem;

namespace ps {

void validateSlurmOptions(const SlurmOptions& o) {
  static const std::regex time(R"(^(\d+-)?\d{1,3}:[0-5]\d:[0-5]\d$)");
  static const std::regex name(R"(^[A-Za-z0-9_.,:+-]*$)");
  if (!o.time.empty() && !std::regex_match(o.time, time))
    throw ConfigError("--time '" + o.time + "': expected HH:MM:SS or D-HH:MM:SS (minutes and seconds below 60)");
  if (!std::regex_match(o.partition, name)) throw ConfigError("--partition '" + o.partition + "': not a Slurm name");
  if (!std::regex_match(o.account, name)) throw ConfigError("--account '" + o.account + "': not a Slurm name");
  if (o.gpusPerTask < 0 || o.gpusPerTask > 64)
    throw ConfigError("--gpus-per-task " + std::to_string(o.gpusPerTask) + ": expected 0..64");
  if (o.cpusPerTask < 0 || o.cpusPerTask > 1024)
    throw ConfigError("--cpus-per-task " + std::to_string(o.cpusPerTask) + ": expected 0..1024");
  if (o.throttle < 0) throw ConfigError("--throttle " + std::to_string(o.throttle) + ": expected 0 (none) or more");
}

namespace {
std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

int parseCount(const std::string& text, const char* option) {
  if (text.find_first_not_of(" \t") == std::string::npos) return 0;
  const std::optional<int64_t> v = parseInteger(text);
  if (!v || *v < 0 || *v > 1000000)
    throw ConfigError(std::string(option) + " '" + text + "': expected a whole number (0 or more)");
  return static_cast<int>(*v);
}
}  // namespace

SlurmOptions parseSlurmOptions(const SlurmOptionText& text) {
  SlurmOptions o;
  o.partition = trimmed(text.partition);
  o.account = trimmed(text.account);
  o.time = trimmed(text.time);
  o.gpusPerTask = parseCount(text.gpusPerTask, "--gpus-per-task");
  o.cpusPerTask = parseCount(text.cpusPerTask, "--cpus-per-task");
  o.throttle = parseCount(text.throttle, "--throttle");
  o.cli = text.cli;
  validateSlurmOptions(o);
  return o;
}

SlurmFiles slurmFiles(const std::string& dir) {
  const fs::path d = fs::absolute(dir);
  return {d.string(),
          (d / "plan.json").string(),
          (d / "array.sbatch").string(),
          (d / "merge.sbatch").string(),
          (d / "submit.sh").string(),
          (d / "jobs.json").string(),
          (d / "logs").string()};
}

std::string arraySpec(const std::vector<int>& tasks, int throttle) {
  std::string list;
  bool contiguous = !tasks.empty();
  for (size_t k = 1; k < tasks.size(); ++k) contiguous &= tasks[k] == tasks[k - 1] + 1;
  if (contiguous && tasks.size() > 1) {
    list = std::to_string(tasks.front()) + "-" + std::to_string(tasks.back());
  } else {
    for (int t : tasks) list += (list.empty() ? "" : ",") + std::to_string(t);
  }
  return throttle > 0 ? list + "%" + std::to_string(throttle) : list;
}

namespace {

// Single-quoted for the shell (paths may hold spaces).
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string resources(const SlurmOptions& o) {
  std::ostringstream s;
  if (!o.partition.empty()) s << "#SBATCH --partition=" << o.partition << "\n";
  if (!o.account.empty()) s << "#SBATCH --account=" << o.account << "\n";
  if (!o.time.empty()) s << "#SBATCH --time=" << o.time << "\n";
  if (o.cpusPerTask > 0) s << "#SBATCH --cpus-per-task=" << o.cpusPerTask << "\n";
  return s.str();
}

std::string header(const ClusterPlan& plan, const SlurmFiles& f, const SlurmOptions& o) {
  std::ostringstream s;
  s << "# Every node must see: prunescope-cli (below), the plan, the dataset (" << plan.dataset << "),\n"
    << "# the shard folder (" << plan.shardDir << ") and this folder. Edit freely for your site\n"
    << "# (modules, environment, resources).\n"
    << "set -euo pipefail\n"
    << "PRUNESCOPE_CLI=${PRUNESCOPE_CLI:-" << quoted(o.cli) << "}\n"
    << "PLAN=" << quoted(f.plan) << "\n";
  return s.str();
}

std::string arrayScript(const ClusterPlan& plan, const SlurmFiles& f, const SlurmOptions& o) {
  std::vector<int> all;
  for (const auto& t : plan.tasks) all.push_back(t.index);
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# PruneScope: the " << plan.tasks.size() << " tasks of a " << plan.kind << " plan as a Slurm job array,\n"
    << "# one element per task; each writes only its own shard store and resumes from its\n"
    << "# last finished epoch when requeued.\n"
    << "#SBATCH --job-name=prunescope-" << plan.kind << "\n"
    << "#SBATCH --array=" << arraySpec(all, o.throttle) << "\n"
    << resources(o);
  if (o.gpusPerTask > 0) s << "#SBATCH --gpus-per-task=" << o.gpusPerTask << "\n";
  s << "#SBATCH --output=" << f.logs << "/task-%a.log\n"
    << "#SBATCH --open-mode=append\n"  // a requeued task's attempts, one after the other
    << "#SBATCH --requeue\n"
    << header(plan, f, o) << "exec \"$PRUNESCOPE_CLI\" task run \"$PLAN\" --index \"$SLURM_ARRAY_TASK_ID\" "
    << "--threads \"${SLURM_CPUS_PER_TASK:-0}\" --quiet\n";
  return s.str();
}

std::string mergeScript(const ClusterPlan& plan, const SlurmFiles& f, const SlurmOptions& o) {
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# PruneScope: merges the shards that finished into the store and lists the tasks\n"
    << "# that did not (resubmit them with: prunescope-cli slurm status " << f.dir << " --resubmit).\n"
    << "#SBATCH --job-name=prunescope-merge\n"
    << resources(o) << "#SBATCH --output=" << f.logs << "/merge-%j.log\n"
    << header(plan, f, o) << "\"$PRUNESCOPE_CLI\" merge --plan \"$PLAN\" --into " << quoted(plan.store)
    << " --threads \"${SLURM_CPUS_PER_TASK:-0}\"\n";
  if (!plan.finishCommand.empty()) {
    s << "# The study itself, answered from the store once every point is in:\n\"$PRUNESCOPE_CLI\"";
    for (const auto& a : plan.finishCommand) s << " " << quoted(a);
    s << "\n";
  }
  return s.str();
}

std::string submitScript(const ClusterPlan& plan, const SlurmOptions& o) {
  std::vector<int> all;
  for (const auto& t : plan.tasks) all.push_back(t.index);
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# Submits the array, then the merge job, which starts once every element has ended\n"
    << "# (afterany: finished, failed or cancelled). `submit.sh 1,3` submits only those tasks.\n"
    << "set -euo pipefail\n"
    << "cd \"$(dirname \"$0\")\"\n"
    << "TASKS=${1:-" << arraySpec(all, 0) << "}\n"
    << "array=$(sbatch --parsable --array=\"$TASKS" << (o.throttle > 0 ? "%" + std::to_string(o.throttle) : "")
    << "\" array.sbatch)\n"
    << "array=${array%%;*}\n"
    << "merge=$(sbatch --parsable --dependency=afterany:\"$array\" merge.sbatch)\n"
    << "echo \"array job ${array} (tasks $TASKS)\"\n"
    << "echo \"merge job ${merge%%;*}\"\n";
  return s.str();
}

}  // namespace

void writeSlurmFiles(const ClusterPlan& plan, const SlurmFiles& files, const SlurmOptions& options) {
  validateSlurmOptions(options);
  std::error_code ec;
  for (const auto& d : {files.logs, plan.shardDir}) {
    fs::create_directories(d, ec);
    if (ec) throw IoError(d + ": cannot create the folder (" + ec.message() + ")");
  }
  OutputGroup group;  // the plan and its scripts change together or not at all
  writePlan(plan, files.plan);
  writeFileAtomically(files.array, arrayScript(plan, files, options));
  writeFileAtomically(files.merge, mergeScript(plan, files, options));
  writeFileAtomically(files.submit, submitScript(plan, options));
  group.commit();
  fs::permissions(files.submit, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
}

}  // namespace ps
