#include "store/example_tags.h"

#include <algorithm>
#include <cctype>

#include "data/dataset.h"
#include "store/store.h"
#include "util/errors.h"

namespace ps {

const std::vector<std::string>& builtinTags() {
  static const std::vector<std::string> tags = {"mislabelled", "ambiguous", "keep", kExcludeTag};
  return tags;
}

void checkTagName(const std::string& tag) {
  const bool ok = !tag.empty() && tag.size() <= 40 && std::all_of(tag.begin(), tag.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
  if (!ok) throw ConfigError("tag '" + tag + "': expected 1 to 40 letters, digits, '-', '_' or '.' (e.g. mislabelled)");
}

std::map<int64_t, std::vector<std::string>> loadTags(const Store& store, const Dataset& ds) {
  std::map<int64_t, std::vector<std::string>> out;
  const auto rec = store.findDataset(ds.fingerprint());
  if (!rec) return out;
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  for (auto& [example, tag] : store.tags(rec->id))
    if (example >= 0 && example < n) out[example].push_back(std::move(tag));  // a damaged row is ignored
  return out;
}

void tagExamples(Store& store, const Dataset& ds, const std::vector<int64_t>& examples, const std::string& tag,
                 bool on) {
  checkTagName(tag);
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  for (int64_t e : examples)
    if (e < 0 || e >= n)
      throw ConfigError("example " + std::to_string(e) + " is outside the training split of " + ds.spec() + " (0.." +
                        std::to_string(n - 1) + ")");
  store.setTags(store.registerDataset(ds), examples, tag, on);
}

std::vector<int64_t> excludedExamples(const Store& store, const Dataset& ds) {
  std::vector<int64_t> out;
  for (const auto& [example, tags] : loadTags(store, ds))
    if (std::find(tags.begin(), tags.end(), kExcludeTag) != tags.end()) out.push_back(example);
  return out;
}

}  // namespace ps
