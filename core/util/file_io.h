#pragma once
// Whole-file reading, with transparent gunzip for .gz files.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ps {

// Reads the whole file; throws DatasetError naming the path when it cannot.
std::vector<uint8_t> readFileBytes(const std::string& path);

// The total size, in bytes, that a file format's header declares; it gets the file's first
// bytes (as many as were asked for, fewer when the data is shorter) and throws
// DatasetError naming the file when the header is not one of its format.
using DeclaredSize = std::function<size_t(const std::vector<uint8_t>& head)>;

// Reads the file and, when its name ends in .gz, decompresses it, but never past the size
// its own header declares: `declaredSize` reads the first `headerBytes` decompressed bytes.
// A declared size that no gzip file of this length could hold (deflate expands at most
// ~1032-fold) is refused before anything is sized by it, so a small hostile file cannot
// make the reader allocate gigabytes (a gzip bomb). A corrupt or truncated gzip stream
// throws DatasetError naming the path.
std::vector<uint8_t> readMaybeGzipped(const std::string& path, size_t headerBytes, const DeclaredSize& declaredSize);

// Reads up to n bytes from the start / end of a file (for signature checks).
std::vector<uint8_t> readHead(const std::string& path, size_t n);
std::vector<uint8_t> readTail(const std::string& path, size_t n);

// Writes `content` to a temporary file beside `path` and renames it over `path`, so the
// previous file stays intact when writing fails; IoError naming the path. Inside an
// OutputGroup the rename waits for the group's commit.
void writeFileAtomically(const std::string& path, const std::string& content);

// Files that belong together (a CSV and its .json sidecar): while a group is alive on
// this thread, writeFileAtomically only writes the temporary files, and commit() renames
// them all. A failure before commit (a full disk at the second file) removes every
// temporary file and leaves every target as it was: the files change together or not
// at all.
class OutputGroup {
 public:
  OutputGroup();
  ~OutputGroup();
  OutputGroup(const OutputGroup&) = delete;
  OutputGroup& operator=(const OutputGroup&) = delete;
  void commit();

 private:
  friend void writeFileAtomically(const std::string&, const std::string&);
  OutputGroup* outer_;
  std::vector<std::pair<std::string, std::string>> staged_;  // temporary file, target
};

// The names listed one per line in a text file (class names): a UTF-8 byte-order mark,
// Windows line ends and spaces at the ends of a line are dropped, blank lines skipped. A
// name listed twice throws DatasetError naming the file and both lines (two classes
// with one name could not be told apart). A missing file gives an empty list.
std::vector<std::string> readNameList(const std::string& path);

// Drops a UTF-8 byte-order mark from the start of a file's first line (spreadsheet
// programs write one), so that a header or a first name reads as typed.
void stripByteOrderMark(std::string& firstLine);

bool endsWith(const std::string& s, const std::string& suffix);
std::string toLower(std::string s);

}  // namespace ps
