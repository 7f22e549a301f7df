#include "util/setting_spec.h"

#include <cmath>
#include <sstream>

#include "util/errors.h"

namespace ps {

namespace {
std::string num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}
}  // namespace

bool SettingSpec::contains(double v) const {
  if (std::isnan(v)) return false;
  if (kind == SettingKind::Integer && v != std::floor(v)) return false;
  const bool aboveLo = loOpen ? v > lo : v >= lo;
  const bool belowHi = hiOpen ? v < hi : v <= hi;
  return aboveLo && belowHi;
}

std::string SettingSpec::rangeText() const {
  if (kind == SettingKind::Integer) return std::isinf(hi) ? ">= " + num(lo) : num(lo) + ".." + num(hi);
  if (std::isinf(hi)) return (loOpen ? "> " : ">= ") + num(lo);
  return (loOpen ? "(" : "[") + num(lo) + ", " + num(hi) + (hiOpen ? ")" : "]");
}

std::string SettingSpec::defaultText() const {
  switch (kind) {
    case SettingKind::Integer:
    case SettingKind::Real: return num(value);
    case SettingKind::Switch: return value != 0 ? "on" : "off";
    default: return text;
  }
}

void requireInRange(const SettingSpec& s, double v, const std::string& what) {
  if (!s.contains(v)) throw ConfigError(what + " " + num(v) + " must be in " + s.rangeText());
}

std::string settingHelp(const SettingSpec& s) {
  std::string h = s.help;
  if (s.kind == SettingKind::Integer || s.kind == SettingKind::Real) {
    h += std::string(" (") + (*s.unit ? std::string(s.unit) + ", " : "") + "in " + s.rangeText() + ")";
  }
  return h;
}

}  // namespace ps
