#include "charts/chart_view.h"

#include <QAbstractAxis>
#include <QChart>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QMouseEvent>
#include <QRubberBand>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>
#include <QXYSeries>
#include <cmath>

#include "charts/chart_axes.h"
#include "charts/chart_style.h"

namespace ps::ui {

namespace {

constexpr int kDragStart = 5;            // pixels a press must move to become a drag
constexpr double kHoverReach = 10;       // pixels from a point that still hover it
constexpr double kWheelStep = 1.25;      // zoom per wheel notch or key press
constexpr double kPanStep = 0.1;         // of the plot's size, per arrow key
constexpr int kMaxHoverPoints = 200000;  // larger series are drawn another way, not hovered

bool sameValue(const QVariant& a, const QVariant& b) {
  bool okA = false, okB = false;
  const double x = a.toDouble(&okA), y = b.toDouble(&okB);
  if (okA && okB) return std::abs(x - y) <= 1e-9 * std::max(1.0, std::max(std::abs(x), std::abs(y)));
  return a == b;
}

// A hidden series' legend entry stays, greyed out, so it can be clicked back on.
void dimMarker(QLegendMarker* m, bool dim) {
  if (!m->property("ps_brush").isValid()) {
    m->setProperty("ps_brush", QVariant::fromValue(m->brush()));
    m->setProperty("ps_pen", QVariant::fromValue(m->pen()));
    m->setProperty("ps_label", QVariant::fromValue(m->labelBrush()));
  }
  if (!dim) {
    m->setBrush(m->property("ps_brush").value<QBrush>());
    m->setPen(m->property("ps_pen").value<QPen>());
    m->setLabelBrush(m->property("ps_label").value<QBrush>());
    return;
  }
  QColor fill = m->brush().color(), line = m->pen().color();
  fill.setAlpha(50);
  line.setAlpha(50);
  m->setBrush(fill);
  QPen pen = m->pen();
  pen.setColor(line);
  m->setPen(pen);
  m->setLabelBrush(QColor(150, 150, 150));
}

}  // namespace

ChartView::ChartView(QWidget* parent) : QChartView(parent) {
  setRenderHint(QPainter::Antialiasing);
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  viewport()->setMouseTracking(true);
  setChart(new QChart);
}

QString ChartView::navigationHint() {
  return tr(
      "Wheel or drag a box: zoom · Shift+drag: pan · double-click or 0: whole chart · "
      "click a legend entry: hide/show it");
}

void ChartView::showChart(QChart* chart) {
  QChart* old = this->chart();
  if (old != chart) {
    setChart(chart);
    delete old;
  }
  hoverText_.clear();
  homeRanges_.clear();
  for (QAbstractAxis* axis : chart->axes()) {
    homeRanges_.emplace_back(axis->property("min"), axis->property("max"));
    if (auto* linear = qobject_cast<QValueAxis*>(axis)) keepTicksRound(linear, chart);
  }
  connectLegend();
}

void ChartView::connectLegend() {
  for (QLegendMarker* m : chart()->legend()->markers()) {
    disconnect(m, &QLegendMarker::clicked, this, nullptr);
    if (m->series()->property("ps_nolegend").toBool()) continue;
    connect(m, &QLegendMarker::clicked, this, [this, m] { toggleSeries(m->series()); });
  }
}

void ChartView::toggleSeries(QAbstractSeries* series) {
  const bool visible = !series->isVisible();
  const QVariant group = series->property("ps_group");
  for (QAbstractSeries* s : chart()->series())
    if (s == series || (group.isValid() && s->property("ps_group") == group)) s->setVisible(visible);
  // Qt hides a series' legend entry with the series: keep the entries as they were.
  for (QLegendMarker* m : chart()->legend()->markers()) {
    m->setVisible(!m->series()->property("ps_nolegend").toBool());
    if (m->series() == series) dimMarker(m, !visible);
  }
}

void ChartView::resetZoom() {
  chart()->zoomReset();
  const auto axes = chart()->axes();
  for (size_t i = 0; i < static_cast<size_t>(axes.size()) && i < homeRanges_.size(); ++i)
    axes[static_cast<int>(i)]->setRange(homeRanges_[i].first, homeRanges_[i].second);
}

bool ChartView::zoomed() const {
  const auto axes = chart()->axes();
  for (size_t i = 0; i < static_cast<size_t>(axes.size()) && i < homeRanges_.size(); ++i) {
    const QAbstractAxis* a = axes[static_cast<int>(i)];
    if (!sameValue(a->property("min"), homeRanges_[i].first) || !sameValue(a->property("max"), homeRanges_[i].second))
      return true;
  }
  return false;
}

ChartView::Hit ChartView::pointAt(const QPoint& pos) const {
  const QPointF at = chart()->mapFromScene(mapToScene(pos));
  const QRectF plot = chart()->plotArea().adjusted(-kHoverReach, -kHoverReach, kHoverReach, kHoverReach);
  if (!plot.contains(at)) return {};
  Hit best;
  double bestDistance = kHoverReach;
  for (QAbstractSeries* s : chart()->series()) {
    auto* xy = qobject_cast<QXYSeries*>(s);
    if (!xy || !xy->isVisible() || xy->property("ps_nohover").toBool() || xy->count() > kMaxHoverPoints) continue;
    for (int i = 0; i < xy->count(); ++i) {
      const QPointF p = chart()->mapToPosition(xy->at(i), xy);
      if (!plot.contains(p)) continue;
      const double d = std::hypot(p.x() - at.x(), p.y() - at.y());
      if (d <= bestDistance) {
        bestDistance = d;
        best = {xy, i};
      }
    }
  }
  return best;
}

void ChartView::showHover(const QPoint& pos) {
  const Hit hit = pointAt(pos);
  QString text;
  if (hit.series) {
    if (pointText_) text = pointText_(hit.series, hit.index);
    if (text.isEmpty()) {
      const QPointF p = hit.series->at(hit.index);
      text = tr("%1\nx = %2, y = %3")
                 .arg(hit.series->name())
                 .arg(unmapCoordinate(hit.series, true, p.x()), 0, 'g', 6)
                 .arg(unmapCoordinate(hit.series, false, p.y()), 0, 'g', 6);
    }
  }
  updateHover(this, hoverText_, text, mapToGlobal(pos));
}

void ChartView::zoomAbout(const QPointF& centre, double factor) {
  const QRectF plot = chart()->plotArea();
  const QPointF c = plot.contains(centre) ? centre : plot.center();
  chart()->zoomIn(QRectF(c.x() - (c.x() - plot.left()) / factor, c.y() - (c.y() - plot.top()) / factor,
                         plot.width() / factor, plot.height() / factor));
}

void ChartView::pan(double dx, double dy) { chart()->scroll(dx, dy); }

void ChartView::wheelEvent(QWheelEvent* event) {
  const double notches = event->angleDelta().y() / 120.0;
  if (notches == 0) {
    event->ignore();
    return;
  }
  const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
  zoomAbout(at, std::pow(kWheelStep, notches));
  event->accept();
}

void ChartView::mousePressEvent(QMouseEvent* event) {
  const QPointF at = chart()->mapFromScene(mapToScene(event->pos()));
  if (!chart()->plotArea().contains(at)) {  // the legend, the title: the scene's items handle it
    QChartView::mousePressEvent(event);
    return;
  }
  pressAt_ = lastAt_ = event->pos();
  const bool panning = event->button() == Qt::MiddleButton ||
                       (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
  drag_ = panning ? Drag::Pan : event->button() == Qt::LeftButton ? Drag::Pending : Drag::None;
  event->accept();
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->pos();
  if (drag_ == Drag::Pending && (pos - pressAt_).manhattanLength() >= kDragStart) drag_ = Drag::Box;
  if (drag_ == Drag::Box) {
    if (!band_) band_ = new QRubberBand(QRubberBand::Rectangle, viewport());
    band_->setGeometry(QRect(pressAt_, pos).normalized());
    band_->show();
  } else if (drag_ == Drag::Pan) {
    pan(lastAt_.x() - pos.x(), pos.y() - lastAt_.y());
  } else if (drag_ == Drag::None) {
    showHover(pos);
    QChartView::mouseMoveEvent(event);
  }
  lastAt_ = pos;
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
  const Drag drag = drag_;
  drag_ = Drag::None;
  if (drag == Drag::Box && band_) {
    band_->hide();
    const QRectF box = chart()->mapFromScene(mapToScene(band_->geometry())).boundingRect();
    const QRectF zoom = box.intersected(chart()->plotArea());
    if (zoom.width() > 2 && zoom.height() > 2) chart()->zoomIn(zoom);
  } else if (drag == Drag::Pending) {
    const Hit hit = pointAt(event->pos());
    if (hit.series) emit pointClicked(hit.series, hit.index);
  } else if (drag == Drag::None) {
    QChartView::mouseReleaseEvent(event);
    return;
  }
  event->accept();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
  const QPointF at = chart()->mapFromScene(mapToScene(event->pos()));
  if (!chart()->plotArea().contains(at)) {
    QChartView::mouseDoubleClickEvent(event);
    return;
  }
  resetZoom();
  event->accept();
}

void ChartView::keyPressEvent(QKeyEvent* event) {
  const QRectF plot = chart()->plotArea();
  switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAbout(plot.center(), kWheelStep); break;
    case Qt::Key_Minus: zoomAbout(plot.center(), 1 / kWheelStep); break;
    case Qt::Key_Left: pan(-plot.width() * kPanStep, 0); break;
    case Qt::Key_Right: pan(plot.width() * kPanStep, 0); break;
    case Qt::Key_Up: pan(0, plot.height() * kPanStep); break;
    case Qt::Key_Down: pan(0, -plot.height() * kPanStep); break;
    case Qt::Key_0:
    case Qt::Key_Home: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
  }
  event->accept();
}

// Qt asks for a tooltip once the mouse rests (QEvent::ToolTip, ~0.7 s); QGraphicsView hands
// that to the scene, whose items have none, and the scene then hides whatever tooltip is
// shown: the point's numbers vanished as soon as the mouse stopped over it. The view
// answers it itself, with the hovered point's text.
bool ChartView::viewportEvent(QEvent* event) {
  if (event->type() != QEvent::ToolTip) return QChartView::viewportEvent(event);
  const auto* help = static_cast<QHelpEvent*>(event);
  hoverText_.clear();  // shown again below, even when unchanged
  showHover(help->pos());
  event->setAccepted(!hoverText_.isEmpty());
  return true;
}

void ChartView::leaveEvent(QEvent* event) {
  if (!hoverText_.isEmpty()) QToolTip::hideText();
  hoverText_.clear();
  QChartView::leaveEvent(event);
}

}  // namespace ps::ui
