#include "form_parts.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>
#include <QWidget>
#include <exception>

namespace ps::ui {

QFormLayout* addFoldingSection(QFormLayout* parent, const QString& title, const QString& key) {
  auto* toggle = new QToolButton;
  toggle->setText(title);
  toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  toggle->setCheckable(true);
  toggle->setAutoRaise(true);
  auto* body = new QWidget;
  auto* form = new QFormLayout(body);
  form->setContentsMargins(12, 0, 0, 0);
  const QString setting = QStringLiteral("forms/open/") + key;
  auto show = [toggle, body, setting](bool open) {
    toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    body->setVisible(open);
    QSettings().setValue(setting, open);
  };
  QObject::connect(toggle, &QToolButton::toggled, body, show);
  const bool open = QSettings().value(setting, false).toBool();
  toggle->setChecked(open);
  show(open);
  parent->addRow(toggle);
  parent->addRow(body);
  return form;
}

void checkWhileTyping(QLineEdit* edit, std::function<void(const std::string&)> check, const QString& hint) {
  edit->setToolTip(hint);
  auto run = [edit, check = std::move(check), hint](const QString& text) {
    QString error;
    try {
      check(text.toStdString());
    } catch (const std::exception& e) {
      error = QString::fromStdString(e.what());
    }
    edit->setProperty("ps_invalid", !error.isEmpty());
    edit->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #ffd6d6; }"));
    edit->setToolTip(error.isEmpty() ? hint : error);
  };
  QObject::connect(edit, &QLineEdit::textChanged, edit, run);
  run(edit->text());
}

bool fieldValid(const QLineEdit* edit) { return !edit->property("ps_invalid").toBool(); }

}  // namespace ps::ui
