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

std::vector<double> parseDoubles(const std::string& s, const char* what) {
  std::vector<double> out;
  for (const auto& item : splitList(s)) {
    size_t used = 0;
    double v = 0;
    try {
      v = std::stod(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size()) throw ConfigError(std::string(what) + " value '" + item + "' is not a number");
    out.push_back(v);
  }
  if (out.empty()) throw ConfigError(std::string("no ") + what + " values given");
  return out;
}

}  // namespace ps
