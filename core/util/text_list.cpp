#include "util/text_list.h"

#include <sstream>

#include "util/errors.h"

namespace ps {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) {
    const size_t b = item.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    const size_t e = item.find_last_not_of(" \t");
    out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

namespace {

std::string trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

std::optional<double> parseNumber(const std::string& text) {
  const std::string t = trimmed(text);
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(t, &used);
  } catch (const std::exception&) {  // invalid_argument, out_of_range
    return std::nullopt;
  }
  if (used != t.size()) return std::nullopt;
  return v;
}

std::optional<int64_t> parseInteger(const std::string& text) {
  const std::string t = trimmed(text);
  size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(t, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != t.size()) return std::nullopt;
  return static_cast<int64_t>(v);
}

std::vector<double> parseDoubles(const std::string& s, const char* what) {
  std::vector<double> out;
  for (const auto& item : splitList(s)) {
    const auto v = parseNumber(item);
    if (!v) throw ConfigError(std::string(what) + " value '" + item + "' is not a number");
    out.push_back(*v);
  }
  if (out.empty()) throw ConfigError(std::string("no ") + what + " values given");
  return out;
}

}  // namespace ps
