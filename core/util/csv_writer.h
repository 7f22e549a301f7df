#pragma once
// CSV as every file PruneScope writes it: a header row, then rows of fields separated by
// commas; a text field is quoted (RFC 4180) when it holds a comma, a quote or a line
// break; a number is written with up to 7 significant digits (what a float score
// carries), a non-finite one as an empty field. The file is written to a temporary file
// beside the target and renamed over it.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

// `s`, quoted when it needs to be.
std::string csvField(const std::string& s);

class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header);
  CsvWriter& text(const std::string& s);
  CsvWriter& number(double v, int significantDigits = 7);
  CsvWriter& integer(int64_t v);
  CsvWriter& endRow();
  const std::string& str() const { return out_; }
  // Writes the rows to `path` (temporary file, then rename); IoError naming the path.
  void save(const std::string& path) const;

 private:
  void separate();
  std::string out_;
  bool rowStarted_ = false;
};

}  // namespace ps
