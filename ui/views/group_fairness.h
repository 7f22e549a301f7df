#pragma once
// The fairness view's audit by group (study/group_audit.h): a summary line (average,
// worst-group and worst-class accuracy of the subset's model against the full-data
// model), a sortable table of every group (class × the chosen attributes, then the
// margins over the classes), and a bar chart of the groups: their share of the full set
// against their share of the kept set (the make-up before and after), their kept
// fraction, accuracy or change. The worst group is in bold on yellow in the table and
// its bars are drawn in red. With more groups than a chart can show, the chart shows the
// k most pruned (make-up, kept fraction), the k least accurate or the k most harmed.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "study/group_audit.h"

class QBarSeries;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace ps::ui {

class ChartView;

class GroupFairnessPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kMaxBars = 24;  // categories the chart shows at most

  explicit GroupFairnessPanel(QWidget* parent = nullptr);
  void setResult(const GroupAuditResult& result, const QString& title);
  const GroupAuditResult& result() const { return result_; }
  QStandardItemModel* model() const { return model_; }       // one row per group, in the result's order
  QSortFilterProxyModel* sorted() const { return sorted_; }  // what the table shows
  QTableView* table() const { return table_; }
  ChartView* chartView() const { return view_; }
  QComboBox* metricBox() const { return metric_; }
  QLabel* summary() const { return summary_; }
  int worstRow() const { return worstRow_; }  // the worst group's row in model(), -1 without accuracy
  // The groups the chart shows (rows of model()), in its order.
  const std::vector<size_t>& chartRows() const { return chartRows_; }

 private:
  void fill();
  void drawChart();
  std::vector<size_t> rowsToDraw(int metric, size_t* groups) const;
  QBarSeries* bars(int metric, QStringList* names, double* lo, double* hi) const;

  GroupAuditResult result_;
  QString title_;
  bool hasResult_ = false;
  int worstRow_ = -1;
  std::vector<size_t> chartRows_;
  QLabel* summary_;
  QStandardItemModel* model_;
  QSortFilterProxyModel* sorted_;
  QTableView* table_;
  QComboBox* metric_;
  ChartView* view_;
};

// "0.812 ± 0.010 [0.790, 0.835]": a summary figure with its spread and interval.
QString groupMetricText(const GroupMetric& m);

}  // namespace ps::ui
