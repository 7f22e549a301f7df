#include "data/channel_stats.h"

#include <cmath>

#include "job/job.h"

namespace ps {

ChannelStats computeChannelStats(const Dataset& ds, Split split, JobContext& ctx, size_t chunk) {
  const ImageShape shape = ds.shape();
  const size_t c = static_cast<size_t>(shape.channels);
  const size_t n = ds.size(split);
  const std::string key = std::string("channel_stats/") + splitName(split);

  // Exact integer sums, so a resumed computation gives bit-identical results.
  size_t next = 0;
  std::vector<uint64_t> sum(c, 0), sumSq(c, 0);
  if (ctx.checkpoints())
    if (auto saved = ctx.checkpoints()->load(key)) {
      ByteReader r(*saved);
      next = r.pod<uint64_t>();
      sum = r.vec<uint64_t>();
      sumSq = r.vec<uint64_t>();
    }

  std::vector<uint8_t> buf;
  std::vector<int64_t> idx;
  while (next < n) {
    ctx.throwIfCancelled();
    const size_t end = std::min(n, next + chunk);
    idx.resize(end - next);
    for (size_t k = 0; k < idx.size(); ++k) idx[k] = static_cast<int64_t>(next + k);
    buf.resize(idx.size() * shape.bytes());
    ds.readImages(split, idx, buf.data());
    for (size_t p = 0; p < buf.size(); ++p) {
      const uint64_t v = buf[p];
      sum[p % c] += v;
      sumSq[p % c] += v * v;
    }
    next = end;
    if (ctx.checkpoints()) ctx.checkpoints()->save(key, ByteWriter().pod<uint64_t>(next).vec(sum).vec(sumSq).bytes());
    ctx.report(static_cast<double>(next), static_cast<double>(n), "pixel statistics");
  }

  ChannelStats st;
  st.images = n;
  const double count = static_cast<double>(n) * shape.height * shape.width;
  for (size_t k = 0; k < c; ++k) {
    const double m = count > 0 ? static_cast<double>(sum[k]) / count : 0.0;
    const double var = count > 0 ? static_cast<double>(sumSq[k]) / count - m * m : 0.0;
    st.mean.push_back(m / 255.0);
    st.stddev.push_back(std::sqrt(std::max(0.0, var)) / 255.0);
  }
  return st;
}

}  // namespace ps
