#include "chart_style.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QChart>
#include <QLegendMarker>

namespace ps::ui {

QColor paletteColour(size_t i) {
  static const QColor palette[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                   QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x7f7f7f),
                                   QColor(0xbcbd22), QColor(0x17becf)};
  return palette[i % (sizeof palette / sizeof palette[0])];
}

QColor policyColour(const std::string& policy) {
  if (policy == "hard") return paletteColour(3);
  if (policy == "easy") return paletteColour(0);
  if (policy == "random") return paletteColour(7);
  if (policy == "ccs") return paletteColour(2);
  return QColor(Qt::darkMagenta);
}

void addToChart(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y, bool inLegend) {
  chart->addSeries(series);
  series->attachAxis(x);
  series->attachAxis(y);
  if (!inLegend)
    for (QLegendMarker* m : chart->legend()->markers(series)) m->setVisible(false);
}

}  // namespace ps::ui
