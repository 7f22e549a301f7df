#include "base/setting_fields.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <algorithm>
#include <climits>
#include <cmath>

#include "base/form_parts.h"
#include "study/study_config.h"
#include "util/text_list.h"

namespace ps::ui {

QString settingLabel(const SettingSpec& s) { return QCoreApplication::translate("Setting", s.label); }

QString settingTooltip(const SettingSpec& s) { return QCoreApplication::translate("Setting", s.help); }

namespace {
template <typename Box>
void describe(Box* box, const SettingSpec& s) {
  box->setObjectName(QString::fromLatin1(s.name));
  box->setToolTip(settingTooltip(s));
  if (*s.lowest) box->setSpecialValueText(QCoreApplication::translate("Setting", s.lowest));
}
}  // namespace

QSpinBox* integerField(const SettingSpec& s, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  const double lo = std::max<double>(s.lo, INT_MIN), hi = std::min<double>(s.hi, INT_MAX);
  box->setRange(static_cast<int>(lo), static_cast<int>(hi));
  box->setValue(s.intValue());
  describe(box, s);
  return box;
}

QDoubleSpinBox* realField(const SettingSpec& s, int decimals, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  box->setDecimals(decimals);
  const double step = std::pow(10.0, -decimals);
  const double lo = s.loOpen ? s.lo + step : s.lo;
  const double hi = std::isinf(s.hi) ? kRealFieldMax : s.hiOpen ? s.hi - step : s.hi;
  box->setRange(lo, hi);
  box->setSingleStep(std::max(step, std::min(0.01, (hi - lo) / 100)));
  box->setValue(s.value);
  describe(box, s);
  return box;
}

QCheckBox* switchField(const SettingSpec& s, const QString& text, QWidget* parent) {
  auto* box = new QCheckBox(text.isEmpty() ? settingLabel(s) : text, parent);
  box->setObjectName(QString::fromLatin1(s.name));
  box->setChecked(s.on());
  box->setToolTip(settingTooltip(s));
  return box;
}

QLineEdit* textField(const SettingSpec& s, QWidget* parent) {
  auto* edit = new QLineEdit(QString::fromLatin1(s.text), parent);
  edit->setObjectName(QString::fromLatin1(s.name));
  edit->setToolTip(settingTooltip(s));
  return edit;
}

QLineEdit* fractionsField(const SettingSpec& s, QWidget* parent) {
  QString text = QString::fromLatin1(s.text);
  text.replace(QLatin1Char(','), QLatin1String(", "));
  auto* edit = new QLineEdit(text, parent);
  edit->setObjectName(QString::fromLatin1(s.name));
  checkWhileTyping(
      edit, [](const std::string& t) { validateKeepGrid(parseDoubles(t, "kept fraction")); }, settingTooltip(s));
  return edit;
}

}  // namespace ps::ui
