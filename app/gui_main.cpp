#include <QApplication>

#include "main_window.h"
#include "startup.h"
#include "util/version.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationVersion(QString::fromLatin1(ps::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("prunescope"));
  ps::ui::installTranslations();
  ps::ui::StartupOptions options;
  options.process(app);
  ps::ui::MainWindow window;
  options.apply(window);
  return app.exec();
}
