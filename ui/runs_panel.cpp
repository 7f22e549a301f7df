#include "runs_panel.h"

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
#include <QTableView>
#include <QVBoxLayout>

#include "chart_export.h"
#include "job/job.h"
#include "latest_task.h"
#include "store/run_summary.h"
#include "training_curve_chart.h"

namespace ps::ui {

void RunTableModel::setRuns(std::vector<RunRecord> runs) {
  beginResetModel();
  runs_ = std::move(runs);
  settings_.clear();
  for (const auto& r : runs_) settings_.push_back(QString::fromStdString(describeRun(r)));
  endResetModel();
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}
int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
  const RunRecord& r = runs_[static_cast<size_t>(index.row())];
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Id: return static_cast<qlonglong>(r.id);
      case Kind: return QString::fromStdString(r.kind);
      case Status: return statusText(r.status);
      case Settings: return settings_[static_cast<size_t>(index.row())];
      case Seed: return static_cast<qlonglong>(r.seed);
      case Time:
        return r.status == RunStatus::Running ? QVariant(tr("running"))
                                              : QVariant(QString::fromStdString(formatDuration(r.elapsedSeconds)));
      case Started: return localTime(r.startedAt);
    }
  }
  if (role == Qt::ToolTipRole)
    return r.message.empty() ? QString::fromStdString(r.config) : QString::fromStdString(r.message + "\n" + r.config);
  if (role == Qt::ForegroundRole && index.column() == Status) {
    if (r.status == RunStatus::Failed) return QColor(Qt::darkRed);
    if (r.status == RunStatus::Interrupted) return QColor(0xb0, 0x60, 0x00);
  }
  return {};
}

// The store keeps UTC (ISO 8601); the table shows the user's local time.
QString RunTableModel::localTime(const std::string& utc) {
  const QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODateWithMs);
  return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString::fromStdString(utc);
}

QString RunTableModel::statusText(RunStatus status) {
  switch (status) {
    case RunStatus::Running: return tr("running");
    case RunStatus::Done: return tr("done");
    case RunStatus::Failed: return tr("failed");
    case RunStatus::Interrupted: return tr("interrupted");
  }
  return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
    case Id: return tr("Run");
    case Kind: return tr("Kind");
    case Status: return tr("Status");
    case Settings: return tr("Settings");
    case Seed: return tr("Seed");
    case Time: return tr("Time taken");
    case Started: return tr("Started");
  }
  return {};
}

// NOLINTNEXTLINE(readability-function-size): builds the widgets and their connections, one statement each
RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
  model_ = new RunTableModel(this);
  table_ = new QTableView(this);
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(RunTableModel::Settings, QHeaderView::Stretch);
  open_ = new QPushButton(tr("Open"), this);
  delete_ = new QPushButton(tr("Delete…"), this);
  open_->setToolTip(tr("Show the run's results in its view"));
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(open_);
  buttons->addWidget(delete_);
  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(table_, 1);
  topLayout->addLayout(buttons);

  // The selected run's detail: status line and training curves.
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

  // Side by side: the dock is wide and short.
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(top);
  split->addWidget(detail);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(split);
  curveTask_ = std::make_unique<LatestTask<CurveLoad>>(this, [this](CurveLoad l) { curvesLoaded(std::move(l)); });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { showDetail(); });
  confirm_ = [this](const QString& question) {
    return QMessageBox::question(this, tr("Delete run"), question) == QMessageBox::Yes;
  };
  connect(open_, &QPushButton::clicked, this, &RunsPanel::openSelected);
  connect(table_, &QTableView::doubleClicked, this, &RunsPanel::openSelected);
  connect(delete_, &QPushButton::clicked, this, [this] {
    if (const RunRecord* r = selected()) deleteRun(r->id);
  });
}

RunsPanel::~RunsPanel() = default;

void RunsPanel::setRuns(std::vector<RunRecord> runs, const QString& storePath) {
  storePath_ = storePath;
  const RunRecord* before = selected();
  const qint64 keep = before ? before->id : 0;
  model_->setRuns(std::move(runs));
  // The reset cleared the selection: select the same run again (its detail re-read).
  if (!selectRun(keep)) showDetail();
}

bool RunsPanel::selectRun(qint64 runId) {
  const auto& rs = model_->runs();
  for (size_t i = 0; i < rs.size(); ++i)
    if (rs[i].id == runId) {
      table_->selectRow(static_cast<int>(i));
      return true;
    }
  return false;
}

void RunsPanel::showDetail() {
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
    text = tr("Run %1 (%2): %3").arg(r->id).arg(QString::fromStdString(r->kind), RunTableModel::statusText(r->status));
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
  const QModelIndexList rows = table_->selectionModel()->selectedRows();
  if (rows.isEmpty()) return nullptr;
  return &model_->runs()[static_cast<size_t>(rows.first().row())];
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
                               .arg(QString::fromStdString(it->kind))
                               .arg(runId)
                               .arg(QString::fromStdString(describeRun(*it)));
  if (confirm_ && !confirm_(question)) return false;
  try {
    Store store(storePath_.toStdString());
    store.deleteRun(runId);
  } catch (const std::exception& e) {
    emit failed(QString::fromStdString(e.what()));
    return false;
  }
  emit runDeleted(runId);
  return true;
}

}  // namespace ps::ui
