#pragma once
// The forms that start studies from the job panel: a frontier study (test error against
// kept fraction) or a scaling study (test error against training-set size), both pruning
// by a score already cached for the dataset (a frontier can compare several scores of one
// scoring run on one chart). Each form returns its settings validated by
// core (ConfigError names the bad value).
#include <QWidget>
#include <memory>

#include "study/frontier_study.h"
#include "study/scaling_study.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ps {
class Dataset;
}

namespace ps::ui {

struct ScoreCatalog;
class SlurmForm;
class FieldGate;
struct TrainingFields;

// Its fields are made from the settings' declarations (study/study_settings.h,
// prune/prune_settings.h, train/train_settings.h), each named after its setting.
class StudyForm : public QWidget {
  Q_OBJECT
 public:
  enum class Kind { Frontier, Scaling };
  explicit StudyForm(Kind kind, QWidget* parent = nullptr);
  ~StudyForm() override;

  void setCatalog(std::shared_ptr<const ScoreCatalog> catalog);
  // The open dataset: the fields that depend on it (test examples, smallest pool) are
  // checked against it as they are typed; Start is disabled while one is invalid.
  void setDataset(std::shared_ptr<const Dataset> dataset);
  FieldGate* gate() const { return gate_; }
  FrontierConfig frontierConfig() const;
  ScalingConfig scalingConfig() const;
  QComboBox* scoreBox() const { return score_; }
  QLineEdit* keepsEdit() const { return keeps_; }
  QSpinBox* epochsBox() const;
  const TrainingFields& training() const { return *training_; }  // every setting of the recipe
  QSpinBox* testLimitBox() const { return testLimit_; }
  QListWidget* policyList() const { return policies_; }
  QSpinBox* minSizeBox() const { return minSize_; }  // scaling only (else nullptr)
  // Frontier only (else nullptr): the other scores of the chosen score's run, drawn on the
  // same frontier when ticked.
  QListWidget* compareList() const { return compare_; }
  SlurmForm* runOn() const { return runOn_; }  // this computer or a Slurm cluster
  QPushButton* startButton() const { return start_; }

 signals:
  void startRequested();

 private:
  void showRunOn(bool slurm);  // the start button says where the study runs
  StudyScore chosenScore() const;
  void fillCompareList();  // the chosen run's other scores, ticks kept by name
  std::vector<std::string> chosenPolicies() const;
  void fillShared(StudySettings& c) const;  // what both studies take from the form
  // The constructor's parts: the score (and, for a frontier, the scores compared), the
  // grid and the pruning, the scaling study's pools, the recipe and the start.
  void addScoreRows(QFormLayout* fl);
  void addGridRows(QFormLayout* fl);
  void addPoolRows(QFormLayout* fl);
  void addTrainingRows(QFormLayout* fl);
  void addStartRows(QFormLayout* fl);

  QString minSizeReason(int size) const;  // empty when the smallest pool fits

  Kind kind_;
  std::shared_ptr<const ScoreCatalog> catalog_;
  std::shared_ptr<const Dataset> dataset_;
  FieldGate* gate_;
  QComboBox *score_, *budget_;
  QListWidget* policies_;
  QListWidget* compare_ = nullptr;
  QLineEdit* keeps_;
  QLineEdit* sizes_ = nullptr;
  QCheckBox* balanced_;
  QDoubleSpinBox* beta_;
  QSpinBox *strata_, *seeds_, *testLimit_, *minSize_ = nullptr, *steps_ = nullptr;
  std::unique_ptr<TrainingFields> training_;
  SlurmForm* runOn_;
  QPushButton* start_;
};

}  // namespace ps::ui
