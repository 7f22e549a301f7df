#pragma once
// The line under the job forms that says how long the job as set up will take: the form's
// work (core's scoringWork / frontierWork / scalingWork, counted from what the job will
// train and evaluate) at the rates measured on this machine for its model, batch size and
// device on the open dataset (core's measureTrainingRates, once per setting, off the GUI
// thread). A job estimated over ten minutes is said prominently.
#include <QFutureWatcher>
#include <QLabel>
#include <QThreadPool>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "study/work_estimate.h"
#include "train/train_config.h"

namespace ps {
class Dataset;
}

namespace ps::ui {

// What a form would start: its work and how it trains (the rates depend on the model,
// batch size, augmentation, threads and device).
struct FormWork {
  JobWork work;
  TrainConfig train;
};

class JobEstimate : public QLabel {
  Q_OBJECT
 public:
  // `current` gives the shown form's work, or nothing while its settings are invalid; it is
  // asked again every second while the label is visible (the score catalogue can change),
  // and at once when a watched field changes.
  JobEstimate(std::function<std::optional<FormWork>()> current, QWidget* parent = nullptr);
  void setDataset(std::shared_ptr<const Dataset> dataset);
  void watch(QWidget* form);                   // refreshed at once when a field under `form` changes
  double seconds() const { return seconds_; }  // of the estimate shown (< 0: none)
  void refresh();

 private:
  struct Rate {
    std::string key;
    TrainingRates rates;
    QString error;
  };
  std::string keyOf(const FormWork& w) const;

  std::function<std::optional<FormWork>()> current_;
  std::shared_ptr<const Dataset> dataset_;
  struct Measured {
    TrainingRates rates;
    qint64 at = 0;  // QDateTime::currentMSecsSinceEpoch() of the measurement
  };
  // Per model, dataset, batch, augmentation, threads and device; measured again once
  // older than a few minutes (a shared machine's load changes), the old one shown meanwhile.
  std::map<std::string, Measured> rates_;
  std::map<std::string, QString> failed_;  // why no rate could be measured
  std::string measuring_;
  void measured(const Rate& r);
  // The rates are measured on a thread of their own: a measurement takes seconds on a
  // busy machine and must not hold up the views' work on the shared pool.
  QThreadPool probePool_;
  QFutureWatcher<Rate> probe_;
  QTimer poll_;
  double seconds_ = -1;
};

}  // namespace ps::ui
