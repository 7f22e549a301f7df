#include "jobs/study_forms.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

#include "base/form_parts.h"
#include "base/score_catalog.h"
#include "base/ui_wording.h"
#include "data/dataset.h"
#include "jobs/slurm_form.h"
#include "model/model_names.h"
#include "util/errors.h"
#include "util/text_list.h"

namespace ps::ui {

// NOLINTNEXTLINE(readability-function-size): builds the form's widgets and rows, one statement each
StudyForm::StudyForm(Kind kind, QWidget* parent) : QWidget(parent), kind_(kind) {
  score_ = new QComboBox(this);
  rememberScoreChoice(score_);
  score_->setToolTip(tr("The cached score the study prunes by (run a scoring job first)"));
  policies_ = new QListWidget(this);
  for (const char* p : {"hard", "easy", "random", "ccs", "robust", "group-balanced"}) {
    auto* item = new QListWidgetItem(policyWord(p), policies_);
    item->setData(Qt::UserRole, QString::fromLatin1(p));
    const bool byDefault = std::string(p) == "hard" || std::string(p) == "easy" || std::string(p) == "random";
    item->setCheckState(byDefault ? Qt::Checked : Qt::Unchecked);
  }
  policies_->setMaximumHeight(80);
  keeps_ =
      new QLineEdit(kind == Kind::Frontier ? QStringLiteral("0.2, 0.4, 0.6, 0.8, 1") : QStringLiteral("0.5, 1"), this);
  balanced_ = new QCheckBox(tr("class-balanced"), this);
  balanced_->setChecked(kClassBalancedByDefault);  // unbalanced keep-hard can empty an easy class of a small pool
  model_ = new QComboBox(this);
  for (const auto& m : builtinModelNames()) model_->addItem(QString::fromStdString(m));
  epochs_ = new QSpinBox(this);
  epochs_->setRange(1, 1000);
  epochs_->setValue(4);
  seeds_ = new QSpinBox(this);
  seeds_->setRange(1, 20);
  seeds_->setValue(1);
  testLimit_ = new QSpinBox(this);
  testLimit_->setRange(0, 100000000);
  testLimit_->setSpecialValueText(tr("all"));
  testLimit_->setToolTip(tr("Evaluate on the first N test examples"));
  checkWhileTyping(
      keeps_,
      [](const std::string& text) {
        const std::vector<double> keeps = parseDoubles(text, "kept fraction");
        if (keeps.empty()) throw ConfigError("no kept fraction given");
        for (size_t i = 0; i < keeps.size(); ++i) {
          if (!(keeps[i] > 0 && keeps[i] <= 1))
            throw ConfigError("kept fraction " + std::to_string(keeps[i]) + " is outside (0, 1]");
          if (i > 0 && keeps[i] <= keeps[i - 1]) throw ConfigError("kept fractions must be ascending");
        }
      },
      tr("Kept fractions f, ascending, each in (0, 1]"));
  start_ = new QPushButton(this);
  gate_ = new FieldGate(start_);
  auto* fl = new QFormLayout(this);
  fl->addRow(tr("Score"), score_);
  if (kind == Kind::Frontier) {
    compare_ = new QListWidget(this);
    compare_->setMaximumHeight(70);
    compare_->setWordWrap(true);
    compare_->setToolTip(
        tr("Other scores of the same scoring run: their policies are trained and drawn on the "
           "same frontier"));
    fl->addRow(tr("Compare with"), compare_);
    connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { fillCompareList(); });
  }
  fl->addRow(tr("Policies"), policies_);
  fl->addRow(tr("Kept fractions"), gate_->add(keeps_));
  fl->addRow(QString(), balanced_);
  if (kind == Kind::Scaling) {
    minSize_ = new QSpinBox(this);
    minSize_->setRange(1, 100000000);
    minSize_->setValue(1000);
    minSize_->setToolTip(tr("Smallest pool of training examples; pools grow geometrically to all scored examples"));
    steps_ = new QSpinBox(this);
    steps_->setRange(2, 20);
    steps_->setValue(4);
    fl->addRow(tr("Smallest pool"), gate_->add(minSize_, [this](int size) { return minSizeReason(size); }));
    connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), gate_, [this] { gate_->recheck(); });
    fl->addRow(tr("Pool sizes"), steps_);
  }
  fl->addRow(tr("Epochs"), epochs_);
  fl->addRow(tr("Seeds"), seeds_);
  QFormLayout* advanced = addFoldingSection(
      fl, tr("Training settings"), kind == Kind::Frontier ? QStringLiteral("frontier") : QStringLiteral("scaling"));
  advanced->addRow(tr("Model"), model_);
  advanced->addRow(tr("Test examples"), gate_->add(testLimit_, [this](int n) {
    const int64_t test = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Test)) : 0;
    return dataset_ && n > test ? tr("at most %1 test examples").arg(test) : QString();
  }));
  runOn_ = new SlurmForm(this);
  fl->addRow(runOn_);
  fl->addRow(start_);
  connect(runOn_, &SlurmForm::runOnChanged, this, &StudyForm::showRunOn);
  showRunOn(runOn_->slurmChosen());
  connect(start_, &QPushButton::clicked, this, &StudyForm::startRequested);
}

void StudyForm::showRunOn(bool slurm) {
  if (kind_ == Kind::Frontier)
    start_->setText(slurm ? tr("Submit frontier study to Slurm") : tr("Start frontier study"));
  else
    start_->setText(slurm ? tr("Submit scaling study to Slurm") : tr("Start scaling study"));
}

void StudyForm::setCatalog(std::shared_ptr<const ScoreCatalog> catalog) {
  catalog_ = std::move(catalog);
  fillScoreBox(score_, catalog_.get());
  fillCompareList();
  gate_->recheck();
}

void StudyForm::setDataset(std::shared_ptr<const Dataset> dataset) {
  dataset_ = std::move(dataset);
  gate_->setReady(dataset_ != nullptr);
}

QString StudyForm::minSizeReason(int size) const {
  if (!dataset_) return {};
  auto scored = static_cast<int64_t>(dataset_->size(Split::Train));
  const int k = score_->currentIndex();
  if (catalog_ && k >= 0 && static_cast<size_t>(k) < catalog_->entries.size())
    scored = static_cast<int64_t>(catalog_->run(static_cast<size_t>(k)).indices.size());
  return size > scored ? tr("at most %1 scored examples").arg(scored) : QString();
}

void StudyForm::fillCompareList() {
  if (!compare_) return;
  QStringList ticked;
  for (int i = 0; i < compare_->count(); ++i)
    if (compare_->item(i)->checkState() == Qt::Checked) ticked << compare_->item(i)->text();
  compare_->clear();
  const int k = score_->currentIndex();
  if (!catalog_ || k < 0 || static_cast<size_t>(k) >= catalog_->entries.size()) return;
  const std::string chosen = catalog_->name(static_cast<size_t>(k));
  for (const auto& name : catalog_->run(static_cast<size_t>(k)).names) {
    if (name == chosen) continue;
    auto* item = new QListWidgetItem(QString::fromStdString(name), compare_);
    item->setCheckState(ticked.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
  }
  if (compare_->count() == 0) {  // said, not an empty box
    auto* none = new QListWidgetItem(tr("none: no other score in that run"), compare_);
    none->setFlags(Qt::NoItemFlags);
  }
}

StudyScore StudyForm::chosenScore() const {
  const int k = score_->currentIndex();
  if (!catalog_ || k < 0 || static_cast<size_t>(k) >= catalog_->entries.size())
    throw ConfigError("no cached score to prune by: run a scoring job on this dataset first");
  StudyScore s;
  s.runId = catalog_->run(static_cast<size_t>(k)).runId;
  s.name = catalog_->name(static_cast<size_t>(k));
  return s;
}

std::vector<std::string> StudyForm::chosenPolicies() const {
  std::vector<std::string> out;
  for (int i = 0; i < policies_->count(); ++i)
    if (policies_->item(i)->checkState() == Qt::Checked)
      out.push_back(policies_->item(i)->data(Qt::UserRole).toString().toStdString());
  if (out.empty()) throw ConfigError("no policy selected: tick at least one of hard, easy, random, ccs");
  return out;
}

template <typename Config>
void StudyForm::fillShared(Config& c) const {
  c.score = chosenScore();
  c.policies = chosenPolicies();
  c.keeps = parseDoubles(keeps_->text().toStdString(), "kept fraction");
  c.classBalanced = balanced_->isChecked();
  c.train.model = model_->currentText().toStdString();
  c.train.epochs = epochs_->value();
  c.seeds = seeds_->value();
  c.testLimit = testLimit_->value();
}

FrontierConfig StudyForm::frontierConfig() const {
  FrontierConfig c;
  fillShared(c);
  for (int i = 0; compare_ && i < compare_->count(); ++i)
    if (compare_->item(i)->checkState() == Qt::Checked) c.moreScores.push_back(compare_->item(i)->text().toStdString());
  c.validate();
  return c;
}

ScalingConfig StudyForm::scalingConfig() const {
  ScalingConfig c;
  fillShared(c);
  if (minSize_) c.minSize = minSize_->value();
  if (steps_) c.steps = steps_->value();
  c.validate();
  return c;
}

}  // namespace ps::ui
