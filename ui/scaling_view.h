#pragma once
// The scaling view: a finished scaling study from the store, test error against the
// number of examples kept on log-log axes (either can be switched to linear), one curve
// per policy × kept fraction, each with its fitted power law (exponent ± standard error
// in the legend), and where keep-hard overtakes keep-easy. Over the chart: the pruned
// scaling envelope and its verdict; under it, the pruning planner for a budget of
// examples (core decides, from every study of the dataset in the store; this view only
// asks and shows).
#include "study/pruning_planner.h"
#include "study/scaling_study.h"
#include "study_run_view.h"

class QCheckBox;
class QLabel;
class QSpinBox;

namespace ps::ui {

QChart* makeScalingChart(const ScalingResult& r, const QString& title, bool logX = true, bool logY = true);

class ScalingView : public StudyRunView {
  Q_OBJECT
 public:
  explicit ScalingView(QWidget* parent = nullptr);
  const ScalingResult& result() const { return result_; }
  QSpinBox* budgetBox() const { return budget_; }
  QLabel* planLabel() const { return plan_; }

 protected:
  QString runLabel(const RunRecord& run) const override;
  void adopt(std::shared_ptr<const void> study) override;
  void clear() override {
    result_ = {};
    inputs_ = {};
  }
  qint64 shownRun() const override { return result_.runId; }
  QChart* makeChart(QString* info) override;
  void writeCsv(const std::string& path) const override;
  void writeJson(const std::string& path) const override {
    writeScalingJson(result_, configJson(), fingerprint(), path);
  }

 private:
  void showPlan();

  ScalingResult result_;
  PlanInputs inputs_;  // every study of the dataset, read with the run shown
  QCheckBox *logX_, *logY_;
  QSpinBox* budget_;
  QLabel* plan_;
};

}  // namespace ps::ui
