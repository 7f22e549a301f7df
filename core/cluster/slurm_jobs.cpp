#include "cluster/slurm_jobs.h"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cluster/cluster_task.h"
#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

struct CommandResult {
  int code = -1;
  std::string output;  // stdout and stderr
};

// `line` is built here from job ids and the plan's own paths, quoted.
CommandResult runCommand(const std::string& line) {
  CommandResult r;
  FILE* p = popen((line + " 2>&1").c_str(), "r");  // NOLINT(cert-env33-c): Slurm's own commands
  if (!p) throw IoError("cannot run '" + line + "'");
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

nlohmann::json toJson(const Submission& s) {
  return {{"array_job", s.arrayJob}, {"merge_job", s.mergeJob}, {"tasks", s.tasks}};
}

// "<job> <state>" lines (squeue) or "<job>|<state>" lines (sacct) into job -> state.
void parseStates(const std::string& text, char sep, std::map<std::string, std::string>& states) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find(sep);
    if (at == std::string::npos) continue;
    std::string state = line.substr(at + 1);
    state = state.substr(0, state.find(' '));  // sacct: "CANCELLED by 0"
    if (!states.count(line.substr(0, at))) states[line.substr(0, at)] = state;
  }
}

// The last non-empty line of a log (a task's error), at most 300 characters; empty when
// there is no log.
std::string lastLogLine(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  const std::streamoff from = std::max<std::streamoff>(0, size - 4096);
  in.seekg(from);
  std::string tail(static_cast<size_t>(size - from), '\0');
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r' || tail.back() == ' ')) tail.pop_back();
  const size_t at = tail.find_last_of("\r\n");
  std::string line = at == std::string::npos ? tail : tail.substr(at + 1);
  return line.size() > 300 ? line.substr(0, 300) + "…" : line;
}

}  // namespace

Submission submitPlan(const SlurmFiles& files, const ClusterPlan& plan, const std::vector<int>& tasksIn) {
  std::vector<int> tasks = tasksIn;
  if (tasks.empty())
    for (const auto& t : plan.tasks) tasks.push_back(t.index);
  const CommandResult r = runCommand("bash " + quoted(files.submit) + " " + quoted(arraySpec(tasks, 0)));
  static const std::regex arrayLine(R"(array job (\d+))"), mergeLine(R"(merge job (\d+))");
  std::smatch a, m;
  if (r.code != 0 || !std::regex_search(r.output, a, arrayLine) || !std::regex_search(r.output, m, mergeLine))
    throw IoError(files.submit + ": the submission failed (exit code " + std::to_string(r.code) +
                  "): " + r.output.substr(0, 400));
  Submission s{a[1].str(), m[1].str(), tasks};
  std::vector<Submission> all = readSubmissions(files.jobs);
  all.push_back(s);
  nlohmann::json j = nlohmann::json::array();
  for (const auto& x : all) j.push_back(toJson(x));
  writeFileAtomically(files.jobs, j.dump(1) + "\n");
  return s;
}

std::vector<Submission> readSubmissions(const std::string& jobsPath) {
  std::error_code ec;
  if (!std::filesystem::exists(jobsPath, ec)) return {};
  const std::vector<uint8_t> bytes = readFileBytes(jobsPath);
  std::vector<Submission> out;
  static const std::regex id(R"(^\d+$)");
  try {
    for (const auto& j : nlohmann::json::parse(bytes.begin(), bytes.end())) {
      Submission s{j.at("array_job").get<std::string>(), j.at("merge_job").get<std::string>(),
                   j.at("tasks").get<std::vector<int>>()};
      if (!std::regex_match(s.arrayJob, id) || !std::regex_match(s.mergeJob, id))
        throw ConfigError(jobsPath + ": job id '" + s.arrayJob + "' is not a Slurm job id (digits)");
      out.push_back(std::move(s));
    }
  } catch (const nlohmann::json::exception& e) {
    throw ConfigError(jobsPath + ": not a list of submissions (" + std::string(e.what()) + ")");
  }
  return out;
}

PlanStatus planStatus(const SlurmFiles& files, const ClusterPlan& plan) {
  PlanStatus status;
  std::vector<TaskState>& states = status.tasks;
  for (const auto& t : plan.tasks) states.push_back({t.index, t.label, "", "", false, ""});
  const std::vector<Submission> submissions = readSubmissions(files.jobs);
  std::string ids;
  for (const Submission& s : submissions) {
    ids += (ids.empty() ? "" : ",") + s.arrayJob + "," + s.mergeJob;
    for (int t : s.tasks)
      if (t >= 0 && t < static_cast<int>(states.size()))
        states[static_cast<size_t>(t)].job = s.arrayJob + "_" + std::to_string(t);
  }
  std::map<std::string, std::string> slurm;
  if (!ids.empty()) {
    parseStates(runCommand("squeue -h -r -t all -o '%i %T' -j " + ids).output, ' ', slurm);
    parseStates(runCommand("sacct -n -P -X -o JobID,State -j " + ids).output, '|', slurm);
  }
  // Without accounting, an element cancelled while pending leaves no record at all.
  auto stateOf = [&](const std::string& job) { return slurm.count(job) ? slurm.at(job) : "not-in-queue"; };
  for (auto& st : states) {
    if (!st.job.empty()) st.slurm = stateOf(st.job);
    st.finished = taskFinished(plan.tasks[static_cast<size_t>(st.index)], plan.shardPath(st.index));
    if (!st.job.empty() && taskNeedsResubmit(st))
      st.lastLine = lastLogLine(files.logs + "/task-" + std::to_string(st.index) + ".log");
  }
  for (const Submission& s : submissions) status.merges.emplace_back(s, stateOf(s.mergeJob));
  return status;
}

bool taskActive(const TaskState& state) {
  static const std::set<std::string> active = {"PENDING",    "CONFIGURING", "REQUEUED", "RUNNING",
                                               "COMPLETING", "SUSPENDED",   "RESIZING", "REQUEUE_HOLD"};
  return active.count(state.slurm) > 0;
}

bool taskNeedsResubmit(const TaskState& state) { return !state.finished && !taskActive(state); }

std::vector<int> tasksToResubmit(const std::vector<TaskState>& states) {
  std::vector<int> out;
  for (const auto& s : states)
    if (taskNeedsResubmit(s)) out.push_back(s.index);
  return out;
}

StatusCounts countTasks(const std::vector<TaskState>& states) {
  StatusCounts c;
  for (const auto& s : states) {
    if (s.finished)
      ++c.finished;
    else if (s.slurm == "RUNNING" || s.slurm == "COMPLETING")
      ++c.running;
    else if (taskActive(s))
      ++c.pending;
    else
      ++c.failed;
  }
  return c;
}

void cancelSubmissions(const SlurmFiles& files) {
  std::string ids;
  for (const Submission& s : readSubmissions(files.jobs)) ids += " " + s.arrayJob + " " + s.mergeJob;
  if (ids.empty()) return;
  const CommandResult r = runCommand("scancel" + ids);
  if (r.code != 0)
    throw IoError(files.jobs + ": scancel" + ids + " failed (exit code " + std::to_string(r.code) +
                  "): " + r.output.substr(0, 400));
}

}  // namespace ps
