#include "base/ui_wording.h"

#include <QCoreApplication>
#include <cmath>

#include "prune/policy_registry.h"
#include "prune/prune_policy.h"
#include "store/run_kind.h"

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
  const PolicyInfo* info = findPolicy(policy);
  return info ? QCoreApplication::translate("Wording", info->term, "policy") : QString::fromStdString(policy);
}

QString pruneSpecText(const PruneSpec& spec, bool classBalanced) {
  const QString keep = QString::number(spec.keep);
  const PolicyInfo* info = findPolicy(spec.policy.name());
  const QString word = policyWord(spec.policy.name());
  QString text = info && !info->usesScore ? QCoreApplication::translate("Wording", "%1 at f = %2").arg(word, keep)
                                          : QCoreApplication::translate("Wording", "keep %1 at f = %2").arg(word, keep);
  if (spec.beta > 0 && info && info->options.beta)
    text += QCoreApplication::translate("Wording", ", hardest %1 dropped first").arg(spec.beta);
  if (classBalanced) text += classBalancedSuffix();
  return text;
}

QString runKindWord(const std::string& kind) {
  const auto k = parseRunKind(kind);
  if (!k) return QString::fromStdString(kind);
  switch (*k) {
    case RunKind::Score: return QCoreApplication::translate("Wording", "score", "run kind");
    case RunKind::Frontier: return QCoreApplication::translate("Wording", "frontier", "run kind");
    case RunKind::Scaling: return QCoreApplication::translate("Wording", "scaling", "run kind");
    case RunKind::Train: return QCoreApplication::translate("Wording", "train", "run kind");
    case RunKind::Import: return QCoreApplication::translate("Wording", "import", "run kind");
    case RunKind::Audit: return QCoreApplication::translate("Wording", "audit", "run kind");
    case RunKind::LabelCheck: return QCoreApplication::translate("Wording", "label check", "run kind");
  }
  return QString::fromStdString(kind);
}

QString runKindId(RunKind kind) { return QString::fromLatin1(runKindName(kind)); }

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
