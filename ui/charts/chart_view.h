#pragma once
// The view every chart is shown in, made to be explored rather than looked at:
//   wheel            zoom about the mouse          +, -       zoom about the centre
//   drag             zoom to the box drawn         arrows     pan
//   Shift+drag, middle drag: pan                   0, Home, double-click: back to the whole chart
//   click a legend entry: hide or show its series (with the series grouped with it)
//   hover a point: its exact numbers; click it: pointClicked
// Series opt out of hovering with the property "ps_nohover" (error bars, fitted lines);
// series sharing the property "ps_group" are hidden and shown together from the legend.
#include <QChartView>
#include <QPoint>
#include <QString>
#include <QVariant>
#include <functional>
#include <vector>

class QRubberBand;
class QXYSeries;

namespace ps::ui {

class ChartView : public QChartView {
  Q_OBJECT
 public:
  explicit ChartView(QWidget* parent = nullptr);

  // Shows `chart` (the view takes it) and deletes the one shown before; remembers the
  // axes' ranges for resetZoom and makes the legend entries toggle their series (again,
  // after series were added, when called with the chart already shown).
  void showChart(QChart* chart);

  // The text shown for point `index` of `series`; empty (the default) shows the
  // series' name and the point's coordinates.
  using PointText = std::function<QString(const QXYSeries* series, int index)>;
  void setPointText(PointText text) { pointText_ = std::move(text); }

  void resetZoom();
  bool zoomed() const;                              // an axis range differs from the chart's own
  QString hoverText() const { return hoverText_; }  // what the tooltip shows now, or empty

  // The line for a view's information text: how to explore the chart.
  static QString navigationHint();

 signals:
  void pointClicked(const QXYSeries* series, int index);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;
  bool viewportEvent(QEvent* event) override;

 private:
  struct Hit {
    QXYSeries* series = nullptr;
    int index = -1;
  };
  Hit pointAt(const QPoint& pos) const;  // the nearest hoverable point within a few pixels
  void showHover(const QPoint& pos);
  void zoomAbout(const QPointF& centre, double factor);
  void pan(double dx, double dy);
  void toggleSeries(QAbstractSeries* series);
  void connectLegend();

  PointText pointText_;
  QString hoverText_;
  QRubberBand* band_ = nullptr;
  QPoint pressAt_;
  QPoint lastAt_;
  enum class Drag { None, Pending, Box, Pan } drag_ = Drag::None;
  std::vector<std::pair<QVariant, QVariant>> homeRanges_;  // per axis of the chart, in order
};

}  // namespace ps::ui
