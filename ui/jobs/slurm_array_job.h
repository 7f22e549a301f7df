#pragma once
// A scoring request or a study handed to Slurm, followed from the job queue as one job:
// on the job's thread it plans the work (core/cluster, as `prunescope-cli slurm` does),
// writes the plan and its sbatch scripts, submits them, then polls every task's state
// (squeue/sacct and its shard) every few seconds, and once every task is finished merges
// the shards into the store and asks for the result as a local run would, which the store
// now answers. Cancel scancels the array; failed tasks are resubmitted on request, and a
// resumed job resubmits what did not finish. Nothing here runs on the GUI thread but the
// requests; closing the window leaves the array running (its merge job still merges).
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "base/background_job.h"
#include "cluster/cluster_plan.h"
#include "cluster/slurm_jobs.h"
#include "cluster/slurm_script.h"
#include "score/score_config.h"
#include "study/frontier_study.h"
#include "study/scaling_study.h"

namespace ps {
class Dataset;
}

namespace ps::ui {

struct SlurmRequest {
  SlurmOptions options;  // validated
  QString dir;           // the plan's folder, seen by every node
  int pollMs = 5000;
};

class SlurmArrayJob : public BackgroundJob {
  Q_OBJECT
 public:
  // Plans the work (on the job's thread: a study reads its score from the store).
  using Planner = std::function<ClusterPlan(Store& store, JobContext& ctx, const std::string& shardDir)>;
  // `finish` runs once the shards are merged: the same request as a local job, which the
  // store answers (a study only summarises its points).
  SlurmArrayJob(QString kind, QString title, QString storePath, SlurmRequest request, Planner plan, Work finish,
                QObject* parent = nullptr);
  ~SlurmArrayJob() override;

  bool remote() const override { return true; }
  void cancel() override;                // also scancels the array and its merge job
  void resubmitFailed();                 // at the next poll, on the job's thread
  std::vector<TaskState> tasks() const;  // as last polled (empty before)
  QString planDir() const { return request_.dir; }

 signals:
  void tasksChanged();  // tasks() changed

 private:
  JobOutcome run(Store& store, JobContext& ctx);
  void submitOrResume(Store& store, JobContext& ctx, const SlurmFiles& files);
  void waitForTasks(JobContext& ctx, const SlurmFiles& files);
  bool poll(const SlurmFiles& files);  // true when every task is finished

  SlurmRequest request_;
  Planner plan_;
  Work finish_;
  std::optional<ClusterPlan> submitted_;  // the job's thread only
  mutable std::mutex mutex_;
  std::vector<TaskState> tasks_;
  std::atomic<bool> resubmit_{false}, scancel_{false};
};

// The jobs the panel starts (titles as the local jobs', with the cluster said).
SlurmArrayJob* slurmScoringJob(std::shared_ptr<const Dataset> ds, const ScoreConfig& config, const QString& title,
                               const QString& storePath, SlurmRequest request, QObject* parent);
SlurmArrayJob* slurmFrontierJob(std::shared_ptr<const Dataset> ds, const FrontierConfig& config, const QString& title,
                                const QString& storePath, SlurmRequest request, QObject* parent);
SlurmArrayJob* slurmScalingJob(std::shared_ptr<const Dataset> ds, const ScalingConfig& config, const QString& title,
                               const QString& storePath, SlurmRequest request, QObject* parent);

}  // namespace ps::ui
