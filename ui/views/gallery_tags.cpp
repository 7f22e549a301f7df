#include "views/gallery_tags.h"

#include <QInputDialog>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QtConcurrent>
#include <algorithm>

#include "base/worker_pool.h"
#include "data/dataset.h"
#include "store/example_tags.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

namespace {

// Applies `change` to the store (when given), then reads every tag of the dataset.
TagState readTags(const QString& storePath, const std::shared_ptr<const Dataset>& ds,
                  const std::function<void(Store&)>& change) {
  TagState out;
  try {
    Store store(storePath.toStdString());
    if (change) change(store);
    out.tags = std::make_shared<const TagMap>(loadTags(store, *ds));
  } catch (const std::exception& e) {
    out.error = QString::fromStdString(describeError(e));
  }
  return out;
}

// One change on the undo stack: the tags its examples had before and after. Pushed once
// the change is in the store, so its first redo does nothing.
class TagChange : public QUndoCommand {
 public:
  TagChange(GalleryTags* tags, TagMap before, TagMap after, const QString& what)
      : QUndoCommand(what), tags_(tags), before_(std::move(before)), after_(std::move(after)) {}
  void undo() override { tags_->restore(before_); }
  void redo() override {
    if (!first_) tags_->restore(after_);
    first_ = false;
  }

 private:
  GalleryTags* tags_;
  TagMap before_, after_;
  bool first_ = true;
};

}  // namespace

QString tagText(const TagMap& tags, int64_t example) {
  const auto it = tags.find(example);
  if (it == tags.end()) return {};
  QStringList names;
  for (const auto& t : it->second) names << QString::fromStdString(t);
  return names.join(QStringLiteral(", "));
}

bool hasTag(const TagMap& tags, int64_t example, const std::string& tag) {
  const auto it = tags.find(example);
  return it != tags.end() && std::find(it->second.begin(), it->second.end(), tag) != it->second.end();
}

GalleryTags::GalleryTags(QWidget* parent, std::function<std::vector<int64_t>()> selection)
    : QObject(parent), parent_(parent), selection_(std::move(selection)), undo_(new QUndoStack(this)) {
  connect(&watcher_, &QFutureWatcher<TagState>::finished, this, &GalleryTags::finished);
}

GalleryTags::~GalleryTags() { watcher_.waitForFinished(); }

void GalleryTags::setSource(const QString& storePath, std::shared_ptr<const Dataset> dataset) {
  if (storePath == storePath_ && dataset == dataset_) return;
  storePath_ = storePath;
  dataset_ = std::move(dataset);
  ++generation_;
  pending_.clear();  // writes asked for the other source are dropped with it
  undo_->clear();
  deferred_ = 0;
  tags_ = std::make_shared<TagMap>();
  emit changed();
  reload();
}

void GalleryTags::reload() {
  if (storePath_.isEmpty() || !dataset_) return;
  // Any task still waiting reads the tags when it ends: no read of its own needed.
  if (!pending_.empty()) return;
  enqueue([path = storePath_, ds = dataset_] { return readTags(path, ds, {}); });
}

void GalleryTags::enqueue(std::function<TagState()> work) {
  pending_.push_back({generation_, std::move(work)});
  if (!running_) startNext();
}

void GalleryTags::startNext() {
  if (pending_.empty()) return;
  Task task = std::move(pending_.front());
  pending_.pop_front();
  running_ = true;
  runningGeneration_ = task.generation;
  watcher_.setFuture(QtConcurrent::run(workerPool(), std::move(task.work)));
}

void GalleryTags::finished() {
  running_ = false;
  TagState s = watcher_.result();
  const bool current = runningGeneration_ == generation_;
  startNext();
  if (!current) return;  // read or written for the dataset shown before
  if (!s.error.isEmpty()) {
    emit failed(s.error);
    return;
  }
  tags_ = s.tags;
  if (s.userChange && s.before != s.after)
    undo_->push(new TagChange(this, std::move(s.before), std::move(s.after), s.what));
  emit changed();
  if (!busy() && deferred_ != 0) {  // one at a time: each waits for the one before
    const bool isUndo = deferred_ > 0;
    deferred_ += isUndo ? -1 : 1;
    if (isUndo)
      undo_->undo();
    else
      undo_->redo();
  }
}

void GalleryTags::undo() {
  if (busy())
    ++deferred_;
  else
    undo_->undo();
}

void GalleryTags::redo() {
  if (busy())
    --deferred_;
  else
    undo_->redo();
}

void GalleryTags::write(const std::vector<int64_t>& examples, const std::vector<std::string>& tags, bool on,
                        const QString& what) {
  if (examples.empty() || storePath_.isEmpty() || !dataset_) return;
  enqueue([path = storePath_, ds = dataset_, examples, tags, on, what] {
    TagMap before, after;
    TagState s = readTags(path, ds, [&](Store& store) {
      before = tagsOf(store, *ds, examples);
      for (const auto& tag : tags) tagExamples(store, *ds, examples, tag, on);
      after = tagsOf(store, *ds, examples);
    });
    s.userChange = true;
    s.before = std::move(before);
    s.after = std::move(after);
    s.what = what;
    return s;
  });
}

void GalleryTags::restore(const TagMap& exact) {
  if (storePath_.isEmpty() || !dataset_) return;
  enqueue([path = storePath_, ds = dataset_, exact] {
    return readTags(path, ds, [&](Store& store) { setExactTags(store, *ds, exact); });
  });
}

void GalleryTags::toggle(const std::vector<int64_t>& examples, const std::string& tag) {
  const bool all = std::all_of(examples.begin(), examples.end(), [&](int64_t e) { return hasTag(*tags_, e, tag); });
  const auto n = static_cast<int>(examples.size());
  write(examples, {tag}, !all,
        all ? tr("untag %n example(s) as %1", nullptr, n).arg(QString::fromStdString(tag))
            : tr("tag %n example(s) as %1", nullptr, n).arg(QString::fromStdString(tag)));
}

void GalleryTags::add(const std::vector<int64_t>& examples, const std::string& tag) {
  write(examples, {tag}, true,
        tr("tag %n example(s) as %1", nullptr, static_cast<int>(examples.size())).arg(QString::fromStdString(tag)));
}

void GalleryTags::clear(const std::vector<int64_t>& examples) {
  std::vector<std::string> present;
  for (int64_t e : examples) {
    const auto it = tags_->find(e);
    if (it == tags_->end()) continue;
    for (const auto& t : it->second)
      if (std::find(present.begin(), present.end(), t) == present.end()) present.push_back(t);
  }
  write(examples, present, false, tr("remove the tags of %n example(s)", nullptr, static_cast<int>(examples.size())));
}

void GalleryTags::attach(QListView* list) {
  list->installEventFilter(this);
  list->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(list, &QListView::customContextMenuRequested, this, [this, list](const QPoint& at) { menu(list, at); });
}

bool GalleryTags::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    static const std::map<int, const char*> keys = {
        {Qt::Key_M, "mislabelled"}, {Qt::Key_A, "ambiguous"}, {Qt::Key_K, "keep"}, {Qt::Key_X, kExcludeTag}};
    const auto it = keys.find(key->key());
    if (it != keys.end() && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
      toggle(selection_(), it->second);
      return true;
    }
    // Where the view's Undo/Redo shortcuts did not take the key first.
    if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)) {
      if (key->matches(QKeySequence::Undo))
        undo();
      else
        redo();
      return true;
    }
  }
  return QObject::eventFilter(watched, event);
}

void GalleryTags::menu(QListView* list, const QPoint& at) {
  const std::vector<int64_t> picked = selection_();
  if (picked.empty()) return;
  QMenu m(parent_);
  const QStringList shortcuts = {QStringLiteral("M"), QStringLiteral("A"), QStringLiteral("K"), QStringLiteral("X")};
  for (size_t k = 0; k < builtinTags().size(); ++k) {
    const std::string tag = builtinTags()[k];
    QAction* a = m.addAction(tr("Tag as %1\t%2").arg(QString::fromStdString(tag), shortcuts[static_cast<int>(k)]));
    a->setCheckable(true);
    a->setChecked(std::all_of(picked.begin(), picked.end(), [&](int64_t e) { return hasTag(*tags_, e, tag); }));
    connect(a, &QAction::triggered, this, [this, picked, tag] { toggle(picked, tag); });
  }
  m.addSeparator();
  connect(m.addAction(tr("Other tag…")), &QAction::triggered, this, [this, picked] {
    bool ok = false;
    const QString name =
        QInputDialog::getText(parent_, tr("Tag the selected examples"), tr("Tag (letters, digits, '-', '_' or '.'):"),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok || name.isEmpty()) return;
    try {
      checkTagName(name.toStdString());
    } catch (const ConfigError& e) {
      emit failed(QString::fromStdString(e.what()));
      return;
    }
    write(picked, {name.toStdString()}, true,
          tr("tag %n example(s) as %1", nullptr, static_cast<int>(picked.size())).arg(name));
  });
  connect(m.addAction(tr("Remove all tags")), &QAction::triggered, this, [this, picked] { clear(picked); });
  if (undo_->canUndo()) {
    m.addSeparator();
    connect(m.addAction(tr("Undo: %1\tCtrl+Z").arg(undo_->undoText())), &QAction::triggered, this, &GalleryTags::undo);
  }
  m.exec(list->viewport()->mapToGlobal(at));
}

}  // namespace ps::ui
