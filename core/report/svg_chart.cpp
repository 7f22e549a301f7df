#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace ps {

std::string escapeXml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

const char* paletteColour(size_t index) {
  static const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
                                   "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"};
  return kColours[index % (sizeof kColours / sizeof kColours[0])];
}

namespace {

std::string fmt(double v, const char* f = "%.1f") {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// A round value as people write it: 20000 rather than 2e+04, 0.05, 0.3.
std::string tickLabel(double v) {
  char buf[48];
  if (std::fabs(v) >= 1 && std::fabs(v) < 1e12 && std::fabs(v - std::round(v)) < 1e-9 * std::fabs(v))
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// The values m × 10^e inside [lo, hi] for the mantissas m given.
std::vector<double> logTicks(double lo, double hi, const std::vector<double>& mantissas) {
  std::vector<double> out;
  const int e0 = static_cast<int>(std::floor(std::log10(lo))), e1 = static_cast<int>(std::ceil(std::log10(hi)));
  for (int e = e0; e <= e1; ++e)
    for (double m : mantissas) {
      // 3 × 10^-1 as 0.3 exactly as printed, not 0.30000000000000004
      const double v = e < 0 ? m / std::pow(10.0, -e) : m * std::pow(10.0, e);
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push_back(v);
    }
  return out;
}

// One axis: data range to pixels, linear or log10.
struct Axis {
  double lo = 0, hi = 1, p0 = 0, p1 = 1;
  bool log = false;
  double t(double v) const { return log ? std::log10(v) : v; }
  double px(double v) const { return p0 + (t(v) - t(lo)) / (t(hi) - t(lo)) * (p1 - p0); }
  bool drawable(double v) const { return std::isfinite(v) && (!log || v > 0); }
};

// Round tick values inside [lo, hi]: 1-2-5 steps (linear), or powers of ten or 1, 2, 5 × them (log).
std::vector<double> ticks(const Axis& a) {
  std::vector<double> out;
  if (a.log) {
    // Powers of ten when they give three labels or more, else 1-2-5 per decade; within less
    // than a decade where 1-2-5 give fewer than two, every mantissa.
    out = logTicks(a.lo, a.hi, {1});
    if (out.size() < 3) out = logTicks(a.lo, a.hi, {1, 2, 5});
    if (out.size() < 2) out = logTicks(a.lo, a.hi, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    return out;
  }
  const double raw = (a.hi - a.lo) / 6, mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw / mag < 2 ? mag : raw / mag < 5 ? 2 * mag : 5 * mag;
  for (double v = std::ceil(a.lo / step) * step; v <= a.hi + step * 1e-9; v += step)
    out.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  return out;
}

// The axis spans lo..hi with a margin of 6 % (of the ratio on a log axis).
void padAxis(Axis& a, double lo, double hi) {
  if (a.log) {
    const double f = hi > lo ? std::pow(hi / lo, 0.06) : 1.5;
    a.lo = lo / f;
    a.hi = hi * f;
  } else {
    const double d = hi > lo ? (hi - lo) * 0.06 : std::max(std::fabs(lo) * 0.1, 1e-3);
    a.lo = lo - d;
    a.hi = hi + d;
  }
}

// The data range of every drawable point (error bars included), padded.
void fitRange(const SvgChart& c, Axis& x, Axis& y, bool& any) {
  double xlo = 1e300, xhi = -1e300, ylo = 1e300, yhi = -1e300;
  for (const auto& s : c.series)
    for (size_t i = 0; i < s.xs.size() && i < s.ys.size(); ++i) {
      if (!x.drawable(s.xs[i]) || !y.drawable(s.ys[i])) continue;
      const double e = i < s.yErr.size() && std::isfinite(s.yErr[i]) ? std::fabs(s.yErr[i]) : 0.0;
      xlo = std::min(xlo, s.xs[i]);
      xhi = std::max(xhi, s.xs[i]);
      ylo = std::min(ylo, y.log && s.ys[i] - e <= 0 ? s.ys[i] : s.ys[i] - e);
      yhi = std::max(yhi, s.ys[i] + e);
      any = true;
    }
  if (!any) return;
  padAxis(x, xlo, xhi);
  padAxis(y, ylo, yhi);
}

void drawAxes(std::ostringstream& o, const SvgChart& c, const Axis& x, const Axis& y) {
  o << "<rect x='" << fmt(x.p0) << "' y='" << fmt(y.p1) << "' width='" << fmt(x.p1 - x.p0) << "' height='"
    << fmt(y.p0 - y.p1) << "' fill='#fff' stroke='#444'/>\n";
  for (double v : ticks(x))
    o << "<line x1='" << fmt(x.px(v)) << "' x2='" << fmt(x.px(v)) << "' y1='" << fmt(y.p1) << "' y2='" << fmt(y.p0)
      << "' stroke='#e3e3e3'/><text x='" << fmt(x.px(v)) << "' y='" << fmt(y.p0 + 16)
      << "' text-anchor='middle' font-size='11'>" << tickLabel(v) << "</text>\n";
  for (double v : ticks(y))
    o << "<line x1='" << fmt(x.p0) << "' x2='" << fmt(x.p1) << "' y1='" << fmt(y.px(v)) << "' y2='" << fmt(y.px(v))
      << "' stroke='#e3e3e3'/><text x='" << fmt(x.p0 - 6) << "' y='" << fmt(y.px(v) + 4)
      << "' text-anchor='end' font-size='11'>" << tickLabel(v) << "</text>\n";
  o << "<text x='" << fmt((x.p0 + x.p1) / 2) << "' y='" << c.height - 8 << "' text-anchor='middle' font-size='12'>"
    << escapeXml(c.xLabel) << (x.log ? " (log)" : "") << "</text>\n";
  o << "<text transform='translate(16," << fmt((y.p0 + y.p1) / 2) << ") rotate(-90)' text-anchor='middle' "
    << "font-size='12'>" << escapeXml(c.yLabel) << (y.log ? " (log)" : "") << "</text>\n";
  o << "<text x='" << fmt((x.p0 + x.p1) / 2) << "' y='18' text-anchor='middle' font-size='13' font-weight='bold'>"
    << escapeXml(c.title) << "</text>\n";
}

void drawSeries(std::ostringstream& o, const SvgSeries& s, const Axis& x, const Axis& y) {
  std::string path;
  for (size_t i = 0; i < s.xs.size() && i < s.ys.size(); ++i) {
    if (!x.drawable(s.xs[i]) || !y.drawable(s.ys[i])) continue;
    const double px = x.px(s.xs[i]), py = y.px(s.ys[i]);
    path += (path.empty() ? "M" : " L") + fmt(px) + "," + fmt(py);
    if (i < s.yErr.size() && s.yErr[i] > 0 && std::isfinite(s.yErr[i])) {
      const double lo = s.ys[i] - s.yErr[i], top = y.px(s.ys[i] + s.yErr[i]);
      const double bottom = y.drawable(lo) ? y.px(lo) : y.p0;
      o << "<path d='M" << fmt(px) << "," << fmt(top) << " V" << fmt(bottom) << " M" << fmt(px - 3) << "," << fmt(top)
        << " h6 M" << fmt(px - 3) << "," << fmt(bottom) << " h6' stroke='" << s.colour << "' fill='none'/>\n";
    }
    if (s.markers) o << "<circle cx='" << fmt(px) << "' cy='" << fmt(py) << "' r='3.2' fill='" << s.colour << "'/>\n";
  }
  if (s.line && path.find('L') != std::string::npos)
    o << "<path d='" << path << "' fill='none' stroke='" << s.colour << "' stroke-width='" << fmt(s.width) << "'"
      << (s.dashed ? " stroke-dasharray='6,4'" : "") << "/>\n";
}

void drawLegend(std::ostringstream& o, const SvgChart& c, double left) {
  double yy = 44;
  for (const auto& s : c.series) {
    if (s.name.empty()) continue;
    o << "<line x1='" << fmt(left) << "' x2='" << fmt(left + 22) << "' y1='" << fmt(yy - 4) << "' y2='" << fmt(yy - 4)
      << "' stroke='" << s.colour << "' stroke-width='" << fmt(s.line ? s.width : 0) << "'"
      << (s.dashed ? " stroke-dasharray='6,4'" : "") << "/>";
    if (s.markers)
      o << "<circle cx='" << fmt(left + 11) << "' cy='" << fmt(yy - 4) << "' r='3.2' fill='" << s.colour << "'/>";
    o << "<text x='" << fmt(left + 28) << "' y='" << fmt(yy) << "' font-size='11'>" << escapeXml(s.name) << "</text>\n";
    yy += 17;
  }
}

}  // namespace

std::string renderSvg(const SvgChart& c) {
  Axis x, y;
  x.log = c.logX;
  y.log = c.logY;
  const double legendWidth = 230;
  x.p0 = 64;
  x.p1 = c.width - legendWidth - 12;
  y.p0 = c.height - 44;
  y.p1 = 30;
  bool any = false;
  fitRange(c, x, y, any);
  std::ostringstream o;
  o << "<svg xmlns='http://www.w3.org/2000/svg' width='" << c.width << "' height='" << c.height << "' viewBox='0 0 "
    << c.width << " " << c.height << "' font-family='sans-serif' role='img'>\n";
  o << "<title>" << escapeXml(c.title) << "</title>\n";
  if (!any) {
    o << "<text x='" << c.width / 2 << "' y='" << c.height / 2
      << "' text-anchor='middle' font-size='13'>nothing to draw</text>\n</svg>\n";
    return o.str();
  }
  drawAxes(o, c, x, y);
  for (const auto& s : c.series) drawSeries(o, s, x, y);
  drawLegend(o, c, x.p1 + 14);
  o << "</svg>\n";
  return o.str();
}

}  // namespace ps
