#include "views/runs_panel.h"

#include <cmath>

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "base/latest_task.h"
#include "base/ui_wording.h"
#include "base/worker_pool.h"
#include "charts/chart_export.h"
#include "charts/training_curve_chart.h"
#include "job/job.h"
#include "store/run_kind.h"
#include "store/run_summary.h"
#include "util/errors.h"

namespace ps::ui {

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
  QWidget* top = buildRunList();
  QWidget* detail = buildDetail();
  layOut(top, detail);
  connectControls();
}

// The tree of runs with its buttons under it.
QWidget* RunsPanel::buildRunList() {
  model_ = new RunTreeModel(this);
  tree_ = new QTreeView(this);
  tree_->setModel(model_);
  tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  tree_->setUniformRowHeights(true);
  tree_->setExpandsOnDoubleClick(false);  // a double-click opens the run
  tree_->header()->setStretchLastSection(false);
  tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(RunTreeModel::Settings, QHeaderView::Stretch);
  open_ = new QPushButton(tr("Open"), this);
  resume_ = new QPushButton(tr("Resume"), this);
  delete_ = new QPushButton(tr("Delete…"), this);
  open_->setToolTip(tr("Show the run's results in its view"));
  resume_->setToolTip(
      tr("Start an interrupted or failed run again from its stored settings: it continues from its "
         "last checkpoint (a model trained by a study resumes its study)"));
  resume_->setEnabled(false);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(open_);
  buttons->addWidget(resume_);
  buttons->addWidget(delete_);
  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(tree_, 1);
  topLayout->addLayout(buttons);
  return top;
}

// The selected run's detail: status line and training curves.
QWidget* RunsPanel::buildDetail() {
  auto* detail = new QWidget(this);
  detail_ = new QLabel(tr("Select a run to see its training curves."), detail);
  detail_->setWordWrap(true);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  curveView_ = new QChartView(detail);
  curveView_->setRenderHint(QPainter::Antialiasing);
  curveView_->setMinimumSize(320, 170);
  curveView_->setChart(makeTrainingCurveChart({}, tr("Training curves")));
  exportCurves_ = makeExportButton(
      detail, curveView_, [this](const std::string& path) { writeCurvesCsv(curves_, path); },
      [this](const QString& reason) { emit failed(reason); });
  exportCurves_->setEnabled(false);
  auto* detailTop = new QHBoxLayout;
  detailTop->addWidget(detail_, 1);
  detailTop->addWidget(exportCurves_, 0, Qt::AlignTop);
  auto* detailLayout = new QVBoxLayout(detail);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addLayout(detailTop);
  detailLayout->addWidget(curveView_, 1);
  return detail;
}

void RunsPanel::layOut(QWidget* top, QWidget* detail) {
  // Side by side: the dock is wide and short.
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(top);
  split->addWidget(detail);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
}

void RunsPanel::connectControls() {
  curveTask_ = std::make_unique<LatestTask<CurveLoad>>(this, [this](CurveLoad l) { curvesLoaded(std::move(l)); });
  connect(tree_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { showDetail(); });
  confirm_ = [this](const QString& question) {
    return QMessageBox::question(this, tr("Delete run"), question) == QMessageBox::Yes;
  };
  connect(open_, &QPushButton::clicked, this, &RunsPanel::openSelected);
  connect(tree_, &QTreeView::doubleClicked, this, &RunsPanel::openSelected);
  connect(resume_, &QPushButton::clicked, this, &RunsPanel::resumeSelected);
  connect(delete_, &QPushButton::clicked, this, [this] {
    if (const RunRecord* r = selected()) deleteRun(r->id);
  });
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::setRuns(std::vector<RunRecord> runs, const QString& storePath,
                        const std::map<int64_t, int64_t>& parents) {
  storePath_ = storePath;
  const RunRecord* before = selected();
  const qint64 keep = before ? before->id : 0;
  model_->setRuns(std::move(runs), parents);
  // The reset cleared the selection: select the same run again (its detail re-read).
  if (!selectRun(keep)) showDetail();
}

bool RunsPanel::selectRun(qint64 runId) {
  const QModelIndex at = model_->indexOf(runId);
  if (!at.isValid()) return false;
  if (at.parent().isValid()) tree_->expand(at.parent());
  tree_->selectionModel()->select(at, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  tree_->scrollTo(at);
  return true;
}

const RunRecord* RunsPanel::resumable() const {
  const RunRecord* r = selected();
  if (!r || (r->status != RunStatus::Interrupted && r->status != RunStatus::Failed)) return nullptr;
  if (isRunKind(r->kind, RunKind::Score) || isStudyRun(r->kind)) return r;
  if (const int64_t study = model_->parentStudy(r->id)) {  // a study's model: its study resumes it
    const QModelIndex at = model_->indexOf(study);
    return model_->record(at);
  }
  return nullptr;
}

void RunsPanel::resumeSelected() {
  if (const RunRecord* r = resumable()) emit resumeRequested(*r);
}

void RunsPanel::showDetail() {
  resume_->setEnabled(resumable() != nullptr);
  const RunRecord* r = selected();
  if (!r) {
    curvesLoaded({});
    return;
  }
  const qint64 id = r->id;
  const std::string path = storePath_.toStdString();
  curveTask_->run([id, path] {
    CurveLoad l;
    l.runId = id;
    try {
      Store store(path);  // a connection of this worker thread's own
      l.curves = loadTrainingCurves(store, id);
    } catch (const std::exception& e) {
      l.error = QString::fromStdString(e.what());
    }
    return l;
  });
}

void RunsPanel::curvesLoaded(CurveLoad l) {
  curves_ = std::move(l.curves);
  const RunRecord* r = selected();
  QString text;
  if (!r || r->id != l.runId) {
    text = tr("Select a run to see its training curves.");
  } else {
    text = tr("Run %1 (%2): %3").arg(r->id).arg(runKindWord(r->kind), RunTreeModel::statusText(r->status));
    if (!r->message.empty()) text += QStringLiteral(" — ") + QString::fromStdString(r->message);
    if (!l.error.isEmpty())
      text += QStringLiteral("\n") + tr("Its training curves cannot be read: %1").arg(l.error);
    else if (curves_.empty())
      text += QStringLiteral("\n") +
              tr("It stored no training curves (imports, and runs from before PruneScope 0.2, have none).");
    else {
      const EpochHealth& last =
          curves_.front().curve.epochs.empty() ? EpochHealth{} : curves_.front().curve.epochs.back();
      if (std::isfinite(last.balancedAccuracy))
        text += QStringLiteral("\n") + tr("%1 after epoch %2: loss %3, train accuracy %4 (balanced %5, chance %6)")
                                           .arg(QString::fromStdString(curves_.front().label))
                                           .arg(last.epoch)
                                           .arg(last.loss, 0, 'g', 3)
                                           .arg(last.accuracy, 0, 'g', 3)
                                           .arg(last.balancedAccuracy, 0, 'g', 3)
                                           .arg(last.chance, 0, 'g', 3);
    }
  }
  detail_->setText(text);
  QChart* old = curveView_->chart();
  curveView_->setChart(makeTrainingCurveChart(
      curves_, r && !curves_.empty() ? tr("Training curves of run %1").arg(r->id) : tr("Training curves")));
  delete old;
  exportCurves_->setEnabled(!curves_.empty());
  emit curvesShown(l.runId);
}

const RunRecord* RunsPanel::selected() const {
  const QModelIndexList rows = tree_->selectionModel()->selectedRows();
  return rows.isEmpty() ? nullptr : model_->record(rows.first());
}

void RunsPanel::openSelected() {
  if (const RunRecord* r = selected()) emit openRequested(*r);
}

bool RunsPanel::deleteRun(qint64 runId) {
  const auto& runs = model_->runs();
  const auto it = std::find_if(runs.begin(), runs.end(), [runId](const RunRecord& r) { return r.id == runId; });
  if (it == runs.end()) return false;
  if (it->status == RunStatus::Running) {
    emit failed(tr("Run %1 is still running: cancel its job first.").arg(runId));
    return false;
  }
  const QString question = tr("Delete %1 run %2 (%3) and everything it stored? This cannot be undone.")
                               .arg(runKindWord(it->kind))
                               .arg(runId)
                               .arg(QString::fromStdString(describeRun(*it, uiWording())));
  if (confirm_ && !confirm_(question)) return false;
  // off the GUI thread: a store busy with a running job's writes can take a while
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, runId] {
    const QString error = watcher->result();
    watcher->deleteLater();
    if (error.isEmpty())
      emit runDeleted(runId);
    else
      emit failed(error);
  });
  watcher->setFuture(QtConcurrent::run(workerPool(), [path = storePath_.toStdString(), runId]() -> QString {
    try {
      Store store(path);  // a connection of this worker thread's own
      store.deleteRun(runId);
      return {};
    } catch (const std::exception& e) {
      return QString::fromStdString(describeError(e));
    }
  }));
  return true;
}

}  // namespace ps::ui
