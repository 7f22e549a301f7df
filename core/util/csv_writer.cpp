#include "util/csv_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/file_io.h"

namespace ps {

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

CsvWriter::CsvWriter(const std::vector<std::string>& header) {
  for (const auto& h : header) text(h);
  endRow();
}

void CsvWriter::separate() {
  if (rowStarted_) out_ += ',';
  rowStarted_ = true;
}

CsvWriter& CsvWriter::text(const std::string& s) {
  separate();
  out_ += csvField(s);
  return *this;
}

CsvWriter& CsvWriter::number(double v, int significantDigits) {
  separate();
  if (std::isfinite(v)) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", std::max(1, std::min(17, significantDigits)), v);
    out_ += buf;
  }
  return *this;
}

CsvWriter& CsvWriter::integer(int64_t v) {
  separate();
  out_ += std::to_string(v);
  return *this;
}

CsvWriter& CsvWriter::endRow() {
  out_ += '\n';
  rowStarted_ = false;
  return *this;
}

void CsvWriter::save(const std::string& path) const { writeFileAtomically(path, out_); }

}  // namespace ps
