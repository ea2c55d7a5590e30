#pragma once
// The project: one SQLite file (*.tunebench) holding the examples and everything the
// pipeline adds to them. WAL journal (readers never block the writer), foreign keys on,
// synchronous=FULL (a committed transaction survives power loss), versioned schema.
// One ProjectFile per thread: open another for a worker thread.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/project/statement.h"

struct sqlite3;

namespace tb {

struct ProjectOpenOptions {
    // Tests build old project files with a smaller value; 0 means the current schema.
    int schema_version = 0;
    // How long one SQLite call waits for another process's write lock.
    int busy_timeout_ms = 5000;
    // How long transaction() keeps retrying before giving up with an actionable error.
    int max_busy_wait_ms = 10 * 60 * 1000;
};

class ProjectFile {
public:
    // Creates a new, empty project; throws tb::Error if `path` exists or cannot be written.
    static ProjectFile create(const std::string& path, const ProjectOpenOptions& options = {});
    // Opens an existing project and upgrades an older schema. Throws tb::Error when the file
    // is missing, is not a Tunebench project, or was written by a newer Tunebench.
    static ProjectFile open(const std::string& path, const ProjectOpenOptions& options = {});

    ~ProjectFile();
    ProjectFile(ProjectFile&& other) noexcept;
    ProjectFile& operator=(ProjectFile&& other) noexcept;
    ProjectFile(const ProjectFile&) = delete;
    ProjectFile& operator=(const ProjectFile&) = delete;

    const std::string& path() const { return path_; }
    // Raw handle for other core stages' SQL; prefer Statement over sqlite3_* calls.
    sqlite3* handle() const { return db_; }
    Statement prepare(std::string_view sql) const { return Statement(db_, sql); }
    void exec(std::string_view sql) const { exec_sql(db_, sql); }
    int schema_version() const;
    bool in_transaction() const;

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT: all of it is stored or none of it.
    // An exception from `work` rolls back and propagates. When another process holds the
    // write lock, waits and retries (rolling back and running `work` again if the lock
    // was lost mid-way, so `work` must only change the database and its own locals), so
    // "database is locked" never reaches the user. Called inside a transaction, `work`
    // simply joins the outer one.
    template <typename Work>
    auto transaction(Work&& work) -> std::invoke_result_t<Work&> {
        using Result = std::invoke_result_t<Work&>;
        if constexpr (std::is_void_v<Result>) {
            run_transaction([&] { work(); });
        } else {
            std::optional<Result> result;
            run_transaction([&] { result.emplace(work()); });
            return std::move(*result);
        }
    }

    // Key/value project settings (project_meta). Writes are their own transaction.
    std::optional<std::string> meta(const std::string& key) const;
    void set_meta(const std::string& key, const std::string& value);

private:
    ProjectFile(sqlite3* db, std::string path, ProjectOpenOptions options);
    void run_transaction(const std::function<void()>& work);
    static ProjectFile connect(const std::string& path, bool create, const ProjectOpenOptions& options);

    sqlite3* db_ = nullptr;
    std::string path_;
    ProjectOpenOptions options_;
};

// Current UTC time as stored in the project: "2026-11-28T15:53:59.123Z".
std::string utc_now_iso8601();

}  // namespace tb
