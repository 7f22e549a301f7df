#pragma once
// What the application does before and right after its window shows: the language
// (chosen in Settings, else the system's) and the command-line options that open a
// dataset, pick the first view, start a job or select an item, and take a screenshot.
#include <QCommandLineOption>
#include <QCommandLineParser>

class QCoreApplication;

namespace ps::ui {

class MainWindow;

// Installs the application's and Qt's translations for the chosen language.
void installTranslations();

class StartupOptions {
 public:
  StartupOptions();
  // Whether the arguments ask only for the help or the version: main() then answers them
  // with a QCoreApplication, so they work without a display.
  static bool answersWithoutWindow(int argc, const char* const* argv);
  // Parses the arguments (exits for --help, --version and unknown options, and with the
  // reason for a value it refuses).
  void process(const QCoreApplication& app);
  // --gallery-keep's value: a kept fraction in (0, 1], as everywhere else; ConfigError
  // naming the value otherwise (a percent such as 30 included).
  static double galleryKeep(const QString& text);
  // Applies them to the window: store, first view, dataset, and what follows its opening.
  void apply(MainWindow& window);

 private:
  void onDatasetOpened(MainWindow& window);
  void startScoring(MainWindow& window);
  void scheduleScreenshot(MainWindow& window);

  QCommandLineParser parser_;
  QCommandLineOption db_, shot_, delay_, startScoring_, view_, audit_, example_, keep_, filter_, showRun_, jobsForm_;
};

}  // namespace ps::ui
