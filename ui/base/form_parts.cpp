#include "base/form_parts.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QWidget>
#include <algorithm>
#include <exception>

namespace ps::ui {

namespace {
// Scrolls the scrolling areas around `w` so that it shows (its top when it does not fit).
void scrollIntoView(QWidget* w) {
  for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
    auto* area = qobject_cast<QScrollArea*>(p);
    if (!area || !area->widget() || !area->widget()->isAncestorOf(w)) continue;
    const QPoint top = w->mapTo(area->widget(), QPoint(0, 0));
    const int fits = std::min(w->height(), area->viewport()->height());
    area->ensureVisible(top.x(), top.y() + fits / 2, 0, fits / 2);
  }
}
}  // namespace

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
  // Opened by the user (not as remembered), the section scrolls into view (its first rows
  // when it is taller than the form's scrolling area), once the layout has made room for it.
  QObject::connect(toggle, &QToolButton::toggled, body, [body](bool opened) {
    if (opened) QTimer::singleShot(0, body, [body] { scrollIntoView(body); });
  });
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

FieldGate::FieldGate(QPushButton* start) : QObject(start), start_(start) {}

QWidget* FieldGate::wrap(QWidget* field, std::function<QString()> check) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* why = new QLabel(row);
  why->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
  why->setWordWrap(true);
  why->hide();
  layout->addWidget(field);
  layout->addWidget(why, 1);
  fields_.push_back({field, why, std::move(check)});
  update();
  return row;
}

QWidget* FieldGate::add(QSpinBox* box, std::function<QString(int)> reason) {
  connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &FieldGate::update);
  return wrap(box, [box, reason = std::move(reason)] { return reason(box->value()); });
}

QWidget* FieldGate::add(QLineEdit* edit) {
  connect(edit, &QLineEdit::textChanged, this, &FieldGate::update);
  return wrap(edit, [edit] { return fieldValid(edit) ? QString() : edit->toolTip(); });
}

void FieldGate::setReady(bool ready) {
  ready_ = ready;
  update();
}

void FieldGate::recheck() { update(); }

void FieldGate::update() {
  bool ok = true;
  for (const Field& f : fields_) {
    const QString why = f.check();
    const bool invalid = !why.isEmpty();
    ok &= !invalid;
    f.why->setText(why);
    f.why->setVisible(invalid);
    f.field->setProperty("ps_invalid", invalid);
    if (qobject_cast<QSpinBox*>(f.field))
      f.field->setStyleSheet(invalid ? QStringLiteral("QSpinBox { background: #ffd6d6; }") : QString());
  }
  start_->setEnabled(ready_ && ok);
}

bool FieldGate::valid() const {
  return std::all_of(fields_.begin(), fields_.end(), [](const Field& f) { return f.check().isEmpty(); });
}

QString FieldGate::reason(const QWidget* field) const {
  for (const Field& f : fields_)
    if (f.field == field) return f.check();
  return {};
}

}  // namespace ps::ui
