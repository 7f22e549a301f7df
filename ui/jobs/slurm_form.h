#pragma once
// "Run on: this computer | Slurm cluster" for the scoring and study forms, with the
// cluster's settings (partition, GPUs and CPUs per task, time limit, account, array
// throttle, the shared folder and the prunescope-cli the nodes run), remembered in the
// settings and shared by every form. Where sbatch is not on the PATH the Slurm choice is
// disabled and says why. Each field is checked while typing by core's own parsing.
#include <QString>
#include <QWidget>

#include "cluster/slurm_script.h"

class QLabel;
class QLineEdit;
class QRadioButton;

namespace ps::ui {

struct SlurmRequest;

class SlurmForm : public QWidget {
  Q_OBJECT
 public:
  explicit SlurmForm(QWidget* parent = nullptr);

  // Empty when sbatch is on the PATH, else why the Slurm choice is off (translated).
  static QString unavailableReason();

  bool slurmChosen() const;  // and available
  // The options as typed, validated by core (ConfigError names the bad value); `cli` is
  // the field's, else prunescope-cli beside this program or on the PATH.
  SlurmOptions options() const;
  // The folder the plans go to (empty: next to the store, in slurm/).
  QString folder() const;
  // How often a submitted array is polled (settings: slurm/pollSeconds, default 5 s).
  static int pollMs();
  // A submission of a `kind` job for the store at `storePath`: the options, and a new
  // plan folder (kind and time) in folder(). ConfigError names a bad value.
  SlurmRequest request(const QString& kind, const QString& storePath) const;

  QRadioButton* localChoice() const { return local_; }
  QRadioButton* slurmChoice() const { return slurm_; }
  QLabel* reasonLabel() const { return reason_; }
  QLineEdit* partitionEdit() const { return partition_; }
  QLineEdit* gpusEdit() const { return gpus_; }
  QLineEdit* cpusEdit() const { return cpus_; }
  QLineEdit* timeEdit() const { return time_; }
  QLineEdit* accountEdit() const { return account_; }
  QLineEdit* throttleEdit() const { return throttle_; }
  QLineEdit* folderEdit() const { return folder_; }
  QLineEdit* cliEdit() const { return cli_; }

 signals:
  void runOnChanged(bool slurm);

 protected:
  void showEvent(QShowEvent* event) override;  // another form may have changed the settings

 private:
  void buildFields();
  void layOutDetails();
  void layOutForm();
  QLineEdit* addField(const QString& key, const QString& placeholder, const QString& hint);
  void load();
  SlurmOptionText text() const;

  QRadioButton *local_, *slurm_;
  QLabel* reason_;
  QWidget* details_;
  QLineEdit *partition_, *gpus_, *cpus_, *time_, *account_, *throttle_, *folder_, *cli_;
  bool loading_ = false;
  bool available_ = false;  // sbatch on the PATH when last looked
};

}  // namespace ps::ui
