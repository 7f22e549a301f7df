#pragma once
// The frontier view: a finished frontier study from the store, test error against kept
// fraction with a line per score × policy, error bars over seeds and the Pareto frontier.
// Hovering a point shows its exact numbers; clicking one asks for its fairness audit.
#include <QWidget>
#include <vector>

#include "store/store.h"
#include "study/fairness_audit.h"
#include "study/frontier_study.h"

class QChartView;
class QComboBox;
class QLabel;

namespace ps::ui {

class FrontierView : public QWidget {
  Q_OBJECT
 public:
  explicit FrontierView(QWidget* parent = nullptr);

  // The finished frontier runs of the open dataset; shows `select`, else the study shown
  // before (same store), else the newest.
  void setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select = 0);
  void showRun(qint64 runId);
  const FrontierResult& result() const { return result_; }
  QChartView* chartView() const { return view_; }
  QComboBox* runBox() const { return runs_; }
  // What the tooltip of point `i` says.
  QString pointText(size_t i) const;
  // Asks for the audit of point `i` (what a click does).
  void requestAudit(size_t i);

 signals:
  void auditRequested(const ps::AuditConfig& config, const QString& title);
  void loadFailed(const QString& reason);
  void exportFailed(const QString& reason);

 private:
  void draw();
  long pointNear(const QString& score, const QString& policy, double keep) const;

  QComboBox* runs_;
  QLabel* info_;
  QChartView* view_;
  QString storePath_;
  std::vector<RunRecord> records_;
  FrontierResult result_;
  std::string configJson_;
};

}  // namespace ps::ui
