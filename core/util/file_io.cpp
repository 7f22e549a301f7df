#include "util/file_io.h"

#include <unistd.h>

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "util/errors.h"

namespace ps {

std::vector<uint8_t> readFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw DatasetError(path + ": cannot open file for reading");
  const std::streamoff size = in.tellg();
  if (size < 0) throw DatasetError(path + ": cannot determine file size");
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.seekg(0);
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size)) throw DatasetError(path + ": read error");
  return bytes;
}

namespace {

// The largest expansion a deflate stream can achieve, plus slack for the gzip framing.
constexpr size_t kMaxDeflateRatio = 1032;

class Inflater {
 public:
  Inflater(const std::string& path, std::vector<uint8_t>& raw) : path_(path) {
    std::memset(&zs_, 0, sizeof zs_);
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) throw DatasetError(path + ": zlib init failed");
    zs_.next_in = raw.data();
    zs_.avail_in = static_cast<uInt>(std::min<size_t>(raw.size(), UINT32_MAX));
  }
  ~Inflater() { inflateEnd(&zs_); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Appends decompressed bytes to `out` until it holds `limit` bytes or the stream ends.
  void fill(std::vector<uint8_t>& out, size_t limit) {
    while (!ended_ && out.size() < limit) {
      const size_t chunk = std::min<size_t>(limit - out.size(), size_t{1} << 20);
      const size_t before = out.size();
      out.resize(before + chunk);
      zs_.next_out = out.data() + before;
      zs_.avail_out = static_cast<uInt>(chunk);
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      out.resize(before + (chunk - zs_.avail_out));
      if (rc == Z_STREAM_END) {
        ended_ = true;
      } else if (rc == Z_BUF_ERROR && zs_.avail_in == 0) {
        throw DatasetError(path_ + ": gzip stream is truncated (file ends before the end of the data)");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw DatasetError(path_ + ": corrupt gzip data (" + std::string(zs_.msg ? zs_.msg : "unknown error") + ")");
      }
    }
  }

 private:
  const std::string& path_;
  z_stream zs_{};
  bool ended_ = false;
};

}  // namespace

std::vector<uint8_t> readMaybeGzipped(const std::string& path, size_t headerBytes, const DeclaredSize& declaredSize) {
  std::vector<uint8_t> raw = readFileBytes(path);
  if (!endsWith(toLower(path), ".gz")) return raw;
  Inflater inflater(path, raw);
  std::vector<uint8_t> out;
  inflater.fill(out, headerBytes);
  const size_t declared = declaredSize(out);
  const size_t possible = raw.size() * kMaxDeflateRatio + headerBytes;
  if (declared > possible)
    throw DatasetError(path + ": the header declares " + std::to_string(declared) +
                       " bytes, more than a gzip file of " + std::to_string(raw.size()) +
                       " bytes can hold (deflate expands at most " + std::to_string(kMaxDeflateRatio) +
                       "-fold); the file is damaged");
  out.reserve(declared);
  inflater.fill(out, declared);  // stops at the declared size: data past it is never inflated
  return out;
}

std::vector<uint8_t> readHead(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> buf(n);
  if (!in) return {};
  in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(in.gcount()));
  return buf;
}

std::vector<uint8_t> readTail(const std::string& path, size_t n) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  const std::streamoff start = std::max<std::streamoff>(0, size - static_cast<std::streamoff>(n));
  in.seekg(start);
  std::vector<uint8_t> buf(static_cast<size_t>(size - start));
  in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
  buf.resize(static_cast<size_t>(in.gcount()));
  return buf;
}

std::vector<std::string> readNameList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> names;
  std::vector<size_t> lineOf;
  size_t lineNo = 0;
  for (std::string line; std::getline(in, line);) {
    if (++lineNo == 1) stripByteOrderMark(line);
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    line = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    const auto seen = std::find(names.begin(), names.end(), line);
    if (seen != names.end())
      throw DatasetError(path + ": line " + std::to_string(lineNo) + " names class '" + line + "' again (line " +
                         std::to_string(lineOf[static_cast<size_t>(seen - names.begin())]) +
                         "); expected each class once");
    names.push_back(line);
    lineOf.push_back(lineNo);
  }
  return names;
}

void stripByteOrderMark(std::string& firstLine) {
  if (firstLine.compare(0, 3, "\xEF\xBB\xBF") == 0) firstLine.erase(0, 3);
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string toLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

namespace {
thread_local OutputGroup* activeGroup = nullptr;

void replaceWith(const std::string& tmp, const std::string& path) {
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw IoError(path + ": cannot replace the file");
  }
}
}  // namespace

void writeFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path + ": cannot write here (the folder is missing or not writable)");
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();  // a full disk may only show when the last block is written
    if (!out) {
      std::remove(tmp.c_str());
      throw IoError(path + ": write error (is the disk full?)");
    }
  }
  if (activeGroup) {
    activeGroup->staged_.emplace_back(tmp, path);
    return;
  }
  replaceWith(tmp, path);
}

OutputGroup::OutputGroup() : outer_(activeGroup) { activeGroup = this; }

OutputGroup::~OutputGroup() {
  activeGroup = outer_;
  for (const auto& staged : staged_) std::remove(staged.first.c_str());
}

void OutputGroup::commit() {
  activeGroup = outer_;
  auto staged = std::move(staged_);
  staged_.clear();
  if (outer_) {  // a nested group commits with the one around it
    outer_->staged_.insert(outer_->staged_.end(), staged.begin(), staged.end());
    return;
  }
  for (size_t k = 0; k < staged.size(); ++k) {
    try {
      replaceWith(staged[k].first, staged[k].second);
    } catch (...) {
      for (size_t rest = k + 1; rest < staged.size(); ++rest) std::remove(staged[rest].first.c_str());
      throw;
    }
  }
}

}  // namespace ps
