#pragma once
// Training curves of a run: per epoch, the training loss (left axis) and the training
// accuracy and test error (right axis, 0..1), one colour per curve (a seed, or a study's
// trained model), with the chance level of the balanced accuracy as a dotted line.
// Series are named "<label> · loss", "<label> · train accuracy", "<label> · test error".
#include <QString>
#include <vector>

#include "train/run_curves.h"

class QChart;

namespace ps::ui {

QChart* makeTrainingCurveChart(const std::vector<LabelledCurve>& curves, const QString& title);

}  // namespace ps::ui
