#pragma once
// The scaling view: a finished scaling study from the store, test error against the
// number of examples kept on log-log axes, one curve per policy × kept fraction, each
// with its fitted power law (exponent ± standard error in the legend), and where
// keep-hard overtakes keep-easy.
#include <QWidget>
#include <vector>

#include "store/store.h"
#include "study/scaling_study.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace ps::ui {

QChart* makeScalingChart(const ScalingResult& r, const QString& title);

class ScalingView : public QWidget {
  Q_OBJECT
 public:
  explicit ScalingView(QWidget* parent = nullptr);
  void setRuns(const std::vector<RunRecord>& runs, const QString& storePath, qint64 select = 0);
  void showRun(qint64 runId);
  const ScalingResult& result() const { return result_; }
  QChartView* chartView() const { return view_; }
  QComboBox* runBox() const { return runs_; }

 signals:
  void loadFailed(const QString& reason);
  void exportFailed(const QString& reason);

 private:
  void draw();

  QComboBox* runs_;
  QLabel* info_;
  QChartView* view_;
  QString storePath_;
  std::vector<RunRecord> records_;
  ScalingResult result_;
};

}  // namespace ps::ui
