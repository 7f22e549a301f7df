#include "jobs/slurm_form.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <algorithm>

#include "base/form_parts.h"
#include "jobs/slurm_array_job.h"
#include "util/errors.h"

namespace ps::ui {

namespace {
const QString kPrefix = QStringLiteral("slurm/");

// prunescope-cli beside this program (an installed or built tree), else on the PATH.
QString defaultCli() {
  QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/prunescope-cli");
  if (QFileInfo(beside).isExecutable()) return beside;
  return QStandardPaths::findExecutable(QStringLiteral("prunescope-cli"));
}

// One option checked alone, with core's parsing and messages.
void checkOne(std::string SlurmOptionText::*member, const std::string& value) {
  SlurmOptionText t;
  t.*member = value;
  parseSlurmOptions(t);
}
}  // namespace

SlurmForm::SlurmForm(QWidget* parent) : QWidget(parent) {
  buildFields();
  layOutDetails();
  layOutForm();
  load();
}

// The choice of where to run, and the fields of the Slurm options, each checked while typed.
void SlurmForm::buildFields() {
  local_ = new QRadioButton(tr("this computer"), this);
  slurm_ = new QRadioButton(tr("Slurm cluster"), this);
  auto* group = new QButtonGroup(this);
  group->addButton(local_);
  group->addButton(slurm_);
  reason_ = new QLabel(this);
  reason_->setObjectName(QStringLiteral("slurmUnavailable"));
  reason_->setStyleSheet(QStringLiteral("color: palette(mid);"));
  details_ = new QWidget(this);
  partition_ = addField(QStringLiteral("partition"), tr("default"), tr("Slurm partition (empty: the default one)"));
  account_ = addField(QStringLiteral("account"), tr("none"), tr("Slurm account to charge (empty: your default)"));
  gpus_ = addField(QStringLiteral("gpusPerTask"), QStringLiteral("0"), tr("GPUs per task (0: none)"));
  cpus_ = addField(QStringLiteral("cpusPerTask"), tr("default"), tr("CPU cores per task: its training threads"));
  time_ = addField(QStringLiteral("time"), QStringLiteral("HH:MM:SS"),
                   tr("Time limit of one task, HH:MM:SS or D-HH:MM:SS (empty: the partition's default)"));
  throttle_ = addField(QStringLiteral("throttle"), tr("no limit"), tr("At most this many tasks of the array at once"));
  folder_ = addField(QStringLiteral("folder"), tr("next to the store, in slurm/"),
                     tr("A folder every node sees: the plan, its scripts, the shards and the logs go there"));
  cli_ = addField(QStringLiteral("cli"), defaultCli(), tr("prunescope-cli as the nodes run it"));
  const std::pair<QLineEdit*, std::string SlurmOptionText::*> checked[] = {
      {partition_, &SlurmOptionText::partition}, {account_, &SlurmOptionText::account},
      {gpus_, &SlurmOptionText::gpusPerTask},    {cpus_, &SlurmOptionText::cpusPerTask},
      {time_, &SlurmOptionText::time},           {throttle_, &SlurmOptionText::throttle}};
  for (const auto& [edit, member] : checked)
    checkWhileTyping(
        edit, [member = member](const std::string& v) { checkOne(member, v); }, edit->toolTip());
  for (QLineEdit* e : {gpus_, cpus_, throttle_}) e->setMaximumWidth(70);
}

// The options two by two in a grid; the plan folder and the program in a folding section.
void SlurmForm::layOutDetails() {
  auto* grid = new QGridLayout;
  const std::pair<QString, QLineEdit*> cells[] = {{tr("Partition"), partition_}, {tr("Account"), account_},
                                                  {tr("GPUs / task"), gpus_},    {tr("CPUs / task"), cpus_},
                                                  {tr("Time limit"), time_},     {tr("Throttle"), throttle_}};
  for (int i = 0; i < static_cast<int>(std::size(cells)); ++i) {
    grid->addWidget(new QLabel(cells[i].first, details_), i / 2, (i % 2) * 2);
    grid->addWidget(cells[i].second, i / 2, (i % 2) * 2 + 1);
  }
  grid->setColumnStretch(1, 1);
  grid->setColumnStretch(3, 1);
  auto* dl = new QFormLayout(details_);
  dl->setContentsMargins(0, 0, 0, 0);
  dl->addRow(grid);
  // Their defaults (next to the store; the prunescope-cli beside this program) mostly do.
  QFormLayout* more = addFoldingSection(dl, tr("Plan folder and program"), QStringLiteral("slurm"));
  more->addRow(tr("Folder"), folder_);
  more->addRow(tr("prunescope-cli"), cli_);
}

void SlurmForm::layOutForm() {
  auto* choice = new QHBoxLayout;
  choice->addWidget(new QLabel(tr("Run on"), this));
  choice->addWidget(local_);
  choice->addWidget(slurm_);
  choice->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(choice);
  layout->addWidget(reason_);
  layout->addWidget(details_);
  connect(slurm_, &QRadioButton::toggled, this, [this](bool on) {
    details_->setVisible(on);
    if (!loading_) QSettings().setValue(kPrefix + QStringLiteral("runOn"), on ? "slurm" : "local");
    emit runOnChanged(on);
  });
}

QLineEdit* SlurmForm::addField(const QString& key, const QString& placeholder, const QString& hint) {
  auto* edit = new QLineEdit(this);
  edit->setObjectName(QStringLiteral("slurm_") + key);
  edit->setPlaceholderText(placeholder);
  edit->setToolTip(hint);
  connect(edit, &QLineEdit::textChanged, this, [this, key](const QString& text) {
    if (!loading_) QSettings().setValue(kPrefix + key, text);
  });
  return edit;
}

void SlurmForm::load() {
  loading_ = true;
  QSettings s;
  for (auto [edit, key] : {std::pair{partition_, "partition"}, std::pair{account_, "account"},
                           std::pair{gpus_, "gpusPerTask"}, std::pair{cpus_, "cpusPerTask"}, std::pair{time_, "time"},
                           std::pair{throttle_, "throttle"}, std::pair{folder_, "folder"}, std::pair{cli_, "cli"}}) {
    const QString v = s.value(kPrefix + QLatin1String(key)).toString();
    if (edit->text() != v) edit->setText(v);
  }
  const QString reason = unavailableReason();
  available_ = reason.isEmpty();
  slurm_->setEnabled(available_);
  slurm_->setToolTip(reason.isEmpty() ? tr("Submit the work as a Slurm job array, one task per seed or study point, "
                                           "and merge the results into the store when it is done")
                                      : reason);
  reason_->setText(reason);
  reason_->setVisible(!reason.isEmpty());
  const bool slurm = reason.isEmpty() && s.value(kPrefix + QStringLiteral("runOn")).toString() == "slurm";
  (slurm ? slurm_ : local_)->setChecked(true);
  details_->setVisible(slurm);
  loading_ = false;
}

void SlurmForm::showEvent(QShowEvent* event) {
  load();
  QWidget::showEvent(event);
}

QString SlurmForm::unavailableReason() {
  return QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty() ? tr("sbatch not found on PATH")
                                                                            : QString();
}

bool SlurmForm::slurmChosen() const { return available_ && slurm_->isChecked(); }

SlurmOptionText SlurmForm::text() const {
  SlurmOptionText t;
  t.partition = partition_->text().toStdString();
  t.account = account_->text().toStdString();
  t.time = time_->text().toStdString();
  t.gpusPerTask = gpus_->text().toStdString();
  t.cpusPerTask = cpus_->text().toStdString();
  t.throttle = throttle_->text().toStdString();
  t.cli = cli_->text().trimmed().isEmpty() ? defaultCli().toStdString() : cli_->text().trimmed().toStdString();
  return t;
}

SlurmOptions SlurmForm::options() const {
  SlurmOptions o = parseSlurmOptions(text());
  if (o.cli.empty() || !QFileInfo(QString::fromStdString(o.cli)).isExecutable())
    throw ConfigError(tr("prunescope-cli '%1' is not a program: give the path the nodes run it from")
                          .arg(QString::fromStdString(o.cli))
                          .toStdString());
  return o;
}

QString SlurmForm::folder() const { return folder_->text().trimmed(); }

int SlurmForm::pollMs() {
  const double s = QSettings().value(kPrefix + QStringLiteral("pollSeconds"), 5.0).toDouble();
  return static_cast<int>(std::clamp(s, 0.2, 600.0) * 1000);
}

}  // namespace ps::ui

namespace ps::ui {

SlurmRequest SlurmForm::request(const QString& kind, const QString& storePath) const {
  SlurmRequest r;
  r.options = options();
  const QString base = folder().isEmpty() ? QFileInfo(storePath).absolutePath() + QStringLiteral("/slurm") : folder();
  r.dir = QDir(base).absoluteFilePath(kind + QLatin1Char('-') +
                                      QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
  r.pollMs = pollMs();
  return r;
}

}  // namespace ps::ui
