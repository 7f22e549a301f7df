#include "charts/histogram_grid.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

#include "charts/chart_axes.h"
#include "charts/chart_style.h"

namespace ps::ui {

namespace {
constexpr int kGap = 8, kTitle = 18, kAxis = 16, kFooter = 20;
}

HistogramGrid::HistogramGrid(QWidget* parent) : QWidget(parent) { setMouseTracking(true); }

void HistogramGrid::setHistograms(const ClassHistograms& h, const QString& scoreName) {
  h_ = h;
  scoreName_ = scoreName;
  hoverText_.clear();
  update();
}

// Panels about twice as wide as tall.
int HistogramGrid::columns() const {
  const auto n = static_cast<int>(h_.counts.size());
  if (n == 0) return 1;
  int best = 1;
  double bestScore = 1e9;
  for (int c = 1; c <= n; ++c) {
    const int rows = (n + c - 1) / c;
    const double w = static_cast<double>(width()) / c, hgt = static_cast<double>(height() - kFooter) / rows;
    const double score = std::abs(std::log(w / std::max(1.0, hgt) / 2.0));
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

QRect HistogramGrid::panelRect(size_t cls) const {
  const int cols = columns(), n = static_cast<int>(h_.counts.size());
  const int rows = std::max(1, (n + cols - 1) / cols);
  const int w = width() / cols, hgt = (height() - kFooter) / rows;
  const int i = static_cast<int>(cls);
  return {(i % cols) * w, (i / cols) * hgt, w, hgt};
}

QRect HistogramGrid::barsRect(size_t cls) const { return panelRect(cls).adjusted(kGap, kTitle, -kGap, -kAxis); }

void HistogramGrid::drawPanel(QPainter& p, size_t cls) const {
  const QRect panel = panelRect(cls), bars = barsRect(cls);
  const auto& counts = h_.counts[cls];
  const int64_t most = std::max<int64_t>(1, *std::max_element(counts.begin(), counts.end()));
  p.setPen(palette().text().color());
  p.drawText(QRect(panel.left() + kGap, panel.top(), panel.width() - 2 * kGap, kTitle),
             Qt::AlignVCenter | Qt::AlignLeft, QString::fromStdString(h_.classNames[cls]));
  p.drawText(QRect(panel.left() + kGap, panel.top(), panel.width() - 2 * kGap, kTitle),
             Qt::AlignVCenter | Qt::AlignRight, tr("max %1").arg(most));
  const QColor colour = paletteColour(cls);
  const double bw = static_cast<double>(bars.width()) / h_.bins;
  for (int b = 0; b < h_.bins; ++b) {
    const double hgt = static_cast<double>(counts[static_cast<size_t>(b)]) / static_cast<double>(most) * bars.height();
    p.fillRect(QRectF(bars.left() + b * bw, bars.bottom() + 1 - hgt, std::max(1.0, bw - 0.5), hgt), colour);
  }
  p.setPen(QColor(160, 160, 160));
  p.drawLine(bars.bottomLeft() + QPoint(0, 1), bars.bottomRight() + QPoint(0, 1));
  p.setPen(palette().text().color());
  QFont small = font();
  small.setPointSizeF(font().pointSizeF() * 0.85);
  p.setFont(small);
  p.drawText(QRect(bars.left(), bars.bottom() + 2, bars.width(), kAxis), Qt::AlignLeft | Qt::AlignTop,
             tickLabel(h_.lo, (h_.hi - h_.lo) / 100));
  p.drawText(QRect(bars.left(), bars.bottom() + 2, bars.width(), kAxis), Qt::AlignRight | Qt::AlignTop,
             tickLabel(h_.hi, (h_.hi - h_.lo) / 100));
  p.setFont(font());
}

void HistogramGrid::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  for (size_t c = 0; c < h_.counts.size(); ++c) drawPanel(p, c);
  if (!h_.counts.empty())
    p.drawText(QRect(0, height() - kFooter, width(), kFooter), Qt::AlignCenter,
               tr("%1, higher = harder; each panel on its own count scale").arg(scoreName_));
}

void HistogramGrid::mouseMoveEvent(QMouseEvent* event) {
  QString text;
  for (size_t c = 0; c < h_.counts.size() && h_.bins > 0; ++c) {
    const QRect bars = barsRect(c);
    if (!bars.adjusted(0, 0, 0, 2).contains(event->pos())) continue;
    const int b = std::clamp(static_cast<int>((event->pos().x() - bars.left()) * h_.bins / std::max(1, bars.width())),
                             0, h_.bins - 1);
    const double w = (h_.hi - h_.lo) / h_.bins;
    text = tr("%1: %2 example(s) with %3 in [%4, %5)")
               .arg(QString::fromStdString(h_.classNames[c]))
               .arg(h_.counts[c][static_cast<size_t>(b)])
               .arg(scoreName_)
               .arg(h_.lo + b * w, 0, 'g', 4)
               .arg(h_.lo + (b + 1) * w, 0, 'g', 4);
  }
  updateHover(this, hoverText_, text, event->globalPosition().toPoint());
}

void HistogramGrid::leaveEvent(QEvent*) {
  hoverText_.clear();
  QToolTip::hideText();
}

}  // namespace ps::ui
