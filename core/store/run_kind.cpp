#include "store/run_kind.h"

namespace ps {

std::optional<RunKind> parseRunKind(const std::string& name) {
  for (RunKind kind : {RunKind::Score, RunKind::Import, RunKind::Train, RunKind::Frontier, RunKind::Scaling,
                       RunKind::LabelCheck, RunKind::Audit})
    if (name == runKindName(kind)) return kind;
  return std::nullopt;
}

}  // namespace ps
