#include <QApplication>
#include <QCoreApplication>

#include "util/version.h"
#include "window/main_window.h"
#include "window/startup.h"

namespace {
void nameApplication() {
  QCoreApplication::setOrganizationName(QStringLiteral("PruneScope"));
  QCoreApplication::setApplicationName(QStringLiteral("PruneScope"));
  QCoreApplication::setApplicationVersion(QString::fromLatin1(ps::kVersion));
}
}  // namespace

int main(int argc, char** argv) {
  // --help and --version print and exit before any window system is needed (a terminal
  // without a display, a cluster node).
  if (ps::ui::StartupOptions::answersWithoutWindow(argc, argv)) {
    QCoreApplication app(argc, argv);
    nameApplication();
    ps::ui::installTranslations();
    ps::ui::StartupOptions options;
    options.process(app);  // prints and exits
    return 0;
  }
  QApplication app(argc, argv);
  nameApplication();
  QApplication::setDesktopFileName(QStringLiteral("prunescope"));
  ps::ui::installTranslations();
  ps::ui::StartupOptions options;
  options.process(app);
  ps::ui::MainWindow window;
  options.apply(window);
  return app.exec();
}
