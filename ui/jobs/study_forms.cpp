#include "jobs/study_forms.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>

#include "base/form_parts.h"
#include "base/registry_lists.h"
#include "base/score_catalog.h"
#include "base/setting_fields.h"
#include "base/ui_wording.h"
#include "data/dataset.h"
#include "jobs/slurm_form.h"
#include "jobs/training_fields.h"
#include "util/errors.h"
#include "util/text_list.h"

namespace ps::ui {

StudyForm::StudyForm(Kind kind, QWidget* parent) : QWidget(parent), kind_(kind) {
  start_ = new QPushButton(this);
  gate_ = new FieldGate(start_);
  auto* fl = new QFormLayout(this);
  addScoreRows(fl);
  addGridRows(fl);
  if (kind == Kind::Scaling) addPoolRows(fl);
  addTrainingRows(fl);
  addStartRows(fl);
}

StudyForm::~StudyForm() = default;

QSpinBox* StudyForm::epochsBox() const { return training_->epochs; }

void StudyForm::addScoreRows(QFormLayout* fl) {
  score_ = new QComboBox(this);
  rememberScoreChoice(score_);
  score_->setToolTip(tr("The cached score the study prunes by (run a scoring job first)"));
  fl->addRow(tr("Score"), score_);
  if (kind_ != Kind::Frontier) return;
  compare_ = new QListWidget(this);
  compare_->setMaximumHeight(70);
  compare_->setWordWrap(true);
  compare_->setToolTip(
      tr("Other scores of the same scoring run: their policies are trained and drawn on the "
         "same frontier"));
  fl->addRow(tr("Compare with"), compare_);
  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { fillCompareList(); });
}

// The policies (the registry's study defaults ticked), the kept fractions and the pruning's settings.
void StudyForm::addGridRows(QFormLayout* fl) {
  policies_ = new QListWidget(this);
  policies_->setObjectName(QString::fromLatin1(setting::policies.name));
  policies_->setToolTip(settingTooltip(setting::policies));
  fillPolicyList(policies_);  // ticked: the registry's study defaults, which are the declaration's
  policies_->setMaximumHeight(80);
  keeps_ = fractionsField(kind_ == Kind::Frontier ? setting::frontierKeeps : setting::scalingKeeps, this);
  balanced_ = switchField(setting::classBalanced, QString(), this);
  balanced_->setChecked(kClassBalancedByDefault);  // unbalanced keep-hard can empty an easy class of a small pool
  beta_ = realField(setting::beta, 3, this);
  strata_ = integerField(setting::strata, this);
  fl->addRow(settingLabel(setting::policies), policies_);
  fl->addRow(settingLabel(setting::frontierKeeps), gate_->add(keeps_));
  fl->addRow(QString(), balanced_);
}

void StudyForm::addPoolRows(QFormLayout* fl) {
  minSize_ = integerField(setting::minSize, this);
  steps_ = integerField(setting::steps, this);
  fl->addRow(settingLabel(setting::minSize), gate_->add(minSize_, [this](int size) { return minSizeReason(size); }));
  connect(score_, qOverload<int>(&QComboBox::currentIndexChanged), gate_, [this] { gate_->recheck(); });
  fl->addRow(settingLabel(setting::steps), steps_);
}

// The epochs and seeds in sight; the rest of the recipe, the pruning's settings, the
// budget and the test examples in the folding section.
void StudyForm::addTrainingRows(QFormLayout* fl) {
  training_ = std::make_unique<TrainingFields>(this);
  seeds_ = integerField(setting::studySeeds, this);
  budget_ = choiceField(setting::budget, budgetNames(), this);
  testLimit_ = integerField(setting::testLimit, this);
  fl->addRow(settingLabel(setting::epochs), training_->epochs);
  fl->addRow(settingLabel(setting::studySeeds), seeds_);
  QFormLayout* advanced = addFoldingSection(
      fl, tr("Training settings"), kind_ == Kind::Frontier ? QStringLiteral("frontier") : QStringLiteral("scaling"));
  advanced->addRow(settingLabel(setting::model), training_->model);
  training_->addRows(advanced);
  advanced->addRow(QString(), training_->healthChecks);
  advanced->addRow(settingLabel(setting::budget), budget_);
  advanced->addRow(settingLabel(setting::beta), beta_);
  advanced->addRow(settingLabel(setting::strata), strata_);
  if (kind_ == Kind::Scaling) {
    sizes_ = textField(setting::sizes, this);
    advanced->addRow(settingLabel(setting::sizes), sizes_);
  }
  advanced->addRow(settingLabel(setting::testLimit), gate_->add(testLimit_, [this](int n) {
    const int64_t test = dataset_ ? static_cast<int64_t>(dataset_->size(Split::Test)) : 0;
    return dataset_ && n > test ? tr("at most %1 test examples").arg(test) : QString();
  }));
}

void StudyForm::addStartRows(QFormLayout* fl) {
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

void StudyForm::fillShared(StudySettings& c) const {
  c.score = chosenScore();
  c.policies = chosenPolicies();
  c.keeps = parseDoubles(keeps_->text().toStdString(), "kept fraction");
  c.classBalanced = balanced_->isChecked();
  c.beta = beta_->value();
  c.strata = strata_->value();
  training_->fill(c.train);
  c.budget = chosen<Budget>(budget_);
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
  if (sizes_ && !splitList(sizes_->text().toStdString()).empty())
    for (double size : parseDoubles(sizes_->text().toStdString(), "size"))
      c.sizes.push_back(static_cast<int64_t>(size));
  c.validate();
  return c;
}

}  // namespace ps::ui
