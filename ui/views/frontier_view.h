#pragma once
// The frontier view: a finished frontier study from the store, test error against kept
// fraction with a line per score × policy, error bars over seeds and the Pareto frontier;
// or, as chosen, the worst class's or the worst group's error, the frontier following it.
// Hovering a point shows its exact numbers; clicking one asks for its fairness audit.
#include "study/fairness_audit.h"
#include "study/frontier_study.h"
#include "views/study_run_view.h"

class QComboBox;

namespace ps::ui {

class FrontierView : public StudyRunView {
  Q_OBJECT
 public:
  explicit FrontierView(QWidget* parent = nullptr);
  const FrontierResult& result() const { return result_; }
  // What the tooltip of point `i` says.
  QString pointText(size_t i) const;
  // Asks for the audit of point `i` (what a click does).
  void requestAudit(size_t i);
  // What the chart draws: test error, the worst class's or the worst group's error.
  QComboBox* metricBox() const { return metric_; }
  FrontierMetric metric() const;

 signals:
  void auditRequested(const ps::AuditConfig& config, const QString& title);

 protected:
  QString runLabel(const RunRecord& run) const override;
  void adopt(std::shared_ptr<const void> study) override;
  void clear() override { result_ = {}; }
  qint64 shownRun() const override { return result_.runId; }
  QChart* makeChart(QString* info) override;
  void writeCsv(const std::string& path) const override;
  void writeJson(const std::string& path) const override {
    writeFrontierJson(result_, configJson(), fingerprint(), path);
  }

 private:
  FrontierResult result_;
  QComboBox* metric_;
};

}  // namespace ps::ui
