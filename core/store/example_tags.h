#pragma once
// Tags a user puts on training examples, stored per dataset: the four the workbench knows
// (mislabelled, ambiguous, keep, exclude) or any short name of the user's own. Examples
// tagged "exclude" are left out of every pruned subset and export, and out of a study run
// with exclusions (recorded in its configuration).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ps {

class Store;
class Dataset;

inline const char* const kExcludeTag = "exclude";
const std::vector<std::string>& builtinTags();  // mislabelled, ambiguous, keep, exclude

// ConfigError unless `tag` is 1-40 characters of letters, digits, '-', '_' or '.'.
void checkTagName(const std::string& tag);

// The tags of `ds` in `store` (none when the dataset is not registered), by example.
std::map<int64_t, std::vector<std::string>> loadTags(const Store& store, const Dataset& ds);
// Tags `examples` of `ds` (registering the dataset): ConfigError for a bad name or an
// example outside the training split.
void tagExamples(Store& store, const Dataset& ds, const std::vector<int64_t>& examples, const std::string& tag,
                 bool on);
// The training examples tagged "exclude", sorted.
std::vector<int64_t> excludedExamples(const Store& store, const Dataset& ds);

}  // namespace ps
