#pragma once
// A score per class when there are too many classes to draw one panel each: a table of
// every class (examples, median and 90th-percentile difficulty, the share a pruning
// removes), the most affected classes first, with a search field (name or id), and the
// class picked in it drawn below on demand. The numbers are computed off the GUI thread
// (core's classSummary); the chart comes from the owner (`classChosen`).
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "base/latest_task.h"
#include "score/class_summary.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ps::ui {

class ChartView;
class ClassSummaryModel;
struct ScoreCatalog;

struct ClassSummaryOutcome {
  std::vector<ClassSummaryRow> rows;
  QString error;
};

class ClassSummaryPanel : public QWidget {
  Q_OBJECT
 public:
  // The share removed right after the name: the column that matters is seen without scrolling.
  enum Column { ClassColumn, NameColumn, RemovedColumn, CountColumn, MedianColumn, P90Column, kColumns };
  explicit ClassSummaryPanel(QWidget* parent = nullptr);

  // Summarises catalogue entry `entry` (computed off the GUI thread; busy() meanwhile).
  void setScore(std::shared_ptr<const ScoreCatalog> catalog, size_t entry, std::vector<std::string> classNames);
  void clear();
  bool busy() const { return task_.busy(); }
  QTableView* table() const { return table_; }
  QLineEdit* searchField() const { return search_; }
  QDoubleSpinBox* keepBox() const { return keep_; }
  QComboBox* policyBox() const { return policy_; }
  ChartView* chartView() const { return chart_; }
  // The class in the table's row `row` as shown (sorted and filtered); -1 when none.
  int classAtRow(int row) const;
  const std::vector<ClassSummaryRow>& rows() const { return rows_; }

 signals:
  void classChosen(int label);  // draw this class in chartView()
  void summaryShown();

 private:
  void makeTable();  // the table over the proxy, sorted by the share removed
  void recompute();
  void show(ClassSummaryOutcome outcome);
  void fillTable();

  std::shared_ptr<const ScoreCatalog> catalog_;
  size_t entry_ = 0;
  std::vector<std::string> names_;
  std::vector<ClassSummaryRow> rows_;
  QLineEdit* search_;
  QComboBox* policy_;
  QDoubleSpinBox* keep_;
  QLabel* info_;
  ClassSummaryModel* model_;
  QSortFilterProxyModel* proxy_;
  QTableView* table_;
  ChartView* chart_;
  LatestTask<ClassSummaryOutcome> task_;
};

}  // namespace ps::ui
