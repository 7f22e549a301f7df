#pragma once
// Per-channel pixel mean and standard deviation of a split (on the 0..1 scale), the
// numbers input normalisation uses. A job: reports progress, honours cancel, and
// checkpoints its running sums so an interrupted computation resumes where it stopped.
#include <vector>

#include "data/dataset.h"

namespace ps {

class JobContext;

struct ChannelStats {
  std::vector<double> mean;
  std::vector<double> stddev;
  size_t images = 0;
};

ChannelStats computeChannelStats(const Dataset& ds, Split split, JobContext& ctx, size_t chunk = 2048);

}  // namespace ps
