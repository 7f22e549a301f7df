#pragma once
// The scaling view: a finished scaling study from the store, test error against the
// number of examples kept on log-log axes (either can be switched to linear), one curve
// per policy × kept fraction, each with its fitted power law (exponent ± standard error
// in the legend), and where keep-hard overtakes keep-easy.
#include "study/scaling_study.h"
#include "study_run_view.h"

class QCheckBox;

namespace ps::ui {

QChart* makeScalingChart(const ScalingResult& r, const QString& title, bool logX = true, bool logY = true);

class ScalingView : public StudyRunView {
  Q_OBJECT
 public:
  explicit ScalingView(QWidget* parent = nullptr);
  const ScalingResult& result() const { return result_; }

 protected:
  QString runLabel(const RunRecord& run) const override;
  void adopt(std::shared_ptr<const void> study) override;
  void clear() override { result_ = {}; }
  qint64 shownRun() const override { return result_.runId; }
  QChart* makeChart(QString* info) override;
  void writeCsv(const std::string& path) const override;
  void writeJson(const std::string& path) const override {
    writeScalingJson(result_, configJson(), fingerprint(), path);
  }

 private:
  ScalingResult result_;
  QCheckBox *logX_, *logY_;
};

}  // namespace ps::ui
