#include "base/class_picker.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QStandardItemModel>
#include <QTimer>

namespace ps::ui {

ClassPicker::ClassPicker(QWidget* parent) : QComboBox(parent) {
  setEditable(true);
  setInsertPolicy(QComboBox::NoInsert);
  setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  setMinimumContentsLength(18);
  setMaxVisibleItems(20);
  lineEdit()->setPlaceholderText(tr("type a name or id"));
  setToolTip(tr("Type part of a class's name or its id to list the classes that match"));
  auto* completer = new QCompleter(model(), this);
  completer->setCompletionRole(kSearchRole);
  completer->setFilterMode(Qt::MatchContains);
  completer->setCaseSensitivity(Qt::CaseInsensitive);
  completer->setCompletionMode(QCompleter::PopupCompletion);
  completer->setMaxVisibleItems(15);
  setCompleter(completer);
  // A thousand rows of one height: the lists size them once, not row by row.
  for (QAbstractItemView* list : {view(), completer->popup()})
    if (auto* l = qobject_cast<QListView*>(list)) l->setUniformItemSizes(true);
  // Ours sees Enter before the completer's: Enter with nothing highlighted picks the first match.
  completer->popup()->installEventFilter(this);
  connect(lineEdit(), &QLineEdit::returnPressed, this, &ClassPicker::pickTyped);
}

void ClassPicker::setClasses(const std::vector<std::string>& names, const QString& first) {
  const QSignalBlocker block(this);
  const QString previous = currentIndex() >= 0 ? itemText(currentIndex()) : QString();
  auto* items = qobject_cast<QStandardItemModel*>(model());
  items->clear();
  QList<QStandardItem*> rows;
  rows.reserve(static_cast<qsizetype>(names.size()) + 1);
  if (!first.isEmpty()) {
    auto* all = new QStandardItem(first);
    all->setData(first, kSearchRole);
    rows << all;
  }
  for (size_t c = 0; c < names.size(); ++c) {
    const QString name = QString::fromStdString(names[c]);
    auto* item = new QStandardItem(name);
    item->setData(QStringLiteral("%1 %2").arg(c).arg(name), kSearchRole);
    rows << item;
  }
  items->invisibleRootItem()->appendRows(rows);  // one insertion for all, not one per class
  hasFirst_ = !first.isEmpty();
  const int keep = previous.isEmpty() ? -1 : findText(previous, Qt::MatchExactly);
  setCurrentIndex(keep >= 0 ? keep : (count() > 0 ? 0 : -1));
}

int ClassPicker::currentClass() const {
  const int i = currentIndex();
  return i < 0 ? -1 : i - (hasFirst_ ? 1 : 0);
}

int ClassPicker::rowFor(const QString& text) const {
  const QString wanted = text.trimmed();
  if (wanted.isEmpty()) return -1;
  const int exact = findText(wanted, Qt::MatchFixedString);  // case-insensitive, whole text
  if (exact >= 0) return exact;
  for (int r = 0; r < count(); ++r)
    if (itemData(r, kSearchRole).toString().contains(wanted, Qt::CaseInsensitive)) return r;
  return -1;
}

void ClassPicker::pickTyped() {
  const int row = rowFor(lineEdit()->text());
  if (row >= 0 && row != currentIndex()) setCurrentIndex(row);
  restoreCurrentText();
  completer()->popup()->hide();
}

void ClassPicker::restoreCurrentText() {
  const QString shown = currentIndex() >= 0 ? itemText(currentIndex()) : QString();
  if (lineEdit()->text() != shown) lineEdit()->setText(shown);
}

void ClassPicker::focusInEvent(QFocusEvent* event) {
  QComboBox::focusInEvent(event);
  // After the click that gave the focus has placed the cursor.
  if (event->reason() == Qt::MouseFocusReason) QTimer::singleShot(0, lineEdit(), &QLineEdit::selectAll);
}

void ClassPicker::focusOutEvent(QFocusEvent* event) {
  // The completer's popup takes the focus while it is open: that is still typing.
  if (event->reason() != Qt::PopupFocusReason && !completer()->popup()->isVisible()) restoreCurrentText();
  QComboBox::focusOutEvent(event);
}

bool ClassPicker::eventFilter(QObject* watched, QEvent* event) {
  if (watched == completer()->popup() && event->type() == QEvent::KeyPress) {
    const int key = static_cast<QKeyEvent*>(event)->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (enter && !completer()->popup()->currentIndex().isValid()) {
      pickTyped();
      return true;
    }
    if (key == Qt::Key_Escape) {
      completer()->popup()->hide();
      restoreCurrentText();
      return true;
    }
  }
  return QComboBox::eventFilter(watched, event);
}

}  // namespace ps::ui
