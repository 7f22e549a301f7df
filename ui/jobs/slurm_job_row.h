#pragma once
// What a Slurm array's row in the job panel shows beyond a local job's: every task's
// state as Slurm and its shard tell it (as last polled, off the GUI thread), and a
// "Resubmit failed" button while some task ended without its result.
#include <QCoreApplication>
#include <QString>
#include <vector>

#include "cluster/slurm_jobs.h"

class QPushButton;
class QVBoxLayout;
class QWidget;

namespace ps::ui {

class SlurmArrayJob;

class SlurmJobRow {
  Q_DECLARE_TR_FUNCTIONS(SlurmJobRow)

 public:
  // Every task's state, compact: the tasks that need resubmitting one per line with the
  // last line of their log (at most `maxFailed`), the others grouped by state
  // ("RUNNING: tasks 0, 1", "PENDING: tasks 2–9").
  static QString taskStatesText(const std::vector<TaskState>& tasks, int maxFailed = 5);
  // One line per task (the row's tooltip), at most `maxLines`.
  static QString taskListTip(const std::vector<TaskState>& tasks, int maxLines = 40);
  static QString taskLine(const TaskState& t);  // "task 1 · el2n seed 2/2 · RUNNING"

  // Adds the task list under the row's progress bar (to `rowLayout`), with a resubmit
  // button beside it; `cancel` is the row's Cancel button.
  static void addParts(SlurmArrayJob* job, QWidget* row, QVBoxLayout* rowLayout, QPushButton* cancel);

 private:
  static QString stateText(const TaskState& t);
};

}  // namespace ps::ui
