#include "store/run_summary.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "store/run_kind.h"
#include "store/store.h"

namespace ps {

namespace {
// The list's values joined by ", " (strings through `term`: policy names in the reader's words).
std::string joined(const nlohmann::json& list, const Wording* term = nullptr) {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += ", ";
    out += !v.is_string() ? v.dump() : term ? term->term(v.get<std::string>()) : v.get<std::string>();
  }
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string trainPart(const nlohmann::json& t, const Wording& w) {
  std::string s = t.value("model", std::string("?")) + " · " +
                  w(PS_WORDS("Wording", "%1 epochs"), {std::to_string(t.value("epochs", 0))});
  if (t.contains("lr") && t["lr"].is_number())
    s += " · " + w(PS_WORDS("Wording", "lr %1"), {number(t["lr"].get<double>())});
  if (!t.value("health_checks", true)) s += " · " + w(PS_WORDS("Wording", "no health checks"));
  return s;
}

std::string seedsPart(const nlohmann::json& j, const Wording& w) {
  const int seeds = j.value("seeds", 1);
  return seeds == 1 ? w(PS_WORDS("Wording", "1 seed")) : w(PS_WORDS("Wording", "%1 seeds"), {std::to_string(seeds)});
}
}  // namespace

std::string describeRun(const RunRecord& run, const Wording& w) {
  try {
    const auto j = nlohmann::json::parse(run.config);
    std::string s;
    if (isRunKind(run.kind, RunKind::Score)) {
      s = joined(j.value("scores", nlohmann::json::array())) + " · " + trainPart(j, w) + " · " + seedsPart(j, w);
      if (j.value("limit", int64_t(0)) > 0)
        s += " · " + w(PS_WORDS("Wording", "first %1 examples"), {std::to_string(j.value("limit", int64_t(0)))});
    } else if (isRunKind(run.kind, RunKind::Import)) {
      s = w(PS_WORDS("Wording", "%1 from %2"), {j.value("name", std::string()), j.value("file", std::string())});
    } else if (isRunKind(run.kind, RunKind::Train)) {
      s = trainPart(j, w) + " · " +
          w(PS_WORDS("Wording", "%1 examples"), {std::to_string(j.value("subset_size", int64_t(0)))});
    } else if (isStudyRun(run.kind)) {
      const auto score = j.value("score", nlohmann::json::object());
      s = score.value("name", std::string("?"));
      if (score.contains("run"))
        s += " " + w(PS_WORDS("Wording", "(run %1)"), {std::to_string(score.value("run", int64_t(0)))});
      s += " · " + joined(j.value("policies", nlohmann::json::array()), &w) +
           " · f = " + joined(j.value("keeps", nlohmann::json::array()));
      if (j.value("class_balanced", false)) s += " · " + w(PS_WORDS("Wording", "class-balanced"));
      s += " · " + trainPart(j.value("train", nlohmann::json::object()), w) + " · " + seedsPart(j, w);
    } else if (isRunKind(run.kind, RunKind::LabelCheck)) {
      s = w(PS_WORDS("Wording", "%1 folds, cross-validated"), {std::to_string(j.value("folds", 0))}) + " · " +
          trainPart(j.value("train", nlohmann::json::object()), w) + " · " + seedsPart(j, w);
      if (j.value("limit", int64_t(0)) > 0)
        s += " · " + w(PS_WORDS("Wording", "first %1 examples"), {std::to_string(j.value("limit", int64_t(0)))});
    } else {
      return run.config.substr(0, 80);
    }
    return s;
  } catch (const nlohmann::json::exception&) {
    return run.config.substr(0, 80);
  }
}

}  // namespace ps
