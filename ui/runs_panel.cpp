#include "runs_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "job/job.h"
#include "store/run_summary.h"

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
      case Status:
        switch (r.status) {
          case RunStatus::Running: return tr("running");
          case RunStatus::Done: return tr("done");
          case RunStatus::Failed: return tr("failed");
          case RunStatus::Interrupted: return tr("interrupted");
        }
        return {};
      case Settings: return settings_[static_cast<size_t>(index.row())];
      case Seed: return static_cast<qlonglong>(r.seed);
      case Time:
        return r.status == RunStatus::Running ? QVariant(tr("running"))
                                              : QVariant(QString::fromStdString(formatDuration(r.elapsedSeconds)));
      case Started: return QString::fromStdString(r.startedAt);
    }
  }
  if (role == Qt::ToolTipRole)
    return r.message.empty() ? QString::fromStdString(r.config)
                             : QString::fromStdString(r.message + "\n" + r.config);
  if (role == Qt::ForegroundRole && index.column() == Status) {
    if (r.status == RunStatus::Failed) return QColor(Qt::darkRed);
    if (r.status == RunStatus::Interrupted) return QColor(0xb0, 0x60, 0x00);
  }
  return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
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
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  confirm_ = [this](const QString& question) {
    return QMessageBox::question(this, tr("Delete run"), question) == QMessageBox::Yes;
  };
  connect(open_, &QPushButton::clicked, this, &RunsPanel::openSelected);
  connect(table_, &QTableView::doubleClicked, this, &RunsPanel::openSelected);
  connect(delete_, &QPushButton::clicked, this, [this] {
    if (const RunRecord* r = selected()) deleteRun(r->id);
  });
}

void RunsPanel::setRuns(std::vector<RunRecord> runs, const QString& storePath) {
  storePath_ = storePath;
  model_->setRuns(std::move(runs));
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
