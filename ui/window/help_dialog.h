#pragma once
// Help ▸ Scores and Policies: what each difficulty score measures and where it comes
// from, what each pruning policy keeps, and the pitfalls the paper warns of; and the
// About box.
class QWidget;

namespace ps::ui {

void showScoresHelp(QWidget* parent);
void showAbout(QWidget* parent);

}  // namespace ps::ui
