#pragma once
// Every chart's export: the picture as PNG or SVG (by the file's extension) and its data
// as CSV, written by the core writer of whatever the chart shows.
#include <QString>
#include <functional>
#include <string>

class QChartView;
class QPushButton;
class QWidget;

namespace ps::ui {

using CsvWriter = std::function<void(const std::string& path)>;

// Writes `path`: .png or .svg renders the view, .csv calls `csv`. False with `error`
// naming the file and the problem when it cannot (unknown extension, unwritable file,
// nothing shown yet).
bool saveChart(QChartView* view, const QString& path, const CsvWriter& csv, QString* error);

// An "Export…" button that asks for a file (PNG, SVG or CSV) and calls saveChart;
// `failed` gets the reason when it cannot write.
QPushButton* makeExportButton(QWidget* parent, QChartView* view, CsvWriter csv,
                              std::function<void(const QString&)> failed);

}  // namespace ps::ui
