#include "util/wording.h"

#include <vector>

namespace ps {

std::string fillPlaceholders(const std::string& pattern, std::initializer_list<std::string> args) {
  const std::vector<std::string> given(args);
  std::string out;
  out.reserve(pattern.size() + 16 * given.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
      const auto k = static_cast<size_t>(pattern[i + 1] - '1');
      if (k < given.size()) {
        out += given[k];
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

std::string Wording::operator()(const char* english, std::initializer_list<std::string> args) const {
  return fillPlaceholders(lookup(english), args);
}

const Wording& englishWording() {
  static const Wording english;
  return english;
}

}  // namespace ps
