#pragma once
// Checks an image file before it is decoded: its signature, its end-of-file marker (a
// truncated PNG or JPEG), and the pixel count its header declares, so that a small file
// declaring a huge image is skipped instead of making the decoder allocate gigabytes.
#include <cstdint>
#include <string>

namespace ps {

// Images are at most this many pixels (8192 x 8192); larger ones are skipped.
constexpr uint64_t kMaxImagePixels = uint64_t{1} << 26;

// Why a file cannot be used as an image, or "" when it looks like a complete image.
std::string checkImageFile(const std::string& path);

// The width and height a JPEG file's frame header declares (read from its first 64 KiB);
// {0, 0} when the file is not a JPEG or declares none. Thumbnails use it to decode large
// JPEGs at a reduced size.
struct JpegSize {
  int width = 0, height = 0;
};
JpegSize jpegSize(const std::string& path);

}  // namespace ps
