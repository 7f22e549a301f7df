#include "util/errors.h"

#include <filesystem>
#include <new>

namespace ps {

std::string describeError(const std::exception& e) {
  if (dynamic_cast<const Error*>(&e)) return e.what();
  if (dynamic_cast<const std::bad_alloc*>(&e))
    return "not enough memory for this operation (try fewer examples, a smaller batch or fewer threads)";
  if (const auto* fe = dynamic_cast<const std::filesystem::filesystem_error*>(&e))
    return (fe->path1().empty() ? std::string("file system") : fe->path1().string()) + ": " + fe->code().message();
  // LibTorch's and OpenCV's messages carry their source location and a C++ stack after
  // the first line; the first line is the message.
  std::string first = e.what();
  first = first.substr(0, first.find('\n'));
  return "internal error from a library: " + (first.empty() ? std::string("no message") : first);
}

}  // namespace ps
