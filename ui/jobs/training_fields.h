#pragma once
// The training recipe's form fields, one per declared setting (train/train_settings.h),
// made from the declarations: the scoring form and the study forms hold one each, so
// they offer every training setting the command line has, with its defaults and ranges.
#include <QObject>

#include "train/train_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace ps::ui {

struct TrainingFields {
  explicit TrainingFields(QWidget* parent);

  // Rows for every field but the epochs, the model and the health checks, which each form
  // places itself (the scoring form puts the learning rate in a row of its own too:
  // `withLr` false leaves it out).
  void addRows(QFormLayout* form, bool withLr = true) const;
  // The recipe the fields say; ConfigError naming the device when it is not one.
  void fill(TrainConfig& t) const;

  QComboBox* model;
  QSpinBox *epochs, *batchSize, *seed, *threads;
  QDoubleSpinBox *lr, *momentum, *weightDecay, *warmup, *gradClip;
  QComboBox *schedule, *flip, *device;
  QCheckBox *augment, *healthChecks;
};

}  // namespace ps::ui
