#include "data/image_check.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "util/file_io.h"

namespace fs = std::filesystem;

namespace ps {
namespace {

struct Dims {
  uint64_t width = 0, height = 0;
};

uint32_t be16(const std::vector<uint8_t>& b, size_t off) { return (uint32_t(b[off]) << 8) | b[off + 1]; }
uint32_t be32(const std::vector<uint8_t>& b, size_t off) { return (be16(b, off) << 16) | be16(b, off + 2); }
int32_t le32(const std::vector<uint8_t>& b, size_t off) {
  return static_cast<int32_t>(uint32_t(b[off]) | (uint32_t(b[off + 1]) << 8) | (uint32_t(b[off + 2]) << 16) |
                              (uint32_t(b[off + 3]) << 24));
}

// A JPEG's frame size, from the first start-of-frame segment within `head`.
std::optional<Dims> jpegDims(const std::vector<uint8_t>& head) {
  size_t at = 2;
  while (at + 9 < head.size()) {
    if (head[at] != 0xFF) return std::nullopt;
    const uint8_t marker = head[at + 1];
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return Dims{be16(head, at + 7), be16(head, at + 5)};
    at += 2 + be16(head, at + 2);
  }
  return std::nullopt;
}

// The size the header of a PNG, JPEG or BMP declares; nothing for other formats (the
// decoder's own limit applies to them).
std::optional<Dims> declaredDims(const std::vector<uint8_t>& head, bool png, bool jpeg) {
  if (png && head.size() >= 24) return Dims{be32(head, 16), be32(head, 20)};
  if (jpeg) return jpegDims(head);
  if (head.size() >= 26 && head[0] == 'B' && head[1] == 'M') {
    const int64_t w = le32(head, 18), h = le32(head, 22);  // a negative height is a top-down image
    return Dims{static_cast<uint64_t>(w < 0 ? -w : w), static_cast<uint64_t>(h < 0 ? -h : h)};
  }
  return std::nullopt;
}

std::string sizeProblem(const std::optional<Dims>& d) {
  if (!d) return "";
  if (d->width == 0 || d->height == 0) return "the image header declares an empty image";
  if (d->width * d->height > kMaxImagePixels)
    return "the image header declares " + std::to_string(d->width) + "x" + std::to_string(d->height) +
           " pixels, more than the " + std::to_string(kMaxImagePixels >> 20) + "-megapixel limit";
  return "";
}

}  // namespace

std::string checkImageFile(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return "cannot read file (" + ec.message() + ")";
  if (size == 0) return "empty file";
  std::vector<uint8_t> head = readHead(path, 32);
  static const uint8_t pngMagic[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  const bool png = head.size() >= 8 && std::equal(pngMagic, pngMagic + 8, head.begin());
  const bool jpeg = head.size() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
  if (png) {
    const std::vector<uint8_t> tail = readTail(path, 12);
    if (tail.size() < 12 || !std::equal(tail.begin() + 4, tail.begin() + 8, "IEND"))
      return "truncated PNG (no IEND chunk at the end)";
  } else if (jpeg) {
    const std::vector<uint8_t> tail = readTail(path, 256);
    bool end = false;
    for (size_t k = 0; k + 1 < tail.size() && !end; ++k) end = tail[k] == 0xFF && tail[k + 1] == 0xD9;
    if (!end) return "truncated JPEG (no end-of-image marker)";
    head = readHead(path, 65536);  // the frame header follows the metadata segments
  } else if (!cv::haveImageReader(path)) {
    return "not an image OpenCV can decode (unrecognised file signature)";
  }
  return sizeProblem(declaredDims(head, png, jpeg));
}

JpegSize jpegSize(const std::string& path) {
  const std::vector<uint8_t> head = readHead(path, 65536);
  if (head.size() < 3 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF) return {};
  const std::optional<Dims> d = jpegDims(head);
  if (!d || d->width == 0 || d->height == 0 || d->width * d->height > kMaxImagePixels) return {};
  return {static_cast<int>(d->width), static_cast<int>(d->height)};
}

}  // namespace ps
