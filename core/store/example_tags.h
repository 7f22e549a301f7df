#pragma once
// Tags a user puts on training examples, stored per dataset: the four the workbench knows
// (mislabelled, ambiguous, keep, exclude) or any short name of the user's own. Examples
// tagged "exclude" are left out of every pruned subset and export, and out of a study run
// with exclusions (recorded in its configuration). "keep" and "exclude" exclude each
// other: adding one takes the other off the same examples, in the same transaction.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ps {

class Store;
class Dataset;

inline const char* const kExcludeTag = "exclude";
inline const char* const kKeepTag = "keep";

using ExampleTags = std::map<int64_t, std::vector<std::string>>;  // example → its tags, sorted
const std::vector<std::string>& builtinTags();                    // mislabelled, ambiguous, keep, exclude

// ConfigError unless `tag` is 1-40 characters of letters, digits, '-', '_' or '.'.
void checkTagName(const std::string& tag);

// The tags of `ds` in `store` (none when the dataset is not registered), by example.
ExampleTags loadTags(const Store& store, const Dataset& ds);
// The tags of `examples` as the store holds them now: every one listed, with an empty list
// when it has none (what an undo restores).
ExampleTags tagsOf(const Store& store, const Dataset& ds, const std::vector<int64_t>& examples);
// Tags `examples` of `ds` (registering the dataset): ConfigError for a bad name or an
// example outside the training split. Adding "keep" removes "exclude" and the other way
// round (one transaction).
void tagExamples(Store& store, const Dataset& ds, const std::vector<int64_t>& examples, const std::string& tag,
                 bool on);
// Gives each listed example exactly the tags `wanted` lists for it (an undo or redo), in
// one transaction; the same checks as tagExamples.
void setExactTags(Store& store, const Dataset& ds, const ExampleTags& wanted);
// The training examples tagged "exclude", sorted.
std::vector<int64_t> excludedExamples(const Store& store, const Dataset& ds);

}  // namespace ps
