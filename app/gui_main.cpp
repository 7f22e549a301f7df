#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTimer>

#include "job_panel.h"
#include "main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "PruneScope: a workbench for data pruning"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("dataset"),
                               QApplication::translate("main", "Dataset to open (a path or fashion-mnist)"));
  QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "Store file to use"),
                        QStringLiteral("file"));
  QCommandLineOption shot(QStringLiteral("screenshot"),
                          QApplication::translate("main", "Save a screenshot once the dataset is open, then quit"),
                          QStringLiteral("png"));
  QCommandLineOption delay(QStringLiteral("screenshot-delay"),
                           QApplication::translate("main", "Milliseconds between opening and the screenshot"),
                           QStringLiteral("ms"), QStringLiteral("300"));
  QCommandLineOption startScoring(QStringLiteral("start-scoring"),
                                  QApplication::translate("main", "Start a scoring run with the form's settings once the dataset is open"));
  QCommandLineOption view(QStringLiteral("view"), QApplication::translate("main", "View to show first: dataset, gallery or theory"),
                          QStringLiteral("name"), QStringLiteral("dataset"));
  parser.addOption(view);
  parser.addOption(db);
  parser.addOption(shot);
  parser.addOption(delay);
  parser.addOption(startScoring);
  parser.process(app);

  ps::ui::MainWindow window;
  if (parser.isSet(db)) window.setStorePath(parser.value(db));
  if (parser.value(view) == QStringLiteral("gallery")) window.views()->setCurrentIndex(1);
  if (parser.value(view) == QStringLiteral("theory")) window.views()->setCurrentIndex(2);
  window.show();
  const QStringList args = parser.positionalArguments();
  if (parser.isSet(startScoring))
    QObject::connect(&window, &ps::ui::MainWindow::datasetOpened, &window, [&window] { window.jobPanel()->startJob(); });
  if (!args.isEmpty()) window.openDataset(args.first());
  if (parser.isSet(shot)) {
    const QString file = parser.value(shot);
    const int wait = parser.value(delay).toInt();
    auto grab = [&window, file] {
      window.grab().save(file);
      QApplication::quit();
    };
    QObject::connect(&window, &ps::ui::MainWindow::datasetOpened, &window, [grab, wait] { QTimer::singleShot(wait, grab); });
    QObject::connect(&window, &ps::ui::MainWindow::datasetFailed, &window, [grab, wait] { QTimer::singleShot(wait, grab); });
    if (args.isEmpty()) QTimer::singleShot(500, grab);
  }
  return app.exec();
}
