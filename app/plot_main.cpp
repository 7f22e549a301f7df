// prunescope-plot: renders a study's JSON (as written by prunescope-cli) to PNG or SVG
// with Qt Charts; runs offscreen (QT_QPA_PLATFORM=offscreen) on machines without a display.
#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QPainter>
#include <cstdio>

#include "charts/chart_export.h"
#include "charts/frontier_chart.h"
#include "study/frontier_study.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QCommandLineParser parser;
  parser.setApplicationDescription("Render a PruneScope frontier study (JSON) to PNG or SVG");
  parser.addHelpOption();
  parser.addPositionalArgument("json", "frontier JSON written by prunescope-cli frontier");
  QCommandLineOption out("out", "File to write: .png or .svg (the chart) or .csv (its points)", "file");
  QCommandLineOption title("title", "Chart title", "text", "Test error against kept fraction");
  parser.addOption(out);
  parser.addOption(title);
  parser.process(app);
  if (parser.positionalArguments().size() != 1 || !parser.isSet(out)) parser.showHelp(2);
  try {
    const auto result = ps::readFrontierJson(parser.positionalArguments().first().toStdString());
    QChartView view(ps::ui::makeFrontierChart(result, parser.value(title)));
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(960, 600);
    const QString file = parser.value(out);
    QString error;
    if (!ps::ui::saveChart(
            &view, file, [&result](const std::string& p) { ps::writeFrontierCsv(result, p); }, &error)) {
      std::fprintf(stderr, "prunescope-plot: error: %s\n", qPrintable(error));
      return 1;
    }
    std::printf("wrote %s\n", qPrintable(file));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "prunescope-plot: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
