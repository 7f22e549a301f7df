#include "base/registry_lists.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QListWidget>

#include "base/ui_wording.h"
#include "prune/policy_registry.h"
#include "score/score_config.h"
#include "score/score_registry.h"

namespace ps::ui {

QString policyTitle(const PolicyInfo& policy) { return QCoreApplication::translate("Policy", policy.title); }

QString policyDescription(const PolicyInfo& policy) {
  return QCoreApplication::translate("Policy", policy.description);
}

void fillPolicyCombo(QComboBox* box) {
  for (const auto& p : registeredPolicies()) {
    box->addItem(policyTitle(p), QString::fromStdString(p.name));
    box->setItemData(box->count() - 1, policyDescription(p), Qt::ToolTipRole);
  }
}

void fillPolicyList(QListWidget* list) {
  for (const auto& p : registeredPolicies()) {
    auto* item = new QListWidgetItem(policyWord(p.name), list);
    item->setData(Qt::UserRole, QString::fromStdString(p.name));
    item->setToolTip(policyDescription(p));
    item->setCheckState(p.studyDefault ? Qt::Checked : Qt::Unchecked);
  }
}

void fillScoreList(QListWidget* list) {
  for (const auto& s : registeredScores()) {
    auto* item = new QListWidgetItem(QString::fromStdString(s.name), list);
    item->setToolTip(QCoreApplication::translate("JobPanel", "%1\nTraining: %2")
                         .arg(QString::fromStdString(scoreDescription(s.name, uiWording())),
                              QString::fromStdString(scoreTrainingCost(s.name, uiWording()))));
    item->setCheckState(s.checkedInForm ? Qt::Checked : Qt::Unchecked);
  }
}

}  // namespace ps::ui
