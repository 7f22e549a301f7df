#pragma once
// What a Slurm array's row in the job panel shows beyond a local job's: every task's
// state as Slurm and its shard tell it (as last polled, off the GUI thread), and a
// "Resubmit failed" button while some task ended without its result.
#include <QCoreApplication>
#include <QString>
#include <vector>

#include "cluster/slurm_jobs.h"

class QHBoxLayout;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace ps::ui {

class SlurmArrayJob;

class SlurmJobRow {
  Q_DECLARE_TR_FUNCTIONS(SlurmJobRow)

 public:
  // One line per task, unfinished ones first, at most `maxLines` and a line saying how
  // many more.
  static QString taskStatesText(const std::vector<TaskState>& tasks, int maxLines = 12);

  // Adds the task list under the row's progress bar (to `rowLayout`) and the resubmit
  // button beside its other buttons (to `buttons`); `cancel` is the row's Cancel button.
  static void addParts(SlurmArrayJob* job, QWidget* row, QVBoxLayout* rowLayout, QHBoxLayout* buttons,
                       QPushButton* cancel);

 private:
  static QString stateText(const TaskState& t);
};

}  // namespace ps::ui
