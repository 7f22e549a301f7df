#include "charts/density_plot.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "charts/chart_axes.h"
#include "charts/chart_style.h"

namespace ps::ui {

namespace {

constexpr int kLeft = 64, kBottom = 44, kTop = 8, kRight = 12;
constexpr double kReachCells = 3;  // a click or hover reaches points this many cells away

// White (empty) → light blue → dark blue → near black, by the log of the count.
QColor densityColour(uint32_t count, uint32_t most) {
  if (count == 0) return Qt::white;
  const double t = std::log1p(count) / std::log1p(std::max<uint32_t>(most, 1));
  static const QColor stops[] = {QColor(198, 219, 239), QColor(107, 174, 214), QColor(33, 113, 181), QColor(8, 48, 107),
                                 QColor(20, 20, 40)};
  const double at = std::clamp(t, 0.0, 1.0) * 3.999;
  const auto i = static_cast<size_t>(at);
  const double f = at - static_cast<double>(i);
  const QColor &a = stops[i], &b = stops[i + 1];
  return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                          static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                          static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

}  // namespace

DensityPlot::DensityPlot(QWidget* parent) : QWidget(parent) { setMouseTracking(true); }

void DensityPlot::setData(DensityData data) {
  data_ = std::move(data);
  const DensityGrid& g = data_.grid;
  image_ = QImage(std::max(1, g.width), std::max(1, g.height), QImage::Format_RGB32);
  image_.fill(Qt::white);
  for (int r = 0; r < g.height; ++r) {
    auto* line = reinterpret_cast<QRgb*>(image_.scanLine(r));
    for (int c = 0; c < g.width; ++c) line[c] = densityColour(g.at(c, r), g.maxCount).rgb();
  }
  hoverText_.clear();
  update();
}

QRect DensityPlot::plotRect() const { return rect().adjusted(kLeft, kTop, -kRight, -kBottom); }

QPoint DensityPlot::positionOf(double x, double y) const {
  const QRect plot = plotRect();
  const DensityGrid& g = data_.grid;
  return {plot.left() + static_cast<int>(g.cellX(x) / g.width * plot.width()),
          plot.top() + static_cast<int>(g.cellY(y) / g.height * plot.height())};
}

QPointF DensityPlot::dataAt(const QPoint& pos) const {
  const QRect plot = plotRect();
  const DensityGrid& g = data_.grid;
  return {g.xlo + (g.xhi - g.xlo) * (pos.x() - plot.left()) / std::max(1, plot.width()),
          g.yhi - (g.yhi - g.ylo) * (pos.y() - plot.top()) / std::max(1, plot.height())};
}

long DensityPlot::pointNear(const QPoint& pos) const {
  if (data_.x.empty() || !plotRect().contains(pos)) return -1;
  const QPointF at = dataAt(pos);
  // Reach: a few cells, or a few pixels where cells are drawn larger than that.
  const double pixelsPerCell = static_cast<double>(plotRect().width()) / std::max(1, data_.grid.width);
  return nearestPoint(data_.x, data_.y, data_.grid, at.x(), at.y(), std::max(kReachCells, 8 / pixelsPerCell));
}

void DensityPlot::drawAxes(QPainter& p, const QRect& plot) const {
  const DensityGrid& g = data_.grid;
  p.setPen(palette().text().color());
  p.drawRect(plot.adjusted(0, 0, -1, -1));
  const std::vector<double> xs = roundTicks(g.xlo, g.xhi), ys = roundTicks(g.ylo, g.yhi);
  const double xStep = xs.size() > 1 ? xs[1] - xs[0] : 1, yStep = ys.size() > 1 ? ys[1] - ys[0] : 1;
  for (double fx : xs) {
    const int px = positionOf(fx, g.ylo).x();
    p.drawLine(px, plot.bottom(), px, plot.bottom() + 4);
    p.drawText(QRect(px - 40, plot.bottom() + 5, 80, 16), Qt::AlignHCenter | Qt::AlignTop, tickLabel(fx, xStep));
  }
  for (double fy : ys) {
    const int py = positionOf(g.xlo, fy).y();
    p.drawLine(plot.left() - 4, py, plot.left(), py);
    p.drawText(QRect(0, py - 8, kLeft - 7, 16), Qt::AlignRight | Qt::AlignVCenter, tickLabel(fy, yStep));
  }
  // The titles: a line as tall as the font needs (CJK glyphs included), as long as the
  // room beside the plot allows, elided in the middle (the run it names stays legible)
  // rather than cut off at both ends; the tooltip has them whole.
  const QFontMetrics fm = fontMetrics();
  const int line = fm.height() + 2;
  p.drawText(QRect(plot.left(), plot.bottom() + 22, plot.width(), line), Qt::AlignCenter,
             fm.elidedText(data_.xName, Qt::ElideMiddle, plot.width()));
  const int length = 2 * std::min(plot.center().y(), height() - plot.center().y()) - 4;
  p.save();
  p.translate(line / 2.0 + 2, plot.center().y());
  p.rotate(-90);
  p.drawText(QRect(-length / 2, -line / 2, length, line), Qt::AlignCenter,
             fm.elidedText(data_.yName, Qt::ElideMiddle, length));
  p.restore();
}

void DensityPlot::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  if (data_.grid.width == 0) {
    p.drawText(rect(), Qt::AlignCenter, tr("Pick two scores (or click a cell of the agreement matrix)."));
    return;
  }
  const QRect plot = plotRect();
  p.drawImage(plot, image_);  // cells scaled to the plot, not smoothed
  drawAxes(p, plot);
}

void DensityPlot::mouseMoveEvent(QMouseEvent* event) {
  QString text;
  if (data_.grid.width > 0 && plotRect().contains(event->pos())) {
    const QPointF at = dataAt(event->pos());
    const DensityGrid& g = data_.grid;
    const int c = std::clamp(static_cast<int>(g.cellX(at.x())), 0, g.width - 1);
    const int r = std::clamp(static_cast<int>(g.cellY(at.y())), 0, g.height - 1);
    text = tr("%1 = %2, %3 = %4\n%5 example(s) in this cell")
               .arg(data_.xName)
               .arg(at.x(), 0, 'g', 4)
               .arg(data_.yName)
               .arg(at.y(), 0, 'g', 4)
               .arg(g.at(c, r));
    const long i = pointNear(event->pos());
    if (i >= 0)
      text += tr("\nnearest: example #%1 (%2, %3); click to open it")
                  .arg(data_.indices[static_cast<size_t>(i)])
                  .arg(data_.x[static_cast<size_t>(i)], 0, 'g', 4)
                  .arg(data_.y[static_cast<size_t>(i)], 0, 'g', 4);
  }
  updateHover(this, hoverText_, text, event->globalPosition().toPoint());
}

void DensityPlot::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  const long i = pointNear(event->pos());
  if (i >= 0) emit exampleClicked(data_.indices[static_cast<size_t>(i)]);
}

void DensityPlot::leaveEvent(QEvent*) {
  hoverText_.clear();
  QToolTip::hideText();
}

}  // namespace ps::ui
