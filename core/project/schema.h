#pragma once
// The project file's schema as an ordered list of migrations. PRAGMA user_version holds
// the number of steps applied; opening a project applies the missing ones, each in its
// own transaction, so a project written by an older Tunebench opens in a newer one.
// Never edit a released step: add a new one at the end.
#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace tb {

// "TnBc": written to PRAGMA application_id so other SQLite files are refused clearly.
constexpr std::int32_t kProjectApplicationId = 0x546E4263;

struct Migration {
    int version;              // user_version after this step
    std::string description;  // one line, for logs and tests
    std::string sql;          // run inside the step's transaction
};

const std::vector<Migration>& schema_migrations();
int current_schema_version();  // schema_migrations().back().version

// Applies the steps above the file's user_version, up to `target_version` (tests build
// old files with a smaller target), each inside BEGIN IMMEDIATE ... COMMIT. Safe when two
// processes open the same old file at once: the version is re-read under the write lock.
// Throws tb::Error when the file's version is newer than this build knows.
void migrate(sqlite3* db, const std::string& path, int target_version);

}  // namespace tb
