#include "base/ui_wording.h"

#include <QCoreApplication>
#include <cmath>

#include "prune/prune_policy.h"

namespace ps::ui {

namespace {

class TranslatedWording : public Wording {
 public:
  std::string lookup(const char* english) const override {
    return QCoreApplication::translate("Wording", english).toStdString();
  }
  std::string term(const std::string& identifier) const override { return policyWord(identifier).toStdString(); }
};

}  // namespace

const Wording& uiWording() {
  static const TranslatedWording wording;
  return wording;
}

QString policyWord(const std::string& policy) {
  if (policy == "hard") return QCoreApplication::translate("Wording", "hard", "policy");
  if (policy == "easy") return QCoreApplication::translate("Wording", "easy", "policy");
  if (policy == "random") return QCoreApplication::translate("Wording", "random", "policy");
  if (policy == "ccs") return QCoreApplication::translate("Wording", "CCS", "policy");
  if (policy == "robust") return QCoreApplication::translate("Wording", "robust (DRoP)", "policy");
  if (policy == "group-balanced") return QCoreApplication::translate("Wording", "group-balanced", "policy");
  return QString::fromStdString(policy);
}

QString pruneSpecText(const PruneSpec& spec, bool classBalanced) {
  const QString keep = QString::number(spec.keep);
  QString text =
      !policyUsesScore(spec.policy)
          ? QCoreApplication::translate("Wording", "%1 at f = %2").arg(policyWord(prunePolicyName(spec.policy)), keep)
          : QCoreApplication::translate("Wording", "keep %1 at f = %2")
                .arg(policyWord(prunePolicyName(spec.policy)), keep);
  if (spec.beta > 0 && (spec.policy == PrunePolicy::KeepHard || spec.policy == PrunePolicy::Ccs))
    text += QCoreApplication::translate("Wording", ", hardest %1 dropped first").arg(spec.beta);
  if (classBalanced) text += classBalancedSuffix();
  return text;
}

QString runKindWord(const std::string& kind) {
  if (kind == "score") return QCoreApplication::translate("Wording", "score", "run kind");
  if (kind == "frontier") return QCoreApplication::translate("Wording", "frontier", "run kind");
  if (kind == "scaling") return QCoreApplication::translate("Wording", "scaling", "run kind");
  if (kind == "train") return QCoreApplication::translate("Wording", "train", "run kind");
  if (kind == "import") return QCoreApplication::translate("Wording", "import", "run kind");
  if (kind == "audit") return QCoreApplication::translate("Wording", "audit", "run kind");
  if (kind == "label_check") return QCoreApplication::translate("Wording", "label check", "run kind");
  return QString::fromStdString(kind);
}

QString curveModelWord(CurveModel model) {
  switch (model) {
    case CurveModel::PowerLaw: return QCoreApplication::translate("Wording", "power law");
    case CurveModel::Exponential: return QCoreApplication::translate("Wording", "exponential");
    case CurveModel::BrokenPowerLaw: return QCoreApplication::translate("Wording", "broken power law");
  }
  return QString::fromLatin1(curveModelName(model));
}

QString classBalancedSuffix() { return QCoreApplication::translate("Wording", ", class-balanced"); }

QString coreText(const std::string& text) {
  return QString::fromStdString(text).replace(QLatin1String("+-"), QStringLiteral("±"));
}

QString durationWord(double seconds) {
  if (seconds < 0 || !std::isfinite(seconds)) return QStringLiteral("?");
  const long s = std::lround(seconds);
  const auto two = [](long v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
  if (s >= 3600)
    return QCoreApplication::translate("Wording", "%1h%2m", "duration").arg(s / 3600).arg(two((s % 3600) / 60));
  if (s >= 60) return QCoreApplication::translate("Wording", "%1m%2s", "duration").arg(s / 60).arg(two(s % 60));
  return QCoreApplication::translate("Wording", "%1s", "duration").arg(s);
}

}  // namespace ps::ui
