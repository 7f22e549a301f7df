#pragma once
// Whole-file reading, with transparent gunzip for .gz files.
#include <cstdint>
#include <string>
#include <vector>

namespace ps {

// Reads the whole file; throws DatasetError naming the path when it cannot.
std::vector<uint8_t> readFileBytes(const std::string& path);

// Reads the file and, when its name ends in .gz, decompresses it.
// A corrupt or truncated gzip stream throws DatasetError naming the path.
std::vector<uint8_t> readMaybeGzipped(const std::string& path);

// Reads up to n bytes from the start / end of a file (for signature checks).
std::vector<uint8_t> readHead(const std::string& path, size_t n);
std::vector<uint8_t> readTail(const std::string& path, size_t n);

// Writes `content` to a temporary file beside `path` and renames it over `path`, so the
// previous file stays intact when writing fails; IoError naming the path.
void writeFileAtomically(const std::string& path, const std::string& content);

bool endsWith(const std::string& s, const std::string& suffix);
std::string toLower(std::string s);

}  // namespace ps
