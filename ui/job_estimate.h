#pragma once
// The line under the job forms that says how long the job as set up will take: the form's
// work (core's scoringWork / frontierWork / scalingWork) over a training rate measured on
// this machine for its model, batch size and device (core's measureTrainingRate, once per
// setting, off the GUI thread). A job estimated over ten minutes is said prominently.
#include <QLabel>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "latest_task.h"
#include "model/device_choice.h"

namespace ps {
class Dataset;
}

namespace ps::ui {

// What a form would start: its training work in example-epochs and how it trains.
struct FormWork {
  double work = 0;
  std::string model;
  int batchSize = 128;
  DeviceChoice device;
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
    double imagesPerSecond = 0;
    QString error;
  };
  std::string keyOf(const FormWork& w) const;

  std::function<std::optional<FormWork>()> current_;
  std::shared_ptr<const Dataset> dataset_;
  std::map<std::string, double> rates_;  // images/s per model, shape, batch and device
  std::string measuring_;
  LatestTask<Rate> probe_;
  QTimer poll_;
  double seconds_ = -1;
};

}  // namespace ps::ui
