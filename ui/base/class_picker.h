#pragma once
// A class picker that stays usable with a thousand classes: a combo box whose field
// filters as you type. Typing part of a class's name or its id ("tench", "n0144", "17")
// lists the classes that contain it; Enter or a click picks one, Escape or leaving the
// field puts back the class picked before. Item 0 may be an entry for "every class"
// (setClasses' `first`), so currentIndex() - 1 is the class id as with a plain combo box.
#include <QComboBox>
#include <string>
#include <vector>

namespace ps::ui {

class ClassPicker : public QComboBox {
  Q_OBJECT
 public:
  explicit ClassPicker(QWidget* parent = nullptr);

  // Lists `names` (class id = position) after the entry `first` (none when empty). The
  // current choice is kept when its text is still listed, else item 0. Emits no signal.
  void setClasses(const std::vector<std::string>& names, const QString& first);
  // The class picked (-1: the first entry, or nothing).
  int currentClass() const;
  // The row typing `text` picks on Enter: the entry with exactly that text, else the first
  // whose name or id contains it (-1: none).
  int rowFor(const QString& text) const;
  // The role the completer searches: "17 n01440764 tench" (id, then name).
  static constexpr int kSearchRole = Qt::UserRole + 40;

 protected:
  void focusInEvent(QFocusEvent* event) override;  // selects the text: typing replaces it
  void focusOutEvent(QFocusEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void pickTyped();           // Enter: rowFor(the text), else the field is put back
  void restoreCurrentText();  // the field shows the current entry again
  bool hasFirst_ = false;     // item 0 is the "every class" entry
};

}  // namespace ps::ui
