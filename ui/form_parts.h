#pragma once
// Pieces the forms share: a section that folds away (advanced settings), and a text field
// checked while it is typed in (marked at the field, with the reason as its tooltip).
#include <QString>
#include <functional>
#include <string>

class QFormLayout;
class QLineEdit;
class QWidget;

namespace ps::ui {

// A "▸ title" toggle and, under it, a form that is hidden until the toggle opens it (its
// state remembered in the settings under `key`). Returns the form to add rows to.
QFormLayout* addFoldingSection(QFormLayout* parent, const QString& title, const QString& key);

// Calls `check` on every edit of `edit`; when it throws, the field turns red and its
// tooltip says why, until the text is valid again. `hint` is the tooltip when valid.
void checkWhileTyping(QLineEdit* edit, std::function<void(const std::string&)> check, const QString& hint);
bool fieldValid(const QLineEdit* edit);  // as last checked

}  // namespace ps::ui
