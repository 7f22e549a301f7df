#include "data/montage.h"

#include <opencv2/imgproc.hpp>

namespace ps {

cv::Mat makeMontage(const Dataset& ds, Split split, const std::vector<int64_t>& indices,
                    const std::vector<std::vector<std::string>>& captions, int columns, int scale) {
  const ImageShape s = ds.shape();
  const int tileW = std::max(s.width * scale, 100) + 8, imgH = s.height * scale;
  const int lineH = 14, lines = captions.empty() ? 0 : static_cast<int>(captions.front().size());
  const int tileH = imgH + 4 + lines * lineH + 6;
  const int n = static_cast<int>(indices.size());
  columns = std::max(1, std::min(columns, n));
  const int rows = (n + columns - 1) / columns;
  cv::Mat out(std::max(1, rows * tileH), columns * tileW, CV_8UC3, cv::Scalar(255, 255, 255));
  for (int k = 0; k < n; ++k) {
    cv::Mat img = ds.image(split, static_cast<size_t>(indices[static_cast<size_t>(k)]));
    cv::Mat bgr;
    if (img.channels() == 1)
      cv::cvtColor(img, bgr, cv::COLOR_GRAY2BGR);
    else
      cv::cvtColor(img, bgr, cv::COLOR_RGB2BGR);
    cv::Mat big;
    cv::resize(bgr, big, cv::Size(s.width * scale, s.height * scale), 0, 0, cv::INTER_NEAREST);
    const int x = (k % columns) * tileW + (tileW - big.cols) / 2, y = (k / columns) * tileH;
    big.copyTo(out(cv::Rect(x, y, big.cols, big.rows)));
    if (static_cast<size_t>(k) < captions.size())
      for (size_t l = 0; l < captions[static_cast<size_t>(k)].size(); ++l)
        cv::putText(out, captions[static_cast<size_t>(k)][l],
                    cv::Point((k % columns) * tileW + 3, y + imgH + 4 + lineH * static_cast<int>(l + 1) - 3),
                    cv::FONT_HERSHEY_SIMPLEX, 0.36, cv::Scalar(30, 30, 30), 1, cv::LINE_AA);
  }
  return out;
}

}  // namespace ps
