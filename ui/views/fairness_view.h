#pragma once
// The fairness view: the audit of one pruning, per class (kept fraction, accuracy of the
// model trained on the subset against the full-data model, change), the policy as asked
// and its class-balanced form side by side, with a bar chart. Classes pruned
// disproportionately are on red; each side's worst class is in bold.
#include <QWidget>
#include "charts/chart_view.h"

#include "study/fairness_audit.h"

class QSplitter;
class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ps::ui {

class FairnessView : public QWidget {
  Q_OBJECT
 public:
  explicit FairnessView(QWidget* parent = nullptr);
  void setResult(const AuditResult& result, const QString& title);
  void setPending(const QString& message);  // an audit is running
  const AuditResult& result() const { return result_; }
  QStandardItemModel* policyModel() const { return policyModel_; }
  QStandardItemModel* balancedModel() const { return balancedModel_; }
  ChartView* chartView() const { return view_; }
  QComboBox* metricBox() const { return metric_; }
  QLabel* summary() const { return summary_; }

 signals:
  void exportFailed(const QString& reason);

 private:
  void fill(QStandardItemModel* model, const AuditSide& side);
  void drawChart();
  void fitTables();
  void resizeEvent(QResizeEvent* event) override;

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
};

}  // namespace ps::ui
