#pragma once
// The embedding map's drawing surface: every example a point, drawn into one QImage (no
// item per point), so that 1.28 M points stay fluid:
//   - zoomed out (more than kPointLimit points in view) the points are binned per pixel:
//     a pixel's colour is the mean of its points' colours, darker where more points fall;
//   - zoomed in, each point is a small disc.
// The image is drawn on a worker thread (latest wins: a drawing asked for while one runs
// replaces any waiting one) whenever the view, the size, the colours or the highlight
// change; meanwhile a paint shows the last finished drawing moved and scaled to the current
// view (a preview), so that zooming and panning never wait for a drawing. A paint only
// copies an image. Interaction, as in the other charts where it can be:
//   wheel            zoom about the mouse          +, -       zoom about the centre
//   drag             lasso selection               Ctrl+drag  box selection
//   Shift+drag, middle drag: pan                   arrows     pan
//   0, Home, double-click: back to the whole map   Esc        clear the selection
//   hover a point: hovered; click it: clicked
// What a lasso or box picks is decided by core (embed/map_selection.h) on the map's
// coordinates.
#include <QElapsedTimer>
#include <QImage>
#include <QPolygonF>
#include <QWidget>
#include <memory>
#include <vector>

#include "base/latest_task.h"

namespace ps::ui {

// Colours of the points: a palette entry per point, and the legend's names.
struct MapColours {
  std::vector<uint16_t> entry;  // per point
  std::vector<QRgb> palette;
  std::vector<QString> names;  // per palette entry (a ramp: its bins, named by value)
  bool ramp = false;           // a continuous value in bins (a score), not categories
};

class MapCanvas : public QWidget {
  Q_OBJECT
 public:
  static constexpr int64_t kPointLimit = 150000;

  explicit MapCanvas(QWidget* parent = nullptr);
  // The points (the view shares them); the zoom goes back to the whole map.
  void setPoints(std::shared_ptr<const std::vector<float>> x, std::shared_ptr<const std::vector<float>> y);
  void setColours(std::shared_ptr<const MapColours> colours);
  // Palette entries hidden (1) from the legend; hidden points are neither drawn nor picked.
  void setHidden(std::vector<uint8_t> hidden);
  // Points drawn over the others (the gallery's selection), the rest faded; empty: none.
  void setHighlight(std::vector<int64_t> points);
  const std::vector<int64_t>& highlight() const { return *highlight_; }
  int64_t pointCount() const { return x_ ? static_cast<int64_t>(x_->size()) : 0; }
  const std::shared_ptr<const std::vector<float>>& xValues() const { return x_; }
  const std::shared_ptr<const std::vector<float>>& yValues() const { return y_; }

  void resetZoom();
  void zoomAbout(QPointF pixel, double factor);  // factor > 1 zooms in
  void panBy(QPointF pixels);
  bool zoomed() const;
  // The point under `pixel` (within a few pixels, not hidden), or -1.
  int64_t pointAt(QPoint pixel) const;
  QPointF toPixel(double x, double y) const;
  QPointF toMap(QPointF pixel) const;
  // Selects the points inside `pixels` (a lasso drawn on the widget) as a drag would.
  void selectPolygon(const QPolygonF& pixels);
  void selectBox(QPointF a, QPointF b);

  // Of the last finished drawing: whether it binned the points (zoomed out) and how long it
  // took on its worker thread.
  bool binned() const { return drawing_.binned; }
  double lastDrawMs() const { return drawing_.ms; }
  // Whether the last finished drawing is of the current view, size, colours and highlight
  // (false while a drawing runs or waits).
  bool upToDate() const { return drawing_.generation == generation_ && !drawing_.image.isNull(); }
  QImage image() const { return drawing_.image; }  // the last finished drawing

 signals:
  void hovered(qint64 index);  // -1: left the point
  void clicked(qint64 index);
  void selectionMade(const std::vector<int64_t>& points);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  // The last finished drawing, with what it shows.
  struct Drawing {
    QImage image;
    QRectF shown;  // map coordinates
    bool binned = false;
    double ms = 0;
    uint64_t generation = 0;
  };
  bool visible(size_t i) const;
  void invalidate();
  void showDrawing(Drawing d);

  std::shared_ptr<const std::vector<float>> x_, y_;
  std::shared_ptr<const MapColours> colours_;
  std::vector<uint8_t> hidden_;
  std::shared_ptr<const std::vector<int64_t>> highlight_ = std::make_shared<const std::vector<int64_t>>();
  QRectF home_, shown_;  // map coordinates: the whole map, and what the view shows
  Drawing drawing_;
  uint64_t generation_ = 1;  // of the view, size, colours and highlight; a drawing carries its own
  LatestTask<Drawing> task_;
  enum class Drag { None, Lasso, Box, Pan } drag_ = Drag::None;
  QPolygonF lasso_;
  QPointF lastAt_;
  qint64 hovered_ = -1;
};

}  // namespace ps::ui
