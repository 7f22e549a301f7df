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

Rgb policyColour(const std::string& policy) {
  if (policy == "hard") return {0xd6, 0x27, 0x28};
  if (policy == "easy") return {0x1f, 0x77, 0xb4};
  if (policy == "random") return {0x7f, 0x7f, 0x7f};
  if (policy == "ccs") return {0x2c, 0xa0, 0x2c};
  if (policy == "robust") return {0xff, 0x7f, 0x0e};
  if (policy == "group-balanced") return {0x8c, 0x56, 0x4b};
  return {0x80, 0x00, 0x80};
}

Rgb policyShade(const std::string& policy, size_t shade) {
  const Rgb c = policyColour(policy);
  const double t = std::min<double>(static_cast<double>(shade), 3) / 5;
  auto mix = [t](int v) { return static_cast<int>(std::lround(v + (255 - v) * t)); };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

}  // namespace ps
