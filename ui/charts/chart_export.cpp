#include "charts/chart_export.h"

#include <QBuffer>
#include <QChartView>
#include <QFileDialog>
#include <QImage>
#include <QInputDialog>
#include <QMainWindow>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "util/file_io.h"

namespace ps::ui {

namespace {

constexpr int kScreenDpi = 96;

// The view drawn as SVG, or as PNG at `dpi`, into `bytes`.
bool renderPicture(QWidget* view, bool svg, int dpi, QByteArray* bytes) {
  const QSize size = view->size().isValid() && view->width() > 100 ? view->size() : QSize(960, 600);
  if (view->size() != size) view->resize(size);
  QBuffer buffer(bytes);
  buffer.open(QIODevice::WriteOnly);
  if (!svg) {
    const double scale = std::clamp(dpi, 24, 1200) / static_cast<double>(kScreenDpi);
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    image.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    image.setDotsPerMeterY(image.dotsPerMeterX());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    view->render(&painter);
    painter.end();
    return image.save(&buffer, "PNG");
  }
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

bool saveChart(QWidget* view, const QString& path, const CsvWriter& csv, QString* error, int dpi) {
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
  if (!renderPicture(view, lower.endsWith(QStringLiteral(".svg")), dpi, &bytes))
    return fail(QObject::tr("cannot draw the picture"));
  try {
    writeFileAtomically(path.toStdString(), std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  return true;
}

namespace {

// The file to export to, with the extension of the chosen type when none was typed, and
// for a PNG the resolution; empty when the user cancels.
QString askExportTarget(QWidget* parent, int* dpi) {
  QString filter;
  QString target =
      QFileDialog::getSaveFileName(parent, QObject::tr("Export the chart"), QString(),
                                   QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;CSV data (*.csv)"), &filter);
  if (target.isEmpty()) return {};
  if (!target.contains(QLatin1Char('.')))
    target += filter.contains(QStringLiteral("svg"))   ? QStringLiteral(".svg")
              : filter.contains(QStringLiteral("csv")) ? QStringLiteral(".csv")
                                                       : QStringLiteral(".png");
  *dpi = kScreenDpi;
  if (!target.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) return target;
  const QStringList choices = {QObject::tr("screen (96 dpi)"), QObject::tr("print (150 dpi)"),
                               QObject::tr("publication (300 dpi)")};
  bool ok = false;
  const QString choice = QInputDialog::getItem(parent, QObject::tr("Export the chart"), QObject::tr("Resolution:"),
                                               choices, 0, false, &ok);
  if (!ok) return {};
  *dpi = choice == choices[2] ? 300 : choice == choices[1] ? 150 : kScreenDpi;
  return target;
}

}  // namespace

QPushButton* makeExportButton(QWidget* parent, QWidget* view, CsvWriter csv,
                              std::function<void(const QString&)> failed) {
  auto* button = new QPushButton(QObject::tr("Export…"), parent);
  button->setToolTip(QObject::tr("Save the chart as PNG (at a chosen resolution) or SVG, or its data as CSV"));
  QObject::connect(button, &QPushButton::clicked, parent,
                   [parent, view, csv = std::move(csv), failed = std::move(failed)] {
                     int dpi = kScreenDpi;
                     const QString target = askExportTarget(parent, &dpi);
                     if (target.isEmpty()) return;
                     QString error;
                     if (saveChart(view, target, csv, &error, dpi))
                       confirmInStatusBar(parent, QObject::tr("Saved %1").arg(target));
                     else if (failed)
                       failed(error);
                   });
  return button;
}

void confirmInStatusBar(QWidget* widget, const QString& message) {
  if (auto* window = qobject_cast<QMainWindow*>(widget->window())) window->statusBar()->showMessage(message, 8000);
}

}  // namespace ps::ui
