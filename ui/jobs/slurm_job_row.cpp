#include "jobs/slurm_job_row.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>
#include <algorithm>

#include "jobs/slurm_array_job.h"

namespace ps::ui {

QString SlurmJobRow::stateText(const TaskState& t) {
  if (t.slurm.empty()) return tr("not submitted");
  if (t.slurm == "not-in-queue") return tr("gone from the queue");
  return QString::fromStdString(t.slurm);  // Slurm's own words: PENDING, RUNNING, COMPLETED, FAILED…
}

QString SlurmJobRow::taskLine(const TaskState& t) {
  const QString line = tr("task %1 · %2 · %3").arg(t.index).arg(QString::fromStdString(t.label), stateText(t));
  if (t.finished) return tr("%1 · result in its shard").arg(line);
  return t.lastLine.empty() ? line : tr("%1: %2").arg(line, QString::fromStdString(t.lastLine));
}

namespace {
// "0–3, 5, 7, 8": task indices in order, runs of three or more as ranges.
QString indexRanges(const std::vector<int>& v) {
  QStringList parts;
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j + 1 < v.size() && v[j + 1] == v[j] + 1) ++j;
    if (j >= i + 2) {
      parts << QStringLiteral("%1–%2").arg(v[i]).arg(v[j]);
    } else {
      for (size_t k = i; k <= j; ++k) parts << QString::number(v[k]);
    }
    i = j + 1;
  }
  return parts.join(QStringLiteral(", "));
}
}  // namespace

QString SlurmJobRow::taskStatesText(const std::vector<TaskState>& tasks, int maxFailed) {
  QStringList lines;
  int failed = 0;
  std::vector<std::pair<QString, std::vector<int>>> groups;  // state -> tasks, in order of appearance
  for (const TaskState& t : tasks) {
    if (taskNeedsResubmit(t)) {  // each on its own line, with why it ended
      if (failed++ < maxFailed) lines << taskLine(t);
      continue;
    }
    const QString key = t.finished ? tr("finished, result in its shard") : stateText(t);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), {key, {}});
    it->second.push_back(t.index);
  }
  if (failed > maxFailed) lines << tr("… and %n more to resubmit", nullptr, failed - maxFailed);
  for (const auto& [state, indices] : groups)
    lines << (indices.size() == 1 ? tr("%1: task %2") : tr("%1: tasks %2")).arg(state, indexRanges(indices));
  return lines.join(QLatin1Char('\n'));
}

QString SlurmJobRow::taskListTip(const std::vector<TaskState>& tasks, int maxLines) {
  QStringList lines;
  for (const TaskState& t : tasks) {
    if (lines.size() == maxLines) {
      lines << tr("… and %n more", nullptr, static_cast<int>(tasks.size()) - maxLines);
      break;
    }
    lines << taskLine(t);
  }
  return lines.join(QLatin1Char('\n'));
}

void SlurmJobRow::addParts(SlurmArrayJob* job, QWidget* row, QVBoxLayout* rowLayout, QPushButton* cancel) {
  auto* states = new QLabel(row);
  states->setObjectName(QStringLiteral("slurmTasks"));
  states->setTextInteractionFlags(Qt::TextSelectableByMouse);
  states->setWordWrap(true);
  states->setText(tr("plan folder: %1").arg(job->planDir()));
  states->setToolTip(tr("Each task of the array: its Slurm state and whether its shard holds its result"));
  auto* resubmit = new QPushButton(tr("Resubmit failed"), row);
  resubmit->setObjectName(QStringLiteral("resubmitFailed"));
  resubmit->setToolTip(tr("Submit again the tasks that failed, were cancelled or timed out (with a new merge job)"));
  resubmit->hide();
  auto* line = new QHBoxLayout;
  line->addWidget(states, 1);
  line->addWidget(resubmit, 0, Qt::AlignTop);
  rowLayout->addLayout(line);
  cancel->setToolTip(tr("Cancel the array and its merge job (scancel); shards already done stay"));
  QObject::connect(job, &SlurmArrayJob::tasksChanged, states, [job, states, resubmit] {
    const std::vector<TaskState> tasks = job->tasks();
    states->setText(taskStatesText(tasks));
    states->setToolTip(taskListTip(tasks));
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
