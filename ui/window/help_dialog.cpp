#include "window/help_dialog.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "base/registry_lists.h"
#include "base/ui_wording.h"
#include "prune/policy_registry.h"
#include "score/score_config.h"
#include "score/score_registry.h"
#include "util/version.h"

namespace ps::ui {

namespace {

struct Help {
  Q_DECLARE_TR_FUNCTIONS(Help)
};

QString scoresTable() {
  QString html =
      QStringLiteral("<table border='1' cellspacing='0' cellpadding='4'><tr><th>%1</th><th>%2</th><th>%3</th></tr>")
          .arg(Help::tr("Score"), Help::tr("What it measures (higher = harder)"), Help::tr("Reference"));
  for (const auto& s : registeredScores())  // the papers' titles stay as they are
    html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                .arg(QString::fromStdString(s.name),
                     QString::fromStdString(scoreDescription(s.name, uiWording())).toHtmlEscaped(),
                     QString::fromStdString(s.reference).toHtmlEscaped());
  return html + QStringLiteral("</table>");
}

// One line per registered policy: its name, what it keeps and where it comes from.
QString policiesList() {
  QString html;
  for (const auto& p : registeredPolicies())
    html +=
        QStringLiteral("<li><b>%1</b> (%2): %3%4</li>")
            .arg(policyWord(p.name), QString::fromStdString(p.name), policyDescription(p).toHtmlEscaped(),
                 p.reference.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(p.reference)));
  return html;
}

QString helpHtml() {
  return QStringLiteral(
             "<h2>%1</h2>%2<h2>%3</h2><ul>%4<li>%5</li><li>%6</li><li>%7</li><li>%8</li></ul>"
             "<h2>%9</h2><ul><li>%10</li><li>%11</li><li>%12</li></ul>")
      .arg(Help::tr("Scores"), scoresTable(), Help::tr("Pruning policies"), policiesList(),
           Help::tr("Keep hard is best when data is plentiful (large α_tot): Sorscher et al. show it can beat "
                    "power-law scaling. Keep easy is best when data is scarce (small α_tot)."),
           Help::tr("Random is a strong baseline at small kept fractions."),
           Help::tr("CCS first cuts the hardest β (often mislabelled), then samples evenly across the difficulty "
                    "range."),
           Help::tr("<b>class-balanced</b>: each class keeps the same fraction f (a quota), so no class is emptied."))
      .arg(Help::tr("Pitfalls"),
           Help::tr(
               "The very hardest examples are often mislabelled: look at them in the gallery (the likely-mislabelled "
               "filter) and tag them, or cut the extreme tail (CCS β)."),
           Help::tr("Pruning by score can empty some classes: audit per class (click a frontier point) and use class "
                    "balance."),
           Help::tr(
               "EL2N is noisy from one model: average several seeds early in training (the paper: ~epoch 20 of 200 on "
               "CIFAR-10, ≥ 10 seeds)."));
}

}  // namespace

void showScoresHelp(QWidget* parent) {
  QDialog dialog(parent);
  dialog.setWindowTitle(Help::tr("Scores and policies"));
  auto* text = new QTextBrowser(&dialog);
  text->setHtml(helpHtml());
  text->setOpenExternalLinks(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(text);
  layout->addWidget(buttons);
  dialog.resize(900, 700);
  dialog.exec();
}

void showAbout(QWidget* parent) {
  QMessageBox::about(
      parent, Help::tr("About PruneScope"),
      Help::tr(
          "<h3>PruneScope %1</h3><p>A workbench for data pruning: score every training example by difficulty, "
          "look at the easiest and hardest, train on pruned subsets, and see whether pruning beats power-law "
          "scaling on your data.</p><p>After Sorscher, Geirhos, Shekhar, Ganguli, Morcos: <i>Beyond neural scaling "
          "laws: beating power law scaling via data pruning</i> (NeurIPS 2022).</p>")
          .arg(QString::fromLatin1(kVersion)));
}

}  // namespace ps::ui
