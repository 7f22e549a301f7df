#pragma once
// The window's lists of policies and scores, filled from their registries
// (prune/policy_registry.h, score/score_registry.h): a policy or score registered there
// shows up in the gallery, the forms and the help without other edits. Each item's data
// (Qt::UserRole) is the identifier; what it shows is translated (contexts "Policy" and
// "Wording").
#include <QString>

class QComboBox;
class QListWidget;

namespace ps {
struct PolicyInfo;
}

namespace ps::ui {

// A menu's entry of a policy: "keep hardest" (its title), and its one-line description.
QString policyTitle(const PolicyInfo& policy);
QString policyDescription(const PolicyInfo& policy);
// The policies that need only a score and labels (no group labels, no held-out model),
// as entries of a menu (the gallery's), each with its description as tooltip.
void fillPolicyCombo(QComboBox* box);
// The same as checkable items (a study form's), those a study runs by default checked.
void fillPolicyList(QListWidget* list);
// Every registered score as checkable items (the scoring form's), each with its
// description as tooltip, those the form starts with checked.
void fillScoreList(QListWidget* list);

}  // namespace ps::ui
