#pragma once
// One table of names per enum, used to parse it (once: at the CLI or GUI edge, or when a
// stored configuration is read), to print it, and in JSON (cache keys hash the names, so
// a name, once stored, never changes).
#include <string>
#include <utility>
#include <vector>

#include "util/errors.h"

namespace ps {

template <typename E>
using NameTable = std::vector<std::pair<E, const char*>>;

// "a, b or c"
template <typename E>
std::string enumChoices(const NameTable<E>& table) {
  std::string out;
  for (size_t i = 0; i < table.size(); ++i)
    out += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + std::string(table[i].second);
  return out;
}

template <typename E>
const char* enumName(const NameTable<E>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

// ConfigError "<what> 'x': expected a, b or c" when `name` is not in the table.
template <typename E>
E parseEnum(const NameTable<E>& table, const std::string& name, const std::string& what) {
  for (const auto& [v, n] : table)
    if (name == n) return v;
  throw ConfigError(what + " '" + name + "': expected " + enumChoices(table));
}

}  // namespace ps
