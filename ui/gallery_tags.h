#pragma once
// Tags on the gallery's examples (store/example_tags.h): read and written off the GUI
// thread, set on the selection with keys (M mislabelled, A ambiguous, K keep, X exclude)
// or a list's context menu (those four, a tag of one's own, or removing them all).
#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "latest_task.h"

class QListView;

namespace ps {
class Dataset;
}

namespace ps::ui {

using TagMap = std::map<int64_t, std::vector<std::string>>;

struct TagState {
  std::shared_ptr<const TagMap> tags;
  QString error;
};

class GalleryTags : public QObject {
  Q_OBJECT
 public:
  // `selection` gives the training indices the user selected.
  GalleryTags(QWidget* parent, std::function<std::vector<int64_t>()> selection);

  // The store and dataset the tags belong to; read again when either changes.
  void setSource(const QString& storePath, std::shared_ptr<const Dataset> dataset);
  // Keys and the context menu on `list`.
  void attach(QListView* list);
  std::shared_ptr<const TagMap> tags() const { return tags_; }
  bool busy() const { return task_.busy(); }
  // `tag` on `examples`: removed where every one carries it, added otherwise.
  void toggle(const std::vector<int64_t>& examples, const std::string& tag);
  void clear(const std::vector<int64_t>& examples);

 signals:
  void changed();
  void failed(const QString& reason);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void write(const std::vector<int64_t>& examples, const std::vector<std::string>& tags, bool on);
  void menu(QListView* list, const QPoint& at);

  QWidget* parent_;
  std::function<std::vector<int64_t>()> selection_;
  QString storePath_;
  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const TagMap> tags_ = std::make_shared<TagMap>();
  LatestTask<TagState> task_;
};

// The tags of one example, joined ("exclude, keep"); empty when none.
QString tagText(const TagMap& tags, int64_t example);
bool hasTag(const TagMap& tags, int64_t example, const std::string& tag);

}  // namespace ps::ui
