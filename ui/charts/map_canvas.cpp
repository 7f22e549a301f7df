#include "charts/map_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "embed/map_selection.h"

namespace ps::ui {

namespace {

constexpr double kPickRadius = 6.0;  // pixels
constexpr double kMargin = 0.04;     // of the map's extent, around it
constexpr QRgb kBackground = 0xffffffff;
constexpr QRgb kDefaultColour = 0xff3a6ea5;

// `c` mixed with white: `keep` of the colour stays.
QRgb faded(QRgb c, double keep) {
  auto mix = [keep](int v) { return static_cast<int>(std::lround(255 - (255 - v) * keep)); };
  return qRgb(mix(qRed(c)), mix(qGreen(c)), mix(qBlue(c)));
}

// The rectangle `r` widened in one direction so that it has the aspect of `size`.
QRectF withAspect(QRectF r, QSizeF size) {
  if (size.isEmpty() || r.isEmpty()) return r;
  const double want = size.width() / size.height();
  const QPointF c = r.center();
  if (r.width() / r.height() < want)
    r.setWidth(r.height() * want);
  else
    r.setHeight(r.width() / want);
  r.moveCenter(c);
  return r;
}

// A filled disc of radius `r` pixels written straight into `img` (RGB32), clipped: points
// are drawn this way rather than by QPainter, which took seconds for 150 000 discs.
void stamp(QImage& img, int cx, int cy, int r, QRgb c) {
  for (int dy = -r; dy <= r; ++dy) {
    const int y = cy + dy;
    if (y < 0 || y >= img.height()) continue;
    auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
    for (int dx = -r; dx <= r; ++dx) {
      const int x = cx + dx;
      if (x >= 0 && x < img.width() && dx * dx + dy * dy <= r * r + r) line[x] = c;
    }
  }
}

// What a drawing needs, copied (or shared, never written again) for its worker thread.
struct Scene {
  std::shared_ptr<const std::vector<float>> x, y;
  std::shared_ptr<const MapColours> colours;
  std::vector<uint8_t> hidden;
  std::shared_ptr<const std::vector<int64_t>> highlight;
  QRectF shown;
  QSize size;

  bool visible(size_t i) const {
    if (hidden.empty() || !colours || i >= colours->entry.size()) return true;
    const uint16_t e = colours->entry[i];
    return e >= hidden.size() || hidden[e] == 0;
  }
  QRgb colourOf(size_t i) const {
    if (!colours || i >= colours->entry.size() || colours->entry[i] >= colours->palette.size()) return kDefaultColour;
    return colours->palette[colours->entry[i]];
  }
  QPoint pixelOf(size_t i) const {
    return {static_cast<int>(((*x)[i] - shown.left()) / shown.width() * size.width()),
            static_cast<int>(((*y)[i] - shown.top()) / shown.height() * size.height())};
  }
};

// The points in view binned per pixel: a pixel's colour is the mean of its points', its
// darkness grows with the log of its count, up to the densest pixel's.
void drawBinned(const Scene& s, QImage& image) {
  struct Bin {
    uint32_t count, r, g, b;
  };
  const int w = image.width(), h = image.height();
  std::vector<Bin> bins(size_t(w) * size_t(h), Bin{0, 0, 0, 0});
  const bool anyHidden = std::any_of(s.hidden.begin(), s.hidden.end(), [](uint8_t v) { return v != 0; });
  for (size_t i = 0; i < s.x->size(); ++i) {
    const QPoint p = s.pixelOf(i);
    if (p.x() < 0 || p.y() < 0 || p.x() >= w || p.y() >= h || (anyHidden && !s.visible(i))) continue;
    Bin& bin = bins[size_t(p.y()) * size_t(w) + size_t(p.x())];
    const QRgb c = s.colourOf(i);
    ++bin.count, bin.r += qRed(c), bin.g += qGreen(c), bin.b += qBlue(c);
  }
  uint32_t most = 1;
  for (const Bin& bin : bins) most = std::max(most, bin.count);
  std::vector<float> keepFor(std::min<uint32_t>(most, 4096) + 1);  // log1p per count, once
  const double logMost = std::log1p(double(most));
  const bool fade = !s.highlight->empty();
  for (size_t n = 1; n < keepFor.size(); ++n)
    keepFor[n] = float((0.45 + 0.55 * std::log1p(double(n)) / logMost) * (fade ? 0.25 : 1.0));
  for (int y = 0; y < h; ++y) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
    const Bin* row = &bins[size_t(y) * size_t(w)];
    for (int x = 0; x < w; ++x) {
      const Bin& bin = row[x];
      if (bin.count == 0) continue;
      const QRgb mean = qRgb(int(bin.r / bin.count), int(bin.g / bin.count), int(bin.b / bin.count));
      line[x] = faded(mean, keepFor[std::min<size_t>(bin.count, keepFor.size() - 1)]);
    }
  }
}

// Each point in view a small disc; the highlighted ones larger, ringed, over the others.
void drawPoints(const Scene& s, QImage& image) {
  const bool fade = !s.highlight->empty();
  const auto& xs = *s.x;
  const auto& ys = *s.y;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (!s.shown.contains(xs[i], ys[i]) || !s.visible(i)) continue;
    const QRgb c = s.colourOf(i);
    const QPoint p = s.pixelOf(i);
    stamp(image, p.x(), p.y(), 2, fade ? faded(c, 0.25) : c);
  }
}

void drawHighlight(const Scene& s, QImage& image) {
  const auto& xs = *s.x;
  const auto& ys = *s.y;
  for (int64_t i : *s.highlight) {
    if (i < 0 || size_t(i) >= xs.size() || !s.visible(size_t(i)) || !s.shown.contains(xs[size_t(i)], ys[size_t(i)]))
      continue;
    const QPoint p = s.pixelOf(size_t(i));
    stamp(image, p.x(), p.y(), 4, qRgb(20, 20, 20));  // a dark ring around the point's colour
    stamp(image, p.x(), p.y(), 3, s.colourOf(size_t(i)));
  }
}

// The whole drawing, on a worker thread: binned when more than `limit` points are in view.
QImage drawScene(const Scene& s, int64_t limit, bool& binned) {
  QImage image(s.size, QImage::Format_RGB32);
  image.fill(kBackground);
  binned = false;
  if (!s.x || s.shown.isEmpty()) return image;
  int64_t inView = 0;
  const auto& xs = *s.x;
  const auto& ys = *s.y;
  for (size_t i = 0; i < xs.size(); ++i) inView += s.shown.contains(xs[i], ys[i]) ? 1 : 0;
  binned = inView > limit;
  if (binned)
    drawBinned(s, image);
  else
    drawPoints(s, image);
  if (!s.highlight->empty()) drawHighlight(s, image);
  return image;
}

}  // namespace

MapCanvas::MapCanvas(QWidget* parent) : QWidget(parent), task_(this, [this](Drawing d) { showDrawing(std::move(d)); }) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(200, 200);
  setAttribute(Qt::WA_OpaquePaintEvent);
}

void MapCanvas::setPoints(std::shared_ptr<const std::vector<float>> x, std::shared_ptr<const std::vector<float>> y) {
  x_ = std::move(x);
  y_ = std::move(y);
  if (x_ && y_ && x_->size() != y_->size()) x_.reset(), y_.reset();
  highlight_ = std::make_shared<const std::vector<int64_t>>();
  home_ = QRectF();
  if (x_ && !x_->empty()) {
    const auto [x0, x1] = std::minmax_element(x_->begin(), x_->end());
    const auto [y0, y1] = std::minmax_element(y_->begin(), y_->end());
    home_ = QRectF(QPointF(*x0, *y0), QPointF(*x1, *y1));
    const double w = std::max(home_.width(), 1e-6), h = std::max(home_.height(), 1e-6);
    home_.adjust(-kMargin * w, -kMargin * h, kMargin * w, kMargin * h);
  }
  resetZoom();
}

void MapCanvas::setColours(std::shared_ptr<const MapColours> colours) {
  colours_ = std::move(colours);
  hidden_.clear();
  invalidate();
}

void MapCanvas::setHidden(std::vector<uint8_t> hidden) {
  hidden_ = std::move(hidden);
  invalidate();
}

void MapCanvas::setHighlight(std::vector<int64_t> points) {
  highlight_ = std::make_shared<const std::vector<int64_t>>(std::move(points));
  invalidate();
}

void MapCanvas::resetZoom() {
  shown_ = withAspect(home_, size());
  invalidate();
}

bool MapCanvas::zoomed() const { return shown_ != withAspect(home_, size()); }

void MapCanvas::zoomAbout(QPointF pixel, double factor) {
  if (shown_.isEmpty() || factor <= 0) return;
  const QPointF at = toMap(pixel);
  const double w = shown_.width() / factor, h = shown_.height() / factor;
  // The point under the mouse stays under it.
  const double fx = pixel.x() / std::max(1, width()), fy = pixel.y() / std::max(1, height());
  shown_ = QRectF(at.x() - fx * w, at.y() - fy * h, w, h);
  invalidate();
}

void MapCanvas::panBy(QPointF pixels) {
  if (shown_.isEmpty()) return;
  shown_.translate(-pixels.x() * shown_.width() / std::max(1, width()),
                   -pixels.y() * shown_.height() / std::max(1, height()));
  invalidate();
}

QPointF MapCanvas::toPixel(double x, double y) const {
  if (shown_.isEmpty()) return {};
  return {(x - shown_.left()) / shown_.width() * width(), (y - shown_.top()) / shown_.height() * height()};
}

QPointF MapCanvas::toMap(QPointF pixel) const {
  return {shown_.left() + pixel.x() / std::max(1, width()) * shown_.width(),
          shown_.top() + pixel.y() / std::max(1, height()) * shown_.height()};
}

bool MapCanvas::visible(size_t i) const {
  if (hidden_.empty() || !colours_ || i >= colours_->entry.size()) return true;
  const uint16_t e = colours_->entry[i];
  return e >= hidden_.size() || hidden_[e] == 0;
}

int64_t MapCanvas::pointAt(QPoint pixel) const {
  if (!x_ || shown_.isEmpty()) return -1;
  const double sx = width() / shown_.width(), sy = height() / shown_.height();
  const QPointF m = toMap(pixel);
  int64_t best = -1;
  double bestD = kPickRadius * kPickRadius;
  const auto& xs = *x_;
  const auto& ys = *y_;
  for (size_t i = 0; i < xs.size(); ++i) {
    const double dx = (xs[i] - m.x()) * sx, dy = (ys[i] - m.y()) * sy;
    const double d = dx * dx + dy * dy;
    if (d < bestD && visible(i)) bestD = d, best = static_cast<int64_t>(i);
  }
  return best;
}

void MapCanvas::selectPolygon(const QPolygonF& pixels) {
  if (!x_) return;
  std::vector<MapPoint> polygon;
  for (const QPointF& p : pixels) {
    const QPointF m = toMap(p);
    polygon.push_back({m.x(), m.y()});
  }
  std::vector<int64_t> picked = pointsInPolygon(*x_, *y_, polygon);
  picked.erase(std::remove_if(picked.begin(), picked.end(), [this](int64_t i) { return !visible(size_t(i)); }),
               picked.end());
  emit selectionMade(picked);
}

void MapCanvas::selectBox(QPointF a, QPointF b) {
  if (!x_) return;
  const QPointF ma = toMap(a), mb = toMap(b);
  std::vector<int64_t> picked = pointsInBox(*x_, *y_, {ma.x(), ma.y()}, {mb.x(), mb.y()});
  picked.erase(std::remove_if(picked.begin(), picked.end(), [this](int64_t i) { return !visible(size_t(i)); }),
               picked.end());
  emit selectionMade(picked);
}

// A new drawing of the current state, on a worker; the last one is shown meanwhile.
void MapCanvas::invalidate() {
  const uint64_t generation = ++generation_;
  update();
  if (size().isEmpty()) return;
  Scene scene{x_, y_, colours_, hidden_, highlight_, shown_, size()};
  task_.run([scene = std::move(scene), generation] {
    QElapsedTimer timer;
    timer.start();
    Drawing d;
    d.image = drawScene(scene, kPointLimit, d.binned);
    d.shown = scene.shown;
    d.generation = generation;
    d.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return d;
  });
}

void MapCanvas::showDrawing(Drawing d) {
  if (d.generation < drawing_.generation) return;  // older than the one shown
  drawing_ = std::move(d);
  update();
}

void MapCanvas::paintEvent(QPaintEvent*) {
  QPainter p(this);
  if (drawing_.image.isNull()) {
    p.fillRect(rect(), QColor::fromRgb(kBackground));
  } else if (drawing_.shown == shown_ && drawing_.image.size() == size()) {
    p.drawImage(0, 0, drawing_.image);
  } else {  // a preview: the last drawing moved and scaled to the current view
    p.fillRect(rect(), QColor::fromRgb(kBackground));
    const QRectF& d = drawing_.shown;
    p.drawImage(QRectF(toPixel(d.left(), d.top()), toPixel(d.right(), d.bottom())), drawing_.image);
  }
  if (drag_ == Drag::Lasso && lasso_.size() > 1) {
    p.setPen(QPen(QColor(30, 30, 30), 1.5, Qt::DashLine));
    p.setBrush(QColor(60, 120, 220, 40));
    p.drawPolygon(lasso_);
  } else if (drag_ == Drag::Box && lasso_.size() == 2) {
    p.setPen(QPen(QColor(30, 30, 30), 1.5, Qt::DashLine));
    p.setBrush(QColor(60, 120, 220, 40));
    p.drawRect(QRectF(lasso_[0], lasso_[1]).normalized());
  }
  p.setPen(palette().mid().color());
  p.setBrush(Qt::NoBrush);
  p.drawRect(rect().adjusted(0, 0, -1, -1));
}

void MapCanvas::resizeEvent(QResizeEvent*) {
  shown_ = zoomed() ? withAspect(shown_, size()) : withAspect(home_, size());
  invalidate();
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
  zoomAbout(event->position(), std::pow(1.25, event->angleDelta().y() / 120.0));
  event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
  lastAt_ = event->position();
  lasso_.clear();
  const bool pan = event->button() == Qt::MiddleButton ||
                   (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
  if (pan)
    drag_ = Drag::Pan;
  else if (event->button() == Qt::LeftButton)
    drag_ = (event->modifiers() & Qt::ControlModifier) ? Drag::Box : Drag::Lasso;
  lasso_ << event->position();
  if (drag_ == Drag::Box) lasso_ << event->position();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
  const QPointF at = event->position();
  if (drag_ == Drag::Pan) {
    panBy(at - lastAt_);
  } else if (drag_ == Drag::Lasso) {
    if (QLineF(lasso_.back(), at).length() >= 2) lasso_ << at;
    update();
  } else if (drag_ == Drag::Box) {
    lasso_[1] = at;
    update();
  } else {
    const qint64 hit = pointAt(at.toPoint());
    if (hit != hovered_) emit hovered(hovered_ = hit);
  }
  lastAt_ = at;
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
  const Drag was = drag_;
  drag_ = Drag::None;
  const QRectF extent = lasso_.boundingRect();
  const bool dragged = extent.width() > 4 || extent.height() > 4;
  if (was == Drag::Lasso && dragged && lasso_.size() >= 3)
    selectPolygon(lasso_);
  else if (was == Drag::Box && dragged)
    selectBox(lasso_[0], lasso_[1]);
  else if ((was == Drag::Lasso || was == Drag::Box) && event->button() == Qt::LeftButton) {
    const qint64 hit = pointAt(event->position().toPoint());
    if (hit >= 0) emit clicked(hit);
  }
  lasso_.clear();
  update();
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent*) { resetZoom(); }

void MapCanvas::keyPressEvent(QKeyEvent* event) {
  const QPointF centre(width() / 2.0, height() / 2.0);
  const double step = 0.1 * std::min(width(), height());
  switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAbout(centre, 1.25); break;
    case Qt::Key_Minus: zoomAbout(centre, 0.8); break;
    case Qt::Key_0:
    case Qt::Key_Home: resetZoom(); break;
    case Qt::Key_Left: panBy({step, 0}); break;
    case Qt::Key_Right: panBy({-step, 0}); break;
    case Qt::Key_Up: panBy({0, step}); break;
    case Qt::Key_Down: panBy({0, -step}); break;
    case Qt::Key_Escape: emit selectionMade({}); break;
    default: QWidget::keyPressEvent(event);
  }
}

void MapCanvas::leaveEvent(QEvent*) {
  if (hovered_ >= 0) emit hovered(hovered_ = -1);
}

}  // namespace ps::ui
