#pragma once
// Every chart's export: the picture as PNG or SVG (by the file's extension) and its data
// as CSV, written by the core writer of whatever the chart shows.
#include <QString>
#include <functional>
#include <string>

class QPushButton;
class QWidget;

namespace ps::ui {

using CsvWriter = std::function<void(const std::string& path)>;

// Writes `path`: .png or .svg renders the view (a chart view or any widget), .csv calls `csv`. False with `error`
// naming the file and the problem when it cannot (unknown extension, unwritable file,
// nothing shown yet).
// A PNG is drawn at `dpi` (96: the screen's pixels; 300: three times as many each way,
// for print), its resolution recorded in the file.
bool saveChart(QWidget* view, const QString& path, const CsvWriter& csv, QString* error, int dpi = 96);

// An "Export…" button that asks for a file (PNG, SVG or CSV) — and for a PNG, its
// resolution — and calls saveChart;
// `failed` gets the reason when it cannot write.
QPushButton* makeExportButton(QWidget* parent, QWidget* view, CsvWriter csv,
                              std::function<void(const QString&)> failed);

// Says `message` in the status bar of `widget`'s main window (a confirmation with the
// path, after an export or a copy).
void confirmInStatusBar(QWidget* widget, const QString& message);

}  // namespace ps::ui
