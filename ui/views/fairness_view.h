#pragma once
// The fairness view: the audit of one pruning, per class (kept fraction, accuracy of the
// model trained on the subset against the full-data model, change), the policy as asked
// and its class-balanced form side by side, with a bar chart. Classes pruned
// disproportionately are on red; each side's worst class is in bold. The tables sort by
// any column; with more classes than a chart can show, the chart shows the k most pruned
// classes (kept fraction), the k least accurate or the k most harmed (change).
// "Group by" picks the class or one of the dataset's attributes: by an attribute, the
// audit by group (views/group_fairness.h) of the same pruning is run and shown.
#include <QWidget>
#include "charts/chart_view.h"

#include "study/fairness_audit.h"
#include "study/group_audit.h"

class QBarSeries;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ps::ui {

class GroupFairnessPanel;

class FairnessView : public QWidget {
  Q_OBJECT
 public:
  explicit FairnessView(QWidget* parent = nullptr);
  void setResult(const AuditResult& result, const QString& title);
  void setPending(const QString& message);  // an audit is running
  // The pruning audited next (what a group-by choice audits by group).
  void setAuditConfig(const AuditConfig& config, const QString& title);
  // The dataset's attributes that can be grouped by (the group-by choices besides class).
  void setAttributes(const QStringList& names);
  void setGroupResult(const GroupAuditResult& result, const QString& title);
  QComboBox* groupByBox() const { return groupBy_; }
  GroupFairnessPanel* groupPanel() const { return groups_; }
  // The classes the chart shows (rows of the models), in its order.
  const std::vector<size_t>& chartClasses() const { return chartClasses_; }
  QSortFilterProxyModel* policySorted() const { return policySorted_; }
  static constexpr int kMaxBars = 24;  // classes the chart shows at most
  const AuditResult& result() const { return result_; }
  QStandardItemModel* policyModel() const { return policyModel_; }
  QStandardItemModel* balancedModel() const { return balancedModel_; }
  ChartView* chartView() const { return view_; }
  QComboBox* metricBox() const { return metric_; }
  QLabel* summary() const { return summary_; }

 signals:
  void exportFailed(const QString& reason);
  // The audit by group of the pruning shown, by the attributes chosen.
  void groupAuditRequested(const ps::GroupAuditConfig& config, const QString& title);

 private:
  void fill(QStandardItemModel* model, const AuditSide& side);
  void drawChart();
  void fitTables();
  void resizeEvent(QResizeEvent* event) override;
  void groupByChanged();
  std::vector<size_t> classesToDraw(int metric) const;
  void showBarValues(QBarSeries* series, const QStringList& classes);
  QList<double> barValues(size_t k, int metric) const;

  AuditResult result_;
  QString sideTitles_[2];  // the two subsets in words
  bool hasResult_ = false;
  QPushButton* export_ = nullptr;  // enabled once an audit is shown
  QLabel* summary_;
  QLabel *policyTitle_, *balancedTitle_;
  QStandardItemModel *policyModel_, *balancedModel_;
  QTableView *policyTable_, *balancedTable_;
  QComboBox* metric_;
  ChartView* view_;
  QSplitter* split_;
  QComboBox* groupBy_;
  QStackedWidget* pages_;
  GroupFairnessPanel* groups_;
  QSortFilterProxyModel *policySorted_, *balancedSorted_;
  std::vector<size_t> chartClasses_;
  bool hasConfig_ = false;
  AuditConfig config_;
  QString configTitle_;
  std::vector<std::string> groupedBy_;  // the attributes of the group result shown
};

}  // namespace ps::ui
