#include "store/run_summary.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "store/store.h"

namespace ps {

namespace {
std::string joined(const nlohmann::json& list) {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? v.get<std::string>() : v.dump();
  }
  return out;
}

std::string trainPart(const nlohmann::json& t) {
  std::ostringstream s;
  s << t.value("model", std::string("?")) << " · " << t.value("epochs", 0) << " epochs";
  if (t.contains("lr") && t["lr"].is_number()) s << " · lr " << t["lr"].get<double>();
  if (!t.value("health_checks", true)) s << " · no health checks";
  return s.str();
}
}  // namespace

std::string describeRun(const RunRecord& run) {
  try {
    const auto j = nlohmann::json::parse(run.config);
    std::ostringstream s;
    if (run.kind == "score") {
      s << joined(j.value("scores", nlohmann::json::array())) << " · " << trainPart(j) << " · " << j.value("seeds", 1)
        << (j.value("seeds", 1) == 1 ? " seed" : " seeds");
      if (j.value("limit", int64_t(0)) > 0) s << " · first " << j.value("limit", int64_t(0)) << " examples";
    } else if (run.kind == "import") {
      s << j.value("name", std::string()) << " from " << j.value("file", std::string());
    } else if (run.kind == "train") {
      s << trainPart(j) << " · " << j.value("subset_size", int64_t(0)) << " examples";
    } else if (run.kind == "frontier" || run.kind == "scaling") {
      const auto score = j.value("score", nlohmann::json::object());
      s << score.value("name", std::string("?"));
      if (score.contains("run")) s << " (run " << score.value("run", int64_t(0)) << ")";
      s << " · " << joined(j.value("policies", nlohmann::json::array()))
        << " · f = " << joined(j.value("keeps", nlohmann::json::array()));
      if (j.value("class_balanced", false)) s << " · class-balanced";
      s << " · " << trainPart(j.value("train", nlohmann::json::object())) << " · " << j.value("seeds", 1)
        << (j.value("seeds", 1) == 1 ? " seed" : " seeds");
    } else {
      return run.config.substr(0, 80);
    }
    return s.str();
  } catch (const nlohmann::json::exception&) {
    return run.config.substr(0, 80);
  }
}

}  // namespace ps
