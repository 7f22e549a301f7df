#pragma once
// Tags on the gallery's examples (store/example_tags.h): read and written off the GUI
// thread, set on the selection with keys (M mislabelled, A ambiguous, K keep, X exclude)
// or a list's context menu (those four, a tag of one's own, or removing them all).
// Writes run one after another in the order asked (none is dropped); each change the user
// makes goes on an undo stack (Ctrl+Z, Ctrl+Shift+Z) that restores exactly the tags the
// store held for those examples before it, a "keep" an "exclude" took off included.
#include <QObject>
#include <QString>
#include <QUndoStack>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <QFutureWatcher>

class QListView;

namespace ps {
class Dataset;
}

namespace ps::ui {

using TagMap = std::map<int64_t, std::vector<std::string>>;

struct TagState {
  std::shared_ptr<const TagMap> tags;
  QString error;
  // A change the user made: the tags of its examples before and after (for the undo stack).
  bool userChange = false;
  TagMap before, after;
  QString what;
};

class GalleryTags : public QObject {
  Q_OBJECT
 public:
  // `selection` gives the training indices the user selected.
  GalleryTags(QWidget* parent, std::function<std::vector<int64_t>()> selection);
  ~GalleryTags() override;

  // The store and dataset the tags belong to; read again when either changes (the undo
  // stack is cleared then: its changes belong to the other dataset).
  void setSource(const QString& storePath, std::shared_ptr<const Dataset> dataset);
  // Reads the tags again (another process may have changed them).
  void reload();
  // Keys and the context menu on `list`.
  void attach(QListView* list);
  std::shared_ptr<const TagMap> tags() const { return tags_; }
  bool busy() const { return running_ || !pending_.empty(); }
  QUndoStack* undoStack() const { return undo_; }
  // `tag` on `examples`: removed where every one carries it, added otherwise.
  void toggle(const std::vector<int64_t>& examples, const std::string& tag);
  void clear(const std::vector<int64_t>& examples);
  // `tag` added on `examples` (those carrying it already keep it), as one undoable change.
  void add(const std::vector<int64_t>& examples, const std::string& tag);
  // Gives the examples exactly these tags (what an undo or redo does).
  void restore(const TagMap& exact);
  // Undo / redo the last change, once the writes asked for before it are done (a change
  // still being written is on the stack only then).
  void undo();
  void redo();

 signals:
  void changed();
  void failed(const QString& reason);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void write(const std::vector<int64_t>& examples, const std::vector<std::string>& tags, bool on, const QString& what);
  void enqueue(std::function<TagState()> work);
  void startNext();
  void finished();
  void menu(QListView* list, const QPoint& at);

  QWidget* parent_;
  std::function<std::vector<int64_t>()> selection_;
  QString storePath_;
  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const TagMap> tags_ = std::make_shared<TagMap>();
  QUndoStack* undo_;
  // One write at a time, in order; `generation_` tells results of an older source apart.
  struct Task {
    int generation = 0;
    std::function<TagState()> work;
  };
  std::deque<Task> pending_;
  QFutureWatcher<TagState> watcher_;
  bool running_ = false;
  int generation_ = 0, runningGeneration_ = 0;
  int deferred_ = 0;  // undos (< 0: redos) asked for while writes were pending
};

// The tags of one example, joined ("exclude, keep"); empty when none.
QString tagText(const TagMap& tags, int64_t example);
bool hasTag(const TagMap& tags, int64_t example, const std::string& tag);

}  // namespace ps::ui
