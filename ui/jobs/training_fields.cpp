#include "jobs/training_fields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include "base/setting_fields.h"
#include "model/model_names.h"

namespace ps::ui {

TrainingFields::TrainingFields(QWidget* parent) {
  model = new QComboBox(parent);
  model->setObjectName(QString::fromLatin1(setting::model.name));
  for (const auto& m : builtinModelNames()) model->addItem(QString::fromStdString(m));
  model->setCurrentText(QString::fromLatin1(setting::model.text));
  model->setToolTip(settingTooltip(setting::model));
  epochs = integerField(setting::epochs, parent);
  batchSize = integerField(setting::batchSize, parent);
  lr = realField(setting::lr, 5, parent);
  momentum = realField(setting::momentum, 3, parent);
  weightDecay = realField(setting::weightDecay, 6, parent);
  schedule = choiceField(setting::schedule, scheduleNames(), parent);
  warmup = realField(setting::warmup, 3, parent);
  gradClip = realField(setting::gradClip, 2, parent);
  augment = switchField(setting::augment, QString(), parent);
  flip = choiceField(setting::flip, flipNames(), parent);
  seed = integerField(setting::seed, parent);
  healthChecks = switchField(setting::healthChecks, QString(), parent);
  threads = integerField(setting::threads, parent);
  device = new QComboBox(parent);
  device->setObjectName(QString::fromLatin1(setting::device.name));
  device->setEditable(true);  // cuda:N too
  device->addItems({QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
  device->setCurrentText(QString::fromLatin1(setting::device.text));
  device->setToolTip(settingTooltip(setting::device));
}

void TrainingFields::addRows(QFormLayout* form, bool withLr) const {
  if (withLr) form->addRow(settingLabel(setting::lr), lr);
  form->addRow(settingLabel(setting::batchSize), batchSize);
  form->addRow(settingLabel(setting::momentum), momentum);
  form->addRow(settingLabel(setting::weightDecay), weightDecay);
  form->addRow(settingLabel(setting::schedule), schedule);
  form->addRow(settingLabel(setting::warmup), warmup);
  form->addRow(settingLabel(setting::gradClip), gradClip);
  form->addRow(QString(), augment);
  form->addRow(settingLabel(setting::flip), flip);
  form->addRow(settingLabel(setting::seed), seed);
  form->addRow(settingLabel(setting::device), device);
  form->addRow(settingLabel(setting::threads), threads);
}

void TrainingFields::fill(TrainConfig& t) const {
  t.model = model->currentText().toStdString();
  t.epochs = epochs->value();
  t.batchSize = batchSize->value();
  t.lr = lr->value();
  t.momentum = momentum->value();
  t.weightDecay = weightDecay->value();
  t.schedule = chosen<Schedule>(schedule);
  t.warmup = warmup->value();
  t.gradClip = gradClip->value();
  t.augment = augment->isChecked();
  t.flip = chosen<Flip>(flip);
  t.seed = static_cast<uint64_t>(seed->value());
  t.healthChecks = healthChecks->isChecked();
  t.threads = threads->value();
  t.device = DeviceChoice(device->currentText().trimmed().toStdString());
}

}  // namespace ps::ui
