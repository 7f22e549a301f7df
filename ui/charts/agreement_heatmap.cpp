#include "charts/agreement_heatmap.h"

#include <QFontMetrics>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"

namespace ps::ui {

namespace {

constexpr int kMargin = 6;
constexpr int kTopLabels = 22;  // the row of column numbers
constexpr int kMaxLabel = 260;  // the row labels' column at most

// Blue (−1) … white (0) … red (+1); NaN grey.
QColor agreementColour(double v) {
  if (std::isnan(v)) return {220, 220, 220};
  const double a = std::min(1.0, std::abs(v));
  const int fade = static_cast<int>(a * 200);
  return v >= 0 ? QColor(255, 255 - fade, 255 - fade) : QColor(255 - fade, 255 - fade, 255);
}

}  // namespace

AgreementHeatmap::AgreementHeatmap(QWidget* parent) : QWidget(parent) { setMouseTracking(true); }

void AgreementHeatmap::setAgreement(const ScoreAgreement& agreement) {
  agreement_ = agreement;
  hoverText_.clear();
  updateGeometry();  // more scores need more room
  update();
}

void AgreementHeatmap::setMeasure(Measure measure) {
  measure_ = measure;
  update();
}

double AgreementHeatmap::value(int row, int column) const {
  const auto& m = measure_ == Measure::Spearman ? agreement_.spearman : agreement_.topK;
  if (row < 0 || column < 0 || static_cast<size_t>(row) >= m.size() || static_cast<size_t>(column) >= m[row].size())
    return std::nan("");
  return m[static_cast<size_t>(row)][static_cast<size_t>(column)];
}

QString AgreementHeatmap::cellText(int row, int column) const {
  const double v = value(row, column);
  return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 2);
}

// Wide enough for the longest row label, but at most kMaxLabel (longer ones are elided):
// it does not depend on the widget's width, which depends on it.
int AgreementHeatmap::labelWidth() const {
  int w = 0;
  for (size_t i = 0; i < agreement_.names.size(); ++i)
    w = std::max(w, fontMetrics().horizontalAdvance(
                        QStringLiteral("%1. %2").arg(i + 1).arg(QString::fromStdString(agreement_.names[i]))));
  return std::min(w + kMargin + 4, kMaxLabel);  // + 4: elidedText rounds, and would elide a label that just fits
}

QSize AgreementHeatmap::minimumCellSize() const {
  const QFontMetrics fm = fontMetrics();
  // the number, at the smaller font a narrow cell writes it in; a row label's line
  return {std::max(34, fm.horizontalAdvance(QStringLiteral("−0.00")) * 3 / 4 + 4), fm.height() + 1};
}

QSize AgreementHeatmap::minimumSizeHint() const {
  const auto n = static_cast<int>(agreement_.names.size());
  const QSize cell = minimumCellSize();
  return {std::max(200, labelWidth() + 2 * kMargin + n * cell.width()),
          std::max(150, kTopLabels + 2 * kMargin + n * cell.height())};
}

// As wide as the room allows (up to 80 px), as tall as the rows allow but no taller than
// wide; never below the readable minimum.
QSize AgreementHeatmap::cellSize() const {
  const auto n = static_cast<int>(agreement_.names.size());
  if (n == 0) return {0, 0};
  const QSize least = minimumCellSize();
  const int w = std::clamp((width() - labelWidth() - 2 * kMargin) / n, least.width(), std::max(80, least.width()));
  return {w, std::clamp((height() - kTopLabels - 2 * kMargin) / n, least.height(), std::max(w, least.height()))};
}

QRect AgreementHeatmap::cellRect(int row, int column) const {
  const QSize cell = cellSize();
  return {kMargin + labelWidth() + column * cell.width(), kMargin + kTopLabels + row * cell.height(), cell.width(),
          cell.height()};
}

QPoint AgreementHeatmap::cellAt(const QPoint& pos) const {
  const auto n = static_cast<int>(agreement_.names.size());
  const QSize cell = cellSize();
  if (n == 0 || cell.isEmpty()) return {-1, -1};
  const QPoint origin = cellRect(0, 0).topLeft();
  const int column = (pos.x() - origin.x()) / cell.width(), row = (pos.y() - origin.y()) / cell.height();
  if (pos.x() < origin.x() || pos.y() < origin.y() || column >= n || row >= n) return {-1, -1};
  return {column, row};
}

void AgreementHeatmap::paintEvent(QPaintEvent* event) {
  QPainter p(this);
  p.fillRect(rect(), palette().base());
  const auto n = static_cast<int>(agreement_.names.size());
  if (n == 0) return;
  const QSize size = cellSize();
  const int side = size.height();
  QFont cellFont = font();
  cellFont.setPointSizeF(std::clamp(std::min(side * 0.6, size.width() / 4.0), 6.0, font().pointSizeF()));
  const bool numbers = side >= 11 && size.width() >= 26;
  const QRect shown = event->rect();  // in a scroll area, only what is exposed is painted
  for (int r = 0; r < n; ++r) {
    const QRect label(kMargin, cellRect(r, 0).top(), labelWidth() - kMargin, side);
    p.setPen(palette().text().color());
    p.setFont(font());
    p.drawText(
        label, Qt::AlignVCenter | Qt::AlignLeft,
        fontMetrics().elidedText(QStringLiteral("%1. %2").arg(r + 1).arg(QString::fromStdString(agreement_.names[r])),
                                 Qt::ElideRight, label.width()));
    p.drawText(QRect(cellRect(0, r).left(), kMargin, size.width(), kTopLabels), Qt::AlignCenter,
               QString::number(r + 1));
    p.setFont(cellFont);
    for (int c = 0; c < n; ++c) {
      const QRect cell = cellRect(r, c);
      if (!cell.intersects(shown)) continue;
      const double v = value(r, c);
      const QColor fill = agreementColour(v);
      p.fillRect(cell.adjusted(0, 0, -1, -1), fill);
      p.setPen(fill.lightness() < 110 ? Qt::white : Qt::black);
      if (numbers) p.drawText(cell, Qt::AlignCenter, cellText(r, c));
    }
  }
}

void AgreementHeatmap::mouseMoveEvent(QMouseEvent* event) {
  const QPoint cell = cellAt(event->pos());
  QString text;
  if (cell.x() >= 0) {
    const auto r = static_cast<size_t>(cell.y()), c = static_cast<size_t>(cell.x());
    text = tr("%1 vs %2\nSpearman ρ = %3\ntop-k overlap = %4 (k = %5 of the %6 examples both cover)\nclick: "
              "scatter of the two")
               .arg(QString::fromStdString(agreement_.names[r]), QString::fromStdString(agreement_.names[c]))
               .arg(agreement_.spearman[r][c], 0, 'f', 4)
               .arg(agreement_.topK[r][c], 0, 'f', 4)
               .arg(agreement_.k)
               .arg(agreement_.common);
  }
  updateHover(this, hoverText_, text, event->globalPosition().toPoint());
}

void AgreementHeatmap::mousePressEvent(QMouseEvent* event) {
  const QPoint cell = cellAt(event->pos());
  if (cell.x() >= 0 && event->button() == Qt::LeftButton) emit pairChosen(cell.y(), cell.x());
}

void AgreementHeatmap::leaveEvent(QEvent*) {
  hoverText_.clear();
  QToolTip::hideText();
}

}  // namespace ps::ui
