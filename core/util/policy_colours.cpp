#include "util/policy_colours.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ps {

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", std::clamp(r, 0, 255), std::clamp(g, 0, 255), std::clamp(b, 0, 255));
  return buf;
}

Rgb shaded(Rgb c, size_t shade) {
  const double t = std::min<double>(static_cast<double>(shade), 3) / 5;
  auto mix = [t](int v) { return static_cast<int>(std::lround(v + (255 - v) * t)); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

}  // namespace ps
