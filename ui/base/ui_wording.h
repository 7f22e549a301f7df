#pragma once
// Core's sentences and policy names in the GUI's language: core builds its sentences from
// templates (util/wording.h), and these hand it the templates' translations (context
// "Wording" in translations/*.ts) and the policies' names. Identifiers stay as they are in
// files and the CLI; only what the window shows is translated.
#include <QString>
#include <string>

#include "study/curve_fits.h"
#include "util/wording.h"

namespace ps {
struct PruneSpec;
enum class RunKind;
}  // namespace ps

namespace ps::ui {

const Wording& uiWording();  // safe to use from any thread

// A policy's name in a sentence: "hard" → "hard" (困难样本 in Chinese), ...
QString policyWord(const std::string& policy);
// A pruned subset in words: "keep hard at f = 0.3" (", class-balanced" when it is).
QString pruneSpecText(const PruneSpec& spec, bool classBalanced);
QString classBalancedSuffix();  // ", class-balanced"
// A run's kind in the window's words ("score", "frontier", "scaling", "train", "import", ...).
QString runKindWord(const std::string& kind);
// A kind's stored text (store/run_kind.h) as the window's jobs carry it: "score", ...
QString runKindId(RunKind kind);
// A fitted curve's family: "power law", "exponential", "broken power law".
QString curveModelWord(CurveModel model);
// A duration in the window's words: "1h02m", "3m05s", "12s" (1 小时 02 分, 3 分 05 秒, 12 秒);
// "?" when negative or not finite. The CLI and files keep core's formatDuration.
QString durationWord(double seconds);
// A sentence or fit from core as the window shows it: core writes ASCII for the CLI and
// its files ("0.413 +- 0.055"), the window the sign itself ("0.413 ± 0.055").
QString coreText(const std::string& text);

}  // namespace ps::ui
