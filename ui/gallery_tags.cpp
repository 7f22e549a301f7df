#include "gallery_tags.h"

#include <QInputDialog>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <algorithm>

#include "data/dataset.h"
#include "store/example_tags.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps::ui {

namespace {

// Reads the tags, after applying a change when `examples` is not empty.
TagState readTags(const QString& storePath, const std::shared_ptr<const Dataset>& ds,
                  const std::vector<int64_t>& examples, const std::vector<std::string>& tags, bool on) {
  TagState out;
  try {
    Store store(storePath.toStdString());
    for (const auto& tag : tags)
      if (!examples.empty()) tagExamples(store, *ds, examples, tag, on);
    out.tags = std::make_shared<const TagMap>(loadTags(store, *ds));
  } catch (const std::exception& e) {
    out.error = QString::fromStdString(describeError(e));
  }
  return out;
}

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
    : QObject(parent), parent_(parent), selection_(std::move(selection)), task_(this, [this](TagState s) {
        if (!s.error.isEmpty()) {
          emit failed(s.error);
          return;
        }
        tags_ = s.tags;
        emit changed();
      }) {}

void GalleryTags::setSource(const QString& storePath, std::shared_ptr<const Dataset> dataset) {
  if (storePath == storePath_ && dataset == dataset_) return;
  storePath_ = storePath;
  dataset_ = std::move(dataset);
  tags_ = std::make_shared<TagMap>();
  emit changed();
  if (storePath_.isEmpty() || !dataset_) return;
  task_.run([path = storePath_, ds = dataset_] { return readTags(path, ds, {}, {}, true); });
}

void GalleryTags::write(const std::vector<int64_t>& examples, const std::vector<std::string>& tags, bool on) {
  if (examples.empty() || storePath_.isEmpty() || !dataset_) return;
  task_.run([path = storePath_, ds = dataset_, examples, tags, on] { return readTags(path, ds, examples, tags, on); });
}

void GalleryTags::toggle(const std::vector<int64_t>& examples, const std::string& tag) {
  const bool all = std::all_of(examples.begin(), examples.end(), [&](int64_t e) { return hasTag(*tags_, e, tag); });
  write(examples, {tag}, !all);
}

void GalleryTags::clear(const std::vector<int64_t>& examples) {
  std::vector<std::string> present;
  for (int64_t e : examples) {
    const auto it = tags_->find(e);
    if (it == tags_->end()) continue;
    for (const auto& t : it->second)
      if (std::find(present.begin(), present.end(), t) == present.end()) present.push_back(t);
  }
  write(examples, present, false);
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
    write(picked, {name.toStdString()}, true);
  });
  connect(m.addAction(tr("Remove all tags")), &QAction::triggered, this, [this, picked] { clear(picked); });
  m.exec(list->viewport()->mapToGlobal(at));
}

}  // namespace ps::ui
