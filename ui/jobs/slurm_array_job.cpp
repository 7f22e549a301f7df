#include "jobs/slurm_array_job.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "base/ui_wording.h"
#include "cluster/cluster_task.h"
#include "cluster/shard_merge.h"
#include "data/dataset.h"
#include "score/score_engine.h"
#include "store/run_kind.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

SlurmArrayJob::SlurmArrayJob(QString kind, QString title, QString storePath, SlurmRequest request, Planner plan,
                             Work finish, QObject* parent)
    : BackgroundJob(
          std::move(kind), std::move(title), std::move(storePath),
          [this](Store& store, JobContext& ctx) { return run(store, ctx); }, parent),
      request_(std::move(request)),
      plan_(std::move(plan)),
      finish_(std::move(finish)) {}

SlurmArrayJob::~SlurmArrayJob() { stop(); }  // the work uses this object's members: joined before they go

void SlurmArrayJob::cancel() {
  scancel_ = true;
  BackgroundJob::cancel();
}

void SlurmArrayJob::resubmitFailed() { resubmit_ = true; }

std::vector<TaskState> SlurmArrayJob::tasks() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return tasks_;
}

JobOutcome SlurmArrayJob::run(Store& store, JobContext& ctx) {
  const SlurmFiles files = slurmFiles(request_.dir.toStdString());
  scancel_ = false;
  try {
    submitOrResume(store, ctx, files);
    waitForTasks(ctx, files);
  } catch (const Cancelled&) {
    // Only a cancel the user asked for ends the array; a window that closes leaves it.
    if (scancel_.exchange(false)) {
      cancelSubmissions(files);
      emit logged(tr("array cancelled (scancel); resume submits the unfinished tasks again"));
    }
    throw;
  }
  emit progress(1.0, tr("every task finished: merging the shards into the store…"), -1);
  MergeRequest merge;
  merge.into = store.path();
  merge.plan = submitted_;
  const MergeReport r = mergeShards(merge, ctx);
  if (!r.unfinished.empty() || !r.waiting.empty())  // never computed here instead
    throw IoError(files.dir + ": the merge left work undone (" +
                  (r.unfinished.empty() ? r.waiting.front() : r.unfinished.front()) + ")");
  emit logged(tr("merged into the store: %1 runs added, %2 already there, %3 seeds added")
                  .arg(r.runsAdded)
                  .arg(r.runsPresent)
                  .arg(r.seedsAdded));
  JobOutcome outcome = finish_(store, ctx);  // answered from the store
  outcome.fromCache = false;                 // computed, on the cluster
  return outcome;
}

void SlurmArrayJob::submitOrResume(Store& store, JobContext& ctx, const SlurmFiles& files) {
  if (!submitted_) {
    emit progress(0, tr("planning and submitting to Slurm…"), -1);
    ClusterPlan plan = plan_(store, ctx, (std::filesystem::path(files.dir) / "shards").string());
    attachFileTable(plan, store, files.dir);  // the tasks only list and stat the dataset's files
    writeSlurmFiles(plan, files, request_.options);
    const Submission s = submitPlan(files, plan, {});
    submitted_ = std::move(plan);
    emit logged(tr("submitted: array job %1 (%n tasks), merge job %2 · %3", nullptr, static_cast<int>(s.tasks.size()))
                    .arg(QString::fromStdString(s.arrayJob), QString::fromStdString(s.mergeJob),
                         QString::fromStdString(files.dir)));
    return;
  }
  // Resumed (after a cancel or a failure): what ended without its result goes again.
  const std::vector<int> again = tasksToResubmit(planStatus(files, *submitted_).tasks);
  if (again.empty()) return;
  const Submission s = submitPlan(files, *submitted_, again);
  emit logged(tr("resubmitted tasks %1: array job %2")
                  .arg(QString::fromStdString(arraySpec(again, 0)), QString::fromStdString(s.arrayJob)));
}

void SlurmArrayJob::waitForTasks(JobContext& ctx, const SlurmFiles& files) {
  using namespace std::chrono;
  while (!poll(files)) {
    const auto until = steady_clock::now() + milliseconds(request_.pollMs);
    while (steady_clock::now() < until && !resubmit_) {
      ctx.throwIfCancelled();
      std::this_thread::sleep_for(milliseconds(50));
    }
    ctx.throwIfCancelled();
    if (!resubmit_.exchange(false)) continue;
    const std::vector<int> again = tasksToResubmit(planStatus(files, *submitted_).tasks);
    if (again.empty()) continue;
    const Submission s = submitPlan(files, *submitted_, again);
    emit logged(tr("resubmitted tasks %1: array job %2")
                    .arg(QString::fromStdString(arraySpec(again, 0)), QString::fromStdString(s.arrayJob)));
  }
}

bool SlurmArrayJob::poll(const SlurmFiles& files) {
  const PlanStatus status = planStatus(files, *submitted_);
  const StatusCounts c = countTasks(status.tasks);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    tasks_ = status.tasks;
  }
  emit tasksChanged();
  QStringList parts{tr("%1 of %2 tasks finished").arg(c.finished).arg(c.total())};
  if (c.running > 0) parts << tr("%1 running").arg(c.running);
  if (c.pending > 0) parts << tr("%1 waiting").arg(c.pending);
  if (c.failed > 0) parts << tr("%1 failed: resubmit them or cancel").arg(c.failed);
  emit progress(c.total() > 0 ? static_cast<double>(c.finished) / c.total() : 0, parts.join(QStringLiteral(" · ")), -1);
  return c.finished == c.total();
}

namespace {

template <typename Config, typename Points, typename Study>
SlurmArrayJob* studyJob(const QString& kind, std::shared_ptr<const Dataset> ds, const Config& config,
                        const QString& title, const QString& storePath, SlurmRequest request, QObject* parent,
                        Points points, Study study) {
  auto plan = [ds, config, points, kind = kind.toStdString()](Store& store, JobContext& ctx,
                                                              const std::string& shardDir) {
    // No finishing command: the panel asks for the study itself once the points are in.
    return planStudy(*ds, kind, points(*ds, store, config, ctx), store.path(), shardDir, {});
  };
  auto finish = [ds, config, study](Store& store, JobContext& ctx) {
    return JobOutcome{study(*ds, store, config, ctx).runId, false};
  };
  return new SlurmArrayJob(kind, title, storePath, std::move(request), plan, finish, parent);
}

}  // namespace

SlurmArrayJob* slurmScoringJob(std::shared_ptr<const Dataset> ds, const ScoreConfig& config, const QString& title,
                               const QString& storePath, SlurmRequest request, QObject* parent) {
  auto plan = [ds, config](Store& store, JobContext&, const std::string& shardDir) {
    return planScoring(*ds, config, store.path(), shardDir);
  };
  auto finish = [ds, config](Store& store, JobContext& ctx) {
    return JobOutcome{scoreDataset(*ds, store, config, ctx).runId, false};
  };
  return new SlurmArrayJob(runKindId(RunKind::Score), title, storePath, std::move(request), plan, finish, parent);
}

SlurmArrayJob* slurmFrontierJob(std::shared_ptr<const Dataset> ds, const FrontierConfig& config, const QString& title,
                                const QString& storePath, SlurmRequest request, QObject* parent) {
  return studyJob(runKindId(RunKind::Frontier), std::move(ds), config, title, storePath, std::move(request), parent,
                  frontierStudyPoints, runFrontierStudy);
}

SlurmArrayJob* slurmScalingJob(std::shared_ptr<const Dataset> ds, const ScalingConfig& config, const QString& title,
                               const QString& storePath, SlurmRequest request, QObject* parent) {
  return studyJob(runKindId(RunKind::Scaling), std::move(ds), config, title, storePath, std::move(request), parent,
                  scalingStudyPoints, runScalingStudy);
}

}  // namespace ps::ui
