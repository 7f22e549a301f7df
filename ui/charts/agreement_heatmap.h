#pragma once
// The agreement of the scores shown as one matrix: a cell per pair, coloured by
// Spearman's rank correlation (blue −1 … white 0 … red +1) or by top-k overlap (white 0 …
// red 1), the number written in it. Cells shrink to fit the room, but never below a
// readable size (its number and a row's label whole): past that the heatmap asks for
// more room (minimumSizeHint) and the score view scrolls it. Hovering a cell tells both
// numbers, clicking it picks the pair.
#include <QWidget>

#include "score/score_agreement.h"

namespace ps::ui {

class AgreementHeatmap : public QWidget {
  Q_OBJECT
 public:
  enum class Measure { Spearman, TopK };
  explicit AgreementHeatmap(QWidget* parent = nullptr);
  void setAgreement(const ScoreAgreement& agreement);
  void setMeasure(Measure measure);
  Measure measure() const { return measure_; }
  QString cellText(int row, int column) const;  // the number shown in a cell ("0.93", "–")
  QRect cellRect(int row, int column) const;
  QString hoverText() const { return hoverText_; }
  QSize minimumSizeHint() const override;
  QSize sizeHint() const override { return minimumSizeHint(); }
  QSize minimumCellSize() const;  // the smallest readable cell: its number, and a row label's line

 signals:
  void pairChosen(int row, int column);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  double value(int row, int column) const;
  int labelWidth() const;
  QSize cellSize() const;
  QPoint cellAt(const QPoint& pos) const;  // (-1, -1) outside the matrix

  ScoreAgreement agreement_;
  Measure measure_ = Measure::Spearman;
  QString hoverText_;
};

}  // namespace ps::ui
