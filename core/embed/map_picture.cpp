#include "embed/map_picture.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "util/errors.h"
#include "util/file_io.h"

namespace ps {

namespace {

// The charts' ten colours (ui/charts/chart_style.cpp), as OpenCV's BGR.
cv::Scalar classColour(size_t i) {
  static const unsigned kRgb[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                  0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
  if (i < 10) return {double(kRgb[i] & 255U), double((kRgb[i] >> 8) & 255U), double(kRgb[i] >> 16)};
  cv::Mat hsv(1, 1, CV_8UC3, cv::Scalar(std::fmod(20 + 111.25 * double(i), 180.0), 170, 215));
  cv::Mat bgr;
  cv::cvtColor(hsv, bgr, cv::COLOR_HSV2BGR);
  const auto p = bgr.at<cv::Vec3b>(0, 0);
  return {double(p[0]), double(p[1]), double(p[2])};
}

void drawLegend(cv::Mat& img, const std::vector<std::string>& names, int right) {
  const size_t shown = std::min<size_t>(names.size(), 40);  // 1 000 classes do not fit a legend
  for (size_t c = 0; c < shown; ++c) {
    const int y = 24 + int(c) * 22;
    cv::rectangle(img, cv::Rect(right + 8, y - 11, 12, 12), classColour(c), cv::FILLED);
    cv::putText(img, names[c], cv::Point(right + 26, y), cv::FONT_HERSHEY_SIMPLEX, 0.45, cv::Scalar(30, 30, 30), 1,
                cv::LINE_AA);
  }
  if (shown < names.size())
    cv::putText(img, "+ " + std::to_string(names.size() - shown) + " more classes",
                cv::Point(right + 8, 24 + int(shown) * 22), cv::FONT_HERSHEY_SIMPLEX, 0.45, cv::Scalar(30, 30, 30), 1,
                cv::LINE_AA);
}

}  // namespace

void writeMapPicture(const StoredMap& map, const std::vector<int>& labels, const std::vector<std::string>& classNames,
                     const std::string& path, int width, int height) {
  if (width < 200 || width > 8000 || height < 200 || height > 8000)
    throw ConfigError("map picture: " + std::to_string(width) + " × " + std::to_string(height) +
                      " pixels (expected 200 to 8000 each)");
  cv::Mat img(height, width, CV_8UC3, cv::Scalar(255, 255, 255));
  const int legend = classNames.size() > 1 ? 220 : 0;
  const int plotW = width - legend, margin = 12;
  const size_t n = std::min(map.x.size(), map.y.size());
  if (n > 0) {
    const auto [x0, x1] = std::minmax_element(map.x.begin(), map.x.end());
    const auto [y0, y1] = std::minmax_element(map.y.begin(), map.y.end());
    const double span = std::max({double(*x1 - *x0), double(*y1 - *y0), 1e-9});
    const double scale = std::min(plotW - 2 * margin, height - 2 * margin) / span;
    const int radius = n > 200000 ? 0 : n > 20000 ? 1 : 2;
    for (size_t i = 0; i < n; ++i) {
      const cv::Point p(margin + int((map.x[i] - *x0) * scale), margin + int((map.y[i] - *y0) * scale));
      const int label = i < labels.size() ? labels[i] : -1;
      const cv::Scalar colour = label >= 0 ? classColour(size_t(label)) : cv::Scalar(160, 160, 160);
      if (radius == 0)
        img.at<cv::Vec3b>(p) = cv::Vec3b(uchar(colour[0]), uchar(colour[1]), uchar(colour[2]));
      else
        cv::circle(img, p, radius, colour, cv::FILLED, cv::LINE_AA);
    }
  }
  if (legend > 0) drawLegend(img, classNames, plotW);
  std::string ext = path.substr(path.find_last_of('.') == std::string::npos ? path.size() : path.find_last_of('.'));
  std::vector<uchar> bytes;
  if (ext.empty() || !cv::imencode(ext, img, bytes))
    throw IoError(path + ": cannot encode the map as a picture (expected a name ending .png or .jpg)");
  writeFileAtomically(path, std::string(bytes.begin(), bytes.end()));
}

}  // namespace ps
