#pragma once
// Settings: where the store lives and the interface language (the system's, English or
// Simplified Chinese; a change applies at the next start). Both persist in QSettings.
#include <QDialog>

class QComboBox;
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

  static QString savedLanguage();
  static void saveLanguage(const QString& language);

 private:
  QLineEdit* store_;
  QComboBox* language_;
};

}  // namespace ps::ui
