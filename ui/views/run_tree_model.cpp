#include "views/run_tree_model.h"

#include <QColor>
#include <QDateTime>

#include "base/ui_wording.h"
#include "job/job.h"
#include "store/run_summary.h"

namespace ps::ui {

// Rows carry their place in the tree in the index's internal id: 0 for a top-level row,
// 1 + the top-level row of its study for a model under a study.
void RunTreeModel::setRuns(std::vector<RunRecord> runs, const std::map<int64_t, int64_t>& parents) {
  beginResetModel();
  runs_ = std::move(runs);
  parents_.clear();
  settings_.clear();
  top_.clear();
  under_.clear();
  std::map<int64_t, size_t> topRow;  // study run id → its top-level row
  for (size_t i = 0; i < runs_.size(); ++i) {
    settings_.push_back(QString::fromStdString(describeRun(runs_[i], uiWording())));
    const auto p = parents.find(runs_[i].id);
    if (p == parents.end()) {
      topRow[runs_[i].id] = top_.size();
      top_.push_back(i);
    }
  }
  under_.resize(top_.size());
  for (size_t i = 0; i < runs_.size(); ++i) {
    const auto p = parents.find(runs_[i].id);
    if (p == parents.end()) continue;
    const auto row = topRow.find(p->second);
    if (row == topRow.end()) {  // its study is not listed: a row of its own
      top_.push_back(i);
      under_.emplace_back();
      continue;
    }
    under_[row->second].push_back(i);
    parents_[runs_[i].id] = p->second;
  }
  endResetModel();
}

const RunRecord* RunTreeModel::record(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this) return nullptr;
  return &runs_[runOf(index)];
}

size_t RunTreeModel::runOf(const QModelIndex& index) const {
  const auto row = static_cast<size_t>(index.row());
  if (index.internalId() == 0) return top_[row];
  return under_[static_cast<size_t>(index.internalId() - 1)][row];
}

QModelIndex RunTreeModel::indexOf(int64_t runId) const {
  for (size_t t = 0; t < top_.size(); ++t) {
    if (runs_[top_[t]].id == runId) return createIndex(static_cast<int>(t), 0, quintptr(0));
    for (size_t c = 0; c < under_[t].size(); ++c)
      if (runs_[under_[t][c]].id == runId) return createIndex(static_cast<int>(c), 0, static_cast<quintptr>(t) + 1);
  }
  return {};
}

int64_t RunTreeModel::parentStudy(int64_t runId) const {
  const auto p = parents_.find(runId);
  return p == parents_.end() ? 0 : p->second;
}

QModelIndex RunTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount) return {};
  if (!parent.isValid())
    return static_cast<size_t>(row) < top_.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
  if (parent.internalId() != 0) return {};  // models have no children
  const auto t = static_cast<size_t>(parent.row());
  if (t >= under_.size() || static_cast<size_t>(row) >= under_[t].size()) return {};
  return createIndex(row, column, static_cast<quintptr>(t) + 1);
}

QModelIndex RunTreeModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int RunTreeModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(top_.size());
  if (parent.internalId() != 0 || parent.column() != 0) return 0;
  return static_cast<int>(under_[static_cast<size_t>(parent.row())].size());
}

int RunTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant RunTreeModel::data(const QModelIndex& index, int role) const {
  const RunRecord* rec = record(index);
  if (!rec) return {};
  const RunRecord& r = *rec;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Id: return static_cast<qlonglong>(r.id);
      case Kind: return runKindWord(r.kind);
      case Status: return statusText(r.status);
      case Settings: return settings_[runOf(index)];
      case Seed: return static_cast<qlonglong>(r.seed);
      case Time:
        return r.status == RunStatus::Running ? QVariant(tr("running")) : QVariant(durationWord(r.elapsedSeconds));
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
QString RunTreeModel::localTime(const std::string& utc) {
  const QDateTime t = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODateWithMs);
  return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString::fromStdString(utc);
}

QString RunTreeModel::statusText(RunStatus status) {
  switch (status) {
    case RunStatus::Running: return tr("running");
    case RunStatus::Done: return tr("done");
    case RunStatus::Failed: return tr("failed");
    case RunStatus::Interrupted: return tr("interrupted");
  }
  return {};
}

QVariant RunTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
    return QAbstractItemModel::headerData(section, orientation, role);
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

}  // namespace ps::ui
