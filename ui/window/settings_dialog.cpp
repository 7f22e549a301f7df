#include "window/settings_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTranslator>

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
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  showLanguageNote();
  connect(language_, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::showLanguageNote);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* form = new QFormLayout(this);
  form->addRow(tr("Store file"), storeRow);
  form->addRow(tr("Language"), language_);
  form->addRow(note_);
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

namespace {
const char* const kRestartNote =
    QT_TRANSLATE_NOOP("ps::ui::SettingsDialog", "A new language applies the next time PruneScope starts.");
}  // namespace

QString SettingsDialog::translatedFor(const QString& language, const char* english) {
  QTranslator translator;
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  if (!translator.load(locale, QStringLiteral("prunescope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    return QString::fromUtf8(english);
  const QString text = translator.translate("ps::ui::SettingsDialog", english);
  return text.isEmpty() ? QString::fromUtf8(english) : text;
}

// Another language picked: the note says, in bold, that it applies after a restart, in the
// window's words and, when they differ, in the new language's too.
void SettingsDialog::showLanguageNote() {
  const QString here = tr(kRestartNote);
  if (language() == savedLanguage()) {
    note_->setText(here);
    return;
  }
  const QString there = translatedFor(language(), kRestartNote);
  note_->setText(
      QStringLiteral("<b>%1</b>")
          .arg(here.toHtmlEscaped() + (there == here ? QString() : QStringLiteral("<br>") + there.toHtmlEscaped())));
}

bool SettingsDialog::offerRestart(QWidget* parent, const QString& language) {
  QMessageBox box(QMessageBox::Question, tr("Language"),
                  tr("The new language applies when PruneScope starts again. Restart now?"), QMessageBox::NoButton,
                  parent);
  const QString there = translatedFor(language, "Restart now");
  QPushButton* now = box.addButton(
      there == tr("Restart now") ? there : tr("Restart now") + QStringLiteral(" / ") + there, QMessageBox::AcceptRole);
  box.addButton(tr("Later"), QMessageBox::RejectRole);
  box.setDefaultButton(now);
  box.exec();
  if (box.clickedButton() != now) return false;
  // Started once the application quits: if a window refuses to close (jobs running, and
  // the user keeps them), nothing is started.
  const QString program = QCoreApplication::applicationFilePath();
  const QStringList arguments = QCoreApplication::arguments().mid(1);
  const auto restart = QObject::connect(qApp, &QCoreApplication::aboutToQuit, qApp,
                                        [program, arguments] { QProcess::startDetached(program, arguments); });
  QApplication::closeAllWindows();
  for (QWidget* w : QApplication::topLevelWidgets())
    if (w->isVisible() && w->isWindow() && !qobject_cast<QMenu*>(w)) {
      QObject::disconnect(restart);
      return false;
    }
  return true;
}

QString SettingsDialog::storePath() const { return store_->text().trimmed(); }
QString SettingsDialog::language() const { return language_->currentData().toString(); }

QString SettingsDialog::savedLanguage() { return QSettings().value(QStringLiteral("ui/language")).toString(); }
void SettingsDialog::saveLanguage(const QString& language) {
  QSettings().setValue(QStringLiteral("ui/language"), language);
}

}  // namespace ps::ui
