#include "data/attributes.h"

#include <algorithm>

#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

// Why `text` is not acceptable as an attribute name or value ("" when it is).
std::string textProblem(const std::string& text) {
  if (text.size() > kMaxAttributeText)
    return std::to_string(text.size()) + " bytes long (at most " + std::to_string(kMaxAttributeText) + ")";
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "holds a control character";
  return {};
}

// The first 40 bytes of a cell for a message, control characters shown as '?'.
std::string shown(const std::string& text) {
  std::string s = text.substr(0, 40);
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return "'" + s + (text.size() > 40 ? "...'" : "'");
}

}  // namespace

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  for (std::string& s : out) {
    const auto b = s.find_first_not_of(" \t");
    const auto e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  }
  return out;
}

std::string Attribute::valueLabel(uint16_t code) const {
  if (code >= values.size()) return "?";
  return values[code].empty() ? std::string("unknown") : values[code];
}

std::vector<size_t> Attribute::valueCounts(int split) const {
  std::vector<size_t> counts(values.size(), 0);
  for (uint16_t c : codes[split])
    if (c < counts.size()) ++counts[c];
  return counts;
}

AttributeColumns::AttributeColumns(std::string file, const std::vector<std::string>& names, size_t firstColumn,
                                   const std::vector<std::string>& reserved)
    : file_(std::move(file)), firstColumn_(firstColumn) {
  if (names.size() > kMaxAttributes)
    throw DatasetError(file_ + ": " + std::to_string(names.size()) + " attribute columns; at most " +
                       std::to_string(kMaxAttributes) + " are read");
  for (size_t a = 0; a < names.size(); ++a) {
    const std::string& name = names[a];
    const std::string where = file_ + ": column " + std::to_string(firstColumn + a + 1) + " ";
    if (name.empty()) throw DatasetError(where + "has an empty header: every attribute column needs a name");
    if (const std::string why = textProblem(name); !why.empty())
      throw DatasetError(where + "name " + shown(name) + " " + why);
    for (const std::string& r : reserved)
      if (toLower(name) == r)
        throw DatasetError(where + "'" + name + "' clashes with the column '" + r +
                           "': an attribute may not be named path, label or split");
    for (size_t b = 0; b < a; ++b)
      if (names[b] == name)
        throw DatasetError(where + "'" + name + "' repeats the name of column " + std::to_string(firstColumn + b + 1));
    attributes_.push_back({name, {}, {}});
  }
  index_.resize(attributes_.size());
}

uint16_t AttributeColumns::codeOf(size_t a, const std::string& value) {
  auto& index = index_[a];
  const auto it = index.find(value);
  if (it != index.end()) return it->second;
  auto& values = attributes_[a].values;
  if (values.size() == kMaxAttributeCodes) {  // the last code gathers the values past it
    values.back() = kOtherValues;
    return static_cast<uint16_t>(kMaxAttributeCodes - 1);
  }
  const auto code = static_cast<uint16_t>(values.size());
  values.push_back(value);
  index.emplace(value, code);
  return code;
}

uint32_t AttributeColumns::addRow(const std::vector<std::string>& cells, size_t line) {
  if (cells.size() < firstColumn_ + attributes_.size())
    throw DatasetError(file_ + ":" + std::to_string(line) + ": expected " +
                       std::to_string(firstColumn_ + attributes_.size()) + " columns, got " +
                       std::to_string(cells.size()));
  const size_t row = attributes_.empty() ? 0 : cells_.size() / attributes_.size();
  if (row >= kNoRow) throw DatasetError(file_ + ":" + std::to_string(line) + ": too many rows");
  for (size_t a = 0; a < attributes_.size(); ++a) {
    const std::string& v = cells[firstColumn_ + a];
    if (const std::string why = textProblem(v); !why.empty())
      throw DatasetError(file_ + ":" + std::to_string(line) + ": column " + std::to_string(firstColumn_ + a + 1) +
                         " ('" + attributes_[a].name + "'): value " + shown(v) + " " + why);
    cells_.push_back(codeOf(a, v));
  }
  return static_cast<uint32_t>(row);
}

uint16_t AttributeColumns::code(size_t a, uint32_t row) {
  const size_t n = attributes_.size();
  if (row == kNoRow || static_cast<size_t>(row) * n + a >= cells_.size()) return codeOf(a, "");
  return cells_[static_cast<size_t>(row) * n + a];
}

std::vector<Attribute> AttributeColumns::takeAttributes() {
  std::vector<Attribute> out = std::move(attributes_);
  attributes_.clear();
  index_.clear();
  std::vector<uint16_t>().swap(cells_);
  return out;
}

std::string attributeNames(const std::vector<Attribute>& attributes) {
  if (attributes.empty()) return "none";
  std::string s;
  for (const Attribute& a : attributes) s += (s.empty() ? "" : ", ") + a.name;
  return s;
}

const Attribute& findAttribute(const std::vector<Attribute>& attributes, const std::string& name, bool forGrouping) {
  const auto it =
      std::find_if(attributes.begin(), attributes.end(), [&](const Attribute& a) { return a.name == name; });
  if (it == attributes.end())
    throw ConfigError("no attribute '" + name + "' in the dataset (its attributes: " + attributeNames(attributes) +
                      ")");
  if (forGrouping && !it->groupable())
    throw ConfigError("attribute '" + name + "' has " + std::to_string(it->values.size()) +
                      " distinct values: too many to group by (at most " + std::to_string(kMaxGroupValues) + ")");
  return *it;
}

}  // namespace ps
