#pragma once
// The perceptron theory view: controls for N, the alpha_tot grid, the kept fractions,
// the probe angle theta, the policies and the trials; the Monte-Carlo simulation runs
// off the GUI thread whenever a control changes (debounced, a running one is cancelled),
// and the chart shows test error against alpha_prune per policy and f, with the Pareto
// frontier over all points.
#include <QFutureWatcher>
#include <QWidget>
#include <vector>
#include "charts/chart_view.h"

#include "job/job.h"
#include "theory/perceptron_theory.h"

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace ps::ui {

class TheoryView : public QWidget {
  Q_OBJECT
 public:
  explicit TheoryView(QWidget* parent = nullptr);
  ~TheoryView() override;

  // The controls' settings; ConfigError names the bad value.
  TheoryConfig formConfig() const;
  const std::vector<TheoryPoint>& points() const { return points_; }
  ChartView* chartView() const { return chart_; }
  QDoubleSpinBox* thetaBox() const { return theta_; }
  QLineEdit* alphaEdit() const { return alphas_; }
  QLabel* statusLabel() const { return status_; }

 signals:
  void updated();  // a simulation finished and the chart shows it
  void exportFailed(const QString& reason);

 private:
  QPushButton* export_ = nullptr;  // enabled while something is shown
  QFormLayout* buildForm();
  void layOut(QFormLayout* form);
  void connectControls();
  void schedule();
  void launch();
  void redraw();

  QSpinBox *dim_, *trials_;
  QLineEdit *alphas_, *keeps_;
  QDoubleSpinBox* theta_;
  QCheckBox *hard_, *easy_, *random_;
  QLabel* status_;
  ChartView* chart_;
  QCheckBox *logX_, *logY_;
  QTimer* debounce_;
  QFutureWatcher<std::vector<TheoryPoint>> watcher_;
  CancelToken token_;
  bool pending_ = false;
  std::vector<TheoryPoint> points_;
};

}  // namespace ps::ui
