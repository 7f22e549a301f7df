#pragma once
// Comma-separated lists as users type them ("0.2, 0.4,1"): the CLI's options and the
// GUI's forms parse them with the same rules and the same error messages.
#include <string>
#include <vector>

namespace ps {

// Items between commas, trimmed of spaces; empty items dropped.
std::vector<std::string> splitList(const std::string& s);
// Every item as a number; ConfigError "<what> value 'x' is not a number" otherwise,
// and "no <what> values given" for an empty list.
std::vector<double> parseDoubles(const std::string& s, const char* what);

}  // namespace ps
