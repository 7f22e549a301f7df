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
bool saveChart(QWidget* view, const QString& path, const CsvWriter& csv, QString* error);

// An "Export…" button that asks for a file (PNG, SVG or CSV) and calls saveChart;
// `failed` gets the reason when it cannot write.
QPushButton* makeExportButton(QWidget* parent, QWidget* view, CsvWriter csv,
                              std::function<void(const QString&)> failed);

}  // namespace ps::ui
