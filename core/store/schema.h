#pragma once
// The store's schema as a list of forward migrations. PRAGMA user_version holds the
// number of migrations applied; opening a store applies the missing ones, each in its
// own transaction.
#include <string>
#include <vector>

namespace ps {

class SqliteDb;

const std::vector<std::string>& schemaMigrations();
int currentSchemaVersion();

// Applies migrations until user_version == target (tests use it to build old stores).
// Throws StoreError when the file's version is newer than this build knows.
void migrateSchema(SqliteDb& db, int target);

}  // namespace ps
