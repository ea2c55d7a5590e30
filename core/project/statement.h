#pragma once
// A small RAII wrapper over one SQLite prepared statement, for every core stage that
// stores something in the project file. Errors become tb::Error with SQLite's message;
// SQLITE_BUSY becomes tb::DatabaseBusy so ProjectFile::transaction can retry the work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tb {

// Another connection holds the write lock for longer than the busy timeout. Thrown from
// inside a transaction, ProjectFile::transaction rolls back and runs the work again; it
// only reaches a caller (with an actionable message) after minutes of retries.
class DatabaseBusy : public Error {
public:
    using Error::Error;
};

// Throws tb::Error (or DatabaseBusy) naming `what` when rc is not SQLITE_OK/ROW/DONE.
void check_sqlite(sqlite3* db, int rc, std::string_view what);

// Runs one or more SQL statements without results (DDL, PRAGMA, BEGIN/COMMIT).
void exec_sql(sqlite3* db, std::string_view sql);

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);  // throws tb::Error on a syntax error
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::size_t value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // true while a row is available; false when done. Throws on error.
    bool step();
    // Steps once, expecting no row (INSERT/UPDATE/DELETE); returns sqlite3_changes().
    int run();
    // Makes the statement ready to run again; bindings are kept until rebound.
    void reset();
    void clear_bindings();

    int column_count() const;
    bool is_null(int column) const;
    std::int64_t column_int64(int column) const;
    double column_double(int column) const;
    std::string column_text(int column) const;  // "" for NULL
    std::optional<std::string> column_optional_text(int column) const;
    std::optional<std::int64_t> column_optional_int64(int column) const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

// Convenience for "SELECT one value": the first column of the first row, or nullopt.
std::optional<std::int64_t> query_int64(sqlite3* db, std::string_view sql);

}  // namespace tb
