#include "window/startup.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QLibraryInfo>
#include <QLocale>
#include <QSlider>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

#include "base/ui_wording.h"
#include "job/job.h"
#include "jobs/job_estimate.h"
#include "jobs/job_panel.h"
#include "prune/prune_settings.h"
#include "util/errors.h"
#include "util/file_io.h"
#include "views/example_list_model.h"
#include "views/frontier_view.h"
#include "views/gallery_view.h"
#include "views/runs_panel.h"
#include "window/main_window.h"
#include "window/settings_dialog.h"

namespace ps::ui {

namespace {
std::string joinedScores(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}
}  // namespace

void installTranslations() {
  const QString chosen = SettingsDialog::savedLanguage();
  const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
  static QTranslator qtTranslator, appTranslator;  // live as long as the application
  // Qt's own strings (OK, Cancel, the file dialogs): Qt's catalogue where Qt is installed,
  // else the copy built into the program (ui/CMakeLists.txt).
  if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                        QLibraryInfo::path(QLibraryInfo::TranslationsPath)) ||
      qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&qtTranslator);
  if (appTranslator.load(locale, QStringLiteral("prunescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&appTranslator);
}

StartupOptions::StartupOptions()
    : db_(QStringLiteral("db"),
          QApplication::translate("main", "Store file for this launch (File › Settings sets the default store)"),
          QStringLiteral("file")),
      shot_(QStringLiteral("screenshot"),
            QApplication::translate("main", "Save a screenshot once the dataset is open, then quit"),
            QStringLiteral("png")),
      delay_(QStringLiteral("screenshot-delay"),
             QApplication::translate("main", "Milliseconds between opening and the screenshot"), QStringLiteral("ms"),
             QStringLiteral("300")),
      startScoring_(
          QStringLiteral("start-scoring"),
          QApplication::translate("main",
                                  "Start a scoring run with the form's settings once the dataset is open (said "
                                  "on stderr with its estimated time; a job over ten minutes is asked about)")),
      view_(QStringLiteral("view"),
            QApplication::translate(
                "main", "View to show first: dataset, gallery, scores, frontier, scaling, fairness or theory"),
            QStringLiteral("name"), QStringLiteral("dataset")),
      audit_(QStringLiteral("audit-point"),
             QApplication::translate(
                 "main", "Once the dataset is open, audit point N of the frontier study shown (as a click on it does)"),
             QStringLiteral("N")),
      example_(QStringLiteral("show-example"),
               QApplication::translate(
                   "main",
                   "Once the dataset is open, show training example N (or the hardest) in the gallery's detail pane"),
               QStringLiteral("N")),
      keep_(QStringLiteral("gallery-keep"),
            QApplication::translate("main", "Kept fraction f in (0, 1] the gallery's slider starts at"),
            QStringLiteral("f")),
      filter_(QStringLiteral("gallery-filter"),
              QApplication::translate("main", "Examples the gallery shows: all, disagrees or mislabelled"),
              QStringLiteral("which")),
      showRun_(QStringLiteral("show-run"),
               QApplication::translate(
                   "main", "Once the dataset is open, select run N in the runs panel (its detail and training curves)"),
               QStringLiteral("N")),
      jobsForm_(
          QStringLiteral("jobs-form"),
          QApplication::translate("main", "Form the Jobs panel shows first: 1 (scoring), 2 (frontier), 3 (scaling)"),
          QStringLiteral("n")) {
  parser_.setApplicationDescription(QApplication::translate("main", "PruneScope: a workbench for data pruning"));
  parser_.addHelpOption();
  parser_.addVersionOption();
  parser_.addPositionalArgument(QStringLiteral("dataset"),
                                QApplication::translate("main", "Dataset to open (a path or fashion-mnist)"));
  for (const auto* o :
       {&view_, &db_, &shot_, &delay_, &startScoring_, &audit_, &example_, &keep_, &filter_, &showRun_, &jobsForm_})
    parser_.addOption(*o);
}

bool StartupOptions::answersWithoutWindow(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const QString a = QString::fromLocal8Bit(argv[i]);  // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    if (a == QLatin1String("--")) return false;         // what follows is a dataset
    if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("--help-all") ||
        a == QLatin1String("-v") || a == QLatin1String("--version"))
      return true;
  }
  return false;
}

double StartupOptions::galleryKeep(const QString& text) {
  bool ok = false;
  const double f = text.trimmed().toDouble(&ok);
  if (!ok || !setting::keep.contains(f))
    throw ConfigError("--gallery-keep " + text.toStdString() + ": expected a kept fraction in " +
                      setting::keep.rangeText() + ", such as 0.3");
  return f;
}

void StartupOptions::process(const QCoreApplication& app) {
  parser_.process(app);
  if (!parser_.isSet(keep_)) return;
  try {
    galleryKeep(parser_.value(keep_));
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName().toLower()), e.what());
    std::exit(1);  // NOLINT(concurrency-mt-unsafe): before any thread starts, as the parser exits on an unknown option
  }
}

void StartupOptions::apply(MainWindow& window) {
  // A scripted run never waits on a message box: errors go to the status bar (and stderr).
  if (parser_.isSet(shot_)) window.setQuietErrors(true);
  // A one-off store: the one chosen in Settings stays the default of later launches.
  if (parser_.isSet(db_)) window.setStorePath(parser_.value(db_), MainWindow::StoreChoice::ThisLaunch);
  window.showView(parser_.value(view_));
  if (parser_.isSet(jobsForm_)) window.jobPanel()->forms()->setCurrentIndex(parser_.value(jobsForm_).toInt() - 1);
  if (parser_.isSet(shot_)) window.resize(1500, 920);  // screenshots have one size, whatever was saved
  window.show();
  QObject::connect(&window, &MainWindow::datasetOpened, &window, [this, &window] { onDatasetOpened(window); });
  const QStringList args = parser_.positionalArguments();
  if (!args.isEmpty())
    window.openDataset(args.first());
  else if (!parser_.isSet(shot_) && !parser_.isSet(view_))
    window.restoreSession();  // started plainly: back where the user left
  if (parser_.isSet(shot_)) scheduleScreenshot(window);
}

void StartupOptions::onDatasetOpened(MainWindow& window) {
  if (parser_.isSet(startScoring_)) startScoring(window);
  if (parser_.isSet(keep_))  // the slider counts hundredths
    window.galleryView()->keepSlider()->setValue(
        static_cast<int>(std::lround(galleryKeep(parser_.value(keep_)) * 100)));
  if (parser_.isSet(filter_)) {
    const QStringList filters = {QStringLiteral("all"), QStringLiteral("disagrees"), QStringLiteral("mislabelled")};
    window.galleryView()->filterBox()->setCurrentIndex(
        std::max(0, static_cast<int>(filters.indexOf(parser_.value(filter_)))));
  }
  if (parser_.isSet(example_)) {
    auto* g = window.galleryView();
    QObject::connect(  // once the gallery has ordered the examples (off the GUI thread)
        g, &GalleryView::orderUpdated, g,
        [g, which = parser_.value(example_)] {
          const bool hardest = which == QStringLiteral("hardest") && g->hardestModel()->rowCount() > 0;
          g->showDetail(hardest ? g->hardestModel()->index(0).data(ExampleListModel::IndexRole).toLongLong()
                                : which.toLongLong());
        },
        Qt::SingleShotConnection);
  }
  if (parser_.isSet(showRun_)) window.runsPanel()->selectRun(parser_.value(showRun_).toLongLong());
  if (parser_.isSet(audit_)) {  // once the frontier study is read (off the GUI thread)
    auto* f = window.frontierView();
    const auto point = static_cast<size_t>(parser_.value(audit_).toULongLong());
    auto audit = [f, point] {
      if (point < f->result().points.size()) f->requestAudit(point);
    };
    if (f->result().runId > 0)
      audit();
    else
      QObject::connect(f, &StudyRunView::runShown, f, audit, Qt::SingleShotConnection);
  }
}

void StartupOptions::startScoring(MainWindow& window) {
  // The form's settings, said on stderr first with the time they take; the start waits
  // (a few seconds at most) for the estimate, so a long job is asked about as a click on
  // Start would be.
  JobPanel* panel = window.jobPanel();
  panel->forms()->setCurrentIndex(0);
  auto* wait = new QTimer(&window);
  auto tries = std::make_shared<int>(0);
  QObject::connect(wait, &QTimer::timeout, &window, [panel, wait, tries] {
    panel->estimate()->refresh();
    const double seconds = panel->estimate()->seconds();
    if (seconds < 0 && ++*tries < 100) return;
    wait->stop();
    wait->deleteLater();
    try {
      const ScoreConfig c = panel->formConfig();
      const QString when =
          seconds < 0 ? QObject::tr("time not estimated") : QObject::tr("about %1").arg(durationWord(seconds));
      std::fprintf(stderr, "prunescope: --start-scoring: %s: %s (%s)\n",
                   qPrintable(QString::fromStdString(joinedScores(c.scores))), qPrintable(panel->scoringWorkText(c)),
                   qPrintable(when));
    } catch (const std::exception&) {  // invalid settings: startJob reports them
    }
    panel->startJob();
  });
  wait->start(100);
}

void StartupOptions::scheduleScreenshot(MainWindow& window) {
  const QString file = parser_.value(shot_);
  const int wait = parser_.value(delay_).toInt();
  // The window as it is (an error shown in it included), written atomically; the exit
  // status says whether the scripted run did what it was asked.
  auto grab = [&window, file](const QString& failure) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QString error = failure;
    if (!window.grab().save(&buffer, "PNG")) {
      error = file + QStringLiteral(": ") + QObject::tr("the window could not be encoded as PNG");
    } else {
      try {
        writeFileAtomically(file.toStdString(), std::string(png.constData(), static_cast<size_t>(png.size())));
      } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
      }
    }
    if (!error.isEmpty()) std::fprintf(stderr, "prunescope: %s\n", qPrintable(error));
    QApplication::exit(error.isEmpty() ? 0 : 1);
  };
  QObject::connect(&window, &MainWindow::datasetOpened, &window,
                   [grab, wait] { QTimer::singleShot(wait, [grab] { grab(QString()); }); });
  QObject::connect(&window, &MainWindow::datasetFailed, &window,
                   [grab, wait](const QString& reason) { QTimer::singleShot(wait, [grab, reason] { grab(reason); }); });
  if (parser_.positionalArguments().isEmpty()) QTimer::singleShot(std::max(500, wait), [grab] { grab(QString()); });
}

}  // namespace ps::ui
