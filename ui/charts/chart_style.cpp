#include "charts/chart_style.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QImage>
#include <QLegend>
#include <QLegendMarker>
#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QToolTip>
#include <QXYSeries>
#include <cmath>

#include "prune/policy_registry.h"

namespace ps::ui {

QColor paletteColour(size_t i) {
  static const QColor palette[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                   QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x7f7f7f),
                                   QColor(0xbcbd22), QColor(0x17becf)};
  return palette[i % (sizeof palette / sizeof palette[0])];
}

QColor policyColour(const std::string& policy, size_t shade) {
  const Rgb c = policyShade(policy, shade);
  return {c.r, c.g, c.b};
}

void addToChart(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y, bool inLegend) {
  chart->addSeries(series);
  series->attachAxis(x);
  series->attachAxis(y);
  if (inLegend) return;
  series->setProperty("ps_nolegend", true);  // the chart view keeps it out of the legend when toggling
  for (QLegendMarker* m : chart->legend()->markers(series)) m->setVisible(false);
}

namespace {

// A marker image: shape `shape` (0 circle, 1 square, 2 triangle, 3 diamond) filled with
// `colour`, outlined darker, drawn large so it stays sharp when scaled to the marker size.
QImage markerImage(const QColor& colour, size_t shape) {
  constexpr int kSide = 48;
  QImage image(kSide, kSide, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(colour.darker(150), 5));
  p.setBrush(colour);
  const QRectF r(6, 6, kSide - 12, kSide - 12);
  QPainterPath path;
  switch (shape % 4) {
    case 0: path.addEllipse(r); break;
    case 1: path.addRect(r.adjusted(2, 2, -2, -2)); break;
    case 2:
      path.moveTo(r.center().x(), r.top());
      path.lineTo(r.right(), r.bottom());
      path.lineTo(r.left(), r.bottom());
      path.closeSubpath();
      break;
    default:
      path.moveTo(r.center().x(), r.top());
      path.lineTo(r.right(), r.center().y());
      path.lineTo(r.center().x(), r.bottom());
      path.lineTo(r.left(), r.center().y());
      path.closeSubpath();
  }
  p.drawPath(path);
  return image;
}

}  // namespace

void styleLine(QXYSeries* series, const QColor& colour, size_t style, double width) {
  static const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
  series->setPen(QPen(colour, width, dashes[style % 4]));
  series->setLightMarker(markerImage(colour, style));
  series->setMarkerSize(10);
}

void finishLegend(QChart* chart) {
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
}

void setPointIds(QXYSeries* series, const std::vector<size_t>& ids) {
  QVariantList list;
  list.reserve(static_cast<int>(ids.size()));
  for (size_t id : ids) list << QVariant::fromValue(static_cast<qulonglong>(id));
  series->setProperty("ps_ids", list);
}

long pointId(const QXYSeries* series, int index) {
  const QVariantList ids = series->property("ps_ids").toList();
  if (index < 0 || index >= ids.size()) return -1;
  return static_cast<long>(ids[index].toULongLong());
}

void updateHover(QWidget* widget, QString& shown, const QString& text, const QPoint& global) {
  if (text == shown) return;
  shown = text;
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(global, text, widget);
}

}  // namespace ps::ui
