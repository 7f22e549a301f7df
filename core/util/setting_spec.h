#pragma once
// One declaration per setting. Each setting a user can change (the training recipe, the
// scoring run, the studies) is declared once, as a SettingSpec: its name, what kind of
// value it takes, its default, its range, its unit and its help. Everything else is made
// from that declaration: the configuration's default (TrainConfig, ScoreConfig, ...), its
// check (validate()), the command line's option (app/cli) and the GUI's form field
// (ui/base/setting_fields.h). Plain data, no Qt: the label and the help are marked
// PS_WORDS("Setting", ...) where they are declared, so the GUI shows them translated.
#include <cstdint>
#include <limits>
#include <string>

namespace ps {

enum class SettingKind {
  Integer,    // a whole number in [lo, hi]
  Real,       // a number in its range (each end open or closed)
  Switch,     // on or off (value 1 or 0)
  Choice,     // one of a fixed set of names (the enum's NameTable), default `text`
  Text,       // free text (a model name or file, a list of names), default `text`
  Fractions,  // an ascending list of fractions in (lo, hi], default `text`
};

struct SettingSpec {
  const char* name;   // the option on the command line (--name) and the form field's object name
  const char* label;  // the form's label, PS_WORDS("Setting", ...)
  SettingKind kind;
  double value;         // default of an Integer, Real or Switch
  const char* text;     // default of a Choice, Text or Fractions (and its help's "default")
  double lo, hi;        // the range (hi may be infinite)
  bool loOpen, hiOpen;  // an end excluded
  const char* unit;     // "epochs", "fraction of training", ... (empty: none)
  const char* help;     // the option's help and the field's tooltip, PS_WORDS("Setting", ...)
  const char* lowest;   // what the lowest value means ("all", "off", "auto"), shown in its place; or empty

  bool contains(double v) const;  // in range (NaN never is)
  // "1..10000" for whole numbers; "(0, 1]", "[0, 0.5]", ">= 0" for reals.
  std::string rangeText() const;
  // The default as the command line writes it: "10", "0.05", "cosine", "0.2,0.4,0.6,0.8,1".
  std::string defaultText() const;
  int intValue() const { return static_cast<int>(value); }
  int64_t int64Value() const { return static_cast<int64_t>(value); }
  bool on() const { return value != 0; }
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Builders, so that a declaration reads as one line per property.
constexpr SettingSpec integerSetting(const char* name, const char* label, double def, double lo, double hi,
                                     const char* unit, const char* help, const char* lowest = "") {
  return {name, label, SettingKind::Integer, def, "", lo, hi, false, false, unit, help, lowest};
}
constexpr SettingSpec realSetting(const char* name, const char* label, double def, double lo, bool loOpen, double hi,
                                  bool hiOpen, const char* unit, const char* help, const char* lowest = "") {
  return {name, label, SettingKind::Real, def, "", lo, hi, loOpen, hiOpen, unit, help, lowest};
}
constexpr SettingSpec switchSetting(const char* name, const char* label, bool on, const char* help) {
  return {name, label, SettingKind::Switch, on ? 1.0 : 0.0, "", 0, 1, false, false, "", help, ""};
}
constexpr SettingSpec choiceSetting(const char* name, const char* label, const char* def, const char* help) {
  return {name, label, SettingKind::Choice, 0, def, 0, 0, false, false, "", help, ""};
}
constexpr SettingSpec textSetting(const char* name, const char* label, const char* def, const char* help) {
  return {name, label, SettingKind::Text, 0, def, 0, 0, false, false, "", help, ""};
}
constexpr SettingSpec fractionsSetting(const char* name, const char* label, const char* def, const char* help) {
  return {name, label, SettingKind::Fractions, 0, def, 0, 1, true, false, "", help, ""};
}

// ConfigError "<what> <value> must be in <range>" when `v` is outside the setting's range.
void requireInRange(const SettingSpec& s, double v, const std::string& what);

// The setting's help for a command line: the help, its unit and range ("epochs, in
// 1..10000").
std::string settingHelp(const SettingSpec& s);

}  // namespace ps
