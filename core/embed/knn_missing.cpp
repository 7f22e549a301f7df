// The neighbour search for a build without FAISS: every call is refused with a message
// that says what to install.
#include "embed/knn.h"
#include "util/errors.h"

namespace ps {

namespace {
[[noreturn]] void refuse() {
  throw ConfigError(
      "nearest neighbours of embeddings (near duplicates, leaks, the embedding map) need FAISS, which this build "
      "lacks (install libfaiss-dev and configure again)");
}
}  // namespace

bool knnAvailable() { return false; }
std::string knnMethod(int64_t, const KnnOptions&) { return "unavailable (no FAISS in this build)"; }
Neighbours knnWithin(const MatrixView&, const KnnOptions&) { refuse(); }
Neighbours knnQuery(const MatrixView&, const MatrixView&, const KnnOptions&) { refuse(); }

}  // namespace ps
