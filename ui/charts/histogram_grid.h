#pragma once
// A score's distribution per class as small multiples: one small histogram per class on
// the common binning (the x range shared, each panel's own count scale written in it),
// instead of ten lines overlapping on one chart. Hovering a bar tells its class, range
// and count.
#include <QWidget>

#include "score/score_agreement.h"

namespace ps::ui {

class HistogramGrid : public QWidget {
  Q_OBJECT
 public:
  explicit HistogramGrid(QWidget* parent = nullptr);
  void setHistograms(const ClassHistograms& h, const QString& scoreName);
  int columns() const;
  QRect panelRect(size_t cls) const;
  QString hoverText() const { return hoverText_; }
  QSize minimumSizeHint() const override { return {300, 200}; }

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  QRect barsRect(size_t cls) const;  // the panel less its title and axis labels
  void drawPanel(QPainter& p, size_t cls) const;

  ClassHistograms h_;
  QString scoreName_;
  QString hoverText_;
};

}  // namespace ps::ui
