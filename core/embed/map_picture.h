#pragma once
// The embedding map as a picture (prunescope-cli map --out map.png): each example a dot
// coloured by its class (the charts' ten colours, then spread hues), the densest places
// drawn last so none hides a whole cluster, with a legend of the class names.
#include <string>
#include <vector>

#include "store/map_store.h"

namespace ps {

// Writes a `width` × `height` PNG (or any format OpenCV writes, by the extension) to
// `path` atomically. `labels` per example (as the map), `classNames` for the legend.
// IoError naming the path; ConfigError for a size outside 200 to 8000 pixels.
void writeMapPicture(const StoredMap& map, const std::vector<int>& labels, const std::vector<std::string>& classNames,
                     const std::string& path, int width = 1600, int height = 1200);

}  // namespace ps
