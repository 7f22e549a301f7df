// The GUI at ImageNet scale: a generated dataset of 1 281 167 training examples in 1 000
// classes (64x64 RGB images drawn on demand, ImageNet-style file names and synset class
// names) with five scores imported into a store and read back as the window reads them.
// The gallery and the score view are opened offscreen and driven through the event loop
// as a user would: open, scroll the gallery page by page (and to the end), type in the
// class picker and pick classes, drag the kept-fraction slider, switch scores, search the
// per-class table. A 1 ms timer on the GUI thread measures every stall (the longest gap
// between its ticks). Peak resident memory is read from /proc/self/status.
// Then the embedding map's canvas with one point per example: drawn whole, zoomed, panned.
// Reference, in the same run: the same script on a 60 000-example, 10-class dataset
// (Fashion-MNIST's size), printed as ratios; targets: stall <= 50 ms, resident < 2 GB.
// Run: QT_QPA_PLATFORM=offscreen build/bench/bench_gui_scale [--examples N] [--classes C] [--map-only]
#include <time.h>
#include <unistd.h>
#include <QApplication>
#include <QCompleter>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSlider>
#include <QTableView>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <tuple>

#include "base/score_catalog.h"
#include "charts/map_canvas.h"
#include "data/dataset.h"
#include "score/score_engine.h"
#include "store/store.h"
#include "views/class_summary_panel.h"
#include "views/example_list_model.h"
#include "views/gallery_view.h"
#include "views/score_view.h"

namespace {

// Labels in memory (4 bytes an example), pixels drawn from the index when asked for: what
// a folder dataset costs once its files are listed, without 1.28 M files on disk.
class GeneratedDataset : public ps::Dataset {
 public:
  GeneratedDataset(size_t n, int classes) : labels_(n) {
    for (size_t i = 0; i < n; ++i) labels_[i] = static_cast<int>(i % static_cast<size_t>(classes));
    for (int c = 0; c < classes; ++c) {
      char name[64];
      std::snprintf(name, sizeof name, "n%08d class %d", 1440764 + c * 997, c);
      names_.emplace_back(name);
    }
  }
  std::string format() const override { return "folder"; }
  std::string spec() const override { return "generated"; }
  size_t size(ps::Split s) const override { return s == ps::Split::Train ? labels_.size() : 1; }
  int label(ps::Split s, size_t i) const override { return s == ps::Split::Train ? labels_.at(i) : 0; }
  cv::Mat image(ps::Split, size_t i) const override {
    cv::Mat m(64, 64, CV_8UC3);
    const auto c = static_cast<uint8_t>(i * 37), d = static_cast<uint8_t>(i * 91);
    for (int y = 0; y < 64; ++y)
      for (int x = 0; x < 64; ++x) {
        auto* p = m.ptr<uint8_t>(y, x);
        const bool on = ((x / 8) + (y / 8)) % 2 == 0;
        p[0] = on ? c : d;
        p[1] = static_cast<uint8_t>(x * 4);
        p[2] = static_cast<uint8_t>(y * 4);
      }
    return m;
  }
  std::string source(ps::Split, size_t i) const override {
    return "train/" + names_[static_cast<size_t>(labels_.at(i))].substr(0, 9) + "/" + std::to_string(i) + ".JPEG";
  }
  const std::vector<std::string>& classNames() const override { return names_; }
  ps::ImageShape shape() const override { return {64, 64, 3}; }

 protected:
  std::string computeFingerprint() const override {
    return "gen" + std::to_string(labels_.size()) + "c" + std::to_string(names_.size());
  }

 private:
  std::vector<int> labels_;
  std::vector<std::string> names_;
};

// A 1-D float32 .npy.
void writeNpy(const std::string& path, const std::vector<float>& v) {
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + std::to_string(v.size()) + ",), }";
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  const auto len = static_cast<uint16_t>(header.size());
  out.put(static_cast<char>(len & 0xFF));
  out.put(static_cast<char>(len >> 8));
  out << header;
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(float)));
}

// The longest gap between ticks of a 1 ms timer on the GUI thread: the longest stall.
class StallMonitor {
 public:
  StallMonitor() {
    tick_.setTimerType(Qt::PreciseTimer);
    tick_.setInterval(1);
    QObject::connect(&tick_, &QTimer::timeout, [this] {
      const qint64 now = clock_.nsecsElapsed();
      worst_ = std::max(worst_, now - last_);
      last_ = now;
    });
    clock_.start();
    tick_.start();
  }
  void reset() {
    worst_ = 0;
    last_ = clock_.nsecsElapsed();
  }
  double worstMs() const { return static_cast<double>(worst_) / 1e6; }

 private:
  QTimer tick_;
  QElapsedTimer clock_;
  qint64 last_ = 0, worst_ = 0;
};

// Runs `steps` one per `gapMs` through the event loop, then waits until `busy` is false
// (and 100 ms more, for late thumbnails and paints); the longest stall meanwhile.
double drive(StallMonitor& monitor, const std::vector<std::function<void()>>& steps, int gapMs,
             const std::function<bool()>& busy) {
  monitor.reset();
  QEventLoop loop;
  size_t next = 0;
  QElapsedTimer idle;
  QTimer driver;
  driver.setInterval(gapMs);
  QObject::connect(&driver, &QTimer::timeout, [&] {
    if (next < steps.size()) {
      QElapsedTimer step;
      step.start();
      steps[next++]();
      if (std::getenv("BENCH_TRACE") && step.elapsed() > 20)
        std::printf("    (step %zu took %lld ms on the GUI thread)\n", next - 1,
                    static_cast<long long>(step.elapsed()));
      return;
    }
    if (busy()) {
      idle.invalidate();
      return;
    }
    if (!idle.isValid()) idle.start();
    if (idle.elapsed() > 100) loop.quit();
  });
  driver.start();
  loop.exec();
  return monitor.worstMs();
}

std::pair<double, double> residentNow() {  // (now, peak)
  std::ifstream in("/proc/self/status");
  double rss = 0, hwm = 0;
  for (std::string key; in >> key;) {
    if (key == "VmRSS:") in >> rss;
    if (key == "VmHWM:") in >> hwm;
  }
  return {rss / 1024, hwm / 1024};
}

struct Figures {
  double open = 0, scroll = 0, toEnd = 0, typing = 0, classes = 0, slider = 0, scores = 0, table = 0;
  double map = 0, mapDraw = 0;        // the embedding map: longest stall, longest single drawing
  double mapCpu = 0;                  // the GUI thread's CPU time in the map's longest step
  double residentMb = 0, peakMb = 0;  // with the views open, after the script
  double worst() const { return std::max({open, scroll, toEnd, typing, classes, slider, scores, table, map}); }
};

// The embedding map's canvas with one point per example (clusters per class, as a layout
// gives), coloured by class: shown whole (binned), zoomed in 14 wheel steps about a
// cluster (to single points), panned, zoomed back out, a legend entry hidden and shown,
// the gallery's selection (10 000 examples) highlighted and cleared, hovered.
void driveMap(StallMonitor& monitor, const GeneratedDataset& ds, Figures& f) {
  const size_t n = ds.size(ps::Split::Train);
  auto x = std::make_shared<std::vector<float>>(n), y = std::make_shared<std::vector<float>>(n);
  auto colours = std::make_shared<ps::ui::MapColours>();
  colours->entry.resize(n);
  std::mt19937 rng(5);
  std::normal_distribution<float> normal;
  const size_t classes = ds.classNames().size();
  for (size_t c = 0; c < classes; ++c) {
    colours->palette.push_back(QColor::fromHsvF(std::fmod(0.618 * double(c), 1.0), 0.7, 0.85).rgb());
    colours->names.push_back(QString::number(c));
  }
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<size_t>(ds.label(ps::Split::Train, i));
    const float angle = 6.2831853F * float(c) / float(classes), radius = 10.0F + 3.0F * float(c % 7);
    (*x)[i] = radius * std::cos(angle) + normal(rng), (*y)[i] = radius * std::sin(angle) + normal(rng);
    colours->entry[i] = static_cast<uint16_t>(c);
  }
  ps::ui::MapCanvas canvas;
  canvas.resize(1400, 900);
  canvas.show();
  std::vector<std::function<void()>> steps = {[&] { canvas.setPoints(x, y); }, [&] { canvas.setColours(colours); }};
  const QPointF at = canvas.toPixel(10.0, 0.0);
  for (int k = 0; k < 14; ++k) steps.emplace_back([&canvas, at] { canvas.zoomAbout(at, 1.6); });
  for (int k = 0; k < 10; ++k) steps.emplace_back([&canvas] { canvas.panBy({25, 10}); });
  for (int k = 0; k < 14; ++k) steps.emplace_back([&canvas, at] { canvas.zoomAbout(at, 1 / 1.6); });
  std::vector<uint8_t> hidden(classes, 0);
  hidden[0] = 1;
  steps.emplace_back([&canvas, hidden] { canvas.setHidden(hidden); });
  steps.emplace_back([&canvas] { canvas.setHidden({}); });
  std::vector<int64_t> picked;
  for (size_t i = 0; i < n && picked.size() < 10000; i += n / 10000 + 1) picked.push_back(int64_t(i));
  steps.emplace_back([&canvas, picked] { canvas.setHighlight(picked); });
  steps.emplace_back([&canvas] { canvas.setHighlight({}); });
  for (int k = 0; k < 10; ++k) steps.emplace_back([&canvas, k] { (void)canvas.pointAt(QPoint(300 + 40 * k, 400)); });
  double longest = 0, longestCpu = 0;
  for (auto& step : steps)
    step = [step, &canvas, &longest, &longestCpu] {
      timespec a{}, b{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
      step();
      canvas.repaint();  // painted now, inside the step, so that the stall counts it
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
      longest = std::max(longest, canvas.lastDrawMs());  // (drawings run on a worker thread)
      longestCpu = std::max(longestCpu, double(b.tv_sec - a.tv_sec) * 1e3 + double(b.tv_nsec - a.tv_nsec) / 1e6);
    };
  // Then until the drawing of the last step is shown (stale drawings are dropped).
  f.map = drive(monitor, steps, 16, [&canvas, &longest] {
    longest = std::max(longest, canvas.lastDrawMs());
    return !canvas.upToDate();
  });
  f.mapDraw = longest;
  f.mapCpu = longestCpu;
}

std::shared_ptr<const ps::ui::ScoreCatalog> storedScores(const std::shared_ptr<GeneratedDataset>& ds,
                                                         const std::string& dir, int scores) {
  std::filesystem::create_directories(dir);
  ps::Store store(dir + "/store.db");
  std::mt19937 rng(11);
  std::normal_distribution<float> normal;
  const size_t n = ds->size(ps::Split::Train);
  for (int s = 0; s < scores; ++s) {
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = normal(rng) + 0.002f * static_cast<float>(ds->label(ps::Split::Train, i));
    const std::string npy = dir + "/score" + std::to_string(s) + ".npy";
    writeNpy(npy, v);
    (void)ps::importScores(*ds, store, npy, "released_" + std::to_string(s), true);
  }
  return ps::ui::loadScoreCatalog(*ds, store);
}

// NOLINTNEXTLINE(readability-function-size): the script, one phase after the other
Figures runScript(size_t n, int classes, int scores, const std::string& dir, bool print) {
  auto ds = std::make_shared<GeneratedDataset>(n, classes);
  QElapsedTimer t;
  t.start();
  auto catalog = storedScores(ds, dir, scores);
  if (print)
    std::printf("  %d scores imported and read back as the window does: %.1f s\n", scores,
                static_cast<double>(t.elapsed()) / 1000);
  StallMonitor monitor;
  ps::ui::GalleryView gallery;
  ps::ui::ScoreView view;
  gallery.resize(1400, 900);
  view.resize(1400, 900);
  gallery.show();
  auto galleryBusy = [&] { return gallery.busy(); };
  auto viewBusy = [&] {
    return view.histogramBusy() || view.agreementBusy() || view.densityBusy() || view.classSummary()->busy();
  };
  Figures f;
  f.open = drive(monitor, {[&] { gallery.setCatalog(ds, catalog); }}, 5, galleryBusy);
  QListView* list = gallery.hardestList();
  std::vector<std::function<void()>> steps;
  for (int i = 0; i < 60; ++i)
    steps.emplace_back([list] { list->verticalScrollBar()->setValue(list->verticalScrollBar()->value() + 120); });
  f.scroll = drive(monitor, steps, 16, galleryBusy);  // a wheel at 60 Hz
  steps.clear();
  for (int i = 0; i < 40; ++i)
    steps.emplace_back([list] { list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum()); });
  f.toEnd = drive(monitor, steps, 16, galleryBusy);  // dragging the bar to the end fetches more rows
  steps.clear();
  const QString typed = QString::fromStdString(ds->classNames()[static_cast<size_t>(classes / 2)]).left(9);
  for (int k = 1; k <= typed.size(); ++k)
    steps.emplace_back([&gallery, part = typed.left(k)] {
      gallery.classBox()->lineEdit()->setText(part);
      gallery.classBox()->completer()->setCompletionPrefix(part);
      gallery.classBox()->completer()->complete();
    });
  f.typing = drive(monitor, steps, 80, galleryBusy);
  gallery.classBox()->completer()->popup()->hide();
  steps.clear();
  for (int c = 1; c <= 10; ++c)
    steps.emplace_back([&gallery, c, classes] { gallery.classBox()->setCurrentIndex(1 + (c * 97) % classes); });
  steps.emplace_back([&gallery] { gallery.classBox()->setCurrentIndex(0); });
  f.classes = drive(monitor, steps, 100, galleryBusy);
  steps.clear();
  for (int v = 99; v >= 30; v -= 3) steps.emplace_back([&gallery, v] { gallery.keepSlider()->setValue(v); });
  f.slider = drive(monitor, steps, 16, galleryBusy);
  gallery.hide();
  view.show();
  steps = {[&] { view.setCatalog(ds, catalog); }};
  for (int s = 1; s < scores; ++s) steps.emplace_back([&view, s] { view.scoreBox()->setCurrentIndex(s); });
  f.scores = drive(monitor, steps, 200, viewBusy);
  ps::ui::ClassSummaryPanel* table = view.classSummary();
  steps = {[table] { table->searchField()->setText(QStringLiteral("class 4")); },
           [table] { table->table()->selectRow(3); },
           [table] { table->searchField()->clear(); },
           [table] { table->keepBox()->setValue(0.5); },
           [table] { table->table()->sortByColumn(3, Qt::AscendingOrder); },
           [table] { table->table()->selectRow(0); }};
  f.table = drive(monitor, steps, 100, viewBusy);
  view.hide();
  driveMap(monitor, *ds, f);
  std::tie(f.residentMb, f.peakMb) = residentNow();
  if (print) {
    const int64_t rows = gallery.hardestModel()->rowCount();
    std::printf("  (gallery rows fetched by the scroll: %lld; per-class table: %d rows, shown: %s)\n",
                static_cast<long long>(rows), table->table()->model()->rowCount(), view.showsSummary() ? "yes" : "no");
  }
  return f;
}

}  // namespace

// With BENCH_TRACE set: every event that keeps the GUI thread over 20 ms, by receiver.
class TracingApplication : public QApplication {
 public:
  using QApplication::QApplication;
  bool notify(QObject* receiver, QEvent* event) override {
    if (!trace_) return QApplication::notify(receiver, event);
    QElapsedTimer t;
    t.start();
    const int type = event->type();
    const bool done = QApplication::notify(receiver, event);
    if (t.elapsed() > 20)
      std::printf("    (event %d to %s '%s': %lld ms)\n", type, receiver->metaObject()->className(),
                  qPrintable(receiver->objectName()), static_cast<long long>(t.elapsed()));
    return done;
  }

 private:
  bool trace_ = std::getenv("BENCH_TRACE") != nullptr;
};

int main(int argc, char** argv) {
  TracingApplication app(argc, argv);
  size_t n = 1281167;
  int classes = 1000, scores = 5;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--examples") n = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--classes") classes = std::stoi(argv[i + 1]);
  }
  if (argc > 1 && std::string(argv[argc - 1]) == "--map-only") {  // the embedding map's phase alone
    Figures big, ref;
    StallMonitor monitor;
    driveMap(monitor, GeneratedDataset(n, classes), big);
    driveMap(monitor, GeneratedDataset(60000, 10), ref);
    std::printf(
        "embedding map at %zu points (%d classes): longest stall %.1f ms, longest drawing (worker) %.1f ms, longest "
        "step's GUI-thread CPU time %.1f ms; at 60000 points: %.1f ms, %.1f ms, %.1f ms (target: stall at "
        "most 50 ms)\n",
        n, classes, big.map, big.mapDraw, big.mapCpu, ref.map, ref.mapDraw, ref.mapCpu);
    return 0;
  }
  const std::string dir = std::filesystem::temp_directory_path() / ("bench_gui_scale_" + std::to_string(getpid()));
  std::printf("GUI at %zu examples, %d classes, %d stored scores (offscreen)\n", n, classes, scores);
  const Figures big = runScript(n, classes, scores, dir + "/big", true);
  std::printf("reference: the same script at 60000 examples, 10 classes\n");
  const Figures ref = runScript(60000, 10, scores, dir + "/ref", true);
  std::filesystem::remove_all(dir);
  std::printf("longest GUI-thread stall per phase (ms)       %10s %10s %8s\n", "at scale", "reference", "ratio");
  auto line = [](const char* what, double a, double b) {
    std::printf("  %-44s %10.1f %10.1f %8.2f\n", what, a, b, b > 0 ? a / b : 0.0);
  };
  line("open: show a score (order, pruning marks)", big.open, ref.open);
  line("scroll the gallery, 60 wheel steps", big.scroll, ref.scroll);
  line("drag its scroll bar to the end (fetch more)", big.toEnd, ref.toEnd);
  line("type a class name in the picker", big.typing, ref.typing);
  line("filter by 10 classes, then all", big.classes, ref.classes);
  line("drag the kept-fraction slider (24 values)", big.slider, ref.slider);
  line("score view: open, switch between 5 scores", big.scores, ref.scores);
  line("per-class table: search, pick, re-prune, sort", big.table, ref.table);
  line("embedding map: draw, zoom in/out, pan, legend, highlight", big.map, ref.map);
  line("  its longest drawing of the points (worker)", big.mapDraw, ref.mapDraw);
  line("  its longest step's GUI-thread CPU time", big.mapCpu, ref.mapCpu);
  std::printf("longest stall of all: %.1f ms at scale (target: at most 50 ms), %.1f ms at reference (%.2f x)\n",
              big.worst(), ref.worst(), big.worst() / std::max(1e-9, ref.worst()));
  std::printf(
      "resident memory with the views open at scale: %.0f MB (peak %.0f MB, the score import included; "
      "target: under 2048 MB); reference: %.0f MB\n",
      big.residentMb, big.peakMb, ref.residentMb);
  return 0;
}
