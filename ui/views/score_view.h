#pragma once
// The score view, three instruments over the scores cached for the open dataset, each
// computed off the GUI thread:
//  - a score's distribution per class on a common binning: small multiples (one panel
//    per class), or one class at a time on a zoomable chart against all classes;
//  - the agreement of every score with every other as a heatmap matrix (Spearman rank
//    correlation or top-k overlap, k a fraction of the examples all of them cover), of
//    every run's scores or of one run's, scrolled when they are many;
//  - any two scores against each other as a density scatter that stays smooth at a
//    million examples; clicking it opens the nearest example in the gallery.
#include <QWidget>
#include <memory>
#include <vector>

#include "base/class_picker.h"
#include "base/latest_task.h"
#include "base/score_catalog.h"
#include "charts/agreement_heatmap.h"
#include "charts/chart_view.h"
#include "charts/density_plot.h"
#include "charts/histogram_grid.h"
#include "score/score_agreement.h"

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace ps {
class Dataset;
}

namespace ps::ui {

struct AgreementOutcome {
  ScoreAgreement agreement;
  std::vector<size_t> entries;  // the catalogue entry of each row (and column)
  QString error;
};

struct HistogramOutcome {
  ClassHistograms hist;
  QString name;  // the score binned
};

struct DensityOutcome {
  DensityData data;
  QString error;
};

class ClassSummaryPanel;

// Up to this many classes the distribution is drawn as small multiples; beyond it, as a
// per-class table (ClassSummaryPanel) with one class drawn on demand.
inline constexpr int kMaxSmallMultiples = 24;

class ScoreView : public QWidget {
  Q_OBJECT
 public:
  explicit ScoreView(QWidget* parent = nullptr);
  void setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog);
  QComboBox* scoreBox() const { return score_; }
  QLabel* seedAgreementLabel() const { return seedAgreement_; }
  // 0: every class (small multiples, or the per-class table beyond kMaxSmallMultiples)
  ClassPicker* classBox() const { return class_; }
  ClassSummaryPanel* classSummary() const { return summary_; }
  bool showsSummary() const;  // the per-class table is shown instead of the small multiples
  QComboBox* xBox() const { return xScore_; }
  QComboBox* yBox() const { return yScore_; }
  ChartView* chartView() const { return view_; }  // one class at a time
  HistogramGrid* histogramGrid() const { return grid_; }
  AgreementHeatmap* heatmap() const { return heatmap_; }
  // Whose scores the heatmap compares: every run's (item 0), or one run's (item i: the
  // catalogue's run i − 1, newest first).
  QComboBox* agreementRunBox() const { return agreementRun_; }
  QScrollArea* heatmapArea() const { return heatmapArea_; }
  DensityPlot* densityPlot() const { return density_; }
  const ClassHistograms& histograms() const { return hist_; }
  const ScoreAgreement& agreement() const { return agreement_; }
  bool agreementBusy() const { return agreementTask_.busy(); }  // computing, or not shown yet
  bool densityBusy() const { return densityTask_.busy(); }
  bool histogramBusy() const { return histTask_.busy(); }
  bool exportAgreement(const QString& path, QString* error) const;

 signals:
  void agreementReady();
  void densityReady();
  void exampleRequested(qint64 trainIndex);
  void exportFailed(const QString& reason);

 private:
  QWidget* makeHistogramBox();
  QWidget* makeAgreementBox();
  QWidget* makeDensityBox();
  void drawHistogram();  // binned off the GUI thread, then showHistogram
  void showHistogram(HistogramOutcome o);
  void drawClassChart();
  QChart* classChart(size_t cls) const;  // one class against all, scaled to its size
  void fillRunBox();
  void computeAgreement();
  void showAgreement(const AgreementOutcome& outcome);
  void computeDensity();
  void showDensity(DensityOutcome outcome);

  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const ScoreCatalog> catalog_;
  QComboBox *score_, *measure_, *xScore_, *yScore_, *agreementRun_;
  ClassPicker* class_;
  ClassSummaryPanel* summary_;
  QScrollArea* heatmapArea_;
  std::vector<size_t> agreementEntries_;  // the catalogue entry of each heatmap row
  QSpinBox* bins_;
  QDoubleSpinBox* top_;
  QLabel *agreementInfo_, *densityInfo_, *seedAgreement_;
  QStackedWidget* histStack_;
  HistogramGrid* grid_;
  ChartView* view_;
  AgreementHeatmap* heatmap_;
  DensityPlot* density_;
  QPushButton* export_ = nullptr;  // enabled while a histogram is shown
  ClassHistograms hist_;
  ScoreAgreement agreement_;
  LatestTask<AgreementOutcome> agreementTask_;
  LatestTask<DensityOutcome> densityTask_;
  LatestTask<HistogramOutcome> histTask_;
};

}  // namespace ps::ui
