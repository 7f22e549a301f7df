#pragma once
// A scatter of two scores drawn as a density image: the points binned into cells (in
// core, off the GUI thread) and each cell coloured by how many it holds (log scale), so a
// million points draw as fast as a hundred. Hovering tells the cell's count and the
// nearest example; clicking opens that example.
#include <QImage>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "score/score_density.h"

namespace ps::ui {

struct DensityData {
  QString xName, yName;
  std::vector<int64_t> indices;  // training index of each point
  std::vector<float> x, y;
  DensityGrid grid;
};

class DensityPlot : public QWidget {
  Q_OBJECT
 public:
  explicit DensityPlot(QWidget* parent = nullptr);
  void setData(DensityData data);
  const DensityData& data() const { return data_; }
  QRect plotRect() const;
  QPoint positionOf(double x, double y) const;  // where data coordinates are drawn
  QString hoverText() const { return hoverText_; }
  QSize minimumSizeHint() const override { return {240, 180}; }

 signals:
  void exampleClicked(int64_t trainIndex);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  QPointF dataAt(const QPoint& pos) const;
  long pointNear(const QPoint& pos) const;  // index into data_, or -1
  void drawAxes(QPainter& p, const QRect& plot) const;

  DensityData data_;
  QImage image_;  // one pixel per cell
  QString hoverText_;
};

}  // namespace ps::ui
