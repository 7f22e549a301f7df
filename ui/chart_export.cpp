#include "chart_export.h"

#include <QBuffer>
#include <QChartView>
#include <QFileDialog>
#include <QPainter>
#include <QPushButton>
#include <QSvgGenerator>

#include "util/file_io.h"

namespace ps::ui {

namespace {

// The view drawn as SVG or PNG into `bytes`.
bool renderPicture(QWidget* view, bool svg, QByteArray* bytes) {
  const QSize size = view->size().isValid() && view->width() > 100 ? view->size() : QSize(960, 600);
  if (view->size() != size) view->resize(size);
  QBuffer buffer(bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!svg) return view->grab().save(&buffer, "PNG");
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(size);
  generator.setViewBox(QRect(QPoint(0, 0), size));
  auto* chartView = qobject_cast<QChartView*>(view);
  generator.setTitle(chartView && chartView->chart() ? chartView->chart()->title() : view->windowTitle());
  QPainter painter;
  if (!painter.begin(&generator)) return false;
  view->render(&painter);
  painter.end();
  return true;
}

}  // namespace

bool saveChart(QWidget* view, const QString& path, const CsvWriter& csv, QString* error) {
  auto fail = [&](const QString& why) {
    if (error) *error = path + QStringLiteral(": ") + why;
    return false;
  };
  const QString lower = path.toLower();
  if (lower.endsWith(QStringLiteral(".csv"))) {
    if (!csv) return fail(QObject::tr("this chart has no data to export yet"));
    try {
      csv(path.toStdString());
    } catch (const std::exception& e) {
      if (error) *error = QString::fromStdString(e.what());
      return false;
    }
    return true;
  }
  if (!lower.endsWith(QStringLiteral(".svg")) && !lower.endsWith(QStringLiteral(".png")))
    return fail(QObject::tr("unknown file type; expected .png, .svg or .csv"));
  // Rendered in memory, then written by core's atomic writer: a failed write leaves the
  // previous file as it was.
  QByteArray bytes;
  if (!renderPicture(view, lower.endsWith(QStringLiteral(".svg")), &bytes))
    return fail(QObject::tr("cannot draw the picture"));
  try {
    writeFileAtomically(path.toStdString(), std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  return true;
}

QPushButton* makeExportButton(QWidget* parent, QWidget* view, CsvWriter csv,
                              std::function<void(const QString&)> failed) {
  auto* button = new QPushButton(QObject::tr("Export…"), parent);
  button->setToolTip(QObject::tr("Save the chart as PNG or SVG, or its data as CSV"));
  QObject::connect(button, &QPushButton::clicked, parent,
                   [parent, view, csv = std::move(csv), failed = std::move(failed)] {
                     QString filter;
                     const QString path = QFileDialog::getSaveFileName(
                         parent, QObject::tr("Export the chart"), QString(),
                         QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)"), &filter);
                     if (path.isEmpty()) return;
                     QString target = path;
                     if (!target.contains(QLatin1Char('.')))
                       target += filter.contains(QStringLiteral("svg"))   ? QStringLiteral(".svg")
                                 : filter.contains(QStringLiteral("csv")) ? QStringLiteral(".csv")
                                                                          : QStringLiteral(".png");
                     QString error;
                     if (!saveChart(view, target, csv, &error) && failed) failed(error);
                   });
  return button;
}

}  // namespace ps::ui
