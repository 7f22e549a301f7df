#pragma once
// Comma-separated lists as users type them ("0.2, 0.4,1"): the CLI's options and the
// GUI's forms parse them with the same rules and the same error messages.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps {

// Items between commas, trimmed of spaces; empty items dropped.
std::vector<std::string> splitList(const std::string& s);
// Every item as a number; ConfigError "<what> value 'x' is not a number" otherwise,
// and "no <what> values given" for an empty list.
std::vector<double> parseDoubles(const std::string& s, const char* what);

// The whole of `text` (spaces around it aside) as a number, or nothing: trailing
// characters ("1.5x"), an empty string or an out-of-range value are not numbers.
std::optional<double> parseNumber(const std::string& text);
// The same for a whole integer: "3.0", "3.5" and "3e2" are not integers.
std::optional<int64_t> parseInteger(const std::string& text);

}  // namespace ps
