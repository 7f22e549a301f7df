#pragma once
// The score view: a score's distribution per class (histograms on a common binning), and
// the agreement of the scores cached for this dataset: Spearman rank correlation and
// top-k overlap (k a fraction of the examples all of them cover), computed off the GUI
// thread.
#include <QWidget>
#include <memory>

#include "latest_task.h"
#include "score/score_agreement.h"
#include "score_catalog.h"

class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QStandardItemModel;

namespace ps {
class Dataset;
}

namespace ps::ui {

struct AgreementOutcome {
  ScoreAgreement agreement;
  QString error;
};

class ScoreView : public QWidget {
  Q_OBJECT
 public:
  explicit ScoreView(QWidget* parent = nullptr);
  void setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog);
  QComboBox* scoreBox() const { return score_; }
  QChartView* chartView() const { return view_; }
  QStandardItemModel* spearmanModel() const { return spearman_; }
  QStandardItemModel* overlapModel() const { return overlap_; }
  const ClassHistograms& histograms() const { return hist_; }
  const ScoreAgreement& agreement() const { return agreement_; }
  bool agreementBusy() const { return agreementTask_.busy(); }  // computing, or not shown yet
  bool exportAgreement(const QString& path, QString* error) const;

 signals:
  void agreementReady();
  void exportFailed(const QString& reason);

 private:
  QPushButton* export_ = nullptr;  // enabled while something is shown
  void drawHistogram();
  void computeAgreement();
  void showAgreement(const AgreementOutcome& outcome);

  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const ScoreCatalog> catalog_;
  QComboBox* score_;
  QSpinBox* bins_;
  QDoubleSpinBox* top_;
  QLabel* agreementInfo_;
  QChartView* view_;
  QStandardItemModel *spearman_, *overlap_;
  ClassHistograms hist_;
  ScoreAgreement agreement_;
  LatestTask<AgreementOutcome> agreementTask_;
};

}  // namespace ps::ui
