#pragma once
// Form fields made from the settings' declarations (util/setting_spec.h): each field's
// object name is the setting's name, and its range, default, special value text ("all",
// "off") and tooltip come from the one declaration the command line's options come from,
// so the two cannot drift. Labels and tooltips are shown translated (context "Setting").
#include <QComboBox>
#include <QString>

#include "util/named_enum.h"
#include "util/setting_spec.h"

class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace ps::ui {

QString settingLabel(const SettingSpec& s);    // the declaration's label, translated
QString settingTooltip(const SettingSpec& s);  // its help, translated

// A whole number (the range clamped to what a spin box holds).
QSpinBox* integerField(const SettingSpec& s, QWidget* parent);
// A number, with `decimals` decimals; an open end moves in by one step of the last decimal,
// an unbounded end stops at kRealFieldMax.
QDoubleSpinBox* realField(const SettingSpec& s, int decimals, QWidget* parent);
inline constexpr double kRealFieldMax = 1e6;
// A check box: `text` beside it (the declaration's label when empty).
QCheckBox* switchField(const SettingSpec& s, const QString& text, QWidget* parent);
// Free text (a list of names or numbers).
QLineEdit* textField(const SettingSpec& s, QWidget* parent);
// An ascending list of kept fractions, checked while typed (study/study_config.h's rule).
QLineEdit* fractionsField(const SettingSpec& s, QWidget* parent);

// One of an enum's names, the declaration's default chosen.
template <typename E>
QComboBox* choiceField(const SettingSpec& s, const NameTable<E>& names, QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->setObjectName(QString::fromLatin1(s.name));
  for (const auto& entry : names) box->addItem(QString::fromLatin1(entry.second), static_cast<int>(entry.first));
  box->setCurrentIndex(box->findText(QString::fromLatin1(s.text)));
  box->setToolTip(settingTooltip(s));
  return box;
}
template <typename E>
E chosen(const QComboBox* box) {
  return static_cast<E>(box->currentData().toInt());
}

}  // namespace ps::ui
