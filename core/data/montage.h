#pragma once
// A grid of dataset images with a caption under each, for looking at the easiest or
// hardest examples from the command line (encoded as PNG or JPEG and written atomically).
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "data/dataset.h"

namespace ps {

// Tiles are the images scaled by `scale` (nearest neighbour), `columns` per row, each
// with its caption lines beneath. Returns an 8-bit BGR image.
cv::Mat makeMontage(const Dataset& ds, Split split, const std::vector<int64_t>& indices,
                    const std::vector<std::vector<std::string>>& captions, int columns, int scale);

}  // namespace ps
