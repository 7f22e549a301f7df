#include "slurm_job_row.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>
#include <algorithm>

#include "slurm_array_job.h"

namespace ps::ui {

QString SlurmJobRow::stateText(const TaskState& t) {
  if (t.slurm.empty()) return tr("not submitted");
  if (t.slurm == "not-in-queue") return tr("gone from the queue");
  return QString::fromStdString(t.slurm);  // Slurm's own words: PENDING, RUNNING, COMPLETED, FAILED…
}

QString SlurmJobRow::taskStatesText(const std::vector<TaskState>& tasks, int maxLines) {
  std::vector<const TaskState*> order;
  order.reserve(tasks.size());
  for (const auto& t : tasks) order.push_back(&t);
  std::stable_partition(order.begin(), order.end(), [](const TaskState* t) { return !t->finished; });
  QStringList lines;
  for (const TaskState* t : order) {
    if (lines.size() == maxLines) {
      lines << tr("… and %n more", nullptr, static_cast<int>(order.size()) - maxLines);
      break;
    }
    const QString line = tr("task %1 · %2 · %3").arg(t->index).arg(QString::fromStdString(t->label), stateText(*t));
    if (t->finished)
      lines << tr("%1 · result in its shard").arg(line);
    else
      lines << (t->lastLine.empty() ? line : tr("%1: %2").arg(line, QString::fromStdString(t->lastLine)));
  }
  return lines.join(QLatin1Char('\n'));
}

void SlurmJobRow::addParts(SlurmArrayJob* job, QWidget* row, QVBoxLayout* rowLayout, QHBoxLayout* buttons,
                           QPushButton* cancel) {
  auto* states = new QLabel(row);
  states->setObjectName(QStringLiteral("slurmTasks"));
  states->setTextInteractionFlags(Qt::TextSelectableByMouse);
  states->setWordWrap(true);
  states->setText(tr("plan folder: %1").arg(job->planDir()));
  states->setToolTip(tr("Each task of the array: its Slurm state and whether its shard holds its result"));
  rowLayout->addWidget(states);
  auto* resubmit = new QPushButton(tr("Resubmit failed"), row);
  resubmit->setObjectName(QStringLiteral("resubmitFailed"));
  resubmit->setToolTip(tr("Submit again the tasks that failed, were cancelled or timed out (with a new merge job)"));
  resubmit->hide();
  buttons->insertWidget(1, resubmit);
  cancel->setToolTip(tr("Cancel the array and its merge job (scancel); shards already done stay"));
  QObject::connect(job, &SlurmArrayJob::tasksChanged, states, [job, states, resubmit] {
    const std::vector<TaskState> tasks = job->tasks();
    states->setText(taskStatesText(tasks));
    const bool failed = std::any_of(tasks.begin(), tasks.end(), taskNeedsResubmit);
    resubmit->setVisible(failed && job->isRunning());
    resubmit->setEnabled(true);
  });
  QObject::connect(resubmit, &QPushButton::clicked, job, [job, resubmit] {
    resubmit->setEnabled(false);  // until the next poll shows the new submission
    job->resubmitFailed();
  });
  QObject::connect(job, &BackgroundJob::cancelled, resubmit, &QWidget::hide);
  QObject::connect(job, &BackgroundJob::failed, resubmit, &QWidget::hide);
  QObject::connect(job, &BackgroundJob::finished, resubmit, &QWidget::hide);
}

}  // namespace ps::ui
