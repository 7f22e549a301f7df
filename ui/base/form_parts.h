#pragma once
// Pieces the forms share: a section that folds away (advanced settings), a text field
// checked while it is typed in (marked at the field, with the reason as its tooltip), and
// a gate that checks fields against the open dataset as they are typed (red, the reason
// beside them) and keeps the form's Start button disabled while one is invalid.
#include <QObject>
#include <QString>
#include <functional>
#include <string>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QWidget;

namespace ps::ui {

// Where the studies and the gallery's pruning start: class-balanced, so a subset exported
// from the gallery is the one a study with the same policy and f evaluated.
inline constexpr bool kClassBalancedByDefault = true;

// A "▸ title" toggle and, under it, a form that is hidden until the toggle opens it (its
// state remembered in the settings under `key`). Returns the form to add rows to.
QFormLayout* addFoldingSection(QFormLayout* parent, const QString& title, const QString& key);

// Calls `check` on every edit of `edit`; when it throws, the field turns red and its
// tooltip says why, until the text is valid again. `hint` is the tooltip when valid.
void checkWhileTyping(QLineEdit* edit, std::function<void(const std::string&)> check, const QString& hint);
bool fieldValid(const QLineEdit* edit);  // as last checked

// Fields whose valid values depend on the open dataset (an examples limit, a pool size),
// checked as they are typed: an invalid one turns red with the reason shown beside it,
// and `start` is disabled while any field is invalid or the gate is not ready (no dataset).
class FieldGate : public QObject {
 public:
  explicit FieldGate(QPushButton* start);
  // `reason(value)` says why the value is refused, empty when it is fine. Returns the
  // widget to put in the form: the box, with its reason beside it.
  QWidget* add(QSpinBox* box, std::function<QString(int)> reason);
  // A field checked by checkWhileTyping: its reason (the tooltip) shows beside it too.
  QWidget* add(QLineEdit* edit);
  void setReady(bool ready);
  void recheck();  // the dataset (or what a check reads) changed
  bool valid() const;
  // The reason shown beside `field` (empty when valid).
  QString reason(const QWidget* field) const;

 private:
  struct Field {
    QWidget* field;
    QLabel* why;
    std::function<QString()> check;
  };
  QWidget* wrap(QWidget* field, std::function<QString()> check);
  void update();
  QPushButton* start_;
  std::vector<Field> fields_;
  bool ready_ = true;
};

}  // namespace ps::ui
