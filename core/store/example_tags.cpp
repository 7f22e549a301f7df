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

ExampleTags loadTags(const Store& store, const Dataset& ds) {
  ExampleTags out;
  const auto rec = store.findDataset(ds.fingerprint());
  if (!rec) return out;
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  for (auto& [example, tag] : store.tags(rec->id))
    if (example >= 0 && example < n) out[example].push_back(std::move(tag));  // a damaged row is ignored
  return out;
}

ExampleTags tagsOf(const Store& store, const Dataset& ds, const std::vector<int64_t>& examples) {
  ExampleTags all = loadTags(store, ds);
  ExampleTags out;
  for (int64_t e : examples) {
    const auto it = all.find(e);
    out[e] = it == all.end() ? std::vector<std::string>{} : it->second;
  }
  return out;
}

namespace {
void checkExamples(const Dataset& ds, const std::vector<int64_t>& examples) {
  const auto n = static_cast<int64_t>(ds.size(Split::Train));
  for (int64_t e : examples)
    if (e < 0 || e >= n)
      throw ConfigError("example " + std::to_string(e) + " is outside the training split of " + ds.spec() + " (0.." +
                        std::to_string(n - 1) + ")");
}
}  // namespace

void tagExamples(Store& store, const Dataset& ds, const std::vector<int64_t>& examples, const std::string& tag,
                 bool on) {
  checkTagName(tag);
  checkExamples(ds, examples);
  const int64_t id = store.registerDataset(ds);
  Store::Transaction t(store);
  store.setTags(id, examples, tag, on);
  // An example is kept or excluded, never both.
  if (on && tag == kKeepTag) store.setTags(id, examples, kExcludeTag, false);
  if (on && tag == kExcludeTag) store.setTags(id, examples, kKeepTag, false);
  t.commit();
}

void setExactTags(Store& store, const Dataset& ds, const ExampleTags& wanted) {
  std::vector<int64_t> examples;
  for (const auto& [e, tags] : wanted) {
    examples.push_back(e);
    for (const auto& tag : tags) checkTagName(tag);
  }
  checkExamples(ds, examples);
  const int64_t id = store.registerDataset(ds);
  Store::Transaction t(store);
  const ExampleTags now = tagsOf(store, ds, examples);
  std::map<std::string, std::vector<int64_t>> add, remove;  // one statement per tag
  for (const auto& [e, tags] : wanted) {
    const auto& current = now.at(e);
    for (const auto& tag : tags)
      if (std::find(current.begin(), current.end(), tag) == current.end()) add[tag].push_back(e);
    for (const auto& tag : current)
      if (std::find(tags.begin(), tags.end(), tag) == tags.end()) remove[tag].push_back(e);
  }
  for (const auto& [tag, es] : remove) store.setTags(id, es, tag, false);
  for (const auto& [tag, es] : add) store.setTags(id, es, tag, true);
  t.commit();
}

std::vector<int64_t> excludedExamples(const Store& store, const Dataset& ds) {
  std::vector<int64_t> out;
  for (const auto& [example, tags] : loadTags(store, ds))
    if (std::find(tags.begin(), tags.end(), kExcludeTag) != tags.end()) out.push_back(example);
  return out;
}

}  // namespace ps
