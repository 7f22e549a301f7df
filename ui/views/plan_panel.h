#pragma once
// The pruning planner's panel, under the scaling chart: for a budget of examples before
// pruning, or for a target test error, core's answer from every measured study of the
// dataset (which policy and kept fraction, with its interval and the gain over not
// pruning); and beside it, clearly labelled as theory, the teacher-student perceptron's
// optimal kept fraction against α_tot (the paper's Fig. 1), simulated once off the GUI
// thread when the panel is first shown. This panel only asks core and shows.
#include <QFutureWatcher>
#include <QWidget>
#include <vector>

#include "study/pruning_planner.h"
#include "theory/optimal_keep.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QStackedWidget;

namespace ps::ui {

class ChartView;

class PlanPanel : public QWidget {
  Q_OBJECT
 public:
  explicit PlanPanel(QWidget* parent = nullptr);
  ~PlanPanel() override;

  // The measured curves to plan from; the budget box takes `largestPool` (the largest pool
  // of the study shown) and the target box the lowest error measured.
  void setInputs(PlanInputs inputs, int64_t largestPool);

  QComboBox* modeBox() const { return mode_; }  // 0: a budget of examples, 1: a target error
  QSpinBox* budgetBox() const { return budget_; }
  QDoubleSpinBox* targetBox() const { return target_; }
  QLabel* planLabel() const { return plan_; }
  ChartView* theoryChart() const { return theoryView_; }
  QLabel* theoryLabel() const { return theoryText_; }
  const std::vector<OptimalKeep>& theory() const { return theory_; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* makeTheoryBox();  // the theory chart and its caption
  void showPlan();
  void drawTheory();

  PlanInputs inputs_;
  QComboBox* mode_;
  QStackedWidget* value_;
  QSpinBox* budget_;
  QDoubleSpinBox* target_;
  QLabel *plan_, *theoryText_;
  ChartView* theoryView_;
  std::vector<OptimalKeep> theory_;
  QFutureWatcher<std::vector<OptimalKeep>> watcher_;
  bool theoryStarted_ = false;
};

}  // namespace ps::ui
