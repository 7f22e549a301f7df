#pragma once
// The runs of the open dataset as a tree for the runs panel: scoring runs, imports and
// studies at the top, newest last, each study's trained models under it (the models no
// listed study names stay at the top). Every status is listed: running, done, failed,
// interrupted (a cancelled run, or one whose process stopped).
#include <QAbstractItemModel>
#include <cstdint>
#include <map>
#include <vector>

#include "store/store.h"

namespace ps::ui {

class RunTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { Id, Kind, Status, Settings, Seed, Time, Started, ColumnCount };
  using QAbstractItemModel::QAbstractItemModel;

  // `parents`: model run id → the study that trained it (core's studiesOfTrainedModels).
  void setRuns(std::vector<RunRecord> runs, const std::map<int64_t, int64_t>& parents = {});
  const std::vector<RunRecord>& runs() const { return runs_; }  // every run, in store order
  const RunRecord* record(const QModelIndex& index) const;      // nullptr for an invalid index
  QModelIndex indexOf(int64_t runId) const;                     // column 0; invalid when not listed
  int64_t parentStudy(int64_t runId) const;                     // 0: none
  static QString localTime(const std::string& utc);             // "2026-11-28 07:37:42" from the store's UTC
  static QString statusText(RunStatus status);                  // translated: running, done, failed, interrupted

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  size_t runOf(const QModelIndex& index) const;  // position in runs_

  std::vector<RunRecord> runs_;
  std::vector<QString> settings_;
  std::vector<size_t> top_;                 // positions in runs_ of the top-level rows
  std::vector<std::vector<size_t>> under_;  // per top-level row: positions of its models
  std::map<int64_t, int64_t> parents_;
};

}  // namespace ps::ui
