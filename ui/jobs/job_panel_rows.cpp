// The job panel's queue: one row per job (title, progress, message, the buttons its state
// allows; a Slurm array's rows also list its tasks), in the queue's order.
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "base/background_job.h"
#include "base/ui_wording.h"
#include "jobs/job_panel.h"
#include "jobs/slurm_array_job.h"
#include "jobs/slurm_job_row.h"

namespace ps::ui {

void JobPanel::addRow(BackgroundJob* job) {
  const JobRow r = buildRow(job);
  rows_[job] = r;
  connectRow(job, r);
  connectRowOutcome(job);
  QTimer::singleShot(0, r.row, [this, row = r.row] { makeRoomFor(row); });  // once laid out
}

// The row's widgets: title, bar, message, buttons, a Slurm array's tasks and the last log line.
JobPanel::JobRow JobPanel::buildRow(BackgroundJob* job) {
  JobRow r;
  r.row = new QWidget;
  r.row->setObjectName(QStringLiteral("jobRow"));
  // Compact rows, so the list shows several jobs at once: the title on one line (whole in
  // its tooltip), the bar with the message beside it, and the last log line.
  auto* title = new QLabel(job->title(), r.row);
  title->setToolTip(job->title());
  title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  r.bar = new QProgressBar(r.row);
  r.bar->setRange(0, 1000);
  r.bar->setMaximumHeight(fontMetrics().height());
  r.bar->setTextVisible(false);
  r.message = new QLabel(r.row);
  r.message->setWordWrap(true);
  auto* logLine = r.logLine = new QLabel(r.row);
  logLine->setObjectName(QStringLiteral("logLine"));
  logLine->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  logLine->setStyleSheet(QStringLiteral("color: palette(mid);"));
  logLine->hide();
  r.action = new QPushButton(r.row);
  r.up = new QToolButton(r.row);
  r.up->setArrowType(Qt::UpArrow);
  r.up->setToolTip(tr("Run earlier"));
  r.down = new QToolButton(r.row);
  r.down->setArrowType(Qt::DownArrow);
  r.down->setToolTip(tr("Run later"));
  r.remove = new QToolButton(r.row);
  r.remove->setText(QStringLiteral("✕"));
  r.remove->setToolTip(tr("Remove from the list"));
  auto* top = new QHBoxLayout;
  top->setSpacing(2);
  top->addWidget(title, 1);
  for (QWidget* w : {static_cast<QWidget*>(r.up), static_cast<QWidget*>(r.down), static_cast<QWidget*>(r.action),
                     static_cast<QWidget*>(r.remove)})
    top->addWidget(w);
  auto* progress = new QHBoxLayout;
  progress->addWidget(r.bar, 2);
  progress->addWidget(r.message, 3);
  auto* l = new QVBoxLayout(r.row);
  l->setContentsMargins(2, 2, 2, 4);
  l->setSpacing(1);
  l->addLayout(top);
  l->addLayout(progress);
  if (auto* slurm = qobject_cast<SlurmArrayJob*>(job)) SlurmJobRow::addParts(slurm, r.row, l, r.action);
  l->addWidget(logLine);
  return r;
}

// The row follows the job: its log line, buttons and progress.
void JobPanel::connectRow(BackgroundJob* job, const JobRow& r) {
  connect(job, &BackgroundJob::logged, r.row, [logLine = r.logLine](const QString& line) {
    logLine->setText(line);
    logLine->setToolTip(line);
    logLine->show();
  });
  connect(r.action, &QPushButton::clicked, this, [this, job] {
    const JobQueue::State s = queue_->state(job);
    if (s == JobQueue::State::Running || s == JobQueue::State::Queued) {
      rows_[job].action->setEnabled(false);
      queue_->cancel(job);
    } else {
      queue_->resume(job);  // the store continues from the last finished epoch or point
    }
  });
  connect(r.up, &QToolButton::clicked, this, [this, job] { queue_->moveUp(job); });
  connect(r.down, &QToolButton::clicked, this, [this, job] { queue_->moveDown(job); });
  connect(r.remove, &QToolButton::clicked, this, [this, job] { queue_->remove(job); });
  connect(job, &BackgroundJob::progress, r.row,
          [bar = r.bar, message = r.message](double f, const QString& m, double eta) {
            bar->setValue(static_cast<int>(f * 1000));
            message->setText(eta >= 0 ? tr("%1 · %2 left").arg(m, durationWord(eta)) : m);
          });
}

// How the job ended, in its row and in the panel's signals.
void JobPanel::connectRowOutcome(BackgroundJob* job) {
  // The runs panel lists running runs too: the store is re-read once a start is under way
  // (its run recorded by then), and again when it stops without finishing.
  auto announce = std::make_shared<bool>(true);
  connect(job, &BackgroundJob::progress, this, [this, announce] {
    if (!*announce) return;
    *announce = false;
    emit runsChanged();
  });
  connect(job, &BackgroundJob::finished, this, [announce] { *announce = true; });
  connect(job, &BackgroundJob::finished, this, [this, job](qint64 runId, bool cached) {
    rows_[job].bar->setValue(1000);
    rows_[job].message->setText(runId <= 0 ? tr("done")
                                : cached   ? tr("done (run %1, from the store)").arg(runId)
                                           : tr("done (run %1)").arg(runId));
    emit jobFinished(job->kind(), runId);
  });
  connect(job, &BackgroundJob::cancelled, this, [this, job, announce] {
    rows_[job].message->setText(tr("cancelled — resume continues from the last finished step"));
    *announce = true;
    emit jobCancelled();
    emit runsChanged();
  });
  connect(job, &BackgroundJob::failed, this, [this, job, announce](const QString& reason) {
    rows_[job].message->setText(tr("failed: %1").arg(reason));
    *announce = true;
    emit jobFailed(reason);
    emit runsChanged();
  });
}

void JobPanel::makeRoomFor(QWidget* row) {
  const QMargins m = queueLayout_->contentsMargins();
  const int missing = row->sizeHint().height() + m.top() + m.bottom() - queueArea_->viewport()->height();
  if (missing > 0) {
    QList<int> sizes = split_->sizes();
    const int give = std::min(missing, sizes[0] - split_->widget(0)->minimumSizeHint().height());
    if (give > 0) {
      sizes[0] -= give;
      sizes[1] += give;
      split_->setSizes(sizes);
    }
  }
  queueArea_->ensureWidgetVisible(row);
}

// The rows in the queue's order, each with the buttons its state allows.
void JobPanel::showQueue() {
  int queuedAt = 0;
  for (size_t i = 0; i < queue_->jobs().size(); ++i) {
    BackgroundJob* job = queue_->jobs()[i];
    if (!rows_.count(job)) continue;
    const JobRow& r = rows_.at(job);
    const JobQueue::State s = queue_->state(job);
    const bool queued = s == JobQueue::State::Queued;
    if (queued) r.message->setText(tr("queued (%1 in line)").arg(++queuedAt));
    if (s == JobQueue::State::Running && r.bar->value() == 0) r.message->setText(tr("starting…"));
    r.up->setVisible(queued);
    r.down->setVisible(queued);
    r.remove->setVisible(s != JobQueue::State::Running);
    r.action->setVisible(s != JobQueue::State::Finished);
    r.action->setEnabled(true);
    r.action->setText(s == JobQueue::State::Cancelled ? tr("Resume")
                      : s == JobQueue::State::Failed  ? tr("Retry")
                                                      : tr("Cancel"));
    queueLayout_->removeWidget(r.row);
    queueLayout_->insertWidget(static_cast<int>(i), r.row);
  }
  clear_->setEnabled(queue_->count(JobQueue::State::Finished) > 0);
}

}  // namespace ps::ui
