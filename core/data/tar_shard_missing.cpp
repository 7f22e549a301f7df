// openTarShards for a build without libarchive: the format is recognised, and refused
// with a message that says what to install.
#include "data/readers.h"
#include "util/errors.h"

namespace ps {

std::unique_ptr<Dataset> openTarShards(const std::string& dir, const std::string&, const OpenOptions&) {
  throw DatasetError(dir +
                     ": a folder of .tar shards, but this build has no libarchive (install libarchive-dev and "
                     "configure again)");
}

}  // namespace ps
