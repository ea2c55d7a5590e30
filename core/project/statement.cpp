#include "core/project/statement.h"

#include <sqlite3.h>

#include <utility>

namespace tb {

void check_sqlite(sqlite3* db, int rc, std::string_view what) {
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw DatabaseBusy(message);
    if (primary == SQLITE_NOTADB) throw Error(std::string(what) + ": not a Tunebench project (not an SQLite file)");
    if (primary == SQLITE_CORRUPT) throw Error(message + " (the project file is damaged; restore it from a backup)");
    if (primary == SQLITE_FULL) throw Error(message + " (the disk is full; free space and retry)");
    if (primary == SQLITE_READONLY) throw Error(message + " (the project file is read-only)");
    throw Error(message);
}

void exec_sql(sqlite3* db, std::string_view sql) {
    char* err = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        int primary = rc & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw DatabaseBusy(message);
        check_sqlite(db, rc, "SQL failed");
        throw Error(message);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqlite3_errmsg(db);
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        int primary = rc & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw DatabaseBusy(message);
        throw Error("cannot prepare SQL (" + message + "): " + std::string(sql.substr(0, 200)));
    }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check_sqlite(db_, sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_sqlite(db_, sqlite3_bind_double(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check_sqlite(db_, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
                 "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_sqlite(db_, sqlite3_bind_null(stmt_, index), "bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset so the statement can be retried after a busy error; keep the error code first.
    try {
        check_sqlite(db_, rc, "SQL step failed");
    } catch (...) {
        sqlite3_reset(stmt_);
        throw;
    }
    return false;
}

int Statement::run() {
    while (step()) {
    }
    int changes = sqlite3_changes(db_);
    sqlite3_reset(stmt_);
    return changes;
}

void Statement::reset() { sqlite3_reset(stmt_); }
void Statement::clear_bindings() { sqlite3_clear_bindings(stmt_); }

int Statement::column_count() const { return sqlite3_column_count(stmt_); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::column_text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int64(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_int64(column);
}

std::optional<std::int64_t> query_int64(sqlite3* db, std::string_view sql) {
    Statement statement(db, sql);
    if (!statement.step() || statement.is_null(0)) return std::nullopt;
    return statement.column_int64(0);
}

}  // namespace tb
