#pragma once
// The scaling view: a finished scaling study from the store, test error against the
// number of examples kept on log-log axes (either can be switched to linear), one curve
// per policy × kept fraction, each with its fitted power law (exponent ± standard error
// in the legend), and where keep-hard overtakes keep-easy. Over the chart: the pruned
// scaling envelope and its verdict; under it, the pruning planner (ui/plan_panel).
#include "study/pruning_planner.h"
#include "study/scaling_envelope.h"
#include "study/scaling_study.h"
#include "views/plan_panel.h"
#include "views/study_run_view.h"

class QCheckBox;
class QLabel;
class QSpinBox;

namespace ps::ui {

// The study's points and fitted curves, and over them `envelope` when given (core's
// scalingEnvelopes: the one over every policy when several).
QChart* makeScalingChart(const ScalingResult& r, const QString& title, bool logX = true, bool logY = true,
                         const ScalingEnvelope* envelope = nullptr);

class ScalingView : public StudyRunView {
  Q_OBJECT
 public:
  explicit ScalingView(QWidget* parent = nullptr);
  const ScalingResult& result() const { return result_; }
  PlanPanel* planPanel() const { return plan_; }
  QSpinBox* budgetBox() const { return plan_->budgetBox(); }
  QLabel* planLabel() const { return plan_->planLabel(); }

 protected:
  QString runLabel(const RunRecord& run) const override;
  void adopt(std::shared_ptr<const void> study) override;
  void clear() override;
  qint64 shownRun() const override { return result_.runId; }
  QChart* makeChart(QString* info) override;
  void writeCsv(const std::string& path) const override;
  void writeJson(const std::string& path) const override {
    writeScalingJson(result_, configJson(), fingerprint(), path);
  }

 private:
  ScalingResult result_;
  std::vector<ScalingEnvelope> envelopes_;  // of result_, fitted when it was read (off the GUI thread)
  QCheckBox *logX_, *logY_;
  PlanPanel* plan_;
};

}  // namespace ps::ui
