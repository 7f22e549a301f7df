#pragma once
// Settings: where the store lives and the interface language (the system's, English or
// Simplified Chinese). Both persist in QSettings. A new language applies when PruneScope
// starts again: the dialog says so as soon as another one is picked, in the window's
// language and in the one picked, and offerRestart offers to restart at once.
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ps::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  SettingsDialog(const QString& storePath, QWidget* parent = nullptr);
  QString storePath() const;
  QString language() const;  // "" (system), "en" or "zh_CN"
  QLineEdit* storeEdit() const { return store_; }
  QComboBox* languageBox() const { return language_; }

  QLabel* languageNote() const { return note_; }

  static QString savedLanguage();
  static void saveLanguage(const QString& language);
  // After a language change: asks whether to restart now; if so, closes every window (a
  // window may refuse: running jobs ask first) and starts PruneScope again with the same
  // arguments once the application quits. False when the user chose later, or a window
  // refused to close.
  static bool offerRestart(QWidget* parent, const QString& language);
  // `english`, a message of this dialog, in `language` ("zh_CN", "en"; "" the system's).
  static QString translatedFor(const QString& language, const char* english);

 private:
  void showLanguageNote();

  QLineEdit* store_;
  QComboBox* language_;
  QLabel* note_;
};

}  // namespace ps::ui
