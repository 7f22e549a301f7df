#pragma once
// Categorical attributes of the examples: the extra columns of a CSV manifest, or of a
// metadata.csv beside an image folder (a file_name column plus attribute columns, as in
// Hugging Face's ImageFolder). Each attribute keeps a table of its values and, per split,
// one 2-byte code per example, so a million examples cost 2 MB per attribute.
// An empty cell (or an example the metadata does not list) has the value "" and forms
// its own "unknown" group. Readers refuse attribute names that clash with the manifest's
// own columns, and check every name and value (DatasetError naming file, row and column).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ps {

// An attribute with more distinct values than this cannot be grouped by.
constexpr size_t kMaxGroupValues = 100;
// Codes are 2 bytes: values past the 65 535th share the last code (kOtherValues).
constexpr size_t kMaxAttributeCodes = 65535;
constexpr const char* kOtherValues = "(further values)";
// At most this many attribute columns, and names and values of at most this many bytes.
constexpr size_t kMaxAttributes = 32;
constexpr size_t kMaxAttributeText = 256;

struct Attribute {
  std::string name;
  std::vector<std::string> values;  // the value of each code; "" is unknown
  std::vector<uint16_t> codes[2];   // per split (index Split), one per example
  // The value as people read it: "unknown" for an empty one.
  std::string valueLabel(uint16_t code) const;
  bool groupable() const { return values.size() <= kMaxGroupValues; }
  // Examples of each code in one split.
  std::vector<size_t> valueCounts(int split) const;
};

// Builds the value tables of a reader's attribute columns, row by row.
class AttributeColumns {
 public:
  AttributeColumns() = default;
  // `names` are the attribute columns' header cells, at `firstColumn` (0-based) of
  // `file`. Throws DatasetError for a name that is empty, too long, not printable,
  // repeated, or one of `reserved` (compared without case), and past kMaxAttributes.
  AttributeColumns(std::string file, const std::vector<std::string>& names, size_t firstColumn,
                   const std::vector<std::string>& reserved);
  size_t size() const { return attributes_.size(); }
  // Adds one row's cells (cells[firstColumn + a] for attribute a); returns the row's
  // number for ImageFileEntry::attributeRow. DatasetError naming file:line and column
  // for a value that is too long or holds control characters.
  uint32_t addRow(const std::vector<std::string>& cells, size_t line);
  // The code of attribute a in row r, or of the unknown value when r is kNoRow.
  uint16_t code(size_t a, uint32_t row);
  static constexpr uint32_t kNoRow = 0xffffffffu;
  // The attributes with their value tables, codes left for the dataset to fill.
  std::vector<Attribute> takeAttributes();

 private:
  uint16_t codeOf(size_t a, const std::string& value);
  std::string file_;
  size_t firstColumn_ = 0;
  std::vector<Attribute> attributes_;
  std::vector<std::map<std::string, uint16_t>> index_;
  std::vector<uint16_t> cells_;  // row-major, rows × attributes
};

// The cells of one CSV line (quotes as RFC 4180, within the line), trimmed of spaces;
// shared by the CSV manifest and metadata.csv readers.
std::vector<std::string> splitCsvLine(const std::string& line);

// The names of `attributes`, joined with ", " ("none" when there are none).
std::string attributeNames(const std::vector<Attribute>& attributes);

// The attribute named `name` (exactly), or ConfigError listing those there are.
// With `forGrouping`, also ConfigError when it has more than kMaxGroupValues values.
const Attribute& findAttribute(const std::vector<Attribute>& attributes, const std::string& name, bool forGrouping);

}  // namespace ps
