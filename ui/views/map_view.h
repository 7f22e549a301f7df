#pragma once
// The embedding map: every training example on a plane, laid out from a run's stored
// embedding (embed/embedding_map.h: PCA, then a UMAP-like layout), so that the whole
// dataset is seen at once. Points are coloured by class, by a cached score (deciles), by
// the predicted class, by the mislabel flag, by tag, or by kept/pruned at the gallery's
// policy and kept fraction; the legend's entries hide and show their points. Hovering a
// point shows its thumbnail and numbers; a click opens it in the gallery; a lasso (drag)
// or box (Ctrl+drag) becomes the gallery's selection, and the gallery's selection is
// highlighted here. The map is laid out by a job (mapRequested; the window queues it)
// and cached in the store; the view only reads it, off the GUI thread.
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "base/latest_task.h"
#include "base/score_catalog.h"
#include "charts/map_canvas.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace ps {
class Dataset;
}

namespace ps::ui {

// What the view shows of a map, read off the GUI thread.
struct MapShown {
  std::shared_ptr<const Dataset> dataset;  // read for
  qint64 runId = 0;
  std::shared_ptr<const std::vector<float>> x, y;  // null: no map cached for the run
  qint64 laidOut = 0;
  double seconds = 0;
  QString error;
};
struct MapSourcesShown {
  std::shared_ptr<const Dataset> dataset;
  std::vector<std::pair<qint64, QString>> runs;  // (run id, label), newest first
  QString error;
};
struct MapHover {
  qint64 index = -1;
  QImage thumbnail;
  QString text;
};

class MapView : public QWidget {
  Q_OBJECT
 public:
  // What the colours show, in the order of colourBox().
  enum class ColourBy { Class, Predicted, Mislabelled, Tag, Kept, Score };

  explicit MapView(QWidget* parent = nullptr);
  void setCatalog(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const ScoreCatalog> catalog);
  void setStorePath(const QString& path);
  // The gallery's pruning marks (1 = pruned, per training index) for "kept / pruned".
  void setPruned(std::shared_ptr<const std::vector<uint8_t>> pruned);

  MapCanvas* canvas() const { return canvas_; }
  QComboBox* runBox() const { return run_; }
  QComboBox* colourBox() const { return colour_; }
  QListWidget* legend() const { return legend_; }
  QPushButton* layOutButton() const { return layOut_; }
  QLabel* infoText() const { return info_; }
  QLabel* hoverText() const { return hoverText_; }
  QLabel* selectionLine() const { return selectionLine_; }
  qint64 shownRun() const { return shown_.runId; }
  bool hasMap() const { return static_cast<bool>(shown_.x); }
  bool busy() const { return sources_.busy() || map_.busy() || colours_.busy(); }
  // Reads the runs with an embedding, and the map of the chosen one, again (after a job).
  void reload();
  // Highlights these training examples (the gallery's selection).
  void highlight(const std::vector<int64_t>& examples);

 signals:
  void mapRequested(qint64 runId);  // lay out the chosen run's map (a job)
  void openInGallery(qint64 trainIndex);
  void selectionMade(const std::vector<int64_t>& examples);
  void mapShown();      // a map (or the lack of one) is shown
  void coloursShown();  // the colours asked for are drawn

 private:
  void buildControls();
  void layOutWidgets();
  void connectControls();
  void loadMap();
  void showSources(MapSourcesShown s);
  void showMap(MapShown m);
  void recolour();
  void showColours(std::shared_ptr<const MapColours> c);
  void legendToggled();
  void hover(qint64 index);
  void showHover(const MapHover& h);
  void selected(const std::vector<int64_t>& examples);

  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const ScoreCatalog> catalog_;
  std::shared_ptr<const std::vector<uint8_t>> pruned_;
  QString storePath_;
  MapShown shown_;
  QComboBox *run_, *colour_;
  QPushButton* layOut_;
  MapCanvas* canvas_;
  QListWidget* legend_;
  QLabel *info_, *thumb_, *hoverText_, *selectionLine_;
  bool fillingLegend_ = false;
  LatestTask<MapSourcesShown> sources_;
  LatestTask<MapShown> map_;
  LatestTask<std::shared_ptr<const MapColours>> colours_;
  LatestTask<MapHover> hover_;
};

}  // namespace ps::ui
