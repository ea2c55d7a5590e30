#include "core/project/project_file.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>
#include <thread>

#include "core/common/version.h"
#include "core/project/schema.h"

namespace tb {
namespace {

using Clock = std::chrono::steady_clock;

// Waits a little, randomised so two waiting processes do not retry in lockstep.
void backoff(int attempt) {
    static thread_local std::mt19937 rng{std::random_device{}()};
    int base_ms = std::min(200, 5 << std::min(attempt, 5));
    std::uniform_int_distribution<int> jitter(base_ms / 2, base_ms);
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(rng)));
}

std::string busy_message(const std::string& path, int waited_ms) {
    return path + ": another program has been writing to this project for over " + std::to_string(waited_ms / 1000) +
           " s; wait for it to finish (or close it) and retry";
}

// Runs `attempt` until it does not throw DatabaseBusy or the time budget is spent.
template <typename Attempt>
void retry_while_busy(const std::string& path, int max_wait_ms, Attempt&& attempt) {
    auto start = Clock::now();
    for (int tries = 0;; ++tries) {
        try {
            attempt();
            return;
        } catch (const DatabaseBusy&) {
            auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            if (waited >= max_wait_ms) throw Error(busy_message(path, static_cast<int>(waited)));
            backoff(tries);
        }
    }
}

}  // namespace

std::string utc_now_iso8601() {
    auto now = std::chrono::system_clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return buffer;
}

ProjectFile::ProjectFile(sqlite3* db, std::string path, ProjectOpenOptions options)
    : db_(db), path_(std::move(path)), options_(options) {}

ProjectFile::~ProjectFile() {
    if (db_) sqlite3_close_v2(db_);
}

ProjectFile::ProjectFile(ProjectFile&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), options_(other.options_) {}

ProjectFile& ProjectFile::operator=(ProjectFile&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        options_ = other.options_;
    }
    return *this;
}

ProjectFile ProjectFile::connect(const std::string& path, bool create, const ProjectOpenOptions& options) {
    namespace fs = std::filesystem;
    std::error_code ec;
    bool exists = fs::exists(path, ec);
    if (create && exists) throw Error(path + " already exists: choose another name or open it");
    if (!create && !exists) {
        throw Error(path + ": no such project (create one with `tunebench-cli init " + path + "`)");
    }
    if (!create && fs::is_directory(path, ec)) throw Error(path + " is a folder, not a Tunebench project file");

    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    ProjectFile project(raw, path, options);  // owns raw even when the open failed
    if (rc != SQLITE_OK) {
        throw Error(path + ": cannot open (" + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ")");
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);

    try {
        // The first read of the header: fails with SQLITE_NOTADB on a non-SQLite file.
        std::int64_t application_id = 0;
        try {
            application_id = query_int64(raw, "PRAGMA application_id").value_or(0);
        } catch (const DatabaseBusy&) {
            throw;
        } catch (const Error&) {
            if ((sqlite3_errcode(raw) & 0xff) == SQLITE_NOTADB) {
                throw Error(path + " is not a Tunebench project (not an SQLite database)");
            }
            throw;
        }
        auto user_version = query_int64(raw, "PRAGMA user_version").value_or(0);
        if (!create) {
            if (application_id == 0 && user_version == 0) {
                auto tables = query_int64(raw, "SELECT count(*) FROM sqlite_master").value_or(0);
                throw Error(path + " is not a Tunebench project (" +
                            (tables ? std::string("an SQLite database of another program") : "an empty file") + ")");
            }
            if (application_id != kProjectApplicationId) {
                throw Error(path + " is not a Tunebench project (an SQLite database of another program)");
            }
        }
        exec_sql(raw, "PRAGMA foreign_keys = ON");
        exec_sql(raw, "PRAGMA synchronous = FULL");
        exec_sql(raw, "PRAGMA cache_size = -32768");  // 32 MiB of page cache
        exec_sql(raw, "PRAGMA temp_store = MEMORY");
        retry_while_busy(path, options.max_busy_wait_ms, [&] {
            Statement mode(raw, "PRAGMA journal_mode");
            if (!mode.step() || mode.column_text(0) != "wal") {
                mode = Statement(raw, "PRAGMA journal_mode = WAL");
                if (!mode.step() || mode.column_text(0) != "wal") {
                    throw Error(path + ": cannot switch the project to WAL mode (is the folder on a network drive?)");
                }
            }
        });
        if (create) {
            retry_while_busy(path, options.max_busy_wait_ms, [&] {
                exec_sql(raw, "BEGIN IMMEDIATE");
                try {
                    exec_sql(raw, "PRAGMA application_id = " + std::to_string(kProjectApplicationId));
                    exec_sql(raw, "COMMIT");
                } catch (...) {
                    sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
                    throw;
                }
            });
        }
        int target = options.schema_version ? options.schema_version : current_schema_version();
        retry_while_busy(path, options.max_busy_wait_ms, [&] { migrate(raw, path, target); });
    } catch (const DatabaseBusy&) {
        throw Error(busy_message(path, options.max_busy_wait_ms));
    } catch (const Error& e) {
        std::string message = e.what();
        if (message.find(path) == std::string::npos) message = path + ": " + message;
        throw Error(message);
    }

    if (create) {
        project.transaction([&] {
            Statement put(raw, "INSERT OR REPLACE INTO project_meta(key, value) VALUES (?, ?)");
            put.bind(1, "created_at").bind(2, utc_now_iso8601()).run();
            put.bind(1, "created_with").bind(2, "tunebench " + version_string()).run();
        });
    }
    return project;
}

ProjectFile ProjectFile::create(const std::string& path, const ProjectOpenOptions& options) {
    return connect(path, true, options);
}

ProjectFile ProjectFile::open(const std::string& path, const ProjectOpenOptions& options) {
    return connect(path, false, options);
}

int ProjectFile::schema_version() const {
    return static_cast<int>(query_int64(db_, "PRAGMA user_version").value_or(0));
}

bool ProjectFile::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void ProjectFile::run_transaction(const std::function<void()>& work) {
    if (in_transaction()) {
        work();
        return;
    }
    retry_while_busy(path_, options_.max_busy_wait_ms, [&] {
        exec_sql(db_, "BEGIN IMMEDIATE");
        try {
            work();
            exec_sql(db_, "COMMIT");
        } catch (...) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); ignore that error.
            if (in_transaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    });
}

std::optional<std::string> ProjectFile::meta(const std::string& key) const {
    Statement get(db_, "SELECT value FROM project_meta WHERE key = ?");
    get.bind(1, key);
    if (!get.step()) return std::nullopt;
    return get.column_text(0);
}

void ProjectFile::set_meta(const std::string& key, const std::string& value) {
    transaction([&] {
        Statement put(db_,
                      "INSERT INTO project_meta(key, value) VALUES (?, ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        put.bind(1, key).bind(2, value).run();
    });
}

}  // namespace tb
