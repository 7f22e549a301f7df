#pragma once
// The fixture the workbench's view suites share: a 600-example Fashion-MNIST subset on
// disk, a store holding two imported scores ("first", a permutation of the examples, and
// "second", which agrees with it but for noise; higher = harder), and a shown main window
// on them. A suite's class derives from it and calls setUp from its initTestCase.
#include <QCoreApplication>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtGlobal>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "data/dataset_opener.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "support/gui_thread_sql.h"
#include "support/open_window.h"
#include "support/test_data.h"
#include "window/main_window.h"

namespace pstest {

class ViewsFixture {
 protected:
  QTemporaryDir tmp_;
  QString dir_, db_;
  std::vector<float> first_, second_;  // the two imported scores (higher = harder)

  // Settings and store of the suite's own (named `application`), the dataset, the scores.
  void setUp(const char* application) {
    GuiThreadSql::install();  // before the first connection
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("PruneScopeTest");
    QCoreApplication::setApplicationName(application);
    QSettings().clear();
    qputenv("PRUNESCOPE_DB", tmp_.filePath("default.sqlite").toUtf8());  // never the user's own store
    dir_ = tmp_.filePath("views_ds");
    writeIdxDataset(dir_.toStdString(), fashionSamples(600), fashionSamples(200, true), false);
    db_ = tmp_.filePath("views.sqlite");
    std::string a = "score\n", b = "score\n";
    for (int i = 0; i < 600; ++i) {
      first_.push_back(static_cast<float>((i * 37) % 600));
      second_.push_back(first_.back() + static_cast<float>((i * 11) % 97));
      a += std::to_string(first_.back()) + "\n";
      b += std::to_string(second_.back()) + "\n";
    }
    writeText(tmp_.filePath("a.csv").toStdString(), a);
    writeText(tmp_.filePath("b.csv").toStdString(), b);
    auto ds = ps::openDataset(dir_.toStdString());
    ps::Store store(db_.toStdString());
    ps::importScores(*ds, store, tmp_.filePath("a.csv").toStdString(), "first", true);
    ps::importScores(*ds, store, tmp_.filePath("b.csv").toStdString(), "second", true);
  }

  // A window on the test dataset and store, opened and refreshed.
  std::unique_ptr<ps::ui::MainWindow> openWindow() const {
    auto w = openWindowOn(db_, dir_);
    if (!w) qFatal("the test dataset did not open");
    return w;
  }

  static std::vector<std::string> lines(const QString& path) {
    std::ifstream in(path.toStdString());
    std::vector<std::string> out;
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
  }

  static QPushButton* exportButton(QWidget* view) {
    for (auto* b : view->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Export…")) return b;
    return nullptr;
  }
};

}  // namespace pstest
