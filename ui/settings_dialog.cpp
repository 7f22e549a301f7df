#include "settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace ps::ui {

SettingsDialog::SettingsDialog(const QString& storePath, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Settings"));
  store_ = new QLineEdit(storePath, this);
  store_->setMinimumWidth(380);
  auto* browse = new QPushButton(tr("Browse…"), this);
  language_ = new QComboBox(this);
  language_->addItem(tr("System language"), QString());
  language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language_->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
  language_->setCurrentIndex(std::max(0, language_->findData(savedLanguage())));
  auto* storeRow = new QHBoxLayout;
  storeRow->addWidget(store_, 1);
  storeRow->addWidget(browse);
  auto* note = new QLabel(tr("A new language applies the next time PruneScope starts."), this);
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Store file"), storeRow);
  form->addRow(tr("Language"), language_);
  form->addRow(note);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString file = QFileDialog::getSaveFileName(this, tr("Store file"), store_->text(),
                                                      tr("SQLite stores (*.sqlite *.db);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty()) store_->setText(file);
  });
}

QString SettingsDialog::storePath() const { return store_->text().trimmed(); }
QString SettingsDialog::language() const { return language_->currentData().toString(); }

QString SettingsDialog::savedLanguage() { return QSettings().value(QStringLiteral("ui/language")).toString(); }
void SettingsDialog::saveLanguage(const QString& language) {
  QSettings().setValue(QStringLiteral("ui/language"), language);
}

}  // namespace ps::ui
