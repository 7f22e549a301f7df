#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <QSlider>

#include "example_list_model.h"
#include "frontier_view.h"
#include "gallery_view.h"
#include "job_panel.h"
#include "main_window.h"
#include "runs_panel.h"
#include "settings_dialog.h"
#include "study/frontier_study.h"
#include "util/version.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationName(QStringLiteral("PruneScope"));
  QApplication::setApplicationVersion(QString::fromLatin1(ps::kVersion));
  QApplication::setDesktopFileName(QStringLiteral("prunescope"));

  // The language: the one chosen in Settings, else the system's.
  const QString chosen = ps::ui::SettingsDialog::savedLanguage();
  const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
  QTranslator qtTranslator, appTranslator;
  if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(&qtTranslator);
  if (appTranslator.load(locale, QStringLiteral("prunescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&appTranslator);

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
  QCommandLineOption startScoring(
      QStringLiteral("start-scoring"),
      QApplication::translate("main", "Start a scoring run with the form's settings once the dataset is open"));
  QCommandLineOption view(
      QStringLiteral("view"),
      QApplication::translate("main",
                              "View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory"),
      QStringLiteral("name"), QStringLiteral("dataset"));
  QCommandLineOption audit(
      QStringLiteral("audit-point"),
      QApplication::translate(
          "main", "Once the dataset is open, audit point N of the frontier study shown (as a click on it does)"),
      QStringLiteral("N"));
  QCommandLineOption example(
      QStringLiteral("show-example"),
      QApplication::translate(
          "main", "Once the dataset is open, show training example N (or the hardest) in the gallery's detail pane"),
      QStringLiteral("N"));
  QCommandLineOption keep(QStringLiteral("gallery-keep"),
                          QApplication::translate("main", "Kept fraction (percent) the gallery's slider starts at"),
                          QStringLiteral("percent"));
  QCommandLineOption showRun(
      QStringLiteral("show-run"),
      QApplication::translate(
          "main", "Once the dataset is open, select run N in the runs panel (its detail and training curves)"),
      QStringLiteral("N"));
  for (const auto* o : {&view, &db, &shot, &delay, &startScoring, &audit, &example, &keep, &showRun})
    parser.addOption(*o);
  parser.process(app);

  ps::ui::MainWindow window;
  if (parser.isSet(db)) window.setStorePath(parser.value(db));
  window.showView(parser.value(view));
  if (parser.isSet(shot)) window.resize(1500, 920);  // screenshots have one size, whatever was saved
  window.show();
  const QStringList args = parser.positionalArguments();
  QObject::connect(&window, &ps::ui::MainWindow::datasetOpened, &window, [&] {
    if (parser.isSet(startScoring)) window.jobPanel()->startJob();
    if (parser.isSet(keep)) window.galleryView()->keepSlider()->setValue(parser.value(keep).toInt());
    if (parser.isSet(example)) {
      auto* g = window.galleryView();
      QObject::connect(  // once the gallery has ordered the examples (off the GUI thread)
          g, &ps::ui::GalleryView::orderUpdated, g,
          [g, which = parser.value(example)] {
            const bool hardest = which == QStringLiteral("hardest") && g->hardestModel()->rowCount() > 0;
            g->showDetail(hardest ? g->hardestModel()->index(0).data(ps::ui::ExampleListModel::IndexRole).toLongLong()
                                  : which.toLongLong());
          },
          Qt::SingleShotConnection);
    }
    if (parser.isSet(showRun)) window.runsPanel()->selectRun(parser.value(showRun).toLongLong());
    const auto point = static_cast<size_t>(parser.value(audit).toULongLong());
    if (parser.isSet(audit) && point < window.frontierView()->result().points.size())
      window.frontierView()->requestAudit(point);
  });
  if (!args.isEmpty()) window.openDataset(args.first());
  if (parser.isSet(shot)) {
    const QString file = parser.value(shot);
    const int wait = parser.value(delay).toInt();
    auto grab = [&window, file] {
      window.grab().save(file);
      QApplication::quit();
    };
    QObject::connect(&window, &ps::ui::MainWindow::datasetOpened, &window,
                     [grab, wait] { QTimer::singleShot(wait, grab); });
    QObject::connect(&window, &ps::ui::MainWindow::datasetFailed, &window,
                     [grab, wait] { QTimer::singleShot(wait, grab); });
    if (args.isEmpty()) QTimer::singleShot(std::max(500, wait), grab);
  }
  return app.exec();
}
