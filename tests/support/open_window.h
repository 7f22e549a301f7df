#pragma once
// The main window as the GUI suites open it: quiet errors, the suite's store, shown, and
// the dataset opened (the open runs off the GUI thread; this waits for it, up to 30 s).
#include <QSignalSpy>
#include <QSize>
#include <QString>
#include <memory>

#include "window/main_window.h"

namespace pstest {

// nullptr when the dataset did not open in time. `size`, when valid, is set before showing.
inline std::unique_ptr<ps::ui::MainWindow> openWindowOn(const QString& store, const QString& dataset, QSize size = {}) {
  auto w = std::make_unique<ps::ui::MainWindow>();
  w->setQuietErrors(true);
  w->setStorePath(store);
  if (size.isValid()) w->resize(size);
  w->show();
  QSignalSpy opened(w.get(), &ps::ui::MainWindow::datasetOpened);
  w->openDataset(dataset);
  if (!opened.wait(30000)) return nullptr;
  return w;
}

}  // namespace pstest
